/**
 * Figures printed without separators (a web table copied as text turns 12 | 0 | 0 | 3 | 0 | 1 | 16
 * into “120030116”): all the ways to cut the digit strings into the row's figures such that every
 * total equals the sum of its parts. Tokens that were printed apart stay apart.
 *
 * Signs and thousands separators printed inside the run bound the figures: a sign starts one,
 * a comma sits inside one (“28-21,045” is 28 | -2 | 1,045).
 *
 * The enumeration is bounded by steps, not by answers: a hostile string (hundreds of digits) is
 * pruned at once by length, and whatever remains stops when its budget is spent, saying so.
 */
import { SPLIT_ROW_SHARE, SPLIT_STEP_BUDGET } from '../../limits'
import { StepBudget } from './budget'

/** Consecutive figures of a row; with `totalLast`, the last one is the sum of the others (R2, R4). */
export interface SplitGroup {
  size: number
  totalLast: boolean
}

export interface Splits {
  candidates: number[][]
  /** False when the budget ran out before every split was seen: the list may be partial. */
  complete: boolean
}

/** A count or a 万元 amount never needs more digits. */
export const MAX_DIGITS = 9
/** Characters of one figure at most: nine digits, two thousands separators and a sign. */
const MAX_CHARS = MAX_DIGITS + 3

/** One figure as printed: a sign, digits without a leading zero, thousands groups of three. */
const FIGURE = /^[-+]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)$/
const figureValue = (text: string) => Number(text.replace(/,/g, ''))

export function splitDigits(
  tokens: readonly string[],
  shape: readonly SplitGroup[],
  budget: StepBudget = new StepBudget(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE)
): Splits {
  const digits = tokens.join('').replace(/，/g, ',')
  const n = digits.length
  const plain = /^\d*$/.test(digits)
  // ends[i]: end of the printed token holding position i; segments[i]: tokens (or their rests) from i on.
  const ends = new Int32Array(n + 1)
  const segments = new Int32Array(n + 1)
  let at = 0
  tokens.forEach((token, t) => {
    for (let k = 0; k < token.length; k += 1) {
      ends[at + k] = at + token.length
      segments[at + k] = tokens.length - t
    }
    at += token.length
  })
  ends[n] = n
  const total = shape.reduce((a, g) => a + g.size, 0)
  const out: number[][] = []
  const parts: number[] = []
  let complete = true

  const place = (group: number, inGroup: number, i: number, groupSum: number): void => {
    if (!budget.step()) {
      complete = false
      return
    }
    if (group === shape.length) {
      if (i === n) out.push([...parts])
      return
    }
    const remainingParts = total - parts.length
    const remainingDigits = n - i
    // Every part takes one digit at least and nine at most; every printed token holds one part at least.
    if (remainingDigits < remainingParts || remainingDigits > remainingParts * (plain ? MAX_DIGITS : MAX_CHARS)) return
    if (segments[i]! > remainingParts) return
    const g = shape[group]!
    const next = (j: number, value: number, sum: number) => {
      parts.push(value)
      if (inGroup + 1 === g.size) place(group + 1, 0, j, 0)
      else place(group, inGroup + 1, j, sum)
      parts.pop()
    }
    if (g.totalLast) {
      // The total, still to come, needs at least as many digits as the sum so far.
      if (String(groupSum).length > remainingDigits - (remainingParts - 1)) return
      if (inGroup === g.size - 1) {
        // The total as printed: with or without its thousands separators.
        for (const printed of new Set([String(groupSum), groupSum.toLocaleString('en-US')])) {
          const end = i + printed.length
          if (digits.startsWith(printed, i) && end <= ends[i]! && digits[end] !== ',') next(end, groupSum, 0)
        }
        return
      }
    }
    const limit = Math.min(ends[i]!, i + MAX_CHARS)
    if (plain) {
      // Digits only (the usual case): the value grows digit by digit; “0” is a figure on its own.
      let value = 0
      const last = digits.charCodeAt(i) === 48 ? i + 1 : Math.min(limit, i + MAX_DIGITS)
      for (let j = i + 1; j <= last && complete; j += 1) {
        value = value * 10 + (digits.charCodeAt(j - 1) - 48)
        next(j, value, groupSum + value)
      }
      return
    }
    for (let j = i + 1; j <= limit && complete; j += 1) {
      const piece = digits.slice(i, j)
      // A figure never ends before a thousands separator, nor a sign inside one.
      if (!FIGURE.test(piece) || digits[j] === ',') continue
      const value = figureValue(piece)
      next(j, value, groupSum + value)
    }
  }
  place(0, 0, 0, 0)
  return { candidates: out, complete }
}
