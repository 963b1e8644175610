/**
 * The summary workbook (.xlsx), written with exceljs from the sheets core decides (core/rollup/sheets.ts):
 * a caption line, the header rows frozen with the unit's name, widths set, numbers as numbers
 * (counts as integers, amounts with up to 6 decimals), sums in bold, incomplete sums in yellow.
 * Written atomically. Also reads a unit list from a worksheet (.xlsx) for the unit list's import.
 */
import ExcelJS from 'exceljs'
import type { RollupResult } from '@core/rollup/types'
import { rollupSheets, type CellStyle, type SheetModel } from '@core/rollup/sheets'
import { FileError, writeFileAtomic } from '../files'

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }
const SUM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const INCOMPLETE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2B3' } }
const UNSURE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0C7' } }
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } }
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN }

const NUMBER_FORMATS = { count: '0', amount: '0.######' } as const

const STYLE_FILLS: Partial<Record<CellStyle, ExcelJS.Fill>> = { sum: SUM_FILL, incomplete: INCOMPLETE_FILL, unsure: UNSURE_FILL }

function addSheet(workbook: ExcelJS.Workbook, model: SheetModel): void {
  const headerTop = 2
  const frozenRows = headerTop + model.header.length - 1
  const wide = model.columns.length > 30
  const sheet = workbook.addWorksheet(model.name, {
    views: [{ state: 'frozen', xSplit: model.frozenColumns, ySplit: frozenRows, topLeftCell: `A${frozenRows + 1}` }],
    // Printed on A4 landscape: a narrow sheet fits the page's width; a table sheet's many columns
    // run over pages, each with the header rows and the unit's name repeated.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      ...(wide ? {} : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      printTitlesRow: `${headerTop}:${frozenRows}`,
      ...(model.frozenColumns ? { printTitlesColumn: `A:${String.fromCharCode(64 + model.frozenColumns)}` } : {})
    }
  })
  sheet.columns = model.columns.map((c) => ({ width: c.width }))

  const caption = sheet.getRow(1)
  caption.getCell(1).value = model.caption
  caption.getCell(1).font = { bold: true }
  caption.getCell(1).alignment = { vertical: 'middle', wrapText: false }

  model.header.forEach((cells, i) => {
    const rowNumber = headerTop + i
    const row = sheet.getRow(rowNumber)
    let column = 1
    for (const cell of cells) {
      const span = cell.span ?? 1
      row.getCell(column).value = cell.text
      if (span > 1) sheet.mergeCells(rowNumber, column, rowNumber, column + span - 1)
      column += span
    }
    for (let c = 1; c <= model.columns.length; c++) {
      const target = row.getCell(c)
      target.font = { bold: true }
      target.fill = HEADER_FILL
      target.border = BORDER
      target.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    }
    // Long labels (表三's 1.申请人无正当理由逾期不补正…) wrap: give the row room for a few lines.
    const longest = Math.max(...cells.map((cell, j) => cell.text.length / Math.max(1, (model.columns[j]?.width ?? 10) * (cell.span ?? 1) / 2)))
    row.height = Math.min(120, Math.max(20, Math.ceil(longest) * 15))
  })

  // Stacked header rows of a table sheet: 单位 and 层级 span both.
  if (model.header.length > 1) {
    for (let c = 1; c <= model.columns.length; c++) {
      if (model.header.slice(1).every((cells) => cells[c - 1]?.text === '') && model.header[0]![c - 1] && !model.header[0]![c - 1]!.span) {
        sheet.mergeCells(headerTop, c, headerTop + model.header.length - 1, c)
      } else break
    }
  }

  model.rows.forEach((cells, i) => {
    const row = sheet.getRow(frozenRows + 1 + i)
    cells.forEach((cell, j) => {
      const target = row.getCell(j + 1)
      target.value = cell.value
      target.border = BORDER
      const number = model.columns[j]?.number
      if (typeof cell.value === 'number' && number) target.numFmt = NUMBER_FORMATS[number]
      if (typeof cell.value === 'string') target.alignment = { vertical: 'top', wrapText: true }
      const fill = cell.style ? STYLE_FILLS[cell.style] : undefined
      if (fill) target.fill = fill
      if (cell.style === 'sum' || cell.style === 'incomplete') target.font = { bold: true }
      if (cell.style === 'note') target.font = { color: { argb: 'FF666666' } }
    })
  })
}

export function buildWorkbook(result: RollupResult): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '政府信息公开年报助手'
  for (const model of rollupSheets(result)) addSheet(workbook, model)
  return workbook
}

export async function workbookBytes(result: RollupResult): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(result).xlsx.writeBuffer())
}

/** Writes the summary workbook to `path`, atomically. */
export async function writeWorkbook(path: string, result: RollupResult): Promise<void> {
  await writeFileAtomic(path, await workbookBytes(result))
}

/** The first worksheet of an .xlsx as rows of cell texts (a unit list kept in Excel). */
export async function readWorksheetRows(bytes: Uint8Array, name: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch {
    throw new FileError(`不是有效的 Excel 文件（.xlsx），可能已损坏：${name}`)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new FileError(`Excel 文件中没有工作表：${name}`)
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text.trim())
    rows[number - 1] = cells
  })
  return Array.from(rows, (r) => r ?? [])
}
