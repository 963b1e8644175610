/**
 * The roll-up of one year from its summarised reports: every unit of the county's list with its
 * report (or 未报送), duplicates with the one summed, reports of other years and unmatched ones
 * apart, the three tables summed cell by cell (blank ≠ 0: a sum over a blank is incomplete), the
 * outliers against last year, and the county's own report against the sum of its units where the
 * settings ask. Pure and cheap: it runs again whenever the officer matches a report by hand or picks
 * one of two files.
 */
import { CELLS, type CellId } from '../report/cells'
import { compareWithUnits, comparisonFindings, findOwnUnit, outlierFindings } from './crossChecks'
import { UnitMatcher } from './match'
import type { RollupFinding, RollupReport, RollupResult, RollupSettings, RollupTotal, SeverityCounts, UnitStatus, UnreadableFile } from './types'
import { guessRollupLevel, type RollupUnit } from './units'

/** The roll-up's settings from the app's (设置, this computer's options): no comparison when none are given. */
export function rollupSettingsOf(options: { compareCells: readonly CellId[]; ownUnit?: string | undefined } | undefined): RollupSettings {
  return { compareCells: [...(options?.compareCells ?? [])], ...(options?.ownUnit?.trim() ? { ownUnit: options.ownUnit.trim() } : {}) }
}

export interface RollupChoices {
  /** Unit name → the id of the report the officer chose among its duplicates. */
  chosen?: Readonly<Record<string, number>>
}

export interface AssembleInput {
  year: number
  /** The county's unit list; absent or empty: each report's own unit (nothing can be 未报送 then). */
  units?: readonly RollupUnit[]
  reports: readonly RollupReport[]
  unreadable: readonly UnreadableFile[]
  choices?: RollupChoices
  settings?: RollupSettings
}

/** A report with the roll-up's findings on it (outliers, the comparison) after its own. */
export type CheckedReport = RollupReport & { cross: RollupFinding[] }

export function allFindings(report: RollupReport): RollupFinding[] {
  return [...report.findings, ...(report.cross ?? [])]
}

