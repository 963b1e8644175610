/**
 * Text rules of the export that do not depend on the docx library: how the title breaks, which
 * part of a paragraph is a level-2 heading, how the 落款 date is written and where it sits.
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
/** The heading ends at its first full stop; what follows in the paragraph is ordinary text. */
const HEADING_END = /[。！？]/

/** Split a paragraph into its level-2 heading and the rest, or undefined if it is not one. */
export function splitLevel2(paragraph: string): { heading: string; rest: string } | undefined {
  if (!LEVEL2.test(paragraph)) return undefined
  const end = paragraph.search(HEADING_END)
  if (end < 0) return { heading: paragraph, rest: '' }
  return { heading: paragraph.slice(0, end + 1), rest: paragraph.slice(end + 1) }
}

/** `2026-01-09` → `2026年1月9日`: Arabic numerals, no leading zeros (7.3.5.4 “月、日不编虚位”). */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso)
  if (!match) throw new Error(`日期格式应为 YYYY-MM-DD：${iso}`)
  const [, year, month, day] = match
  return `${Number(year)}年${Number(month)}月${Number(day)}日`
}

/**
 * Right indents (twips) of the unsigned 落款 (7.3.5.1): the name right-indented two characters,
 * the date starting two characters to the right of the name's first character. When the date
 * would then come closer than two characters to the margin, it is right-indented two characters
 * and the name moves left with it.
 */
export function signatureIndents(name: string, date: string | undefined): { name: number; date: number } {
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
