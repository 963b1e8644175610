/**
 * Merged group labels of a table read from geometry (a PDF's text layer, an OCR'd page): how many
 * value rows each spans. A group label spans more rows than its text covers (三、本年度办理结果
 * over 22 rows, its text over 5). In one label column, the rows without a label of their own there
 * form runs, and the groups of a run share it out: contiguous spans, each holding the rows its text
 * lies beside, the run tiled completely, and each group's text as near the middle of its span as
 * can be (a merged cell centres its text). A small dynamic programme over the split points finds that.
 */

/** How the caller's groups and rows are placed on the page. */
export interface SpanGeometry<G, L> {
  /** Left and right edges of a group's label text. */
  left(group: G): number
  right(group: G): number
  /** Whether two groups' labels stand in one label column. */
  sameColumn(a: G, b: G): boolean
  /** Vertical middle of a group's label text, on the rows' scale. */
  centre(group: G): number
  /** Vertical position of a row. */
  y(row: L): number
  /** Whether a row has a label of its own between x0 and x1. */
  labelledIn(row: L, x0: number, x1: number): boolean
}

/**
 * Sets each group's `rows` (at first the rows its text lies beside, top-down in `ordered`) to the
 * span it heads.
 */
export function assignGroupSpans<L, G extends { rows: L[] }>(groups: readonly G[], ordered: readonly L[], geometry: SpanGeometry<G, L>): void {
  const columns: G[][] = []
  for (const g of [...groups].sort((a, b) => geometry.left(a) - geometry.left(b))) {
    const column = columns.find((c) => geometry.sameColumn(c[0]!, g))
    if (column) column.push(g)
    else columns.push([g])
  }
  for (const column of columns) {
    const x0 = Math.min(...column.map(geometry.left))
    const x1 = Math.max(...column.map(geometry.right))
    const free = ordered.map((row) => !geometry.labelledIn(row, x0, x1))
    const members = column
      .map((g) => ({ g, first: ordered.indexOf(g.rows[0]!), last: ordered.indexOf(g.rows.at(-1)!), centre: geometry.centre(g) }))
      .sort((a, b) => a.first - b.first)
    let i = 0
    while (i < members.length) {
      // The run around this group: free rows up and down from it.
      let start = members[i]!.first
      while (start > 0 && free[start - 1]) start -= 1
      let end = members[i]!.last
      while (end < ordered.length - 1 && free[end + 1]) end += 1
      const run: Member<G>[] = []
      while (i < members.length && members[i]!.first <= end) run.push(members[i++]!)
      splitRun(run, start, end, ordered.map(geometry.y))
      run.forEach((member) => (member.g.rows = ordered.slice(member.from, Math.max(member.from! + 1, member.to!))))
    }
  }
}

interface Member<G> {
  g: G
  first: number
  last: number
  centre: number
  from?: number
  to?: number
}

/** Sets `from`/`to` of each member of a run of rows start..end (groups never overlap: a later one starts after the earlier one's own rows). */
function splitRun<G>(run: Member<G>[], start: number, end: number, ys: readonly number[]): void {
  const cost = (k: number, from: number, to: number) => Math.abs((ys[from]! + ys[to]!) / 2 - run[k]!.centre)
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
    member.from = s
    member.to = next
    s = next
  })
}
