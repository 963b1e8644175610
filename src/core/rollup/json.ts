/**
 * The roll-up as `rollup --json` prints it. The shape is fixed (issue 14): tools read it.
 * Table labels are those of `cells` (official labels, nested ones joined by “ / ”).
 */
import { cellDef, LABEL_SEPARATOR } from '../report/cells'
import { allFindings, countFindings } from './rollup'
import type { RollupReport, RollupResult } from './types'
import { ROLLUP_LEVEL_LABELS } from './units'

export interface RollupReportJson {
  file: string
  unit: string | null
  level: string | null
  year: number | null
  errors: number
  warnings: number
}

export interface RollupJson {
  year: number
  reports: RollupReportJson[]
  otherYears: RollupReportJson[]
  unreadable: { file: string; reason: string }[]
  missing: string[]
  totals: { table: string; row: string; column: string; value: number | null; complete: boolean }[]
}

export function rollupJson(result: RollupResult): RollupJson {
  const levels = new Map(result.units.map((s) => [s.unit.name, ROLLUP_LEVEL_LABELS[s.unit.level]]))
  const entry = (r: RollupReport): RollupReportJson => {
    const counts = countFindings(allFindings(r))
    const unit = r.match?.unit
    return {
      file: r.file,
      unit: unit ?? r.names[0] ?? null,
      level: (unit && levels.get(unit)) ?? null,
      year: r.year ?? null,
      errors: counts.error,
      warnings: counts.warning
    }
  }
  const byFile = (a: RollupReport, b: RollupReport) => a.id - b.id
  const current = [...result.units.flatMap((s) => s.reports), ...result.unmatched].sort(byFile)
  return {
    year: result.year,
    reports: current.map(entry),
    otherYears: [...result.otherYears].sort(byFile).map(entry),
    unreadable: [...result.unreadable].sort((a, b) => a.id - b.id).map((u) => ({ file: u.file, reason: u.reason })),
    missing: [...result.missing],
    totals: result.totals.map((t) => {
      const def = cellDef(t.cell)
      return {
        table: def.tableName,
        row: def.rowPath.join(LABEL_SEPARATOR),
        column: def.columnPath.join(LABEL_SEPARATOR),
        value: t.value ?? null,
        complete: t.complete
      }
    })
  }
}
