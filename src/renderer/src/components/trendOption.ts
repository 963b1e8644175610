/**
 * The trend chart's echarts option, apart from the component so that its layout can be checked
 * by rendering it (test/renderer/trendOption.test.ts). echarts is imported piece by piece (core,
 * two chart types, three components, a renderer) so the rest of it stays out of the bundle.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption
} from 'echarts/components'
import { use, type ComposeOption } from 'echarts/core'
import type { TrendPoint } from '../api/types'

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent])

export type TrendOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

type Figure = Exclude<keyof TrendPoint, 'year'>

/** What is drawn, in legend order: request figures as bars, the smaller counts as lines. */
export const FIGURES: readonly { key: Figure; name: string; type: 'bar' | 'line' }[] = [
  { key: 'newRequests', name: '新收申请', type: 'bar' },
  { key: 'published', name: '予以公开', type: 'bar' },
  { key: 'reviews', name: '行政复议', type: 'line' },
  { key: 'lawsuits', name: '行政诉讼', type: 'line' },
  { key: 'normativeIssued', name: '行政规范性文件', type: 'line' }
]

/** Axis names, as printed above each axis. */
export const AXIS_NAMES = ['申请（件）', '复议、诉讼、文件（件）'] as const

/** Muted tones that read in grey print; the accent red stays for the app's own actions. */
const COLORS = ['#5470c6', '#91cc75', '#ee6666', '#fac858', '#73c0de']

/** The chart for a series of points, oldest year first. */
export function buildTrendOption(data: readonly TrendPoint[]): TrendOption {
  const years = data.map((p) => `${p.year}年`)
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // The axis names sit above the axes, wider than the axis labels: `containLabel` alone leaves
    // them out and the canvas edge cuts them. The grid shrinks until labels and names fit.
    grid: { left: 8, right: 8, top: 56, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: { type: 'category', data: years },
    // Requests run to dozens or hundreds, reviews and lawsuits to a handful: on one scale the lines
    // would lie flat on the axis. Lines get their own scale, on the right. Each name runs inwards
    // from its axis, over the plot, instead of being centred on the axis line at the edge.
    yAxis: [
      { type: 'value', minInterval: 1, name: AXIS_NAMES[0], nameTextStyle: { align: 'left' } },
      {
        type: 'value',
        minInterval: 1,
        name: AXIS_NAMES[1],
        nameTextStyle: { align: 'right' },
        splitLine: { show: false }
      }
    ],
    series: FIGURES.map(({ key, name, type }) => {
      // echarts leaves '-' out: a gap in a line, no bar.
      const values = data.map((p) => p[key] ?? '-')
      return type === 'bar'
        ? { type, name, data: values, barMaxWidth: 28, yAxisIndex: 0 }
        : { type, name, data: values, connectNulls: false, symbolSize: 7, yAxisIndex: 1 }
    })
  }
}
