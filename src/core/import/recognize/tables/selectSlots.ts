/**
 * Which of a row's slots are its values. Real rows carry more cells than figures (layout debris
 * under a misaligned header, an unofficial 小计 column) or fewer (figures run together); the
 * choice is made by count, by the columns that never hold a figure, and by the row totals —
 * never by the header grid's positions.
 */
import type { Reading } from './assemble'
import type { Slot } from './lines'
import { isDigitString, removeSpaces } from './normalize'

export type Selection = { slots: Slot[]; note?: string } | { tokens: string[] } | { problem: string }

/** Extra figures beyond this are not searched for the columns that add up. */
const MAX_EXTRA = 3

/** Every choice of `needed` positions among `count`, in order. */
function choices(count: number, needed: number): number[][] {
  const out: number[][] = []
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === needed) out.push(chosen)
    else for (let i = start; i <= count - (needed - chosen.length); i += 1) pick(i + 1, [...chosen, i])
  }
  pick(0, [])
  return out
}

const printedOf = (reading: Reading) => reading.slots.filter((s) => s.value !== undefined)

/** The positions whose figures add up (last = sum of the others, R2). */
function addingPositions(printed: readonly Slot[], needed: number): string[] {
  return choices(printed.length, needed)
    .filter((keep) => {
      const figures = keep.map((i) => printed[i]!.value!)
      return figures.slice(0, -1).reduce((a, b) => a + b, 0) === figures.at(-1)
    })
    .map((keep) => keep.join(','))
}

/**
 * Rows of one table block that print more figures than the format has (an unofficial
 * 法人或其他组织小计 column): the positions that add up in every such row together are the
 * official columns. One row alone is often ambiguous (2 | 1 | 0 … | 1 | 3); all rows rarely are.
 */
export function officialPositions(readings: readonly Reading[], needed: number): Map<Reading, number[]> {
  const out = new Map<Reading, number[]>()
  const groups = new Map<string, Reading[]>()
  for (const reading of readings) {
    const printed = printedOf(reading)
    if (printed.length <= needed || printed.length - needed > MAX_EXTRA) continue
    const key = `${printed[0]!.source.block}:${printed.length}`
    groups.set(key, [...(groups.get(key) ?? []), reading])
  }
  for (const rows of groups.values()) {
    const count = printedOf(rows[0]!).length
    let common = choices(count, needed).map((keep) => keep.join(','))
    for (const reading of rows) {
      const fits = new Set(addingPositions(printedOf(reading), needed))
      common = common.filter((k) => fits.has(k))
    }
    if (common.length === 1) for (const reading of rows) out.set(reading, common[0]!.split(',').map(Number))
  }
  return out
}

/**
 * Which of a row's slots are its `needed` values. Extra empty cells in columns that never hold a
 * figure are layout debris (a header grid that does not match the rows below); fewer slots than
 * needed, all plain digits, are figures run together.
 */
export function select(
  slots: readonly Slot[],
  needed: number,
  reading: Reading,
  positions: readonly number[] | undefined,
  totalLast: boolean
): Selection {
  // Figures run together with their separators still (NaN until split): split, however many slots.
  if (slots.some((s) => Number.isNaN(s.value))) {
    return slots.every((s) => s.value !== undefined && isDigitString(s.text))
      ? { tokens: slots.map((s) => removeSpaces(s.text)) }
      : { problem: `数字连写且夹有空白，无法拆分，未导入` }
  }
  if (slots.length === needed) return { slots: [...slots] }
  if (slots.length > needed) {
    const kept = reading.valueColumns
      ? slots.filter((s) => s.value !== undefined || s.column === undefined || reading.valueColumns!.has(s.column))
      : [...slots]
    if (kept.length === needed) return { slots: kept }
    const printed = kept.filter((s) => s.value !== undefined)
    if (printed.length === needed) return { slots: printed }
    const extra =
      printed.length > needed ? `印有 ${printed.length} 个数字，多于 ${needed} 个` : `有 ${kept.length} 个数值单元格，多于 ${needed} 个`
    if (positions) return { slots: positions.map((i) => printed[i]!), note: `${extra}，按各行合计关系取其中 ${needed} 个` }
    // One row alone (a page number caught after a flattened row): the figures that add up, when
    // every way they do gives the same figures.
    const adding = totalLast && printed.length - needed <= MAX_EXTRA ? addingPositions(printed, needed).map((k) => k.split(',').map((i) => printed[Number(i)]!)) : []
    const same = adding.every((choice) => choice.every((slot, i) => slot.value === adding[0]![i]!.value))
    if (adding.length && same) return { slots: adding[0]!, note: `${extra}，按合计关系取其中 ${needed} 个，请核对` }
    if (reading.fromTable) return { slots: kept.slice(-needed), note: `${extra}，取最后 ${needed} 个，请核对` }
    return { problem: `${extra}，未导入` }
  }
  if (slots.every((s) => s.value !== undefined && isDigitString(s.text))) {
    return { tokens: slots.map((s) => removeSpaces(s.text)) }
  }
  return { problem: `只有 ${slots.length} 个数值，应为 ${needed} 个，未导入` }
}

