/**
 * Merged group labels of a PDF table (三、本年度办理结果, （三）不予公开): how many rows each spans.
 */
import { assignGroupSpans } from '@core/import/groupSpans'
import type { Line } from './pdfLines'
import type { Fragment } from './pdfStacks'

export interface Group {
  fragments: Fragment[]
  x0: number
  x1: number
  /** Value rows the group spans, top-down. Starts as the rows its text lies beside. */
  rows: Line[]
}

/** Shares the unlabelled rows of each label column out between its groups (see core's assignGroupSpans). */
export function assignPdfGroupSpans(groups: Group[], ordered: readonly Line[], labelledIn: (line: Line, x0: number, x1: number) => boolean): void {
  assignGroupSpans(groups, ordered, {
    left: (g) => g.x0,
    right: (g) => g.x1,
    // Text of one PDF column starts at one left edge, give or take a few points.
    sameColumn: (a, b) => Math.abs(a.x0 - b.x0) <= 6,
    centre: (g) => {
      const ys = g.fragments.map((f) => f.y)
      return (Math.max(...ys) + Math.min(...ys)) / 2
    },
    y: (line) => line.y,
    labelledIn
  })
}
