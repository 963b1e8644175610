/**
 * P5: every statement of a table quantity in the narrative must match the tables — totals and
 * breakdowns alike (“收到政府信息公开申请12件”, “行政复议2件，其中结果维持1件”, “废止行政规范性
 * 文件2件”). What counts as a statement is the shared vocabulary of report/quantities.ts, read by
 * report/statements.ts; a figure still marked 【待更新】 is last year's and is left to STALE.
 */
import { SECTION_IDS, type SectionId } from '../report/sections'
import { QUANTITIES } from '../report/quantities'
import { readStatements, type Statement } from '../report/statements'
import type { Finding, Rule } from './types'
import { allFilled, formatNumber, sameNumber, sectionLabel, sumOf, type Values } from './format'

function mismatch(section: SectionId, text: string, statement: Statement, values: Values): Finding | undefined {
  const { quantity, value } = statement
  if (!allFilled(values, quantity.cells)) return undefined
  const expected = sumOf(values, quantity.cells)
  if (sameNumber(expected, value)) return undefined
  const quote = text.slice(statement.start, statement.end)
  const spelled = quote.includes(formatNumber(value)) ? '' : `（即 ${formatNumber(value)}）`
  const unit = quantity.kind === 'amount' ? ' 万元' : ''
  return {
    rule: 'P5',
    severity: 'warning',
    message: `${sectionLabel(section)}写“${quote}”${spelled}，但${quantity.label}为 ${formatNumber(expected)}${unit}，两者不一致`,
    cells: quantity.cells,
    target: { kind: 'section', section, start: statement.start, end: statement.end }
  }
}

export const QUOTED_FIGURES_RULE: Rule = {
  id: 'P5',
  severity: 'warning',
  about: 'tables',
  since: '2019',
  title: '正文中引用的数字应与表格一致',
  reads: { cells: [...new Set(QUANTITIES.flatMap((q) => q.cells))], sections: SECTION_IDS },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const section of SECTION_IDS) {
      const text = report.sections[section]
      for (const statement of readStatements(text)) {
        if (statement.marked) continue
        const finding = mismatch(section, text, statement, report.values)
        if (finding) findings.push(finding)
      }
    }
    return findings
  }
}
