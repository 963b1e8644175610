/**
 * From lines to readings: which table row each run of figures belongs to. A small state machine
 * walks the lines in document order, keeping the table and row group in context, the column
 * header in force, and the row being read. It works the same for real table rows (one line per
 * row) and flattened tables (a label on one line, its figures on the next ones).
 */
import type { TableId } from '../../../report/tables'
import { headerRun } from './headerRun'
import { matchLabel, MATCH_THRESHOLD, type LabelMatch } from './labelMatcher'
import type { Line, Slot } from './lines'
import { normalizeLabel } from './normalize'
import { TARGETS, type Target } from './targets'

export interface Reading {
  table: TableId
  /** The row the figures belong to; undefined for a bare run of figures (表四's value row). */
  target?: Target
  /** The label as printed, for messages. */
  label: string
  /** Label match score (1 when exact). */
  score: number
  slots: Slot[]
  /** Column targets of the header in force when the row was read, in printed order. */
  header: readonly Target[]
  fromTable: boolean
  valueColumns?: ReadonlySet<number>
  /** A row of figures printed without a label (lost in transcription): placed by structure later. */
  unlabelled?: boolean
  /** No table was in context: the table is a guess from the row's shape, to be decided later. */
  contextless?: boolean
}

export interface Assembly {
  readings: Reading[]
  /** Blocks that were table content: labels, figures, headers recognised. */
  used: Set<number>
  /** Tables of which some row of figures was read. */
  seen: Set<TableId>
}

interface HeaderCell {
  target: Target
  /** Grid column of a real table's header cell. */
  column: number | undefined
  /** Reading order, for paragraphs and ties. */
  order: number
}

/** What the label of a line (or of a few flattened lines) was recognised as. */
interface LabelReading {
  found: LabelMatch | undefined
  printed: string
  /** Index of the last line the label took (a label rejoined from several paragraphs). */
  last: number
  /** Column labels of a header row, with their grid columns. */
  columns: { target: Target; column: number | undefined }[]
  /** The header row also carries a caption: a new 表二 block starts. */
  captioned: boolean
}

/** A paragraph this long is narrative: it ends the table in context. */
const NARRATIVE_LENGTH = 40
/** Fragments this short are pieces of a label printed one character per line. */
const FRAGMENT_LENGTH = 2
/** A wrapped label is rejoined from at most this many lines. */
const MAX_JOIN = 3
/** A rejoined label must read at least this well. */
const JOIN_SCORE = 0.9

type Match = (text: string, rowsOnly: boolean) => LabelMatch | undefined

/** Score of a sub-row printed as its number alone (“1.”): only the group in context names it. */
const NUMBER_ONLY_SCORE = 0.75

/** A sub-row label reduced to its number, read as that sub-row of the group in context. */
function numberedInGroup(text: string, group: string | undefined): LabelMatch | undefined {
  const number = /^(\d{1,2})\.$/.exec(normalizeLabel(text))?.[1]
  if (!number || !group) return undefined
  const target = TARGETS.find(
    (t) => t.kind === 'row' && t.parents.at(-1) === group && t.variants[0]?.text.startsWith(`${number}.`)
  )
  return target && { target, score: NUMBER_ONLY_SCORE }
}

/** Only a printed figure makes a line a data row: empty cells also fill header rows. */
const printsFigures = (line: Line) => line.slots.some((s) => s.value !== undefined)
const textOf = (line: Line) => line.labels.map((l) => l.text).join('')
const labelOnly = (line: Line | undefined): line is Line =>
  line !== undefined && !line.fromTable && line.slots.length === 0 && line.labels.length > 0

/**
 * A table row, or a paragraph whose space-separated parts are labels on their own (a copied
 * table row): the rightmost own label that is recognised decides — a row label sits right of its
 * group's merged label; carried group labels only give context.
 */
function readCells(line: Line, index: number, match: Match, enterGroup: (key: string) => void): LabelReading {
  const own = line.labels.filter((l) => !l.carried)
  const figures = printsFigures(line)
  // Group labels left of the row label, merged from above or printed in the same row, put the
  // row in its group first: a sub-row printed as “1.” is then that group's first.
  for (const piece of line.labels.slice(0, -1)) {
    const m = match(piece.text, true)
    if (m && !m.target.leaf) enterGroup(m.target.key)
  }
  let found: LabelMatch | undefined
  let printed = ''
  for (const piece of [...own].reverse()) {
    found = match(piece.text, figures)
    if (found) {
      printed = piece.text
      break
    }
  }
  if (!found && own.length > 1) {
    printed = own.map((l) => l.text).join('')
    found = match(printed, figures)
  }
  const matches = found?.target.kind === 'column' ? own.map((piece) => ({ piece, m: match(piece.text, false) })) : []
  return {
    found,
    printed,
    last: index,
    columns: matches.flatMap(({ piece, m }) => (m?.target.kind === 'column' ? [{ target: m.target, column: piece.column }] : [])),
    captioned: matches.some(({ m }) => m?.target.kind === 'caption')
  }
}

