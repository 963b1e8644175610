/**
 * Traditional → simplified with opencc-js. Reports copied from Taiwan/Hong Kong-style mirrors or
 * converter sites arrive in traditional characters; recognition works on simplified text.
 */
import { Converter } from 'opencc-js/t2cn'
import { isLevel1Han, isLevel2Han } from './gbk'

type Convert = (text: string) => string

let converter: Convert | undefined

/** Built on first use (~20 ms): most imports never need it. 'tw' also covers mainland variants. */
function toSimplified(): Convert {
  converter ??= Converter({ from: 'tw', to: 'cn' })
  return converter
}

const HAN = /\p{Script=Han}/u

/**
 * Share of Han characters that change under conversion. Simplified text scores near 0 (a few
 * variant forms convert), traditional text 0.2 or more.
 */
export function traditionalShare(text: string): { han: number; changed: number } {
  const convert = toSimplified()
  const original = Array.from(text)
  const converted = Array.from(convert(text))
  // OpenCC maps character for character (phrases too keep their length), so positions line up;
  // when they do not, fall back to comparing the characters one by one.
  let han = 0
  let changed = 0
  original.forEach((ch, i) => {
    if (!HAN.test(ch)) return
    han++
    const after = converted.length === original.length ? converted[i] : convert(ch)
    if (after !== ch) changed++
  })
  return { han, changed }
}

/**
 * Traditional when enough Han characters change: in a document (20+ Han characters) at least 5 and
 * 5 %; in a short text (a title, a pasted line) a fifth of them.
 */
export function isTraditional(text: string): boolean {
  // Cheap first pass: traditional forms lie mostly outside GB2312, so a text with hardly any such
  // characters is simplified and the converter need not be built.
  let han = 0
  let outside = 0
  for (const ch of text) {
    if (!HAN.test(ch)) continue
    han++
    if (!isLevel1Han(ch) && !isLevel2Han(ch)) outside++
  }
  if (outside === 0 || (han >= 20 && outside < 5)) return false
  const share = traditionalShare(text)
  const ratio = share.changed / Math.max(1, share.han)
  return share.han >= 20 ? share.changed >= 5 && ratio >= 0.05 : ratio >= 0.2
}

export function convertToSimplified(text: string): string {
  return toSimplified()(text)
}

const simplifiedChar = new Map<string, string>()

/** One character converted, cached: used to judge whether a traditional character is common. */
export function simplifiedOf(ch: string): string {
  let s = simplifiedChar.get(ch)
  if (s === undefined) {
    s = toSimplified()(ch)
    simplifiedChar.set(ch, s)
  }
  return s
}
