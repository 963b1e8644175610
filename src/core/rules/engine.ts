/** The list of rules and the one function that runs them. */
import type { Report } from '../report/report'
import type { RuleSettings } from '../settings'
import type { CheckContext, Finding, ReviewedFinding, Rule, Severity } from './types'
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
import { REQUIRED_FIGURES_RULE } from './requiredFigures'
import { REQUIRED_ITEMS_RULE } from './requiredItems'
import { DEADLINE_RULE } from './deadline'
import { assignKeys, fingerprintOf, withReview } from './review'

/** Every check, in the order its findings are listed within a severity. */
export const RULES: readonly Rule[] = [
  ...ARITHMETIC_RULES,
  VALUE_RULE,
  BLANK_RULE,
  CARRY_OVER_RULE,
  IN_FORCE_RULE,
  OVERVIEW_LENGTH_RULE,
  PROCESSING_FEE_RULE,
  REQUIRED_FIGURES_RULE,
  REQUIRED_ITEMS_RULE,
  QUOTED_FIGURES_RULE,
  REGULATIONS_RULE,
  STALE_YEAR_RULE,
  OUTDATED_RULE,
  REVIEW_MARKS_RULE,
  REMEDY_RULE,
  COPY_RULE,
  PROBLEMS_COPY_RULE,
  DEADLINE_RULE,
  FORMAT_RULE,
  DOCUMENT_DATE_RULE
]

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'hint']

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id)
}

/**
 * Run the rules over a report (and last year's, for the cross-year checks), with the region's
 * settings when given (the national defaults otherwise). Findings come errors first, then
 * warnings, then hints; within a severity in rule order, then in reading order. Rules the report's
 * format generation did not have are not run (see applicability.ts); findings that cells left blank
 * or doubtful by the import explain are labelled so (importFaults.ts). Every finding comes with its
 * stable key and the officer's review (review.ts): reviewed ones are returned too, marked, for the
 * panel to list apart — count the open ones with `openCounts`.
 */
export function runRules(rules: readonly Rule[], report: Report, previous?: Report, settings?: RuleSettings): ReviewedFinding[] {
  const ctx: CheckContext = { report, ...(previous ? { previous } : {}), ...(settings ? { settings } : {}) }
  const faults = importFaults(report)
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], hint: [] }
  for (const rule of rules) {
    if (!ruleApplies(rule, report)) continue
    if (rule.reads.previous && !previous && !(rule.reads.baseline && report.baseline)) continue
    for (const found of rule.evaluate(ctx)) {
      const finding = rule.handlesImport ? found : labelImportFault(found, faults)
      bySeverity[finding.severity].push(finding)
    }
  }
  const ordered = SEVERITY_ORDER.flatMap((severity) => bySeverity[severity])
  const keys = assignKeys(ordered, report)
  const review = report.review
  return ordered.map((finding, i) => {
    const key = keys[i]!
    return withReview(finding, key, fingerprintOf(finding, report), review?.[key])
  })
}

export function checkReport(report: Report, previous?: Report, settings?: RuleSettings): ReviewedFinding[] {
  return runRules(RULES, report, previous, settings)
}

/** The rules not applied to this report and why (its format generation did not have them). */
export function notApplied(report: Report): RuleNotApplied[] {
  return rulesNotApplied(RULES, report)
}