/**
 * A flattened label: printed one character per line (a vertical row title copied from the web),
 * or wrapped over a few lines. Lines are joined only when the whole reads better than each part:
 * a heading followed by a caption is two lines, not one label.
 */
function readFlat(lines: readonly Line[], index: number, match: Match): LabelReading {
  const line = lines[index]!
  let printed = textOf(line)
  let last = index
  if (normalizeLabel(printed).length <= FRAGMENT_LENGTH) {
    while (labelOnly(lines[last + 1]) && normalizeLabel(textOf(lines[last + 1]!)).length <= FRAGMENT_LENGTH) {
      last += 1
      printed += textOf(lines[last]!)
    }
  }
  let found = match(printed, printsFigures(line))
  let joined = printed
  // An exact label is complete; a next line that is an exact label of its own starts the next one.
  for (let k = last + 1; k <= last + MAX_JOIN && (found?.score ?? 0) < 1 && labelOnly(lines[k]); k += 1) {
    const alone = match(textOf(lines[k]!), false)?.score ?? 0
    if (alone >= 1) break
    joined += textOf(lines[k]!)
    const better = match(joined, false)
    if (better && better.score >= JOIN_SCORE && better.score > (found?.score ?? MATCH_THRESHOLD) && better.score > alone) {
      found = better
      printed = joined
      last = k
    }
  }
  return { found, printed, last, columns: [], captioned: false }
}

/**
 * The 表四 rows a bare value row stands for, from the row labels printed above it: one label, or
 * labels all under one of its two top rows (行政诉讼 with 未经复议直接起诉, 复议后起诉). Labels under
 * both (the whole 表四's header) name no part: the row is the whole table's.
 */
function t4RowsOf(seen: readonly Target[]): Target | undefined {
  if (seen.length === 0) return undefined
  if (seen.length === 1) return seen[0]
  const tops = new Set(seen.map((t) => t.parents[0] ?? t.key))
  if (tops.size !== 1) return undefined
  const top = [...tops][0]!
  return seen.find((t) => t.key === top) ?? TARGETS.find((t) => t.kind === 'row' && t.table === 't4' && t.key === top)
}

