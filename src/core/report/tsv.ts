/**
 * The table values as TSV lines `table<TAB>row<TAB>column<TAB>value`, labelled with the official
 * labels (nested labels joined by " / "). This is how values move to and from Excel and the CLI.
 */
import { CELLS, LABEL_SEPARATOR, type CellDef, type CellId } from './cells'
import { ReportError, type Report } from './report'

export const TSV_HEADER = ['table', 'row', 'column', 'value'] as const

/** Prints a number the way an officer typed it: no exponent, no trailing float noise. */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return ''
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)))
}

export function cellsToTsv(report: Report): string {
  return CELLS.map((c) =>
    [c.tableName, c.rowPath.join(LABEL_SEPARATOR), c.columnPath.join(LABEL_SEPARATOR), formatValue(report.values[c.id])].join('\t')
  )
    .map((line) => `${line}\n`)
    .join('')
}

/**
 * Label key for lookups: whitespace (incl. full-width and NBSP) and the " / " separators are not
 * significant in a label typed or pasted by hand.
 */
function labelKey(label: string): string {
  return label.replace(/[\s\u00a0\u3000/]+/g, '')
}

/** The row path with the explanatory note dropped: （二）部分公开（区分处理的…） → （二）部分公开. */
function shortRowPath(cell: CellDef): string {
  return cell.rowPath.map((label) => label.replace(/（区分处理的[^）]*）$/, '')).join('')
}

const CELL_INDEX: ReadonlyMap<string, CellDef> = new Map(
  CELLS.flatMap((cell) =>
    [cell.rowPath.join(''), shortRowPath(cell)].map(
      (row) => [`${cell.tableName}|${labelKey(row)}|${labelKey(cell.columnPath.join(''))}`, cell] as const
    )
  )
)

export function findCell(table: string, row: string, column: string): CellDef | undefined {
  return CELL_INDEX.get(`${labelKey(table)}|${labelKey(row)}|${labelKey(column)}`)
}

const COUNT_PATTERN = /^\d+$/
const AMOUNT_PATTERN = /^\d+(\.\d{1,6})?$/

/**
 * Parses a value typed by an officer. Blank → undefined (a blank cell). Thousands separators are
 * accepted because Excel adds them; anything else that is not a plain non-negative number is refused.
 */
export function parseCellValue(raw: string, cell: Pick<CellDef, 'kind'>): number | undefined {
  const text = raw
    .trim()
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
  if (text === '') return undefined
  const pattern = cell.kind === 'amount' ? AMOUNT_PATTERN : COUNT_PATTERN
  if (!pattern.test(text)) {
    const expected = cell.kind === 'amount' ? '不小于 0 的数，最多 6 位小数' : '不小于 0 的整数'
    throw new ReportError(`“${raw.trim()}” 不是有效数值（应为${expected}）`)
  }
  return Number(text)
}

export interface TsvUpdate {
  cell: CellId
  value: number | undefined
}

/** Parses TSV lines into updates; every problem names its line. Nothing is applied on error. */
export function parseCellsTsv(tsv: string): TsvUpdate[] {
  const updates: TsvUpdate[] = []
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((line, index) => {
    const lineNo = index + 1
    if (line.trim() === '') return
    const fields = line.split('\t')
    if (index === 0 && fields.map((f) => f.trim()).join('\t') === TSV_HEADER.join('\t')) return
    if (fields.length < 3 || fields.length > 4) {
      throw new ReportError(`第 ${lineNo} 行：应为“表<TAB>行<TAB>列<TAB>数值”四列，实为 ${fields.length} 列`)
    }
    const [table = '', row = '', column = '', raw = ''] = fields
    const cell = findCell(table, row, column)
    if (!cell) {
      throw new ReportError(`第 ${lineNo} 行：找不到单元格“${table.trim()} / ${row.trim()} / ${column.trim()}”`)
    }
    try {
      updates.push({ cell: cell.id, value: parseCellValue(raw, cell) })
    } catch (error) {
      throw new ReportError(`第 ${lineNo} 行：${(error as Error).message}`)
    }
  })
  return updates
}

export function applyCellUpdates(report: Report, updates: readonly TsvUpdate[]): Report {
  const values = { ...report.values }
  for (const { cell, value } of updates) {
    if (value === undefined) delete values[cell]
    else values[cell] = value
  }
  return { ...report, values }
}
