/**
 * How a table value is printed: as the officer entered it. Counts are whole numbers; amounts
 * (万元) keep their decimals, up to the six places the editor accepts, without exponent notation.
 */
import type { CellId } from '../report/cells'
import type { Report } from '../report/report'
import type { ValueKind } from '../report/tables'

export type BlankCells = 'zero' | 'blank'

/** Decimal places an amount can carry (万元 to the yuan and below: 0.123456). */
export const AMOUNT_DECIMALS = 6

export function formatValue(value: number, kind: ValueKind): string {
  if (kind === 'count' && Number.isInteger(value)) return value === 0 ? '0' : value.toFixed(0)
  // toFixed avoids 1e-7 style output; trailing zeros are not part of what was entered.
  const fixed = value.toFixed(AMOUNT_DECIMALS).replace(/\.?0+$/, '')
  return fixed === '-0' ? '0' : fixed
}

/** The text of a value cell: a blank cell prints as 0 (the usual practice) unless kept blank. */
export function printedValue(report: Report, id: CellId, kind: ValueKind, blankCells: BlankCells): string {
  const value = report.values[id]
  if (value === undefined) return blankCells === 'zero' ? '0' : ''
  return formatValue(value, kind)
}
