/**
 * How a region's settings say where a figure is stated in 总体情况: a phrase with `{n}` where the
 * number stands and `…` for a few words in between — “制发…规范性文件{n}件” finds
 * “制发行政规范性文件3件” and “制发规范性文件三件”. Kept this small on purpose: an officer at a
 * county office writes these, not a programmer. The rule that reports missing or contradicting
 * figures (phase B of issue 12) reads them through `findFigure`.
 */
import { COUNT_CHARACTERS, parseCount } from '../text/chinese'

export const FIGURE_PLACEHOLDER = '{n}'
/** A few words of anything within the sentence. */
export const FIGURE_GAP = '…'

const NUMBER = `([0-9０-９]+(?:[.．][0-9０-９]+)?|[${COUNT_CHARACTERS}]+)`
/** A draft's 【待更新：12】 stands where the number will be: the figure is stated, with last year's number. */
const MARKED_NUMBER = `(?:(【待更新：)${NUMBER}】|${NUMBER})`
const GAP = '[^。；;！？!?\\n]{0,12}?'

/**
 * The pattern as a regular expression: group 1 is set when the number is a 【待更新：…】 mark, and
 * the number is group 2 (marked) or group 3.
 */
export function compileFigurePattern(pattern: string): RegExp {
  const [before = '', after = ''] = pattern.replace(/\.\.\./g, FIGURE_GAP).split(FIGURE_PLACEHOLDER)
  const literal = (part: string) =>
    part
      .split(FIGURE_GAP)
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'))
      .join(GAP)
  return new RegExp(`${literal(before)}\\s*${MARKED_NUMBER}\\s*${literal(after)}`, 'g')
}

export interface FoundFigure {
  value: number
  /** UTF-16 offsets of the whole phrase in the text, for the editor to jump to. */
  start: number
  end: number
  quote: string
  /** The number is a draft's 【待更新】 mark: last year's figure, still to be updated (STALE says so). */
  marked: boolean
}

/** Every statement of a figure in `text`, by any of its patterns, in reading order. */
export function findFigure(text: string, patterns: readonly string[]): FoundFigure[] {
  const found: FoundFigure[] = []
  for (const pattern of patterns) {
    for (const match of text.matchAll(compileFigurePattern(pattern))) {
      const value = readNumber(match[2] ?? match[3] ?? '')
      if (value === undefined || found.some((f) => f.start === match.index)) continue
      found.push({ value, start: match.index, end: match.index + match[0].length, quote: match[0], marked: match[1] !== undefined })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** Whether any of the words appears in the text: a required item of 第六部分 is covered. */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word))
}

function readNumber(raw: string): number | undefined {
  const ascii = raw.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
  if (/^\d+\.\d+$/.test(ascii)) return Number(ascii)
  return parseCount(ascii)
}
