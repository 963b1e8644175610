// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report.
// A run that failed before vitest (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const [reportPath = '.vitest-report.json', status = '0'] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'))
  passed = report.numPassedTests ?? 0
  failed = report.numFailedTests ?? 0
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  if (failed === 0 && status !== '0') failed = 1
} else if (status !== '0') {
  failed = 1
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
