/**
 * Narrative that arrived on one line, headings inline (`…等六个部分。一、总体情况（一）主动公开…`),
 * back into paragraphs. A heading starts only where one can: at the start, after a sentence's end,
 * a space, or a heading just ended — never inside a quoted title (《…》“…”). A top-level heading's
 * words end where its wording ends (情况, 事项, 措施, 概述…) or at a hard stop (a figure, a
 * bracket, a space); a sub-heading （一） starts a paragraph and keeps its words.
 */

import { familyOf } from '../headingFamilies'

const TOP = /[一二三四五六七八九十]{1,3}\s*[、．.]/y
const SUB = /[（(][一二三四五六七八九十]{1,3}[）)]/y
/** Where a heading may start: after these (and after whitespace, and after a heading). */
const BEFORE = /[。！？!?；;：:]$/
const CLOSERS = /[”"’』」）)】]$/
const OPENERS: Record<string, string> = { '《': '》', '〈': '〉', '“': '”', '「': '」', '『': '』', '【': '】' }
/** A heading's words end at the first of these. */
const HARD_STOP = /[。，,；;：:！？!?《“"（(【\d\s]/
/** Words that end a heading, by strength: a table's name, then the usual endings. */
const TABLE_END = /(?:情况)?统计表|附表/
const STRONG_END = /情况|事项|措施|概述|概况|基本情况/
const MAX_HEADING = 40
/** A quoted title or phrase is shorter than this; past it the closing mark was lost. */
const MAX_QUOTED = 160
/** Without an ending word, a stop this close still closes a heading. */
const SHORT_HEADING = 24

/** Where the heading starting at `from` (its number already read up to `wordsFrom`) ends, if it does. */
function headingEnd(text: string, wordsFrom: number): number | undefined {
  let start = wordsFrom
  while (start < text.length && /\s/.test(text[start]!)) start += 1
  const window = text.slice(start, start + MAX_HEADING)
  const stop = window.search(HARD_STOP)
  const words = stop < 0 ? window : window.slice(0, stop)
  if (words.length < 2) return undefined
  const table = TABLE_END.exec(words)
  if (table) return start + table.index + table[0].length
  const strong = STRONG_END.exec(words)
  if (strong) return start + strong.index + strong[0].length
  const stopChar = stop < 0 ? '' : window[stop]!
  if (stop >= 0 && words.length <= SHORT_HEADING && /[。：:（(\d\s【]/.test(stopChar)) return start + stop
  // A heading of two matched phrases (加强领导，落实责任): the second as long as the first.
  if (/[，,]/.test(stopChar) && words.length >= 2 && words.length <= 8) {
    const second = window.slice(stop + 1, stop + 1 + words.length)
    if (second.length === words.length && /^\p{Script=Han}+$/u.test(second) && familyOf(`${words}，${second}`)) {
      return start + stop + 1 + words.length
    }
  }
  return undefined
}

/**
 * The text split into paragraphs at its inline headings: each top-level heading whose words end
 * clearly is a paragraph of its own; other headings start a paragraph that keeps their text.
 */
export function splitAtHeadings(text: string): string[] {
  const out: string[] = []
  let from = 0
  let headingEndAt = -1
  const closers: string[] = []
  let openedAt = 0
  const push = (to: number) => {
    const piece = text.slice(from, to).trim()
    if (piece) out.push(piece)
    from = to
  }
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!
    // An opening mark never closed (web text loses quotes) stops hiding headings after a while.
    if (closers.length && i - openedAt > MAX_QUOTED) closers.length = 0
    if (closers.length && ch === closers.at(-1)) {
      closers.pop()
      continue
    }
    if (OPENERS[ch] && !(ch === '“' && closers.at(-1) === '”')) {
      // Quotes pair loosely in web text: an opening quote never nests more than a few deep.
      if (closers.length === 0) openedAt = i
      if (closers.length < 4) closers.push(OPENERS[ch]!)
      continue
    }
    if (closers.length) continue
    const before = text.slice(Math.max(0, i - 2), i)
    const canStart =
      i === 0 ||
      i === headingEndAt ||
      /\s$/.test(before) ||
      BEFORE.test(before) ||
      (CLOSERS.test(before) && BEFORE.test(before.slice(0, -1)))
    if (!canStart) continue
    TOP.lastIndex = i
    const top = TOP.exec(text)
    if (top) {
      const end = headingEnd(text, i + top[0].length)
      push(i)
      if (end !== undefined) {
        push(end)
        headingEndAt = end
        i = end - 1
      }
      continue
    }
    SUB.lastIndex = i
    if (SUB.exec(text)) push(i)
  }
  push(text.length)
  return out
}
