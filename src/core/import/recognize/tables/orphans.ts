/**
 * Rows of figures whose label was lost or could not be read — a transcription that dropped the
 * label cells, a PDF row whose wrapped label came apart, a misprint past recognition. They are
 * never discarded. They are placed by what the table itself says:
 *
 *  - by order and arithmetic: unlabelled rows between two recognised rows fill the empty rows
 *    between them in the official order when their numbers match, each row's total holding, and
 *    every column identity (R1, R3) that can be checked holding afterwards — 25 rows of 7 figures
 *    whose sums all hold are 表三 whatever their headers said;
 *  - by arithmetic alone: a row that fits exactly one empty row exactly (the column identities
 *    leave that row's figures and no other), its label fragment not saying otherwise;
 *  - otherwise offered as a suggestion for each empty row it fits, for the officer to apply.
 *
 * Every value placed this way is flagged, with how it was placed.
 */
import { BALANCES, cellId, leaves, LABEL_SEPARATOR, type CellId } from '../../../report/cells'
import { TABLE_3, TABLE_4, type TableId } from '../../../report/tables'
import type { Suggestion, ValueSource } from '../../types'
import type { Backing } from '../../certainty'
import { editDistance } from './labelMatcher'
import { normalizeLabel, stripNumbering } from './normalize'

export interface Orphan {
  /** Position among the readings, to find its labelled neighbours. */
  order: number
  /** The label as printed (may be empty or a fragment). */
  label: string
  /** The row's figures, in column order (one candidate per way they may be read). */
  candidates: number[][]
  source: ValueSource
}

export interface OrphanPlacement {
  cell: CellId
  value: number
  backing: Backing
  note: string
  source: ValueSource
}

export interface OrphanResult {
  placed: OrphanPlacement[]
  suggestions: Suggestion[]
  warnings: string[]
}

interface TableShape {
  table: TableId
  name: string
  rows: readonly { key: string; path: readonly string[] }[]
  columns: readonly string[]
}

const shapeOf = (table: typeof TABLE_3 | typeof TABLE_4, name: string): TableShape => ({
  table: table.id,
  name,
  rows: leaves(table.rows).map((l) => ({ key: l.node.key, path: l.path.map((n) => n.label) })),
  columns: leaves(table.columns).map((l) => l.node.key)
})

export const ORPHAN_TABLES: Readonly<Record<'t3' | 't4', TableShape>> = {
  t3: shapeOf(TABLE_3, '表三'),
  t4: shapeOf(TABLE_4, '表四')
}

const BALANCE_BY_CELL = new Map<CellId, typeof BALANCES>()
for (const b of BALANCES) for (const id of [...b.left, ...b.right]) BALANCE_BY_CELL.set(id, [...(BALANCE_BY_CELL.get(id) ?? []), b])

/** Labels of rows are this alike to count as a fragment of one another. */
const FRAGMENT_SCORE = 0.45

/** How well a printed fragment names a row: 0 (nothing to go by) … 1; -1 when its number says another row. */
function fragmentScore(label: string, path: readonly string[]): number {
  const printed = normalizeLabel(label)
  if (!printed) return 0
  const own = normalizeLabel(path.at(-1)!)
  const number = /^(\d{1,2})\./.exec(printed)?.[1]
  const ownNumber = /^(\d{1,2})\./.exec(own)?.[1]
  if (number && ownNumber && number !== ownNumber) return -1
  const words = stripNumbering(printed)
  const target = stripNumbering(own)
  if (!words) return number && number === ownNumber ? 0.3 : 0
  if (target.includes(words) || words.includes(target)) return 1
  const distance = editDistance(words, target)
  return Math.max(0, 1 - distance / Math.max(words.length, target.length))
}

