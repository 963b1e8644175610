/** Counts as written in the narrative: 12, １２ or 十二. */

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
}
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/**
 * Read a Chinese numeral up to 9999 (十二, 二十三, 一百零五, 两). Digit strings without units
 * (二〇二四, 三四) are years or approximations, not counts: undefined.
 */
function parseChinese(text: string): number | undefined {
  let total = 0
  let digit: number | undefined
  let lastUnit = Infinity
  let afterZero = false
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch]
    if (d !== undefined) {
      if (digit !== undefined) return undefined
      if (d === 0) afterZero = true
      else digit = d
      continue
    }
    const unit = CHINESE_UNITS[ch]
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
    else return parseChinese(text)
  }
  return Number(ascii)
}
