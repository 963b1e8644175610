/**
 * Text clean-up for table recognition: labels are compared after removing what printing and
 * copying add (spaces inside words, line breaks, numbering styles, quote styles, page numbers),
 * and figures are read as printed (thousands separators, decimals) without ever being repaired.
 */
import { withoutNumber } from '../../../report/tables'

/** Whitespace of every kind a copy can bring: ASCII, NBSP, ideographic space, zero-width marks. */
const SPACES = /[\s\u00a0\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+/g

const FULL_WIDTH_DIGIT = /[０-９]/g

/** Numbering forms that mean the same: 1、 1． 1. (1) （1） → `1.`; 一. 一． → `一、`; (一) → （一）. */
const NUMBERING: readonly [RegExp, string][] = [
  [/^[（(](\d{1,2})[）)]/, '$1.'],
  [/^(\d{1,2})[、．.,，]/, '$1.'],
  [/^([一二三四五六七八九十]{1,3})[.．,，]/, '$1、'],
  [/[(（]([一二三四五六七八九十]{1,3})[)）]/g, '（$1）']
]

/** Quote characters: the official labels use “ ”, copies use " ' 「 」 ‘ ’ or none at all. */
const QUOTES = /[“”"'‘’「」『』]/g

/** A page number printed inside a table or between its lines: -3-, - 4 -, —5—, 第3页, 第 3 页 共 8 页. */
const PAGE_NUMBER = /^(?:[-－—–]+\d{1,3}[-－—–]+|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/

export function toHalfWidthDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

export function removeSpaces(text: string): string {
  return text.replace(SPACES, '')
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(removeSpaces(toHalfWidthDigits(text)))
}

const INNER_NUMBER_HINT = /\D\d{1,2}[、．,，]/
const INNER_NUMBER = /(?<=\p{Script=Han}|）)(\d{1,2})[、．,，](?=\p{Script=Han})/gu

/** The comparable form of a label. Page-number noise becomes the empty string. */
export function normalizeLabel(text: string): string {
  let out = removeSpaces(toHalfWidthDigits(text)).replace(QUOTES, '')
  if (PAGE_NUMBER.test(out)) return ''
  for (const [pattern, replacement] of NUMBERING) out = out.replace(pattern, replacement)
  // A sub-row's number after its group's label: （三）不予公开1、属于国家秘密.
  return INNER_NUMBER_HINT.test(out) ? out.replace(INNER_NUMBER, '$1.') : out
}

/** The label without its leading numbering (1. / （三） / 三、), for sub-row labels quoted bare. */
export const stripNumbering = withoutNumber

/** What a printed value cell may hold instead of a figure: nothing, or a dash meaning “none”. */
const BLANK = /^(?:[-－—–/／]*|无)$/

export function isBlankValue(text: string): boolean {
  return BLANK.test(removeSpaces(text))
}

/** A figure as printed: 1,234,567 or 1234567, decimals (万元 amounts up to six places), an optional 件. */
const FIGURE = /^[+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?(?:件|个|万元)?$/

/** A figure with a note after it in the cell: “8（其中修订3件）”, “41（含自然失效12件）”. */
const ANNOTATED = /^(.+?)[（(]([^（）()]*\p{Script=Han}[^（）()]*)[）)]$/u

/** The figure and its note, when a cell prints a figure followed by a bracketed note. */
export function splitAnnotation(text: string): { figure: string; note?: string } {
  const compact = removeSpaces(toHalfWidthDigits(text))
  if (!compact.endsWith('）') && !compact.endsWith(')')) return { figure: compact }
  const m = ANNOTATED.exec(compact)
  return m && FIGURE.test(m[1]!) ? { figure: m[1]!, note: m[2]! } : { figure: compact }
}

/** The number a cell prints (its note, if any, aside), or undefined when the cell is not a figure. */
export function parseFigure(text: string): number | undefined {
  const compact = splitAnnotation(text).figure
  if (!FIGURE.test(compact)) return undefined
  const value = Number(compact.replace(/[,，]|件|个|万元/g, '').replace('．', '.'))
  return Number.isFinite(value) ? value : undefined
}

/**
 * A token that may be several figures printed without separator: digits, and the signs and
 * thousands separators the figures carried (“28-21,045” is 28 | -2 | 1,045).
 */
export function isDigitString(text: string): boolean {
  return /^[-+]?\d[\d,，+-]*$/.test(removeSpaces(toHalfWidthDigits(text))) && !/[,，+-]$/.test(text.trim())
}
