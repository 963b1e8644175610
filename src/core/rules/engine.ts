/** The list of rules and the one function that runs them. */
import type { Report } from '../report/report'
import type { CheckContext, Finding, Rule, Severity } from './types'
import { ARITHMETIC_RULES } from './arithmetic'
import { BLANK_RULE, VALUE_RULE } from './values'
import { CARRY_OVER_RULE, IN_FORCE_RULE } from './crossYear'
import { OVERVIEW_LENGTH_RULE, PROCESSING_FEE_RULE } from './text'
import { QUOTED_FIGURES_RULE } from './quotedFigures'
import { REGULATIONS_RULE } from './plausibility'
import { STALE_YEAR_RULE } from './staleYears'
import { REVIEW_MARKS_RULE } from './marks'
import { COPY_RULE, PROBLEMS_COPY_RULE } from './copy'
import { OUTDATED_RULE } from './outdated'
import { REMEDY_RULE } from './remedy'
import { FORMAT_RULE } from './fidelity'
import { ruleApplies, rulesNotApplied, type RuleNotApplied } from './applicability'
import { importFaults, labelImportFault } from './importFaults'
import { DOCUMENT_DATE_RULE } from './documentDate'

/** Every check, in the order its findings are listed within a severity. */
export const RULES: readonly Rule[] = [
  ...ARITHMETIC_RULES,
  VALUE_RULE,
  BLANK_RULE,
  CARRY_OVER_RULE,
  IN_FORCE_RULE,
  OVERVIEW_LENGTH_RULE,
  PROCESSING_FEE_RULE,
  QUOTED_FIGURES_RULE,
  REGULATIONS_RULE,
  STALE_YEAR_RULE,
  OUTDATED_RULE,
  REVIEW_MARKS_RULE,
  REMEDY_RULE,
  COPY_RULE,
  PROBLEMS_COPY_RULE,
  FORMAT_RULE,
  DOCUMENT_DATE_RULE
]

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'hint']

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id)
}

/**
 * Run the rules over a report (and last year's, for the cross-year checks). Findings come errors
 * first, then warnings, then hints; within a severity in rule order, then in reading order.
 * Rules the report's format generation did not have are not run (see applicability.ts); findings
 * that cells left blank or doubtful by the import explain are labelled so (importFaults.ts); hints
 * the officer dismissed are left out.
 */
export function runRules(rules: readonly Rule[], report: Report, previous?: Report): Finding[] {
  const ctx: CheckContext = previous ? { report, previous } : { report }
  const faults = importFaults(report)
  const dismissed = report.dismissed?.length ? new Set(report.dismissed) : undefined
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], hint: [] }
  for (const rule of rules) {
    if (!ruleApplies(rule, report)) continue
    if (rule.reads.previous && !previous && !(rule.reads.baseline && report.baseline)) continue
    for (const found of rule.evaluate(ctx)) {
      if (found.key !== undefined && dismissed?.has(found.key)) continue
      const finding = rule.handlesImport ? found : labelImportFault(found, faults)
      bySeverity[finding.severity].push(finding)
    }
  }
  return SEVERITY_ORDER.flatMap((severity) => bySeverity[severity])
}

export function checkReport(report: Report, previous?: Report): Finding[] {
  return runRules(RULES, report, previous)
}

/** The rules not applied to this report and why (its format generation did not have them). */
export function notApplied(report: Report): RuleNotApplied[] {
  return rulesNotApplied(RULES, report)
}
