/**
 * Test helper: a Report's three tables rendered as the Blocks a reader would produce — real table
 * blocks with the official merges (from layout.ts), and the flattened shapes web copies take.
 */
import type { CellId } from '@core/report/cells'
import { tableLayout, type LayoutCell } from '@core/report/layout'
import { TABLE_2, TABLE_3, TABLE_4, type TableDef } from '@core/report/tables'
import type { Block, BlockCell } from '@core/import/types'

export type Values = Partial<Record<CellId, number>>

export interface RenderOptions {
  /** How a value is printed (default: String). */
  format?: (value: number, id: CellId) => string
  /** Print the template's line breaks inside header cells (商业⏎企业). */
  lineBreaks?: boolean
}

function cellText(cell: LayoutCell, values: Values, options: RenderOptions): string {
  if (cell.kind === 'value') {
    const value = cell.cellId ? values[cell.cellId] : undefined
    if (value === undefined) return ''
    return options.format ? options.format(value, cell.cellId!) : String(value)
  }
  const label = options.lineBreaks && cell.lines ? cell.lines.join('\n') : cell.text
  return label + (cell.note ?? '')
}

export function tableRows(table: TableDef, values: Values, options: RenderOptions = {}): BlockCell[][] {
  return tableLayout(table).rows.map((row) =>
    row.cells.map((cell) => ({ text: cellText(cell, values, options), rowSpan: cell.rowSpan, colSpan: cell.colSpan }))
  )
}

export function tableBlock(table: TableDef, values: Values, options: RenderOptions = {}): Block {
  return { kind: 'table', rows: tableRows(table, values, options) }
}

export const HEADINGS = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况'
} as const

/** The three tables as real table blocks, each after its section heading and a sentence. */
export function reportBlocks(values: Values, options: RenderOptions = {}): Block[] {
  const para = (text: string): Block => ({ kind: 'paragraph', text })
  return [
    para('一、总体情况'),
    para('本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息326条。'),
    para(HEADINGS.t2),
    tableBlock(TABLE_2, values, options),
    para(HEADINGS.t3),
    tableBlock(TABLE_3, values, options),
    para(HEADINGS.t4),
    tableBlock(TABLE_4, values, options),
    para('五、存在的主要问题及改进情况'),
    para('一是政策解读形式较为单一；二是部分村（社区）公开栏更新不够及时。')
  ]
}

/** Every printed cell of a table block on its own line (anchor order), as a web copy gives it. */
export function cellPerLine(block: Block): Block[] {
  if (block.kind !== 'table') return [block]
  return block.rows.flatMap((row) => row.map((cell): Block => ({ kind: 'paragraph', text: cell.text }))).filter(
    (b) => b.kind === 'paragraph' && b.text.trim() !== ''
  )
}

/** Every row of a table block on one line, cells joined by `separator`. */
export function rowPerLine(block: Block, separator = ' ', valueSeparator = separator): Block[] {
  if (block.kind !== 'table') return [block]
  return block.rows
    .map((row): Block => {
      const labels = row.filter((c) => !/^\d+(\.\d+)?$/.test(c.text)).map((c) => c.text)
      const figures = row.filter((c) => /^\d+(\.\d+)?$/.test(c.text)).map((c) => c.text)
      const text = [labels.join(separator), figures.join(valueSeparator)].filter(Boolean).join(separator)
      return { kind: 'paragraph', text }
    })
    .filter((b) => b.kind === 'paragraph' && b.text.trim() !== '')
}

/** Replace every table block by the paragraphs `flatten` makes of it. */
export function flattened(blocks: readonly Block[], flatten: (block: Block) => Block[]): Block[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? flatten(b) : [b]))
}

export const TABLES_OF = { t2: TABLE_2, t3: TABLE_3, t4: TABLE_4 } as const
