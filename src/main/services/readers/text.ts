/**
 * Text helpers shared by the readers: whitespace the way officers' files carry it (non-breaking
 * spaces from web pages, ideographic indents, source line breaks inside Chinese text), and the
 * joining of wrapped lines.
 */

/** Han characters and the CJK punctuation that sits between them. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef'
const CJK_CHAR = new RegExp(`[${CJK}]`)
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\r\\n]+(?=[${CJK}])`, 'g')

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK_CHAR.test(char)
}

/** Counts Han characters: how much Chinese text a piece holds. */
export function hanCount(text: string): number {
  let count = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) count += 1
  }
  return count
}

/**
 * One line of text as printed: &nbsp; and other odd spaces become plain spaces, runs collapse,
 * ends are trimmed (the ideographic indent “　　” included), and whitespace between two Chinese
 * characters goes — in HTML and PDF it is a source line break or a spacing artefact, never a word gap.
 */
export function cleanInline(text: string): string {
  return trimSpaces(
    text
      .replace(/[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g, ' ')
      .replace(/[ \t\r\n\f\v]+/g, ' ')
      .replace(SPACE_BETWEEN_CJK, '$1')
  )
}

const SPACE = /[\s\u3000]/

/** Trims white space at both ends by scanning: `[\s]+$` backtracks quadratically on a long run of spaces inside the text. */
function trimSpaces(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && SPACE.test(text[start]!)) start += 1
  while (end > start && SPACE.test(text[end - 1]!)) end -= 1
  return text.slice(start, end)
}

/**
 * Joins the lines of one wrapped cell or label: no separator where either side is Chinese
 * (“商业” + “企业”), one space between Latin words.
 */
export function joinLines(lines: readonly string[]): string {
  let out = ''
  for (const raw of lines) {
    const line = cleanInline(raw)
    if (!line) continue
    if (out && !isCjk(out.at(-1)) && !isCjk(line[0])) out += ' '
    out += line
  }
  return out
}
