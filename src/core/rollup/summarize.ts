/**
 * One imported report, checked as the editor checks it and reduced to what the roll-up keeps: its
 * unit's names, year, figures and findings. The level the checks judge it by is the unit list's
 * (a township's 规章 must be 0, P6), and last year's report of the same unit, when the library has
 * it, brings the cross-year checks (上年结转, 现行有效件数, 与上年雷同).
 */
import type { ParsedReport } from '../import/types'
import { describeCell } from '../report/cells'
import type { Report } from '../report/report'
import { sectionDef } from '../report/sections'
import { checkReport } from '../rules/engine'
import { ruleName } from '../rules/names'
import type { ReviewedFinding } from '../rules/types'
import type { RuleSettings } from '../settings'
import type { UnitMatch } from './match'
import { ROLLUP_RULE_NAMES } from './names'
import type { RollupFinding, RollupReport } from './types'
import { reportLevelOf, type RollupUnit } from './units'

/** What of an import the roll-up reads. */
export type ImportedReport = Pick<ParsedReport, 'report' | 'missing' | 'unitCheck'>

export interface SummarizeInput {
  id: number
  file: string
  parsed: ImportedReport
  /** The unit of the list the report was matched to. */
  match?: UnitMatch
  ambiguous?: string[]
  unit?: RollupUnit
  /** Last year's report of the same unit (the library's). */
  previous?: Report
  settings?: RuleSettings
}

/** The names a report gives its unit, its choice first; none when the import found no name. */
export function reportNames(parsed: ImportedReport): string[] {
  if (parsed.missing.includes('单位名称')) return []
  return [...new Set([parsed.report.unit.name, ...parsed.unitCheck.candidates])]
}

/** The year the report is about, when the import found it. */
export function reportYear(parsed: ImportedReport): number | undefined {
  return parsed.missing.includes('报告年度') ? undefined : parsed.report.year
}

/** The report as the checks should see it: judged at the level its unit has in the list. */
export function asListed(report: Report, unit: RollupUnit | undefined): Report {
  return unit ? { ...report, unit: { ...report.unit, level: reportLevelOf(unit) } } : report
}

export function summarizeReport(input: SummarizeInput): RollupReport {
  const { report } = input.parsed
  const year = reportYear(input.parsed)
  const previous = input.previous && input.previous.year === report.year - 1 ? input.previous : undefined
  const checked = asListed(report, input.unit)
  const findings = checkReport(checked, previous, input.settings)
    .filter((f) => f.status === 'open')
    .map((f) => rollupFinding(f, checked))
  return {
    id: input.id,
    file: input.file,
    names: reportNames(input.parsed),
    ...(year !== undefined ? { year } : {}),
    ...(report.imported?.generation ? { generation: report.imported.generation } : {}),
    ...(input.match ? { match: input.match } : {}),
    ...(input.ambiguous?.length ? { ambiguous: input.ambiguous } : {}),
    values: { ...report.values },
    findings,
    ...(previous ? { previous: { year: previous.year, values: { ...previous.values } } } : {}),
    importFaults: { unread: report.imported?.unread?.length ?? 0, flagged: report.imported?.flagged?.length ?? 0 }
  }
}

const QUOTE_CHARS = 20

/** Where a finding points, in words an officer finds it by. */
export function findingPlace(finding: Pick<ReviewedFinding, 'target'>, report: Pick<Report, 'sections'>): string {
  const target = finding.target
  if (target.kind === 'cell') return describeCell(target.cell)
  if (target.kind === 'document') return '落款「成文日期」'
  const heading = sectionDef(target.section).heading
  if (target.start === undefined || target.end === undefined) return heading
  const quote = report.sections[target.section].slice(target.start, target.end).replace(/\s+/g, '')
  if (!quote) return heading
  return `${heading}「${Array.from(quote).length > QUOTE_CHARS ? `${Array.from(quote).slice(0, QUOTE_CHARS).join('')}…` : quote}」`
}

export function findingName(rule: string): string {
  return ROLLUP_RULE_NAMES[rule] ?? ruleName(rule)
}

function rollupFinding(finding: ReviewedFinding, report: Report): RollupFinding {
  return {
    rule: finding.rule,
    name: findingName(finding.rule),
    severity: finding.severity,
    message: finding.message,
    place: findingPlace(finding, report),
    cells: [...finding.cells],
    ...(finding.origin ? { origin: finding.origin } : {})
  }
}
