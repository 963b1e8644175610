/**
 * Statistics tables that arrived as real table blocks (.docx, .html, PDF grids). Columns are placed
 * by the header row — the label column(s), unit, codes, and the value columns with their keys —
 * and every later row is read at those positions. A two-row header (“数量” over “本年 | 历年累计”)
 * and a table continued in a second block without its header (a page break) are both handled.
 */
import type { Block, BlockCell } from '../../types'
import { compact } from '../blockText'
import { expandGrid, type GridCell } from '../tables/grid'
import type { LegacyRow, LegacyTable } from './types'
import { CODE_HEADER, columnKey, LABEL_HEADER, UNIT_HEADER, VALUE_HEADER } from './vocabulary'

interface Layout {
  labelColumns: number[]
  unitColumn?: number
  values: { column: number; key: string }[]
  width: number
}

/** Rows above the header that may hold a caption; deeper than this, the block is another table. */
const HEADER_SEARCH_ROWS = 4

function findLayout(grid: readonly GridCell[][]): { layout: Layout; dataStart: number } | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const line = grid[r]!
    const labelAt = line.findIndex((c) => LABEL_HEADER.test(compact(c.text)))
    if (labelAt < 0) continue
    const labelCell = line[labelAt]!
    const layout: Layout = { labelColumns: [], values: [], width: Math.max(...grid.map((l) => l.length)) }
    let dataStart = r + 1
    const below = grid[r + 1]
    line.forEach((cell, column) => {
      const h = compact(cell.text)
      if (cell === labelCell) layout.labelColumns.push(column)
      else if (UNIT_HEADER.test(h)) layout.unitColumn ??= column
      else if (CODE_HEADER.test(h)) return
      else {
        // A group header over sub-columns: the row below names each column.
        const sub = below?.[column]
        if (sub && sub.row === r + 1 && VALUE_HEADER.test(compact(sub.text))) {
          layout.values.push({ column, key: columnKey(sub.text) })
          dataStart = r + 2
        } else if (VALUE_HEADER.test(h) && (column === 0 || line[column - 1] !== cell)) {
          layout.values.push({ column, key: columnKey(h) })
        }
      }
    })
    if (layout.values.length > 0) return { layout, dataStart }
  }
  return undefined
}

function readRows(block: number, grid: readonly GridCell[][], layout: Layout, from: number): LegacyRow[] {
  const rows: LegacyRow[] = []
  for (let r = from; r < grid.length; r++) {
    const line = grid[r]!
    // Label parts are the cells anchored in this row; a merged “其中” cell counts in its first row.
    const parts: GridCell[] = []
    for (const column of layout.labelColumns) {
      const cell = line[column]
      if (cell && cell.row === r && cell.text.trim() !== '' && !parts.includes(cell)) parts.push(cell)
    }
    const first = parts[0]
    if (!first) continue
    const label = parts
      .map((p) => p.text.replace(/\s+/g, ''))
      .reduce((acc, part) => (acc === '其中' ? `其中：${part}` : acc + part))
    const row: LegacyRow = { label, values: {}, sources: {}, source: { block, row: first.row, cell: first.cell, text: first.text } }
    const unit = layout.unitColumn === undefined ? undefined : line[layout.unitColumn]
    if (unit && unit.text.trim() !== '') row.unit = unit.text.trim()
    for (const { column, key } of layout.values) {
      const cell = line[column]
      if (!cell || key in row.values) continue
      row.values[key] = cell.text.trim()
      row.sources[key] = { block, row: cell.row, cell: cell.cell, text: cell.text }
      if (cell.derived) row.derived = { ...row.derived, [key]: cell.derived }
    }
    rows.push(row)
  }
  return rows
}

function gridOf(rows: readonly (readonly BlockCell[])[]): GridCell[][] {
  return expandGrid(rows)
}

/** Blocks between two table blocks that do not break a table: empty lines, page numbers. */
function isFiller(block: Block | undefined): boolean {
  if (block?.kind !== 'paragraph') return false
  const t = block.text.trim()
  return t === '' || /^[-－—\s]*\d{1,3}[-－—\s]*$/.test(t) || /^第\s*\d+\s*页/.test(t)
}

export function readTableBlocks(blocks: readonly Block[]): LegacyTable[] {
  const tables: LegacyTable[] = []
  let carry: { layout: Layout; table: LegacyTable; lastBlock: number } | undefined
  blocks.forEach((block, b) => {
    if (block.kind !== 'table') return
    const grid = gridOf(block.rows)
    const found = findLayout(grid)
    if (found) {
      const table: LegacyTable = { rows: readRows(b, grid, found.layout, found.dataStart), blocks: [b] }
      if (table.rows.length > 0) tables.push(table)
      carry = { layout: found.layout, table, lastBlock: b }
      return
    }
    // A headerless table right after one with a header, as wide: the same table after a page break.
    const width = Math.max(0, ...grid.map((l) => l.length))
    if (carry && width === carry.layout.width && blocks.slice(carry.lastBlock + 1, b).every(isFiller)) {
      carry.table.rows.push(...readRows(b, grid, carry.layout, 0))
      carry.table.blocks.push(b)
      carry.lastBlock = b
      if (!tables.includes(carry.table)) tables.push(carry.table)
      return
    }
    carry = undefined
  })
  return tables
}
