/**
 * What an import saw, kept in the Report for the checks (`report.imported`): the document's format
 * generation, its title, headings and table labels as printed, the cells it could not read and the
 * cells it read with doubt. Pure, from the plain results of recognition; recognizeReport calls it.
 */
import { CELLS, LABEL_SEPARATOR, type CellId } from './cells'
import type { FormatGeneration, Report } from './report'
import type { SectionId } from './sections'

/**
 * Table labels printed otherwise than the national text, as whole cells or lines of a table:
 * printed → official. Only wordings that are the same row under another name belong here.
 */
export const LABEL_VARIANTS: readonly { printed: string; official: string }[] = [
  { printed: '规范性文件', official: '行政规范性文件' },
  { printed: '合计', official: '总计' }
]

/** Flags of an imported value that make it doubtful for the checks (mapped 2019 rows are as printed). */
const DOUBTFUL = new Set(['split', 'review'])

export interface ImportedInput {
  generation: FormatGeneration
  /** The title's text, when recognised. */
  title?: string
  sections: readonly { heading: string; section?: SectionId }[]
  /** What recognition could not find, as it words it (“表四”, “表三「…」”, “表三「…」「…」”). */
  missing: readonly string[]
  values: readonly { cell: CellId; value: number; flags: readonly string[]; note?: string }[]
  /** The text of every table cell or flattened table line the import read. */
  tableTexts: readonly string[]
}

/** Cells named by recognition's `missing` list: a whole table, a whole row, or one cell. */
export function cellsOfMissing(missing: readonly string[]): CellId[] {
  const named = new Set(missing)
  return CELLS.filter((c) => {
    const row = `${c.tableName}「${c.rowPath.join(LABEL_SEPARATOR)}」`
    return named.has(c.tableName) || named.has(row) || named.has(`${row}「${c.columnPath.join(LABEL_SEPARATOR)}」`)
  }).map((c) => c.id)
}

const compact = (text: string): string => text.replace(/[\s\u3000]+/g, '')

/** A block as readers give it (structurally: core/import's Block). */
type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: readonly (readonly { text: string }[])[] }

/** The texts of the given blocks: each table cell, each paragraph. */
export function blockTexts(blocks: readonly TextBlock[], indexes: Iterable<number>): string[] {
  const out: string[] = []
  for (const i of indexes) {
    const block = blocks[i]
    if (!block) continue
    if (block.kind === 'paragraph') out.push(block.text)
    else for (const row of block.rows) for (const cell of row) out.push(cell.text)
  }
  return out
}

export function importedFacts(input: ImportedInput): NonNullable<Report['imported']> {
  const headings: Partial<Record<SectionId, string>> = {}
  for (const section of input.sections) {
    if (section.section && section.heading.trim() && headings[section.section] === undefined) headings[section.section] = section.heading.trim()
  }
  const printed = new Set(input.tableTexts.map(compact))
  const labels = LABEL_VARIANTS.filter((v) => printed.has(v.printed))
  const unread = input.generation === 'pre-2019' ? [] : cellsOfMissing(input.missing)
  const flagged = input.values
    .filter((v) => v.flags.some((f) => DOUBTFUL.has(f)))
    .map((v) => ({ cell: v.cell, value: v.value, ...(v.note ? { note: v.note } : {}) }))
  return {
    generation: input.generation,
    ...(input.title?.trim() ? { title: input.title.trim() } : {}),
    ...(Object.keys(headings).length ? { headings } : {}),
    ...(labels.length ? { labels: labels.map((l) => ({ ...l })) } : {}),
    ...(unread.length ? { unread } : {}),
    ...(flagged.length ? { flagged } : {})
  }
}
