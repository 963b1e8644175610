/**
 * County roll-up (pure): the unit list, matching reports to units, each report's checks reduced to
 * what the roll-up keeps, the roll-up of a year (statuses, sums, cross-unit checks), its JSON and
 * its workbook as data. Reading files, the worker pool and writing the .xlsx are in main/services/rollup.
 */
export * from './units'
export * from './unitList'
export * from './match'
export { SUMMARY_FIGURES } from './labels'
export * from './types'
export * from './summarize'
export * from './crossChecks'
export * from './rollup'
export * from './json'
export * from './sheets'
export { ROLLUP_RULE_NAMES } from './names'