export function placeOrphans(
  which: 't3' | 't4',
  orphans: readonly Orphan[],
  /** Labelled rows by reading position, for the neighbours. */
  labelled: readonly { order: number; key: string }[],
  known: ReadonlyMap<CellId, number>,
  /** Cells printed blank (accounted for): their rows are not empty rows to fill. */
  printedBlank: ReadonlySet<CellId>
): OrphanResult {
  const shape = ORPHAN_TABLES[which]
  const result: OrphanResult = { placed: [], suggestions: [], warnings: [] }
  if (orphans.length === 0) return result
  const values = new Map(known)
  const rowIndex = new Map(shape.rows.map((r, i) => [r.key, i]))
  const cellsOf = (key: string) => shape.columns.map((c) => cellId(shape.table, key, c))
  const isEmpty = (key: string) => cellsOf(key).every((id) => !values.has(id) && !printedBlank.has(id))
  const quoted = (key: string) => `${shape.name}「${shape.rows[rowIndex.get(key)!]!.path.join(LABEL_SEPARATOR)}」`
  const printed = (o: Orphan) => o.candidates[0]?.join(' ') ?? ''

  // Which identities a row's figures break, and which they were checked by, once placed.
  const check = (cells: readonly CellId[]): { holds: boolean; crossChecked: boolean } => {
    let crossChecked = false
    const seen = new Set<(typeof BALANCES)[number]>()
    for (const id of cells) {
      for (const b of BALANCE_BY_CELL.get(id) ?? []) {
        if (seen.has(b)) continue
        seen.add(b)
        const all = [...b.left, ...b.right]
        if (all.some((c) => !values.has(c))) continue
        const sum = (ids: readonly CellId[]) => ids.reduce((a, c) => a + values.get(c)!, 0)
        if (Math.abs(sum(b.left) - sum(b.right)) > 1e-9) return { holds: false, crossChecked }
        if (all.some((c) => !cells.includes(c))) crossChecked = true
      }
    }
    return { holds: true, crossChecked }
  }

  // 1. Runs of unlabelled rows between the same two labelled rows: by order, when their numbers match.
  const pending: Orphan[] = []
  const byGap = new Map<string, Orphan[]>()
  for (const orphan of orphans) {
    const before = [...labelled].reverse().find((l) => l.order < orphan.order && rowIndex.has(l.key))
    const after = labelled.find((l) => l.order > orphan.order && rowIndex.has(l.key))
    const key = `${before?.key ?? ''}>${after?.key ?? ''}`
    byGap.set(key, [...(byGap.get(key) ?? []), orphan])
  }
  const runs: { rows: string[]; orphans: Orphan[] }[] = []
  for (const [key, group] of byGap) {
    const [before, after] = key.split('>')
    const from = before ? rowIndex.get(before)! + 1 : 0
    const to = after ? rowIndex.get(after)! : shape.rows.length
    const gap = shape.rows.slice(from, to).map((r) => r.key).filter(isEmpty)
    if (gap.length === group.length && group.every((o) => o.candidates.length === 1)) runs.push({ rows: gap, orphans: group })
    else pending.push(...group)
  }
  const settled: { cells: CellId[]; orphan: Orphan; key: string; how: 'order' }[] = []
  for (const run of runs) {
    run.rows.forEach((key, i) => cellsOf(key).forEach((id, c) => values.set(id, run.orphans[i]!.candidates[0]![c]!)))
    run.rows.forEach((key, i) => settled.push({ cells: cellsOf(key), orphan: run.orphans[i]!, key, how: 'order' }))
  }
  // Every identity touching what was placed by order must hold; a run that breaks one is undone.
  for (const run of runs) {
    const cells = run.rows.flatMap(cellsOf)
    if (!check(cells).holds) {
      cells.forEach((id) => values.delete(id))
      pending.push(...run.orphans)
      for (let k = settled.length - 1; k >= 0; k -= 1) if (run.orphans.includes(settled[k]!.orphan)) settled.splice(k, 1)
    }
  }
  for (const s of settled) {
    const { crossChecked } = check(s.cells)
    const backing: Backing = crossChecked ? 'arithmetic' : 'order'
    const note = `原文此行${s.orphan.label ? `行标签“${s.orphan.label}”无法识别` : '没有行标签'}，按前后行的顺序放入此行${crossChecked ? '，合计及各列勾稽关系均相符' : '，各列勾稽关系无法核对'}`
    s.cells.forEach((id) => result.placed.push({ cell: id, value: values.get(id)!, backing, note, source: s.orphan.source }))
  }

  // 2. Each row left: the empty rows it fits by arithmetic, ranked by its label fragment.
  for (const orphan of pending) {
    const fits: { key: string; exact: boolean; score: number; figures: number[] }[] = []
    for (const row of shape.rows) {
      if (!isEmpty(row.key)) continue
      const score = fragmentScore(orphan.label, row.path)
      if (score < 0) continue
      for (const figures of orphan.candidates) {
        const cells = cellsOf(row.key)
        cells.forEach((id, c) => values.set(id, figures[c]!))
        const { holds, crossChecked } = check(cells)
        cells.forEach((id) => values.delete(id))
        if (holds) fits.push({ key: row.key, exact: crossChecked, score, figures })
      }
    }
    const exact = fits.filter((f) => f.exact)
    const named = orphan.label ? `行标签“${orphan.label}”无法识别` : '没有行标签'
    if (exact.length === 1 && (exact[0]!.score >= FRAGMENT_SCORE || !orphan.label || fits.every((f) => f.score < FRAGMENT_SCORE))) {
      const fit = exact[0]!
      const cells = cellsOf(fit.key)
      cells.forEach((id, c) => values.set(id, fit.figures[c]!))
      const note = `原文此行${named}，只有放入此行时合计及各列勾稽关系才相符`
      cells.forEach((id, c) => result.placed.push({ cell: id, value: fit.figures[c]!, backing: 'arithmetic', note, source: orphan.source }))
      result.warnings.push(`${shape.name}中有一行数字（${printed(orphan)}）${named}，按合计关系放入${quoted(fit.key)}，请核对`)
      continue
    }
    const ranked = fits.sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact)).slice(0, 3)
    if (ranked.length === 0) {
      result.warnings.push(`${shape.name}中有一行数字（${printed(orphan)}）${named}，与任何空行的合计关系都不相符，未放入表格，请对照原文填写`)
      continue
    }
    for (const fit of ranked) {
      result.suggestions.push({
        cells: cellsOf(fit.key),
        values: fit.figures,
        reason: `原文有一行数字（${fit.figures.join(' ')}）${named}${fit.score >= FRAGMENT_SCORE ? '，标签残文与此行相近' : ''}，放入此行时合计关系相符${fit.exact ? '，各列勾稽关系也相符' : ''}`,
        source: orphan.source
      })
    }
    result.warnings.push(
      `${shape.name}中有一行数字（${printed(orphan)}）${named}，可能属于${ranked.map((f) => quoted(f.key)).join('、')}，已列为建议，请在核对时选择`
    )
  }
  return result
}
