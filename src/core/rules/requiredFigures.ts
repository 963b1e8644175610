/**
 * FIGURES: figures the region requires 总体情况 to state (设置 → 总体情况必须写明的数字; e.g. a 2025
 * city notice asking for the counts of 规章 and 行政规范性文件 issued, abolished and in force, and of
 * 政策解读 and 回应关切). Each is found by the phrases the county wrote (settings/figures.ts); one
 * not found is reported missing, and one stated otherwise than its table cell is reported where it
 * is stated. A figure P5 already reads as a table quantity is left to P5 (one finding per mismatch);
 * a draft's 【待更新】 figure counts as stated (STALE asks for this year's). A region's requirements are
 * for the reports its offices write now: an imported report, published under the rules of its own
 * year, is not judged by them.
 */
import { describeCell } from '../report/cells'
import { readStatements, type Statement } from '../report/statements'
import { findFigure, type FoundFigure, type RuleSettings } from '../settings'
import type { Finding, Rule } from './types'
import { formatNumber, sameNumber, sectionLabel } from './format'

/** Who asks for it, in a message. */
export function settingsSource(settings: RuleSettings | undefined): string {
  return settings?.profile ? `地区配置「${settings.profile}」` : '设置'
}

type Required = RuleSettings['overviewFigures'][number]

function readByP5(statements: readonly Statement[], found: FoundFigure, figure: Required): boolean {
  if (!figure.cell) return false
  return statements.some(
    (s) => !s.marked && s.numberStart >= found.start && s.numberEnd <= found.end && s.quantity.cells.includes(figure.cell!)
  )
}

export const REQUIRED_FIGURES_RULE: Rule = {
  id: 'FIGURES',
  severity: 'warning',
  title: '总体情况应写明设置中要求的数字，并与表格一致',
  reads: { sections: ['overview'] },
  evaluate({ report, settings }) {
    const required = settings?.overviewFigures ?? []
    if (required.length === 0 || report.imported) return []
    const text = report.sections.overview
    const source = settingsSource(settings)
    const findings: Finding[] = []
    let statements: Statement[] | undefined
    const p5 = (): Statement[] => (statements ??= readStatements(text))
    for (const figure of required) {
      const found = findFigure(text, figure.patterns)
      const cells = figure.cell ? [figure.cell] : []
      if (found.length === 0) {
        findings.push({
          rule: 'FIGURES',
          severity: 'warning',
          message: `${sectionLabel('overview')}未写明${figure.label}（${source}要求；查找用语：${figure.patterns.join('、')}）`,
          cells,
          target: { kind: 'section', section: 'overview' },
          key: `FIGURES:${figure.label}`,
          // Missing is missing whatever else the section says; the cell's value is in the fingerprint.
          concerns: figure.patterns.join('|')
        })
        continue
      }
      const cell = figure.cell
      const expected = cell === undefined ? undefined : report.values[cell]
      if (cell === undefined || expected === undefined) continue
      for (const stated of found) {
        if (stated.marked || sameNumber(stated.value, expected) || readByP5(p5(), stated, figure)) continue
        findings.push({
          rule: 'FIGURES',
          severity: 'warning',
          message:
            `${sectionLabel('overview')}写“${stated.quote}”，但${describeCell(cell)}为 ${formatNumber(expected)}，两者不一致` +
            `（${figure.label}，${source}要求写明）`,
          cells,
          target: { kind: 'section', section: 'overview', start: stated.start, end: stated.end }
        })
      }
    }
    return findings
  }
}
