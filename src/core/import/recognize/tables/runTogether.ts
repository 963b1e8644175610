/**
 * Figures printed without separators (a web table copied as text turns 12 | 0 | 0 | 3 | 0 | 1 | 16
 * into “120030116”): all the ways to cut the digit strings into the row's figures such that every
 * total equals the sum of its parts. Tokens that were printed apart stay apart.
 */

import { BALANCES, type Balance, type CellId } from '../../../report/cells'

/** Consecutive figures of a row; with `totalLast`, the last one is the sum of the others (R2, R4). */
export interface SplitGroup {
  size: number
  totalLast: boolean
}

/** More candidates than this: the row is ambiguous anyway, stop looking. */
const MAX_CANDIDATES = 64
/** A count or a 万元 amount never needs more digits. */
const MAX_DIGITS = 9

export function splitDigits(tokens: readonly string[], shape: readonly SplitGroup[]): number[][] {
  const digits = tokens.join('')
  const boundaries: number[] = []
  let end = 0
  for (const token of tokens) boundaries.push((end += token.length))
  const limitAfter = (i: number) => boundaries.find((b) => b > i) ?? digits.length
  const sizes = shape.map((g) => g.size)
  const total = sizes.reduce((a, b) => a + b, 0)
  const out: number[][] = []
  const parts: number[] = []

  const place = (group: number, inGroup: number, i: number): void => {
    if (out.length >= MAX_CANDIDATES) return
    if (group === shape.length) {
      if (i === digits.length) out.push([...parts])
      return
    }
    const g = shape[group]!
    const next = (j: number, value: number) => {
      // Each boundary between printed tokens must fall between two figures.
      const crossed = boundaries.some((b) => b > i && b < j)
      if (crossed) return
      parts.push(value)
      if (inGroup + 1 === g.size) place(group + 1, 0, j)
      else place(group, inGroup + 1, j)
      parts.pop()
    }
    const remainingParts = total - parts.length
    if (digits.length - i < remainingParts) return
    if (g.totalLast && inGroup === g.size - 1) {
      const sum = parts.slice(parts.length - inGroup).reduce((a, b) => a + b, 0)
      const printed = String(sum)
      if (digits.startsWith(printed, i)) next(i + printed.length, sum)
      return
    }
    const limit = Math.min(limitAfter(i), i + MAX_DIGITS)
    // No leading zeros: “0” is a figure on its own.
    const last = digits[i] === '0' ? i + 1 : limit
    for (let j = i + 1; j <= last; j += 1) next(j, Number(digits.slice(i, j)))
  }
  place(0, 0, 0)
  return out
}

/** Sum relations touching each cell. */
const BALANCES_BY_CELL = new Map<CellId, Balance[]>()
for (const balance of BALANCES) {
  for (const id of [...balance.left, ...balance.right]) {
    BALANCES_BY_CELL.set(id, [...(BALANCES_BY_CELL.get(id) ?? []), balance])
  }
}

/**
 * Whether a candidate split of a row keeps every sum relation (R1, R3) whose other cells are
 * all known: among several splits that add up within the row, the other rows choose.
 */
export function keepsBalances(
  cells: readonly CellId[],
  candidate: readonly number[],
  known: (id: CellId) => number | undefined
): boolean {
  const own = new Map(cells.map((id, i) => [id, candidate[i]!]))
  const value = (id: CellId) => own.get(id) ?? known(id)
  const sum = (ids: readonly CellId[]) => ids.reduce((a, id) => a + value(id)!, 0)
  const balances = new Set(cells.flatMap((id) => BALANCES_BY_CELL.get(id) ?? []))
  for (const balance of balances) {
    if (balance.rule === 'R2' || balance.rule === 'R4') continue // the split itself made these hold
    if ([...balance.left, ...balance.right].some((id) => value(id) === undefined)) continue
    if (sum(balance.left) !== sum(balance.right)) return false
  }
  return true
}
