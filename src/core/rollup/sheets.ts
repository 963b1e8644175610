/**
 * The summary workbook as data: which sheets, their headers, rows and widths. The service writes it
 * with exceljs (main/services/rollup/workbook.ts); everything an officer reads in it is decided
 * here, from the roll-up and the table definitions (every label from tables.ts through cells.ts and
 * quantities.ts, never spelled again).
 *
 *  汇总      one row per unit: unit, level, status, file, error/warning/hint counts, the main figures;
 *            then the sum row
 *  表二…表四  one row per unit summed, one column per cell in official order (row label over column
 *            label), then the sum row and the count of units that left each cell blank
 *  问题清单   every finding of the reports summed (and of unmatched ones), with unit and place
 *  未报送     the units of the list without a report of the year
 *  其他文件   reports of other years, unmatched reports, files that could not be read
 */
import { cellsOf, LABEL_SEPARATOR, type CellDef, type CellId } from '../report/cells'
import { quantity } from '../report/quantities'
import { TABLES } from '../report/tables'
import { SEVERITY_LABELS } from '../rules/types'
import { MATCH_METHOD_LABELS, SUMMARY_FIGURES, UNSURE_METHODS } from './labels'

export { SUMMARY_FIGURES } from './labels'
import { allFindings } from './rollup'
import type { RollupReport, RollupResult, RollupTotal, UnitStatus } from './types'
import { ROLLUP_LEVEL_LABELS } from './units'

export type SheetValue = string | number | null

/** How a cell is drawn: a header, a sum, a sum with blanks under it (incomplete), a note. */
export type CellStyle = 'sum' | 'incomplete' | 'note' | 'unsure'

export interface SheetCell {
  value: SheetValue
  style?: CellStyle
}

export interface HeaderCell {
  text: string
  /** Columns this header cell spans (a row label over its columns). */
  span?: number
}

export interface SheetColumn {
  width: number
  /** Values of the column are counts (integers) or amounts (万元, up to 6 decimals). */
  number?: 'count' | 'amount'
}

export interface SheetModel {
  name: string
  /** A line above the header saying what the sheet is (and what marks mean). */
  caption: string
  /** Header rows, each a list of cells with spans. */
  header: HeaderCell[][]
  columns: SheetColumn[]
  rows: SheetCell[][]
  /** Columns kept in view when scrolling right (the unit's name). */
  frozenColumns: number
}

const UNIT_WIDTH = 30
const FILE_WIDTH = 36
const TEXT_WIDTH = 60
const FIGURE_WIDTH = 14

const cell = (value: SheetValue, style?: CellStyle): SheetCell => (style ? { value, style } : { value })

/** The sum of some cells of a report; blank when any of them is blank (a partial sum is not a figure). */
function figureOf(values: RollupReport['values'], cells: readonly CellId[]): number | null {
  let total = 0
  for (const id of cells) {
    const v = values[id]
    if (v === undefined) return null
    total += v
  }
  return Number(total.toFixed(6))
}

function totalOf(totals: ReadonlyMap<CellId, RollupTotal>, cells: readonly CellId[]): SheetCell {
  let value: number | null = null
  let complete = true
  for (const id of cells) {
    const t = totals.get(id)
    if (!t?.complete) complete = false
    if (t?.value !== undefined) value = (value ?? 0) + t.value
  }
  return cell(value === null ? null : Number(value.toFixed(6)), complete ? 'sum' : 'incomplete')
}

/** How the unit stands, in words. */
export function statusText(status: UnitStatus): string {
  const own = status.own ? '（本级）' : ''
  if (status.status === 'missing') {
    const other = status.otherYears.length ? `；有 ${[...new Set(status.otherYears.map((r) => r.year ?? '年度未识别'))].join('、')} 年度的报告` : ''
    return `未报送${other}`
  }
  if (status.status === 'duplicate') {
    const how = status.chosenBy === 'officer' ? '已选用' : '暂用'
    return `重复报送 ${status.reports.length} 份，${how}“${status.chosen?.file ?? ''}”${own}`
  }
  const unsure = status.chosen?.match && UNSURE_METHODS.has(status.chosen.match.method) ? `（${MATCH_METHOD_LABELS[status.chosen.match.method]}）` : ''
  return `已报送${unsure}${own}`
}

