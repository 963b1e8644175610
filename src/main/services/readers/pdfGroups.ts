/**
 * Merged group labels of a PDF table (三、本年度办理结果, （三）不予公开): how many rows each spans.
 */
import type { Line } from './pdfLines'
import type { Fragment } from './pdfStacks'

export interface Group {
  fragments: Fragment[]
  x0: number
  x1: number
  /** Value rows the group spans, top-down. Starts as the rows its text lies beside. */
  rows: Line[]
}

/**
 * Group labels span more rows than their text covers (三、本年度办理结果 over 22 rows, its text
 * over 5). In one label column, the rows without a label of their own in that column form runs,
 * and the groups of a run share it out: contiguous spans, each holding the rows its text lies
 * beside, the run tiled completely, and each group's text as near the middle of its span as can
 * be (a merged cell centres its text). A small dynamic programme over the split points finds that.
 */
export function assignGroupSpans(
  groups: Group[],
  ordered: readonly Line[],
  labelledIn: (line: Line, x0: number, x1: number) => boolean
): void {
  const columns: Group[][] = []
  for (const g of [...groups].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) => Math.abs(c[0]!.x0 - g.x0) <= 6)
    if (column) column.push(g)
    else columns.push([g])
  }
  for (const column of columns) {
    const x0 = Math.min(...column.map((g) => g.x0))
    const x1 = Math.max(...column.map((g) => g.x1))
    const free = ordered.map((line) => !labelledIn(line, x0, x1))
    const members = column
      .map((g) => ({ g, first: ordered.indexOf(g.rows[0]!), last: ordered.indexOf(g.rows.at(-1)!), centre: centreY(g) }))
      .sort((a, b) => a.first - b.first)
    let i = 0
    while (i < members.length) {
      // The run around this group: free rows up and down from it.
      let start = members[i]!.first
      while (start > 0 && free[start - 1]) start -= 1
      let end = members[i]!.last
      while (end < ordered.length - 1 && free[end + 1]) end += 1
      const run: typeof members = []
      while (i < members.length && members[i]!.first <= end) run.push(members[i++]!)
      splitRun(run, start, end, ordered)
    }
  }
}

function centreY(g: Group): number {
  const ys = g.fragments.map((f) => f.y)
  return (Math.max(...ys) + Math.min(...ys)) / 2
}

function splitRun(
  run: readonly { g: Group; first: number; last: number; centre: number }[],
  start: number,
  end: number,
  ordered: readonly Line[]
): void {
  const cost = (k: number, from: number, to: number) =>
    Math.abs((ordered[from]!.y + ordered[to]!.y) / 2 - run[k]!.centre)
  // best[k][s]: least cost of groups k.. when group k starts at row s; choice[k][s]: where k+1 starts.
  const m = run.length
  const best: number[][] = run.map(() => [])
  const choice: number[][] = run.map(() => [])
  for (let k = m - 1; k >= 0; k -= 1) {
    const lowStart = k === 0 ? start : run[k - 1]!.last + 1
    for (let s = lowStart; s <= (k === 0 ? start : run[k]!.first); s += 1) {
      if (k === m - 1) {
        best[k]![s] = cost(k, s, end)
        continue
      }
      let bestCost = Infinity
      let bestNext = run[k + 1]!.first
      for (let next = run[k]!.last + 1; next <= run[k + 1]!.first; next += 1) {
        const c = cost(k, s, next - 1) + (best[k + 1]![next] ?? Infinity)
        if (c < bestCost) {
          bestCost = c
          bestNext = next
        }
      }
      best[k]![s] = bestCost
      choice[k]![s] = bestNext
    }
  }
  let s = start
  run.forEach((member, k) => {
    const next = k === m - 1 ? end + 1 : (choice[k]![s] ?? run[k + 1]!.first)
    member.g.rows = ordered.slice(s, next)
    s = next
  })
}
