/**
 * Full-width digits and Latin letters → ASCII, so numbers parse and labels match. Full-width
 * Chinese punctuation （）、，：；“” is the official style and stays. A full-width full stop
 * right after a digit (`1．政府网站公开数`, `0．64万元`) becomes ASCII too: it is numbering or a
 * decimal point, never Chinese punctuation.
 */

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g
const FULL_STOP_AFTER_DIGIT = /(?<=[0-9])．/g

export function toHalfWidth(text: string): { text: string; changed: number } {
  let changed = 0
  const out = text
    .replace(FULL_WIDTH_ALNUM, (ch) => {
      changed++
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
    })
    .replace(FULL_STOP_AFTER_DIGIT, () => {
      changed++
      return '.'
    })
  return { text: out, changed }
}
