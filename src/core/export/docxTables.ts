/**
 * The three statistical tables as docx tables, drawn from the merged grid of `layout.ts`:
 * spans on the anchor cell (docx adds the vMerge continue cells), fixed column widths, repeated
 * header rows, rows that never split across pages.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from 'docx'
import { TABLE_WIDTH, placeCells, tableLayout, type LayoutCell, type TableLayout } from '../report/layout'
import type { Report } from '../report/report'
import type { TableDef, TableId } from '../report/tables'
import {
  SIZE,
  TABLE_CELL_MARGIN_DEFAULT,
  TABLE_CELL_MARGIN_NARROW,
  charWidth,
  fontFace,
  tableLinePitch,
  type FontTable
} from './gbt9704'
import { widthInChars } from './text'
import { printedValue, type BlankCells } from './values'

interface TableStyle {
  /** Half-points. 表二 has room for 小四; 表三's and 表四's narrow columns need 五号. */
  size: number
  /** Left and right cell margin, twips. */
  margin: number
}

const TABLE_STYLES: Record<TableId, TableStyle> = {
  t2: { size: SIZE.xiaosi, margin: TABLE_CELL_MARGIN_DEFAULT },
  t3: { size: SIZE.wuhao, margin: TABLE_CELL_MARGIN_NARROW },
  t4: { size: SIZE.wuhao, margin: TABLE_CELL_MARGIN_NARROW }
}

/** The 2021 template's tables are in 宋体; its explanatory notes in 楷体. */
function cellFonts(fonts: FontTable) {
  return { cell: fontFace(fonts.song), note: fontFace(fonts.heading2) }
}
type CellFonts = ReturnType<typeof cellFonts>

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER } as const

function runs(cell: LayoutCell, text: string, size: number, fonts: CellFonts): TextRun[] {
  const font = cell.kind === 'corner' ? fonts.note : fonts.cell
  // Official line breaks (商业⏎企业) as breaks inside one paragraph.
  const lines = cell.lines ?? [text]
  const out = lines.map((line, i) => new TextRun({ text: line, font, size, ...(i > 0 ? { break: 1 } : {}) }))
  if (cell.note) out.push(new TextRun({ text: cell.note, font: fonts.note, size }))
  return out
}

function cellText(cell: LayoutCell, report: Report, blankCells: BlankCells): string {
  if (cell.kind !== 'value' || !cell.cellId) return cell.text
  return printedValue(report, cell.cellId, cell.valueKind ?? 'count', blankCells)
}

function docxCell(cell: LayoutCell, style: TableStyle, text: string, fonts: CellFonts): TableCell {
  const pitch = tableLinePitch(style.size)
  return new TableCell({
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: ALIGN[cell.align],
        spacing: { line: pitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: runs(cell, text, style.size, fonts)
      })
    ]
  })
}

/**
 * Rows that must stay on the page of the row above so that a merged label has room for its text:
 * LibreOffice splits the text of a vertically merged cell at a page break (三、本年度办理结果
 * stands five lines tall in its narrow column). Counts one line per row, which errs on keeping more.
 */
function rowsHoldingMergedText(layout: TableLayout, style: TableStyle): Set<number> {
  const keep = new Set<number>()
  for (const { row, column, cell } of placeCells(layout)) {
    if (cell.rowSpan < 2 || cell.kind === 'value') continue
    const width = layout.columnWidths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0)
    const perLine = Math.max(1, Math.floor((width - 2 * style.margin) / charWidth(style.size)))
    const lines = Math.ceil(widthInChars(cell.text + (cell.note ?? '')) / perLine)
    for (let r = row; r < row + Math.min(lines, cell.rowSpan) - 1; r += 1) keep.add(r)
  }
  return keep
}

export function buildTable(table: TableDef, report: Report, blankCells: BlankCells, fontTable: FontTable): Table {
  const fonts = cellFonts(fontTable)
  const layout = tableLayout(table)
  const style = TABLE_STYLES[table.id]
  const holding = rowsHoldingMergedText(layout, style)
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: layout.columnWidths,
    // Without a fixed layout LibreOffice resizes the columns to their content.
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: style.margin, right: style.margin, marginUnitType: WidthType.DXA },
    rows: layout.rows.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          tableHeader: r < layout.headerRows,
          keepNext: row.keepWithNext || holding.has(r),
          children: row.cells.map((cell) => docxCell(cell, style, cellText(cell, report, blankCells), fonts))
        })
    )
  })
}
