/**
 * Text rules of the export that do not depend on the docx library: how the title breaks, which
 * part of a paragraph is a level-2 or level-3 heading, how the 落款 date is written and where it sits.
 */
import {
  SIGNATURE_DATE_SHIFT_CHARS,
  SIGNATURE_RIGHT_CHARS,
  SIZE,
  TEXT_WIDTH,
  charWidth
} from './gbt9704'

/**
 * Word and LibreOffice put about a quarter em between digits or Latin letters and the CJK text
 * around them (自动调整中文与数字间距, on by default): 2026年1月9日 is 7¼ em wide, not 6.
 */
const AUTO_SPACE = 0.25

/** Width of a string in characters of its size: CJK one em, ASCII half an em, plus the auto space. */
export function widthInChars(text: string): number {
  let width = 0
  let previousAscii: boolean | undefined
  for (const ch of text) {
    const ascii = ch.codePointAt(0)! < 0x80
    width += ascii ? 0.5 : 1
    if (previousAscii !== undefined && previousAscii !== ascii) width += AUTO_SPACE
    previousAscii = ascii
  }
  return width
}

export const TITLE_SUFFIX = '年政府信息公开工作年度报告'

/**
 * The title's lines. When it does not fit one line, break after the unit name so that each line
 * keeps its words whole (7.3.1 “回行时，要做到词意完整”): ××镇人民政府 / 2025年政府信息公开工作年度报告.
 */
export function titleLines(unit: string, year: number): string[] {
  const whole = `${unit}${year}${TITLE_SUFFIX}`
  const perLine = Math.floor(TEXT_WIDTH / charWidth(SIZE.erhao))
  return widthInChars(whole) <= perLine ? [whole] : [unit, `${year}${TITLE_SUFFIX}`]
}

/** （一）…（二十）: a level-2 heading, set in 楷体. */
const LEVEL2 = /^（[一二三四五六七八九十]+）/
/**
 * 1. 2. …: a level-3 heading (GB/T 9704 7.3.3 “第三层…用仿宋体字”; bold where a region asks for it).
 * The standard writes “1.”; “1．” and “1、” are common in real reports and mean the same level. A
 * decimal (“1.5万元…”) is not a heading.
 */
const LEVEL3 = /^[0-9０-９]{1,2}[.．、](?![0-9０-９])/
/** The heading ends at its first full stop; what follows in the paragraph is ordinary text. */
const HEADING_END = /[。！？]/

export interface HeadingSplit {
  heading: string
  rest: string
}

function splitHeading(paragraph: string, start: RegExp): HeadingSplit | undefined {
  if (!start.test(paragraph)) return undefined
  const end = paragraph.search(HEADING_END)
  if (end < 0) return { heading: paragraph, rest: '' }
  return { heading: paragraph.slice(0, end + 1), rest: paragraph.slice(end + 1) }
}

/** Split a paragraph into its level-2 heading and the rest, or undefined if it is not one. */
export function splitLevel2(paragraph: string): HeadingSplit | undefined {
  return splitHeading(paragraph, LEVEL2)
}

/** Split a paragraph into its level-3 heading (“1.加强组织领导。”) and the rest, or undefined. */
export function splitLevel3(paragraph: string): HeadingSplit | undefined {
  return splitHeading(paragraph, LEVEL3)
}

/**
 * Right indents (twips) of the unsigned 落款. As GB/T 9704 places it (7.3.5.1): the name
 * right-indented two characters, the date starting two characters to the right of the name's
 * first character; when the date would then come closer than two characters to the margin, it is
 * right-indented two characters and the name moves left with it. Flush right: both at the margin.
 */
export function signatureIndents(
  name: string,
  date: string | undefined,
  align: 'gbt9704' | 'right' = 'gbt9704'
): { name: number; date: number } {
  if (align === 'right') return { name: 0, date: 0 }
  const em = charWidth(SIZE.sanhao)
  const nameWidth = widthInChars(name)
  const dateWidth = date === undefined ? 0 : widthInChars(date)
  const nameRight = Math.max(
    SIGNATURE_RIGHT_CHARS,
    SIGNATURE_RIGHT_CHARS + SIGNATURE_DATE_SHIFT_CHARS + dateWidth - nameWidth
  )
  const dateRight = nameRight - SIGNATURE_DATE_SHIFT_CHARS + nameWidth - dateWidth
  return { name: Math.round(nameRight * em), date: Math.round(dateRight * em) }
}
