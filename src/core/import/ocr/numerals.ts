/**
 * Figures as OCR reads them: full-width digits, a zero read as 〇/O/o/D, a one read as l/I/|,
 * thousands separators read as dots or commas. Only a token that is otherwise a figure is
 * repaired: a letter beside other letters stays a letter.
 */
import { isBlankValue, parseFigure, removeSpaces, toHalfWidthDigits } from '../recognize/tables/normalize'

const LOOKALIKES: Record<string, string> = { '〇': '0', O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', '丨': '1' }

export interface Numeral {
  /** The figure as it will be read by the table recogniser (digits, maybe a decimal point). */
  text: string
  /** Characters had to be read as digits (〇 → 0, l → 1): worth a look. */
  repaired: boolean
}

/** The figure a box holds, or undefined when it is not one. */
export function readNumeral(raw: string): Numeral | undefined {
  const compact = toHalfWidthDigits(removeSpaces(raw)).replace(/[。，,]$/, '')
  if (!compact || compact.length > 12) return undefined
  if (parseFigure(compact) !== undefined) return { text: compact, repaired: false }
  // Look-alikes only where at least one real digit or the token is a lone look-alike of 0/1.
  const replaced = [...compact].map((c) => LOOKALIKES[c] ?? c).join('')
  if (replaced !== compact && parseFigure(replaced) !== undefined && /^[\d〇OoDlI|丨.,，]+$/.test(compact)) {
    return { text: replaced, repaired: true }
  }
  return undefined
}

/** A cell printed as empty in some way (a dash, a slash, 无). */
export function isBlankMark(raw: string): boolean {
  return removeSpaces(raw) !== '' && isBlankValue(raw)
}
