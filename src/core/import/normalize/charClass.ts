/**
 * How plausible a character is in a Chinese report: the yardstick for mojibake detection and for
 * choosing between candidate repairs.
 */
import { isLevel1Han, isLevel2Han } from './gbk'
import { simplifiedOf } from './traditional'

export type CharClass = 'common' | 'rare' | 'suspicious'

/** Punctuation and symbols ordinary report text uses. */
const COMMON_SYMBOLS = new Set(Array.from('，。、；：？！“”‘’（）《》〈〉〔〕【】「」『』—…·％＋－～〇　．／×'))

/** Symbols real reports do use now and then (list markers, check boxes): not evidence of damage. */
const RARE_SYMBOLS = /[\u2460-\u249b\u2160-\u217f\u2103\u221a\u25a0-\u25cf\u2605\u2606\u203b\u2192\u2014\u2015\u2026]/u

const HAN = /\p{Script=Han}/u

/**
 * common: GB2312 level-1 Han (directly or as the simplified form of a traditional character),
 * ordinary punctuation, ASCII, full-width letters and digits. rare: other Han a real text may hold
 * (names, places). suspicious: what misdecoded bytes produce — private use, box drawing, bopomofo,
 * kana, Greek, Cyrillic, accented Latin, circled/enclosed numbers, math symbols, U+FFFD, and Han
 * outside GB2312 whose simplified form is outside it too.
 */
export function classifyChar(ch: string): CharClass {
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x80) return 'common'
  if (COMMON_SYMBOLS.has(ch)) return 'common'
  if (code >= 0xff10 && code <= 0xff5a) return 'common'
  if (HAN.test(ch)) {
    if (isLevel1Han(ch)) return 'common'
    const simple = simplifiedOf(ch)
    if (simple !== ch && Array.from(simple).every(isLevel1Han)) return 'common'
    if (isLevel2Han(ch) || (simple !== ch && Array.from(simple).every(isLevel2Han))) return 'rare'
    return 'suspicious'
  }
  if (RARE_SYMBOLS.test(ch)) return 'rare'
  return 'suspicious'
}

/** +1 per common character, 0 per rare, −3 per suspicious: bad characters outweigh good ones. */
export function plausibility(text: string): number {
  let score = 0
  for (const ch of text) {
    const c = classifyChar(ch)
    score += c === 'common' ? 1 : c === 'rare' ? 0 : -3
  }
  return score
}

export function countSuspicious(text: string): number {
  let n = 0
  for (const ch of text) if (classifyChar(ch) === 'suspicious') n++
  return n
}
