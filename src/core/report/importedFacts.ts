/**
 * What an import saw, kept in the Report for the checks (`report.imported`): the document's format
 * generation, its title, headings and table labels as printed, the cells it could not read and the
 * cells it read with doubt. Pure, from the plain results of recognition; recognizeReport calls it.
 */
import { CELLS, LABEL_SEPARATOR, type CellId } from './cells'
import type { FormatGeneration, Report } from './report'
import type { SectionId } from './sections'

/**
 * How recognition words what the checks need (until it hands them over as data): a row it renamed
 * (“行名印作“规范性文件”，按“行政规范性文件”导入”), and a row it saw but left blank because its
 * figures could not be placed (“表二「规章」只有 1 个数值，应为 3 个，已留空”) — unlike a row printed
 * blank (“…空白，可能为 0，已留空”), whose blanks are the report's own.
 */
const RENAMED_ROW = /行名印作“([^”]+)”，按“([^”]+)”导入/
const ROW_LEFT_BLANK = /^(表[二三四]「[^」]+」)只有 \d+ 个数值，应为 \d+ 个，已留空$/

/** Flags of an imported value that make it doubtful for the checks (mapped 2019 rows are as printed). */
const DOUBTFUL = new Set(['split', 'review'])

export interface ImportedInput {
  generation: FormatGeneration
  /** The title's text, when recognised. */
  title?: string
  sections: readonly { heading: string; section?: SectionId }[]
  /** What recognition could not find, as it words it (“表四”, “表三「…」”, “表三「…」「…」”). */
  missing: readonly string[]
  values: readonly { cell: CellId; value: number; method?: string; flags: readonly string[]; note?: string }[]
  /** Recognition's warnings, in Chinese. */
  warnings: readonly string[]
}

/** Cells named by recognition's `missing` list: a whole table, a whole row, or one cell. */
export function cellsOfMissing(missing: readonly string[]): CellId[] {
  const named = new Set(missing)
  return CELLS.filter((c) => {
    const row = `${c.tableName}「${c.rowPath.join(LABEL_SEPARATOR)}」`
    return named.has(c.tableName) || named.has(row) || named.has(`${row}「${c.columnPath.join(LABEL_SEPARATOR)}」`)
  }).map((c) => c.id)
}

/** Cells of the rows recognition saw but left blank, as its warnings name them. */
export function cellsLeftBlank(warnings: readonly string[], read: ReadonlySet<CellId>): CellId[] {
  const rows = new Set(warnings.map((w) => ROW_LEFT_BLANK.exec(w)?.[1]).filter((r): r is string => r !== undefined))
  return CELLS.filter((c) => rows.has(`${c.tableName}「${c.rowPath.join(LABEL_SEPARATOR)}」`) && !read.has(c.id)).map((c) => c.id)
}

export function importedFacts(input: ImportedInput): NonNullable<Report['imported']> {
  const headings: Partial<Record<SectionId, string>> = {}
  for (const section of input.sections) {
    if (section.section && section.heading.trim() && headings[section.section] === undefined) headings[section.section] = section.heading.trim()
  }
  const renamed = new Map<string, string>()
  for (const value of input.values) {
    const match = value.note ? RENAMED_ROW.exec(value.note) : null
    if (match) renamed.set(match[1]!, match[2]!)
  }
  const labels = [...renamed].map(([printed, official]) => ({ printed, official }))
  const read = new Set(input.values.map((v) => v.cell))
  const unread =
    input.generation === 'pre-2019' ? [] : [...new Set([...cellsOfMissing(input.missing), ...cellsLeftBlank(input.warnings, read)])]
  const flagged = input.values
    // Anything not read straight from a labelled cell (derived, placed, suggested) is doubtful too.
    .filter((v) => (v.method !== undefined && v.method !== 'read') || v.flags.some((f) => DOUBTFUL.has(f)))
    .map((v) => ({ cell: v.cell, value: v.value, ...(v.note ? { note: v.note } : {}) }))
  return {
    generation: input.generation,
    ...(input.title?.trim() ? { title: input.title.trim() } : {}),
    ...(Object.keys(headings).length ? { headings } : {}),
    ...(labels.length ? { labels } : {}),
    ...(unread.length ? { unread } : {}),
    ...(flagged.length ? { flagged } : {})
  }
}
