/**
 * Chinese numerals and dates as reports write them, both ways, and the 落款's signing line: one
 * module for every reader and writer of them (the checks, the importer, the export, the CLI).
 *
 * - Counts: 12, １２, 十二, 一百零五, 两 (parseCount); digit strings without units (二〇二四, 三四)
 *   are years or approximations, not counts.
 * - Small numbers written out: 十八, 二十一 (chineseNumber), and years digit by digit: 二〇二六.
 * - Dates: 2026年1月20日, 二〇二六年一月二十日, 2026-01-20, 2026.1.20, 2026/1/20 → 2026-01-20; and
 *   back, in Arabic numerals (GB/T 9704) or Chinese ones.
 * - A signing line: the name of a body (…人民政府, …办事处, …局) on its own, as the 落款 prints it.
 */

/** Digits of a year or a number written digit by digit. */
export const YEAR_DIGITS = '〇零一二三四五六七八九'
/** Every character a count may be written with (digits, 两, and the units up to 千). */
export const COUNT_CHARACTERS = '零〇一二两三四五六七八九十百千'

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
}
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }
/** Digits for writing: zero is 〇. */
const WRITTEN_DIGITS = '〇一二三四五六七八九'

/**
 * A Chinese numeral up to 9999 (十二, 二十三, 一百零五, 两), or undefined when the text is not one.
 * Digit strings without units (二〇二四, 三四) are not numerals of this kind: undefined.
 */
export function parseChineseNumber(text: string): number | undefined {
  if (text.length === 0) return undefined
  let total = 0
  let digit: number | undefined
  let lastUnit = Infinity
  let afterZero = false
  for (const ch of text) {
    const d = DIGIT_VALUES[ch]
    if (d !== undefined) {
      if (digit !== undefined) return undefined
      if (d === 0) afterZero = true
      else digit = d
      continue
    }
    const unit = UNIT_VALUES[ch]
    if (unit === undefined || unit >= lastUnit) return undefined
    // 十二 means 一十二, but only at the start: 一百十 is not how anyone writes 110.
    const multiplier = digit ?? (unit === 10 && total === 0 && !afterZero ? 1 : undefined)
    if (multiplier === undefined) return undefined
    total += multiplier * unit
    lastUnit = unit
    digit = undefined
    afterZero = false
  }
  return total + (digit ?? 0)
}

/** A count in Arabic, full-width or Chinese numerals; undefined when it is not a plain count. */
export function parseCount(text: string): number | undefined {
  if (text.length === 0) return undefined
  let ascii = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code >= 0x30 && code <= 0x39) ascii += ch
    else if (code >= 0xff10 && code <= 0xff19) ascii += String.fromCharCode(code - 0xfee0)
    else return parseChineseNumber(text)
  }
  return Number(ascii)
}

/** 0–99 written out as in a date or an ordinal: 〇, 九, 十, 十一, 二十, 三十一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumber: ${n}`)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const ten = tens === 0 ? '' : `${tens === 1 ? '' : WRITTEN_DIGITS[tens]}十`
  return ten + (ones === 0 && tens > 0 ? '' : WRITTEN_DIGITS[ones])
}

/** A number digit by digit, as years are written: 2026 → 二〇二六. */
export function chineseDigits(n: number | string): string {
  return Array.from(String(n), (d) => WRITTEN_DIGITS[Number(d)] ?? d).join('')
}

const YEAR_IN_CHINESE = new RegExp(`[${YEAR_DIGITS}]{4}(?=年)`, 'g')

/** Years written digit by digit before 年 in Arabic numerals: 二〇一六年 → 2016年. */
export function arabicYears(text: string): string {
  return text.replace(YEAR_IN_CHINESE, (year) => Array.from(year, (ch) => String(DIGIT_VALUES[ch] ?? ch)).join(''))
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A date written out (2024年1月15日, 二〇二四年一月十五日, spaces allowed between its parts), as a
 * regular-expression source to embed: no groups, no anchors.
 */
export const WRITTEN_DATE = `(?:\\d{4}|[${YEAR_DIGITS}]{4})\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月\\s*[\\d一二三四五六七八九十]{1,3}\\s*日`

const WRITTEN = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/
const NUMERIC = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/
/** A month or day written out: at most three characters (三十一), so a long run of numerals costs nothing. */
const SMALL_NUMBER = /[〇零一二三四五六七八九十]{1,3}(?=[月日])/g
/** The longest a whole date is, spaces removed (二〇二五年十二月三十一日 is 12). */
const MAX_DATE_CHARS = 16

/**
 * A whole date as text (spaces ignored) → YYYY-MM-DD: written out in Arabic or Chinese numerals,
 * or as 2024-01-15, 2024.1.15, 2024/1/15. Undefined when it is not one, or not a day of the calendar.
 */
export function parseDate(text: string): string | undefined {
  // Called on every line of a report: a long line is no date, and is not scanned further.
  const spaceless = text.replace(/\s+/g, '')
  if (spaceless.length > MAX_DATE_CHARS) return undefined
  const compact = arabicYears(spaceless).replace(SMALL_NUMBER, (word) => String(parseChineseNumber(word) ?? word))
  const m = WRITTEN.exec(compact) ?? NUMERIC.exec(compact)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function isoParts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso)
  if (!match) throw new Error(`日期格式应为 YYYY-MM-DD：${iso}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

export type DateStyle = 'arabic' | 'chinese'

/**
 * `2026-01-20` → `2026年1月20日` (Arabic numerals without leading zeros, GB/T 9704 7.3.5.4 “月、日不编
 * 虚位”) or `二〇二六年一月二十日` (the year digit by digit, month and day as numbers).
 */
export function formatDate(iso: string, style: DateStyle = 'arabic'): string {
  const [year, month, day] = isoParts(iso)
  return style === 'chinese' ? `${chineseDigits(year)}年${chineseNumber(month)}月${chineseNumber(day)}日` : `${year}年${month}月${day}日`
}

// ---------------------------------------------------------------------------------------------
// The signing line

/** How the name of a body that signs a report ends. */
export const SIGNER_ENDINGS: readonly string[] = [
  '人民政府', '办事处', '管委会', '委员会', '办公室', '政府', '中心', '街道', '局', '厅', '委', '院', '镇', '乡'
]

/** Han characters, brackets, 、 between joint signers; ending as a body's name does. */
const SIGNER = new RegExp(`^[\\p{Script=Han}（）()·、]{1,40}(?:${SIGNER_ENDINGS.join('|')})$`, 'u')

/**
 * Whether a line (spaces ignored) is a signing body's name on its own: 某某镇人民政府, 某某县交通运输局,
 * 中共某某镇委员会、某某镇人民政府.
 */
export function isSignerLine(text: string): boolean {
  const compact = text.replace(/\s+/g, '')
  return compact.length <= 40 && SIGNER.test(compact)
}