function summarySheet(result: RollupResult, totals: ReadonlyMap<CellId, RollupTotal>): SheetModel {
  const figures = SUMMARY_FIGURES.map(quantity)
  const rows = result.units.map((s) => {
    const r = s.chosen
    const unsure = r?.match && UNSURE_METHODS.has(r.match.method)
    return [
      cell(s.unit.name),
      cell(ROLLUP_LEVEL_LABELS[s.unit.level]),
      cell(statusText(s), unsure ? 'unsure' : undefined),
      cell(r?.file ?? null),
      cell(r ? s.counts.error : null),
      cell(r ? s.counts.warning : null),
      cell(r ? s.counts.hint : null),
      ...figures.map((q) => cell(r ? figureOf(r.values, q.cells) : null))
    ]
  })
  const incomplete = result.totals.some((t) => !t.complete)
  rows.push([
    cell(`合计（${result.units.filter((s) => s.chosen).length} 个单位）`, 'sum'),
    cell(null, 'sum'),
    cell(result.missing.length ? `未报送 ${result.missing.length} 个` : null, 'sum'),
    cell(null, 'sum'),
    cell(result.units.reduce((n, s) => n + s.counts.error, 0), 'sum'),
    cell(result.units.reduce((n, s) => n + s.counts.warning, 0), 'sum'),
    cell(result.units.reduce((n, s) => n + s.counts.hint, 0), 'sum'),
    ...figures.map((q) => totalOf(totals, q.cells))
  ])
  const unmatched = result.unmatched.length ? `；另有 ${result.unmatched.length} 份本年度报告未匹配到单位，未计入合计（见“其他文件”）` : ''
  return {
    name: '汇总',
    caption: `${result.year} 年度政府信息公开工作年度报告汇总：${result.units.length} 个单位${result.listed ? '' : '（未提供单位名单，按各报告所写单位）'}${unmatched}。${incomplete ? '黄色的合计不完整：有单位该项空白（空白不等于 0）。' : ''}${result.comparisonProblem ? `${result.comparisonProblem}。` : ''}`,
    header: [
      ['单位', '层级', '状态', '文件', '错误', '警告', '提示', ...figures.map((q) => q.label)].map((text) => ({ text }))
    ],
    columns: [
      { width: UNIT_WIDTH },
      { width: 12 },
      { width: 28 },
      { width: FILE_WIDTH },
      { width: 8, number: 'count' },
      { width: 8, number: 'count' },
      { width: 8, number: 'count' },
      ...figures.map((q) => ({ width: FIGURE_WIDTH, number: q.kind }))
    ],
    rows,
    frozenColumns: 1
  }
}

/** Header rows of a table sheet: the row label over the columns of its cells, the column label under it. */
function tableHeader(cells: readonly CellDef[]): HeaderCell[][] {
  const top: HeaderCell[] = [{ text: '单位' }, { text: '层级' }]
  for (const c of cells) {
    const label = c.rowPath.join(LABEL_SEPARATOR)
    const last = top.at(-1)!
    if (last.text === label && top.length > 2) last.span = (last.span ?? 1) + 1
    else top.push({ text: label })
  }
  return [top, [{ text: '' }, { text: '' }, ...cells.map((c) => ({ text: c.columnPath.join(LABEL_SEPARATOR) }))]]
}

function tableSheet(result: RollupResult, table: (typeof TABLES)[number], totals: ReadonlyMap<CellId, RollupTotal>): SheetModel {
  const cells = cellsOf(table.id)
  const summed = result.units.filter((s) => s.chosen)
  const rows: SheetCell[][] = summed.map((s) => [
    cell(s.unit.name),
    cell(ROLLUP_LEVEL_LABELS[s.unit.level] + (s.own ? '（本级）' : '')),
    ...cells.map((c) => cell(s.chosen!.values[c.id] ?? null))
  ])
  rows.push([
    cell('合计', 'sum'),
    cell(`${summed.length} 个单位`, 'sum'),
    ...cells.map((c) => {
      const t = totals.get(c.id)
      return cell(t?.value ?? null, t?.complete ? 'sum' : 'incomplete')
    })
  ])
  rows.push([cell('空白的单位数', 'note'), cell(null, 'note'), ...cells.map((c) => cell(totals.get(c.id)?.blanks ?? 0, 'note'))])
  const own = result.units.find((s) => s.own && s.chosen)
  const ownNote = own && result.comparison ? `本级“${own.unit.name}”在与所属单位合计核对的单元格上不计入合计。` : ''
  return {
    name: table.name,
    caption: `${table.name}：各单位全部 ${cells.length} 个单元格（空白表示报告中该格空白，不等于 0）；黄色的合计不完整：有单位该格空白。${ownNote}`,
    header: tableHeader(cells),
    columns: [{ width: UNIT_WIDTH }, { width: 12 }, ...cells.map((c) => ({ width: c.kind === 'amount' ? 14 : 11, number: c.kind }))],
    rows,
    frozenColumns: 2
  }
}

