/**
 * Recognition of the three statistical tables (表二, 表三, 表四) in a document's blocks, whatever
 * shape they arrive in: real tables (docx, html, a PDF grid) or tables flattened into paragraphs
 * (one cell per line, one row per line, figures run together). Tables are found by their labels,
 * never by position; figures are imported as printed, a blank stays blank.
 *
 * The pipeline, one module each:
 *  - tableBlocks / lines: table rows and paragraphs → lines (label pieces, then value slots);
 *  - labelMatcher (normalize, targets, format2019): a printed label → a row, column or caption of
 *    the table definitions, today's or the 2019 format's;
 *  - assemble: lines → readings (which row each run of figures belongs to, under which header);
 *  - place (selectSlots, runTogether): readings → values; which slots are the row's figures, and
 *    run-together digits split by the tables' own identities.
 */
import { CELLS, LABEL_SEPARATOR, type CellId } from '../../../report/cells'
import { TABLES, type TableId } from '../../../report/tables'
import type { Block, Generation, ImportedValue, Suggestion } from '../../types'
import { narrativeFigures } from '../narrativeFigures'
import { assemble } from './assemble'
import type { StepBudget } from './budget'
import { paragraphLine, type Line } from './lines'
import { normalizeLabel } from './normalize'
import { placeReadings } from './place'
import { tableLines } from './tableBlocks'

export interface TableRecognition {
  values: ImportedValue[]
  /** Block indexes that were table content, so narrative splitting skips them. */
  consumed: Set<number>
  /** What was expected but not found, in Chinese: “表四”, “表三「四、结转下年度继续办理」”. */
  missing: string[]
  warnings: string[]
  /** Figures not placed with certainty, offered for the rows they fit. */
  suggestions: Suggestion[]
}

/** Unrecognised paragraphs this short between table lines are header fragments or page furniture. */
const GAP_FRAGMENT_LENGTH = 24
/** A section heading between two tables (三、收到和处理…) is narrative's, not the tables'. */
const SECTION_HEADING = /^[一二三四五六七八九十]{1,2}、.{4,}/

export interface TableOptions {
  /** The step budget of the run-together splits (tests and the bench observe it). */
  budget?: StepBudget
}

export function recognizeTables(blocks: readonly Block[], generation: Generation, options: TableOptions = {}): TableRecognition {
  // Pre-2019 附表 are a different set of figures (legacy recognition), not these tables.
  if (generation === 'pre-2019') return { values: [], consumed: new Set(), missing: [], warnings: [], suggestions: [] }
  const lines: Line[] = blocks.flatMap((block, index) => {
    if (block.kind === 'table') return tableLines(block.rows, index)
    const line = paragraphLine(block.text, index, block.derived)
    return line ? [line] : []
  })
  const { readings, used, seen } = assemble(lines)
  // The narrative's own figures, for choosing among splits of run-together rows.
  const narrative = blocks.flatMap((block, index) => (block.kind === 'paragraph' && !used.has(index) ? [block.text] : []))
  const placed = placeReadings(readings, generation, {
    evidence: narrativeFigures(narrative),
    ...(options.budget ? { budget: options.budget } : {})
  })
  return {
    values: placed.values,
    consumed: consumedBlocks(blocks, used),
    missing: missingOf(placed.values, placed.accounted, seen),
    warnings: placed.warnings,
    suggestions: placed.suggestions
  }
}

/** A table's own caption, however a local layout numbers or titles it (表1, 附表二, …统计表). */
const CAPTION = /^(?:附?表\s*[一二三四五六七八九十\d]{1,2}(?![\d一二三四五六七八九十])[\s、.．:：]*.{0,30}|.{2,30}(?:统计表|情况表))$/

/** Used blocks, their captions, and short unrecognised paragraphs lying between two of them (split headers). */
function consumedBlocks(blocks: readonly Block[], used: ReadonlySet<number>): Set<number> {
  const out = new Set(used)
  for (const u of used) {
    const before = blocks[u - 1]
    if (before?.kind === 'paragraph' && !used.has(u - 1) && CAPTION.test(normalizeLabel(before.text)) && !SECTION_HEADING.test(normalizeLabel(before.text))) {
      out.add(u - 1)
    }
  }
  const sorted = [...used].sort((a, b) => a - b)
  for (let k = 1; k < sorted.length; k += 1) {
    const from = sorted[k - 1]!
    const to = sorted[k]!
    const between = blocks.slice(from + 1, to)
    const short = between.every(
      (b) => b.kind === 'paragraph' && normalizeLabel(b.text).length <= GAP_FRAGMENT_LENGTH && !SECTION_HEADING.test(normalizeLabel(b.text))
    )
    if (short) for (let i = from + 1; i < to; i += 1) out.add(i)
  }
  return out
}

/** Missing cells, collapsed to whole rows and whole tables where nothing of them was found. */
function missingOf(values: readonly ImportedValue[], accounted: ReadonlySet<CellId>, seen: ReadonlySet<TableId>): string[] {
  const found = new Set<CellId>([...values.map((v) => v.cell), ...accounted])
  const out: string[] = []
  for (const table of TABLES) {
    const cells = CELLS.filter((c) => c.table === table.id)
    // A table is missing when nothing of it was found (its rows may have been placed by structure).
    if (cells.every((c) => !found.has(c.id)) || (!seen.has(table.id) && !cells.some((c) => found.has(c.id)))) {
      out.push(table.name)
      continue
    }
    const rows = [...new Set(cells.map((c) => c.row))]
    for (const row of rows) {
      const rowCells = cells.filter((c) => c.row === row)
      const absent = rowCells.filter((c) => !found.has(c.id))
      if (absent.length === 0) continue
      const path = `${table.name}「${rowCells[0]!.rowPath.join(LABEL_SEPARATOR)}」`
      if (absent.length === rowCells.length) out.push(path)
      else out.push(...absent.map((c) => `${path}「${c.columnPath.join(LABEL_SEPARATOR)}」`))
    }
  }
  return out
}
