/**
 * Where the keyboard and a paste go in one table's merged grid. Positions come from the official
 * layout (layout.ts placeCells), so moving "down" follows what the officer sees: in 表二 a 行政许可
 * value spanning three columns is below each of the 规章 values.
 */
import type { CellId } from '@core/report/cells'
import { placeCells, type LayoutCell, type TableLayout } from '@core/report/layout'

export interface GridPosition {
  cellId: CellId
  row: number
  column: number
  colSpan: number
}

export type Move = 'next' | 'previous' | 'up' | 'down' | 'left' | 'right' | 'first' | 'last'

export interface GridModel {
  /** Value cells in reading order (left to right, then down). */
  order: readonly GridPosition[]
  /** Grid rows that hold value cells, top to bottom, each with its value cells left to right. */
  valueRows: readonly (readonly GridPosition[])[]
  /** Every cell of the layout with its grid position. */
  placed: readonly { row: number; column: number; cell: LayoutCell }[]
  move(from: CellId, move: Move): CellId | undefined
  /**
   * The cells a pasted block fills from `from`: block row i goes to the i-th value row from the
   * focused one, its cells to that row's value cells from the focused column rightwards.
   * `undefined` where the block runs past the table.
   */
  pasteTargets(from: CellId, block: readonly (readonly string[])[]): (CellId | undefined)[][]
}

const covers = (p: GridPosition, column: number): boolean => p.column <= column && column < p.column + p.colSpan

export function gridModel(layout: TableLayout): GridModel {
  const placed = placeCells(layout)
  const order: GridPosition[] = placed
    .filter((p) => p.cell.kind === 'value' && p.cell.cellId)
    .map((p) => ({ cellId: p.cell.cellId!, row: p.row, column: p.column, colSpan: p.cell.colSpan }))
  const valueRows: GridPosition[][] = []
  for (const p of order) {
    const last = valueRows.at(-1)
    if (last && last[0]!.row === p.row) last.push(p)
    else valueRows.push([p])
  }
  const index = new Map(order.map((p, i) => [p.cellId, i]))
  const rowOf = new Map<CellId, number>()
  valueRows.forEach((row, r) => row.forEach((p) => rowOf.set(p.cellId, r)))

  /** The nearest value row above or below holding a cell under this column. */
  const vertical = (from: GridPosition, step: 1 | -1): CellId | undefined => {
    for (let r = rowOf.get(from.cellId)! + step; r >= 0 && r < valueRows.length; r += step) {
      const hit = valueRows[r]!.find((p) => covers(p, from.column))
      if (hit) return hit.cellId
    }
    return undefined
  }

  function move(from: CellId, direction: Move): CellId | undefined {
    const i = index.get(from)
    if (i === undefined) return undefined
    const here = order[i]!
    const row = valueRows[rowOf.get(from)!]!
    const inRow = row.indexOf(here)
    switch (direction) {
      case 'next':
        return order[i + 1]?.cellId
      case 'previous':
        return order[i - 1]?.cellId
      case 'left':
        return row[inRow - 1]?.cellId
      case 'right':
        return row[inRow + 1]?.cellId
      case 'down':
        return vertical(here, 1)
      case 'up':
        return vertical(here, -1)
      case 'first':
        return order[0]?.cellId
      case 'last':
        return order.at(-1)?.cellId
    }
  }

  function pasteTargets(from: CellId, block: readonly (readonly string[])[]): (CellId | undefined)[][] {
    const i = index.get(from)
    if (i === undefined) return block.map((line) => line.map(() => undefined))
    const here = order[i]!
    const first = rowOf.get(from)!
    return block.map((line, r) => {
      const row = valueRows[first + r]
      const cells = row ? row.filter((p) => p.column + p.colSpan > here.column) : []
      return line.map((_, c) => cells[c]?.cellId)
    })
  }

  return { order, valueRows, placed, move, pasteTargets }
}

/** Which way a cell's note opens: centred under it, or running inwards from the table's edge. */
export type NoteSide = 'start' | 'center' | 'end'

/**
 * Cells whose centre lies this close to either edge of the table (as a share of its width) open
 * their note inwards: a note is about a quarter of the editor's width wide, and centred under a
 * 总计 cell it would run past the scroll area's edge and be cut off.
 */
const NOTE_EDGE_SHARE = 0.25

/** The side each value cell's note opens to, from the cell's place in the official column widths. */
export function noteSides(layout: TableLayout, order: readonly GridPosition[]): ReadonlyMap<CellId, NoteSide> {
  const widths = layout.columnWidths
  const total = widths.reduce((a, b) => a + b, 0)
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0))
  const sides = new Map<CellId, NoteSide>()
  for (const p of order) {
    const left = starts[p.column] ?? 0
    const right = (starts[p.column + p.colSpan - 1] ?? left) + (widths[p.column + p.colSpan - 1] ?? 0)
    const centre = (left + right) / 2 / total
    sides.set(p.cellId, centre < NOTE_EDGE_SHARE ? 'start' : centre > 1 - NOTE_EDGE_SHARE ? 'end' : 'center')
  }
  return sides
}

/**
 * A block copied from Excel or WPS: rows end with \n or \r\n (the last one usually too), cells are
 * separated by tabs. Returns null for a single value, which the input pastes as text.
 */
export function parseClipboardBlock(text: string): string[][] | null {
  const body = text.replace(/\r?\n$/, '')
  if (!/[\t\r\n]/.test(body)) return null
  return body.split(/\r?\n|\r/).map((line) => line.split('\t'))
}
