/** Helpers for reading the narrative: sentence and clause bounds, titles, digit forms. */

/**
 * A set of stop characters. All sets share one lookup table of flags per UTF-16 code, so testing a
 * character is one array read: these scans run over every section on every keystroke.
 */
export interface Stops {
  readonly mask: number
}

const STOP_TABLE = new Uint8Array(0x10000)
let nextMask = 1

export function stops(chars: string): Stops {
  if (nextMask > 0x80) throw new Error('too many stop sets for the lookup table')
  const mask = nextMask
  nextMask <<= 1
  for (const ch of chars) STOP_TABLE[ch.charCodeAt(0)]! |= mask
  return { mask }
}

export function isStop(code: number, stops: Stops): boolean {
  return (STOP_TABLE[code]! & stops.mask) !== 0
}

const SENTENCE_CHARS = '。！？!?；;\n\r'
/** Sentence ends: a clause or a finding never reaches across these. */
export const SENTENCE_STOPS = stops(SENTENCE_CHARS)
/** Clause ends: sentence ends plus commas and colons. */
export const CLAUSE_STOPS = stops(`${SENTENCE_CHARS}，,：:`)

const ASCII_ZERO = 0x30
const FULLWIDTH_ZERO = 0xff10

/**
 * The value of a digit, ASCII or full-width (officers type both), or -1. The text is read as typed,
 * never rewritten, so offsets in findings are offsets into what the officer sees.
 */
export function digitValue(code: number): number {
  if (code >= ASCII_ZERO && code <= ASCII_ZERO + 9) return code - ASCII_ZERO
  if (code >= FULLWIDTH_ZERO && code <= FULLWIDTH_ZERO + 9) return code - FULLWIDTH_ZERO
  return -1
}

/** Index just after the last stop character before `pos`, not going back past `floor`. */
export function boundaryBefore(text: string, pos: number, stops: Stops, floor = 0): number {
  for (let i = pos - 1; i >= floor; i--) {
    if (isStop(text.charCodeAt(i), stops)) return i + 1
  }
  return floor
}

/** Index of the first stop character at or after `pos` (or the end of the text). */
export function boundaryAfter(text: string, pos: number, stops: Stops): number {
  for (let i = pos; i < text.length; i++) {
    if (isStop(text.charCodeAt(i), stops)) return i
  }
  return text.length
}

const TITLE_OPEN = '《'.charCodeAt(0)
const TITLE_CLOSE = '》'.charCodeAt(0)

/** Whether `pos` lies inside a 《…》 title opened after `floor` (nested 〈〉 are inside the title too). */
export function insideTitle(text: string, pos: number, floor: number): boolean {
  for (let i = pos - 1; i >= floor; i--) {
    const code = text.charCodeAt(i)
    if (code === TITLE_CLOSE) return false
    if (code === TITLE_OPEN) return true
  }
  return false
}

/** Whitespace as the officer sees it, including the full-width space used for indents. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  )
}
