export * from './types'
export { RULES, SEVERITY_ORDER, checkReport, notApplied, ruleById, runRules } from './engine'
export { reportGeneration, tablesGeneration, generationOfYear, GENERATION_NAMES, type RuleNotApplied } from './applicability'
export { IMPORT_LABELS } from './importFaults'
export { QUANTITIES, PHRASES, ZERO_PHRASES, type Quantity, type Phrase, type ZeroPhrase } from '../report/quantities'
export { readStatements, type Statement } from '../report/statements'
export { parseCount } from '../text/chinese'
export { countCharacters, OVERVIEW_LIMIT } from './text'
export { MAX_AMOUNT_DECIMALS } from './values'
export { RULE_NAMES, ruleName } from './names'
export {
  ReviewError,
  describeReview,
  isOpen,
  markFinding,
  openCounts,
  openFindings,
  reopenFinding,
  reviewedCounts,
  reviewReason
} from './review'