function problemsSheet(result: RollupResult): SheetModel {
  const rows: SheetCell[][] = []
  const add = (unit: string, level: string, r: RollupReport) => {
    for (const f of allFindings(r)) {
      rows.push([cell(unit), cell(level), cell(r.file), cell(SEVERITY_LABELS[f.severity]), cell(f.name), cell(f.rule), cell(f.place), cell(f.message)])
    }
  }
  for (const s of result.units) if (s.chosen) add(s.unit.name, ROLLUP_LEVEL_LABELS[s.unit.level], s.chosen)
  for (const r of result.unmatched) add(`${r.names[0] ?? '（未识别单位）'}（未匹配）`, '', r)
  return {
    name: '问题清单',
    caption: `各单位报告的检查结果（与编辑页相同的检查，另加与上年差异大、与所属单位合计），共 ${rows.length} 项。`,
    header: [['单位', '层级', '文件', '级别', '检查', '规则', '位置', '说明'].map((text) => ({ text }))],
    columns: [{ width: UNIT_WIDTH }, { width: 12 }, { width: FILE_WIDTH }, { width: 8 }, { width: 14 }, { width: 10 }, { width: 44 }, { width: 80 }],
    rows,
    frozenColumns: 1
  }
}

function missingSheet(result: RollupResult): SheetModel {
  const rows = result.units
    .filter((s) => s.status === 'missing')
    .map((s) => [
      cell(s.unit.name),
      cell(ROLLUP_LEVEL_LABELS[s.unit.level]),
      cell(s.otherYears.length ? s.otherYears.map((r) => `${r.year ?? '年度未识别'}：${r.file}`).join('；') : null)
    ])
  return {
    name: '未报送',
    caption: result.listed
      ? `单位名单中没有 ${result.year} 年度报告的单位，共 ${rows.length} 个。`
      : '未提供单位名单，无法列出未报送的单位（可在程序中编辑单位名单，或用 --units 指定）。',
    header: [['单位', '层级', '收到的其他年度报告'].map((text) => ({ text }))],
    columns: [{ width: UNIT_WIDTH }, { width: 12 }, { width: TEXT_WIDTH }],
    rows,
    frozenColumns: 1
  }
}

function otherFilesSheet(result: RollupResult): SheetModel {
  const rows: SheetCell[][] = []
  for (const r of result.unmatched) {
    const why = r.ambiguous?.length ? `可能是：${r.ambiguous.join('、')}` : r.names.length ? '单位名单中没有这个单位' : '报告中未识别出单位名称'
    rows.push([cell(r.file), cell('未匹配单位'), cell(r.names[0] ?? null), cell(r.year ?? null), cell(`${why}，未计入合计`)])
  }
  for (const r of result.otherYears) {
    rows.push([cell(r.file), cell(r.year === undefined ? '年度未识别' : '其他年度'), cell(r.match?.unit ?? r.names[0] ?? null), cell(r.year ?? null), cell('未计入合计')])
  }
  for (const u of result.unreadable) rows.push([cell(u.file), cell('无法读取'), cell(null), cell(null), cell(u.reason)])
  return {
    name: '其他文件',
    caption: '未计入合计的文件：未匹配到单位的本年度报告、其他年度或年度未识别的报告、无法读取的文件。',
    header: [['文件', '类别', '单位', '年度', '说明'].map((text) => ({ text }))],
    columns: [{ width: FILE_WIDTH }, { width: 12 }, { width: UNIT_WIDTH }, { width: 8, number: 'count' }, { width: TEXT_WIDTH }],
    rows,
    frozenColumns: 1
  }
}

export function rollupSheets(result: RollupResult): SheetModel[] {
  const totals = new Map(result.totals.map((t) => [t.cell, t]))
  return [
    summarySheet(result, totals),
    ...TABLES.map((table) => tableSheet(result, table, totals)),
    problemsSheet(result),
    missingSheet(result),
    otherFilesSheet(result)
  ]
}