export function countFindings(findings: readonly RollupFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, hint: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

export function assembleRollup(input: AssembleInput): RollupResult {
  const { year } = input
  const listed = (input.units?.length ?? 0) > 0
  const { units, reports } = listed ? { units: [...input.units!], reports: [...input.reports] } : unitsFromReports(input.reports, year)
  const byName = new Map(units.map((u) => [u.name, u]))
  const matched = (r: RollupReport) => (r.match && byName.has(r.match.unit) ? r.match.unit : undefined)
  const thisYear = reports.filter((r) => r.year === year)
  const otherYears = reports.filter((r) => r.year !== year)

  // Last year's figures: the library's report, else last year's file in the same set.
  const lastYearInSet = new Map<string, RollupReport>()
  for (const r of otherYears) {
    const unit = matched(r)
    if (unit && r.year === year - 1 && !lastYearInSet.has(unit)) lastYearInSet.set(unit, r)
  }
  const checked = new Map<number, CheckedReport>()
  for (const r of thisYear) {
    const unit = matched(r)
    const fromSet = unit ? lastYearInSet.get(unit) : undefined
    const previous = r.previous ?? (fromSet ? { year: fromSet.year!, values: fromSet.values } : undefined)
    checked.set(r.id, { ...r, cross: previous ? outlierFindings(r.values, previous) : [] })
  }

  const statuses: UnitStatus[] = units.map((unit) => {
    const mine = thisYear.filter((r) => matched(r) === unit.name).map((r) => checked.get(r.id)!)
    const officer = input.choices?.chosen?.[unit.name]
    const picked = mine.find((r) => r.id === officer)
    const chosen = picked ?? autoChoice(mine)
    return {
      unit,
      status: mine.length === 0 ? 'missing' : mine.length === 1 ? 'reported' : 'duplicate',
      reports: mine,
      ...(chosen ? { chosen, chosenBy: picked ? ('officer' as const) : ('auto' as const) } : {}),
      otherYears: otherYears.filter((r) => matched(r) === unit.name),
      own: false,
      findings: [],
      counts: { error: 0, warning: 0, hint: 0 }
    }
  })

  // The county's own report stands for the sum of its units in the cells the settings name.
  const compareCells = new Set<CellId>(input.settings?.compareCells ?? [])
  let comparisonProblem: string | undefined
  let own: UnitStatus | undefined
  if (compareCells.size > 0) {
    const found = findOwnUnit(units, input.settings?.ownUnit)
    comparisonProblem = found.problem
    own = found.unit ? statuses.find((s) => s.unit.name === found.unit!.name) : undefined
    if (own) {
      own.own = true
      if (!own.chosen) comparisonProblem = `本级单位“${own.unit.name}”未报送本年度报告，未与所属单位合计核对`
    }
  }

  const totals = CELLS.map((cell) =>
    sumCell(
      cell.id,
      statuses.filter((s) => s.chosen && !(s === own && compareCells.has(cell.id))).map((s) => s.chosen!)
    )
  )
  let comparison
  if (own?.chosen) {
    const others = new Map(
      [...compareCells].map((id) => [id, sumCell(id, statuses.filter((s) => s !== own && s.chosen).map((s) => s.chosen!))] as const)
    )
    comparison = compareWithUnits(own.unit.name, own.chosen.values, others, [...compareCells])
    const report = checked.get(own.chosen.id)!
    report.cross = [...report.cross, ...comparisonFindings(comparison)]
  }
  for (const status of statuses) {
    if (status.chosen) status.chosen = checked.get(status.chosen.id)!
    status.reports = status.reports.map((r) => checked.get(r.id)!)
    status.findings = status.chosen ? allFindings(status.chosen) : []
    status.counts = countFindings(status.findings)
  }

  return {
    year,
    listed,
    units: statuses,
    unmatched: thisYear.filter((r) => !matched(r)).map((r) => checked.get(r.id)!),
    otherYears,
    unreadable: [...input.unreadable],
    missing: listed ? statuses.filter((s) => s.status === 'missing').map((s) => s.unit.name) : [],
    totals,
    ...(comparison ? { comparison } : {}),
    ...(comparisonProblem ? { comparisonProblem } : {})
  }
}

/**
 * Of two or more files of one unit, the one summed until the officer chooses: fewest errors, then
 * most cells filled, then the later file.
 */
function autoChoice(reports: readonly CheckedReport[]): CheckedReport | undefined {
  const errors = (r: CheckedReport) => allFindings(r).filter((f) => f.severity === 'error').length
  const filled = (r: CheckedReport) => Object.keys(r.values).length
  return [...reports].sort((a, b) => errors(a) - errors(b) || filled(b) - filled(a) || b.id - a.id)[0]
}

/** Sums of decimal amounts without binary noise (0.1 + 0.2 → 0.3). */
const tidy = (n: number) => Number(n.toFixed(6))

function sumCell(cell: CellId, reports: readonly RollupReport[]): RollupTotal {
  let value: number | undefined
  let blanks = 0
  for (const r of reports) {
    const v = r.values[cell]
    if (v === undefined) blanks++
    else value = (value ?? 0) + v
  }
  return {
    cell,
    ...(value !== undefined ? { value: tidy(value) } : {}),
    complete: reports.length > 0 && blanks === 0,
    blanks,
    units: reports.length
  }
}

/**
 * Without a list, each report's unit is its own: reports naming the same unit (once normalised, or
 * with the county in front or not) are one unit; the level is guessed from the name.
 */
function unitsFromReports(reports: readonly RollupReport[], year: number): { units: RollupUnit[]; reports: RollupReport[] } {
  const matcher = new UnitMatcher()
  const units: RollupUnit[] = []
  const known = new Set<string>()
  const addUnit = (name: string) => {
    if (known.has(name)) return
    const unit: RollupUnit = { name, level: guessRollupLevel(name), aliases: [] }
    known.add(name)
    units.push(unit)
    matcher.add(unit)
  }
  const assign = (r: RollupReport, create: boolean): RollupReport => {
    // The officer's match stands, to a unit of the reports or a new one.
    if (r.match?.method === 'hand') {
      if (create) addUnit(r.match.unit)
      return r
    }
    const { match: _match, ambiguous: _ambiguous, ...rest } = r
    if (r.names.length === 0) return rest
    const found = matcher.match(r.names, { fuzzy: false })
    if (found.match) return { ...rest, match: found.match }
    if (!create) return rest
    const name = r.names[0]!
    addUnit(name)
    return { ...rest, match: { unit: name, method: 'name', via: name } }
  }
  // The units are those of this year's reports; other years' reports are only matched to them.
  const current = new Map(reports.filter((r) => r.year === year).map((r) => [r.id, assign(r, true)]))
  return { units, reports: reports.map((r) => current.get(r.id) ?? assign(r, false)) }
}
