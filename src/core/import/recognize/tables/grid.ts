/**
 * Expansion of a table block (anchor convention: a merged cell appears once, in the row where it
 * starts) into a full 2-D grid, so that every position knows which printed cell covers it.
 */
import type { BlockCell } from '../../types'

export interface GridCell {
  /** Row and index of the printed cell in the block (the anchor convention's coordinates). */
  row: number
  cell: number
  text: string
  /** The cell's text was recovered, not printed (BlockCell.derived). */
  derived?: string
}

/** grid[r][c]: the printed cell covering row r, column c; rows may be ragged. */
export function expandGrid(rows: readonly (readonly BlockCell[])[]): GridCell[][] {
  const grid: (GridCell | undefined)[][] = rows.map(() => [])
  rows.forEach((cells, r) => {
    let column = 0
    cells.forEach((cell, index) => {
      while (grid[r]![column]) column += 1
      const placed: GridCell = { row: r, cell: index, text: cell.text, ...(cell.derived ? { derived: cell.derived } : {}) }
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r))
      const colSpan = Math.max(1, cell.colSpan)
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) grid[r + dr]![column + dc] = placed
      }
      column += colSpan
    })
  })
  // Holes (a row shorter than the rows above it expected) are dropped: nothing was printed there.
  return grid.map((line) => line.filter((c): c is GridCell => c !== undefined))
}

/** The distinct printed cells of a grid row in column order, each with its first column. */
export function rowCells(line: readonly GridCell[]): { cell: GridCell; column: number }[] {
  const out: { cell: GridCell; column: number }[] = []
  line.forEach((cell, column) => {
    if (out.at(-1)?.cell !== cell) out.push({ cell, column })
  })
  return out
}
