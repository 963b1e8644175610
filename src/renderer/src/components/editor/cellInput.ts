/** Reading what an officer types into a value cell. */
import type { ValueKind } from '@core/report/tables'
import { parseCellValue } from '@core/report/tsv'

/**
 * A value being typed: as parseCellValue, except that an amount may end with its decimal point
 * for a moment (typing “1.5” passes through “1.”), which must not flash as an error.
 */
export function parseDraft(raw: string, kind: ValueKind): number | undefined {
  const text = kind === 'amount' ? raw.replace(/([0-9０-９])[.．]\s*$/, '$1') : raw
  return parseCellValue(text, { kind })
}
