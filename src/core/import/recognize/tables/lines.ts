/**
 * The common shape both kinds of table source are read into: a line of label pieces followed by
 * value slots. A real table row is one line; a paragraph of a flattened table is one line too
 * (a label, a figure, or a label with its figures). Recognition then works on lines alone.
 */
import type { ValueSource } from '../../types'
import { isBlankValue, isPageNumber, parseFigure, removeSpaces, splitAnnotation } from './normalize'

export interface Slot {
  /** The text as printed. */
  text: string
  /** undefined: the cell is empty (or a dash) — blank, never 0. */
  value: number | undefined
  source: ValueSource
  /** Real tables: the grid column, to tell layout debris from value columns. */
  column?: number
  /** The figure was not printed as read (look-alike characters): how. */
  derived?: string
  /** A note printed in the cell after the figure (“其中修订3件”). */
  note?: string
}

export interface LabelPiece {
  text: string
  /** Covered by a cell that started in a row above (a merged group label): context only. */
  carried: boolean
  /** Real tables: the grid column the cell starts in, to order header cells spread over rows. */
  column?: number
}

export interface Line {
  block: number
  labels: LabelPiece[]
  slots: Slot[]
  /** Real tables: grid columns that hold a figure in some row of the same table block. */
  valueColumns?: ReadonlySet<number>
  /** From a table block (cells are explicit, blanks are meaningful). */
  fromTable: boolean
}

/** Figures printed after a label in the same text, separated by spaces or tabs: “（一）予以公开 9 3 1”. */
export function splitTrailingFigures(text: string): { label: string; figures: string[]; pieces: string[] } {
  const tokens = text.trim().split(/[\s\u00a0\u3000]+/).filter(Boolean)
  const figures: string[] = []
  while (tokens.length && (parseFigure(tokens.at(-1)!) !== undefined || isRunOfFigures(tokens.at(-1)!))) figures.unshift(tokens.pop()!)
  let label = removeSpaces(tokens.join(''))
  // Digits run straight on from the label (“（一）予以公开120030116”): no label ends in a digit.
  if (figures.length === 0) {
    const attached = /^(.*?[^\d.．,，])((?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?)$/.exec(label)
    if (attached && !/[\d.．、]$/.test(attached[1]!)) {
      label = attached[1]!
      figures.push(attached[2]!)
      tokens[tokens.length - 1] = tokens.at(-1)!.slice(0, -attached[2]!.length)
    }
  }
  // The label's space-separated parts: cells of a row copied with spaces, or one label broken by spaces.
  return { label, figures, pieces: tokens.filter(Boolean) }
}

/**
 * Figures run together with their thousands separators (“1,20345321791,279”): no one figure, but
 * digits to split. Such a slot's value is NaN until the split decides.
 */
export function isRunOfFigures(text: string): boolean {
  const t = removeSpaces(text)
  return /^\d[\d,，]*\d$/.test(t) && /[,，]/.test(t) && parseFigure(t) === undefined
}

export function slotOf(text: string, source: ValueSource, column?: number, derived?: string): Slot | undefined {
  const value = parseFigure(text)
  if (value === undefined && !isBlankValue(text)) return undefined
  const note = value === undefined ? undefined : splitAnnotation(text).note
  return {
    text: text.trim(),
    value,
    source,
    ...(column === undefined ? {} : { column }),
    ...(derived ? { derived } : {}),
    ...(note ? { note } : {})
  }
}

const DASH = /^[-－—–/／]+$/

/** A paragraph as a line; page numbers and empty paragraphs give none. */
export function paragraphLine(text: string, block: number, derived?: string): Line | undefined {
  if (!removeSpaces(text) || isPageNumber(text)) return undefined
  // A cell printed as a dash (“—”, “/”), copied onto a line of its own: a blank slot, never a label.
  if (DASH.test(removeSpaces(text))) return { block, labels: [], slots: [{ text: text.trim(), value: undefined, source: { block, text: text.trim() } }], fromTable: false }
  const { label, figures, pieces } = splitTrailingFigures(text)
  return {
    block,
    labels: label ? pieces.map((piece) => ({ text: piece, carried: false })) : [],
    slots: figures.map((f) => {
      const note = splitAnnotation(f).note
      const value = parseFigure(f) ?? (isRunOfFigures(f) ? Number.NaN : undefined)
      return { text: f, value, source: { block, text: f }, ...(derived ? { derived } : {}), ...(note ? { note } : {}) }
    }),
    fromTable: false
  }
}
