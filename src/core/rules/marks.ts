/**
 * STALE: review marks still in the narrative. A carried-over draft marks every figure copied from
 * last year's text 【待更新：12】 and leaves 【待填写】 where an answer is due (nextYear.ts); each
 * left in would be exported as it stands, so each section holding one is reported, jumping to the
 * first mark (fixing it moves the jump to the next).
 */
import { SECTION_IDS } from '../report/sections'
import { findMarks } from '../report/marks'
import type { Finding, Rule } from './types'
import { sectionLabel } from './format'

export const REVIEW_MARKS_RULE: Rule = {
  id: 'STALE',
  severity: 'warning',
  title: '正文中不应留有“待更新”“待填写”标记',
  reads: { sections: SECTION_IDS },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const section of SECTION_IDS) {
      const text = report.sections[section]
      const marks = findMarks(text)
      const first = marks[0]
      if (!first) continue
      const stale = marks.filter((m) => m.figure !== undefined).length
      const toFill = marks.length - stale
      const parts = [
        stale ? `${stale} 处沿用上年的数字（如“${text.slice(first.start, first.end)}”）待更新` : '',
        toFill ? `${toFill} 处内容待填写` : ''
      ].filter(Boolean)
      findings.push({
        rule: 'STALE',
        severity: 'warning',
        message: `${sectionLabel(section)}中还有 ${parts.join('、')}，请按本年实际改写并删除标记`,
        cells: [],
        target: { kind: 'section', section, start: first.start, end: first.end },
        // One finding per section, about every mark in it (the jump moves to the next as each is fixed).
        key: `STALE:${section}`,
        concerns: marks.map((m) => text.slice(m.start, m.end)).join('|')
      })
    }
    return findings
  }
}
