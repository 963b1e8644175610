/**
 * The year-over-year chart. happy-dom has no canvas, so echarts' init is replaced by a recorder:
 * the test checks the option the chart is given, and that the chart is resized and disposed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { TrendPoint } from '../../src/renderer/src/api/types'
import TrendChart from '../../src/renderer/src/components/TrendChart.vue'
import { UNIT, bodyText, byTestId, fakeLibrary, mountView, settle, unmountViews } from './views-fakes'

const chart = vi.hoisted(() => ({
  setOption: vi.fn(),
  resize: vi.fn(),
  dispose: vi.fn()
}))

vi.mock('echarts/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('echarts/core')>()),
  init: vi.fn(() => chart)
}))

beforeEach(() => {
  chart.setOption.mockClear()
  chart.resize.mockClear()
  chart.dispose.mockClear()
})

afterEach(unmountViews)

const TREND: TrendPoint[] = [
  { year: 2024, newRequests: 18, published: 9, reviews: 1, lawsuits: 0, normativeIssued: 2 },
  { year: 2016, newRequests: 12, published: 7, reviews: null, lawsuits: null, normativeIssued: null },
  { year: 2025, newRequests: 25, published: 11, reviews: 2, lawsuits: 1, normativeIssued: 3 }
]

interface SeriesOption {
  name: string
  type: string
  data: (number | string)[]
}

describe('TrendChart', () => {
  it('draws the unit’s figures across the years, blanks as gaps', async () => {
    const library = fakeLibrary(undefined, TREND)
    mountView(TrendChart, { props: { unit: UNIT }, clients: { library } })
    await settle()
    expect(library.trend).toHaveBeenCalledWith(UNIT)
    const { init } = await import('echarts/core')
    expect(init).toHaveBeenCalledWith(byTestId('trend-chart'))
    expect(chart.setOption).toHaveBeenCalledTimes(1)
    const option = chart.setOption.mock.calls[0]![0] as { xAxis: { data: string[] }; series: SeriesOption[] }
    expect(option.xAxis.data).toEqual(['2016年', '2024年', '2025年'])
    expect(option.series.map((s) => s.name)).toEqual(['新收申请', '予以公开', '行政复议', '行政诉讼', '行政规范性文件'])
    expect(option.series[0]!.data).toEqual([12, 18, 25])
    // 2016 had no 表四: a gap ('-'), not a 0.
    expect(option.series[3]!.data).toEqual(['-', 0, 1])
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'bar', 'line', 'line', 'line'])
  })

  it('disposes of the chart when it goes away', async () => {
    const { wrapper } = mountView(TrendChart, { props: { unit: UNIT }, clients: { library: fakeLibrary(undefined, TREND) } })
    await settle()
    wrapper.unmount()
    await nextTick()
    expect(chart.dispose).toHaveBeenCalledTimes(1)
  })

  it('says so when the library has no figures for the unit', async () => {
    const empty: TrendPoint[] = [{ year: 2025, newRequests: null, published: null, reviews: null, lawsuits: null, normativeIssued: null }]
    mountView(TrendChart, { props: { unit: UNIT }, clients: { library: fakeLibrary(undefined, empty) } })
    await settle()
    expect(chart.setOption).not.toHaveBeenCalled()
    expect(bodyText()).toContain('还没有该单位填有数据的年度报告')
  })
})