export function assemble(lines: readonly Line[]): Assembly {
  const readings: Reading[] = []
  const used = new Set<number>()
  const seen = new Set<TableId>()
  let table: TableId | undefined
  let group: string | undefined
  let header: HeaderCell[] = []
  let headerOpen = false
  let current: Reading | undefined
  // 表四's row labels printed above its figures since its last value row (行政复议 / 行政诉讼 / …): a
  // 表四 printed as two tables gives each its own value row, of those rows only.
  let t4Rows: Target[] = []
  const noteT4Row = (target: Target | undefined) => {
    if (target?.kind === 'row' && target.table === 't4' && !t4Rows.includes(target)) t4Rows.push(target)
  }

  // Blocks read as labels count as table content once figures follow them: a short narrative
  // line that happens to name a row (“行政复议”) is not consumed.
  let tentative: number[] = []
  const mark = (block: number) => tentative.push(block)
  const flush = () => {
    if (current && current.slots.length) {
      readings.push(current)
      seen.add(current.table)
      for (const block of tentative) used.add(block)
      tentative = []
    }
    current = undefined
  }

  // Ties go to the table and the row group in context.
  const bonus = (t: Target) => (t.table === table ? 0.03 : 0) + (group && t.parents.includes(group) ? 0.02 : 0)
  const match: Match = (text, rowsOnly) =>
    matchLabel(text, rowsOnly ? (t) => t.kind === 'row' : undefined, bonus) ?? numberedInGroup(text, group)
  const cellLike = (line: Line) =>
    line.fromTable || (line.labels.length > 1 && line.labels.filter((l) => match(l.text, false)).length >= 2)

  /** Header cells spread over several rows (a caption above two of them, a third merged down) are ordered by grid column. */
  const addHeader = (target: Target, column: number | undefined) => {
    header.push({ target, column, order: header.length })
    if (header.every((h) => h.column !== undefined)) header.sort((a, b) => a.column! - b.column! || a.order - b.order)
  }
  const openHeader = (reset: boolean) => {
    if (!headerOpen || reset) header = []
    headerOpen = true
  }

  const startRow = (of: TableId, line: Line, label: string, found?: LabelMatch): Reading => ({
    table: of,
    ...(found ? { target: found.target } : {}),
    label,
    score: found?.score ?? 1,
    slots: [...line.slots],
    header: header.map((h) => h.target),
    fromTable: line.fromTable,
    ...(line.valueColumns ? { valueColumns: line.valueColumns } : {})
  })

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!

    if (line.labels.length) {
      // A header row copied as one line, its cells' labels run together: not narrative.
      const run = !line.fromTable && line.slots.length === 0 && (match(textOf(line), false)?.score ?? 0) < 1
        ? headerRun(textOf(line), table)
        : undefined
      if (run) {
        flush()
        mark(line.block)
        if (run[0]!.table !== table) t4Rows = []
        run.forEach(noteT4Row)
        table = run[0]!.table
        group = undefined
        openHeader(run.some((t) => t.kind === 'caption'))
        for (const target of run) if (target.kind === 'column') addHeader(target, undefined)
        continue
      }
      const enterGroup = (key: string) => (group = key)
      const label = cellLike(line) ? readCells(line, i, match, enterGroup) : readFlat(lines, i, match)
      const found = label.found
      if (found) {
        if (found.target.table !== table) t4Rows = []
        if (!printsFigures(line)) {
          const pieces = line.fromTable ? line.labels.map((l) => l.text) : [label.printed]
          for (const piece of pieces) noteT4Row(match(piece, true)?.target)
        }
        flush()
        for (let k = i; k <= label.last; k += 1) mark(lines[k]!.block)
        i = label.last
        const target = found.target
        table = target.table
        if (target.kind === 'row') {
          headerOpen = false
          if (!target.leaf) group = target.key
          else if (target.parents.length === 0) group = undefined
          current = startRow(table, line, label.printed, found)
        } else if (target.kind === 'column') {
          openHeader(label.captioned)
          if (label.columns.length) label.columns.forEach((c) => addHeader(c.target, c.column))
          else addHeader(target, undefined)
        } else {
          // A caption starts a new block of 表二 (each with its own header) or a new table.
          header = []
          t4Rows = []
          headerOpen = false
          group = undefined
        }
        continue
      }

      const text = normalizeLabel(textOf(line))
      if (line.slots.length && current && current.slots.length === 0) {
        // The second line of a wrapped label carries the row's figures.
        current.slots.push(...line.slots)
        mark(line.block)
        continue
      }
      if (current && current.slots.length === 0 && text.length <= NARRATIVE_LENGTH) continue
      flush()
      if (text.length > NARRATIVE_LENGTH) {
        table = undefined
        group = undefined
        tentative = []
      } else if (table && line.fromTable && printsFigures(line)) {
        // Figures under a label that is none of the table's (表四's unofficial 案件数量 column):
        // a bare value row, placed by count; for other tables a row to name in a warning.
        current = startRow(table, line, textOf(line))
        mark(line.block)
      }
      continue
    }

    // Figures without a label: the current row's, or a bare value row of the table in context.
    // A table row of figures is a row of its own once the current row has its figures; so is a
    // line holding a whole row's figures after a row that has its own.
    const whole = figureCount(line) >= ORPHAN_FIGURES
    if (current && current.slots.length && (line.fromTable || (whole && figureCount(current) >= ORPHAN_FIGURES))) flush()
    if (current) {
      current.slots.push(...line.slots)
      mark(line.block)
    } else if (table === 't4' && header.some((h) => h.target.table === 't4')) {
      // Only 表四 prints its figures in a row of their own, under its column header.
      const rows = t4RowsOf(t4Rows)
      current = startRow(table, line, '', rows ? { target: rows, score: 1 } : undefined)
      t4Rows = []
      mark(line.block)
    } else if (whole && table !== 't2') {
      // A whole row of figures with no label at all (its label cell lost): kept, to be placed by
      // the table's structure and arithmetic rather than dropped.
      current = { ...startRow(table ?? 't3', line, ''), unlabelled: true, ...(table ? {} : { contextless: true }) }
      mark(line.block)
    }
    headerOpen = false
  }
  flush()
  return { readings, used, seen }
}

/** A row of this many figures or more is a row of 表三 or 表四, labelled or not. */
const ORPHAN_FIGURES = 5

function figureCount(line: { slots: readonly Slot[] }): number {
  return line.slots.filter((s) => s.value !== undefined).length
}
