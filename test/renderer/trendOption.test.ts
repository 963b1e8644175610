/**
 * The trend chart's layout, rendered by echarts itself (server-side SVG, no canvas needed): every
 * axis name is drawn whole inside the chart, at the width of the library view and narrower.
 */
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { describe, expect, it } from 'vitest'
import type { TrendPoint } from '../../src/renderer/src/api/types'
import { AXIS_NAMES, buildTrendOption } from '../../src/renderer/src/components/trendOption'

use([SVGRenderer])

const TREND: TrendPoint[] = [
  { year: 2016, newRequests: null, published: null, reviews: null, lawsuits: null, normativeIssued: null },
  { year: 2017, newRequests: 7, published: 7, reviews: 1, lawsuits: 0, normativeIssued: 1 }
]

/** The horizontal extent of each drawn text, as echarts measured and placed it. */
function textExtents(width: number): Map<string, { left: number; right: number }> {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height: 260 })
  chart.setOption(buildTrendOption(TREND))
  const extents = new Map<string, { left: number; right: number }>()
  for (const element of chart.getZr().storage.getDisplayList(true)) {
    const text: unknown = element.style?.text
    if (typeof text !== 'string') continue
    const box = element.getBoundingRect().clone()
    box.applyTransform(element.getComputedTransform())
    extents.set(text, { left: box.x, right: box.x + box.width })
  }
  chart.dispose()
  return extents
}

describe('trend chart layout', () => {
  it.each([940, 600])('draws both axis names whole inside a %i px wide chart', (width) => {
    const extents = textExtents(width)
    for (const name of AXIS_NAMES) {
      const extent = extents.get(name)
      expect(extent, name).toBeDefined()
      expect(extent!.left, name).toBeGreaterThanOrEqual(0)
      expect(extent!.right, name).toBeLessThanOrEqual(width)
    }
  })
})
