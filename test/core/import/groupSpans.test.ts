/**
 * Group labels spanning merged cells: the unlabelled rows of a label column shared out between its
 * groups, each label's text near the middle of its span — whatever the page's coordinates are.
 */
import { describe, expect, it } from 'vitest'
import { assignGroupSpans, type SpanGeometry } from '@core/import/groupSpans'

interface G {
  name: string
  x0: number
  centre: number
  rows: number[]
}
const rows = Array.from({ length: 10 }, (_, i) => i)
const geometry = (labelled: readonly number[] = []): SpanGeometry<G, number> => ({
  left: (g) => g.x0,
  right: (g) => g.x0 + 40,
  sameColumn: (a, b) => Math.abs(a.x0 - b.x0) < 5,
  centre: (g) => g.centre,
  y: (row) => row * 10,
  labelledIn: (row) => labelled.includes(row)
})

describe('assignGroupSpans', () => {
  it('tiles a run of unlabelled rows between the groups, each text centred in its span', () => {
    const a: G = { name: '三、本年度办理结果', x0: 0, centre: 15, rows: [1, 2] }
    const b: G = { name: '四、结转下年度继续办理', x0: 2, centre: 65, rows: [6] }
    assignGroupSpans([b, a], rows, geometry())
    expect(a.rows).toEqual([0, 1, 2, 3])
    expect(b.rows).toEqual([4, 5, 6, 7, 8, 9])
  })
  it('stops a span at a row labelled in its column, and keeps columns apart', () => {
    const outer: G = { name: '（三）不予公开', x0: 0, centre: 20, rows: [2] }
    const inner: G = { name: '其他', x0: 100, centre: 70, rows: [7] }
    assignGroupSpans([outer, inner], rows, geometry([5]))
    expect(outer.rows).toEqual([0, 1, 2, 3, 4])
    expect(inner.rows).toEqual([6, 7, 8, 9])
  })
})
