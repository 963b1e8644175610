/**
 * Real table blocks (docx, html, a PDF grid) as lines: each grid row gives its label cells and,
 * after the last own label, its value slots. Column positions are kept only to tell layout
 * debris (a column no row ever prints a figure in) from value columns; which value goes where is
 * decided later from the order of the slots and the labels, not from the header grid.
 */
import type { BlockCell } from '../../types'
import { expandGrid, rowCells } from './grid'
import { paragraphLine, slotOf, splitTrailingFigures, type LabelPiece, type Line, type Slot } from './lines'
import { isPageNumber, parseFigure, removeSpaces } from './normalize'

/**
 * A cell holding a whole row's figures apart (a PDF grid whose columns were not told apart):
 * three or more space-separated figures. Two are read as one number split across Word runs
 * (“20 23”), unless the second would then carry a leading zero.
 */
function severalFigures(text: string): string[] {
  const tokens = text.trim().split(/[\s\u00a0\u3000]+/)
  if (tokens.length < 2 || tokens.some((t) => parseFigure(t) === undefined)) return []
  if (tokens.length === 2 && !/^0\d/.test(tokens.join(''))) return []
  return tokens
}

export function tableLines(rows: readonly (readonly BlockCell[])[], block: number): Line[] {
  const grid = expandGrid(rows)
  const valueColumns = new Set<number>()
  grid.forEach((line, r) => {
    for (const { cell, column } of rowCells(line)) {
      if (cell.row === r && parseFigure(cell.text) !== undefined) valueColumns.add(column)
    }
  })
  const out: Line[] = []
  grid.forEach((line, r) => {
    const cells = rowCells(line)
    const own = cells.filter(({ cell }) => cell.row === r)
    // A row holding only a page number (-3-) or nothing at all is print furniture.
    if (own.every(({ cell }) => !removeSpaces(cell.text) || isPageNumber(cell.text))) return
    // A row of one cell spanning the width may be a paragraph caught in the table (a note, a title).
    if (cells.length === 1 && own.length === 1) {
      const { cell } = own[0]!
      const paragraph = paragraphLine(cell.text, block)
      const source = { block, row: cell.row, cell: cell.cell }
      if (paragraph) {
        const slots = paragraph.slots.map((s) => ({ ...s, source: { ...source, text: s.text } }))
        out.push({ ...paragraph, slots, fromTable: true })
      }
      return
    }
    const labels: LabelPiece[] = []
    let slots: Slot[] = []
    for (const { cell, column } of cells) {
      const carried = cell.row !== r
      const source = { block, row: cell.row, cell: cell.cell, text: cell.text }
      const several = carried ? [] : severalFigures(cell.text)
      if (several.length) {
        slots.push(...several.map((f) => ({ text: f, value: parseFigure(f), source, column })))
        continue
      }
      const slot = carried ? undefined : slotOf(cell.text, source, column, cell.derived)
      if (slot) {
        slots.push(slot)
        continue
      }
      if (carried && parseFigure(cell.text) !== undefined) continue
      if (!removeSpaces(cell.text)) continue
      // A label cell that also holds figures (a PDF grid merging columns): split them off.
      const { label, figures } = carried ? { label: cell.text, figures: [] as string[] } : splitTrailingFigures(cell.text)
      if (!carried) slots = [] // values sit to the right of the row's own label
      labels.push({ text: label, carried, column })
      slots.push(...figures.map((f) => ({ text: f, value: parseFigure(f), source, column })))
    }
    if (labels.length === 0 && slots.every((s) => s.value === undefined)) return
    out.push({ block, labels, slots, valueColumns, fromTable: true })
  })
  return out
}
