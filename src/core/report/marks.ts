/**
 * Review marks left in a carried-over narrative. They are plain, visible text — 【待更新：12】 — so
 * they survive copy and paste, show in every view and in an exported .docx alike, and the STALE rule
 * finds every one still left (an officer cannot miss one by not opening a side panel).
 *
 *  - 【待更新：12】 wraps a figure copied from last year's text: the old figure stays visible so the
 *    officer can compare, and must be replaced by this year's.
 *  - 【待填写】 is an answer still to be written (the 上年问题整改情况 checklist).
 */

export const STALE_MARK_OPEN = '【待更新：'
export const MARK_CLOSE = '】'
export const TO_FILL_MARK = '【待填写】'

/** `12` → `【待更新：12】`. */
export function staleMark(figure: string): string {
  return `${STALE_MARK_OPEN}${figure}${MARK_CLOSE}`
}

/** Every review mark, stale figure (group 1 is the old figure) or answer to fill. */
export const REVIEW_MARK = /【待更新：([^】\n]*)】|【待填写】/g

export interface MarkSpan {
  start: number
  end: number
  /** The old figure of a 待更新 mark; undefined for 待填写. */
  figure?: string
}

export function findMarks(text: string): MarkSpan[] {
  const out: MarkSpan[] = []
  // A quick test first: almost every text a rule sees on a keystroke has no mark at all.
  if (!text.includes('【待')) return out
  for (const match of text.matchAll(REVIEW_MARK)) {
    out.push({ start: match.index, end: match.index + match[0].length, figure: match[1] })
  }
  return out
}

/** The text with each 待更新 mark replaced by its old figure (what the copy measure compares). */
export function unmark(text: string): string {
  return text.includes(STALE_MARK_OPEN) ? text.replace(/【待更新：([^】\n]*)】/g, '$1') : text
}

/**
 * The text as it will read once every mark is resolved, for counting characters: a 待更新 mark
 * counts as the figure it holds, a 待填写 mark not at all (the app's own words are not the officer's).
 */
export function countableText(text: string): string {
  return text.includes('【待') ? unmark(text).replaceAll(TO_FILL_MARK, '') : text
}
