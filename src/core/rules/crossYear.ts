/**
 * X1, X2: this year's report against last year's (X2 also against the baseline a carried-over
 * draft keeps, when last year's report is not given). Both are warnings, because last year's report may
 * itself have been wrong, and 清理/修订 exercises legitimately break the 现行有效 identity.
 */
import { CARRIED_CELLS, cellId, describeCell, type CellId } from '../report/cells'
import type { Report } from '../report/report'
import { CARRIED_ROW, shortLabel, TABLE_2 } from '../report/tables'
import type { Finding, Rule } from './types'
import { formatNumber, formatValue, sameNumber } from './format'

/** Cross-year checks only make sense against the year just before. */
function lastYear(report: Report, previous: Report | undefined): Report | undefined {
  return previous && previous.year === report.year - 1 ? previous : undefined
}

/** Per column of 表三: this year's 二、上年结转 and last year's 四、结转下年度继续办理. */
const CARRY_PAIRS = CARRIED_CELLS.map((c) => ({ current: c.id, previous: c.carriedFrom }))

export const CARRY_OVER_RULE: Rule = {
  id: 'X1',
  severity: 'warning',
  about: 'tables',
  since: '2019',
  title: `本年“${shortLabel(CARRIED_ROW.row)}”应等于上年报告的“${shortLabel(CARRIED_ROW.from)}”`,
  reads: { cells: CARRY_PAIRS.map((p) => p.current), previous: true },
  evaluate({ report, previous }) {
    const before = lastYear(report, previous)
    if (!before) return []
    const findings: Finding[] = []
    for (const pair of CARRY_PAIRS) {
      const expected = before.values[pair.previous]
      if (expected === undefined) continue
      const actual = report.values[pair.current]
      // A blank that should be 0 is the BLANK rule's business, not a cross-year mismatch.
      if (actual === undefined ? expected === 0 : sameNumber(actual, expected)) continue
      findings.push({
        rule: 'X1',
        severity: 'warning',
        message:
          `${describeCell(pair.current)}为 ${formatValue(actual)}，` +
          `上年报告${describeCell(pair.previous)}为 ${formatNumber(expected)}，两者应相等`,
        cells: [pair.current],
        target: { kind: 'cell', cell: pair.current },
        concerns: `上年${formatNumber(expected)}`
      })
    }
    return findings
  }
}

interface InForceRow {
  row: 'rules' | 'normative'
  issued: CellId
  repealed: CellId
  inForce: CellId
}

/** 表二 第二十条第（一）项: the rows whose 现行有效件数 carries over from year to year. */
const IN_FORCE_ROWS: readonly InForceRow[] = (['rules', 'normative'] as const).map((row) => ({
  row,
  issued: cellId('t2', row, 'issued'),
  repealed: cellId('t2', row, 'repealed'),
  inForce: cellId('t2', row, 'inForce')
}))

function inForceTitle(): string {
  const columns = TABLE_2.blocks.find((b) => b.key === 'item1')!.columns
  const label = (key: string) => columns.find((c) => c.key === key)!.label
  return `${label('inForce')}＝上年${label('inForce')}＋${label('issued')}－${label('repealed')}`
}

export const IN_FORCE_RULE: Rule = {
  id: 'X2',
  severity: 'warning',
  about: 'tables',
  // 本年废止件数 and 现行有效件数 are columns of the 2021 format.
  since: '2021',
  title: inForceTitle(),
  reads: { cells: IN_FORCE_ROWS.flatMap((r) => [r.issued, r.repealed, r.inForce]), previous: true, baseline: true },
  evaluate({ report, previous }) {
    const before = lastYear(report, previous)
    // Without last year's report, the figures carried into the draft (nextYear.ts) stand in for it.
    const baseline = report.baseline?.year === undefined || report.baseline.year === report.year - 1 ? report.baseline?.inForce : undefined
    if (!before && !baseline) return []
    const findings: Finding[] = []
    for (const row of IN_FORCE_ROWS) {
      const base = before ? before.values[row.inForce] : baseline?.[row.row]
      const issued = report.values[row.issued]
      const repealed = report.values[row.repealed]
      const actual = report.values[row.inForce]
      if (base === undefined || issued === undefined || repealed === undefined || actual === undefined) continue
      const expected = base + issued - repealed
      if (sameNumber(expected, actual)) continue
      findings.push({
        rule: 'X2',
        severity: 'warning',
        message:
          `${describeCell(row.inForce)}应为 ${formatNumber(expected)}（上年现行有效 ${formatNumber(base)} ＋ ` +
          `本年制发 ${formatNumber(issued)} － 本年废止 ${formatNumber(repealed)}），实为 ${formatNumber(actual)}`,
        cells: [row.issued, row.repealed, row.inForce],
        target: { kind: 'cell', cell: row.inForce },
        concerns: `上年${formatNumber(base)}`
      })
    }
    return findings
  }
}
