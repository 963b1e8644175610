/**
 * REMEDY: section 五 says how last year's problems were dealt with. The format asks for the main
 * problems and how they are being improved, and forbids 年年雷同 (国办公开办函〔2021〕30号);
 * reviewers then ask what became of the problems listed a year ago, and a report that lists this
 * year's problems and next year's plans but says nothing about last year's is cited for it. A
 * carried-over draft opens section 五 with the 上年问题整改情况 checklist: while its answers are
 * 【待填写】, STALE reports them, so the checklist itself counts as the statement here.
 */
import { CHECKLIST_HEADING, extractProblems } from '../report/checklist'
import { sectionName } from '../report/sections'
import type { Rule } from './types'
import { sectionLabel } from './format'

/** Words that refer to last year's report or problems. */
const LAST_YEAR = /上一?年度?|去年|前一年|以往年度|往年|上期/
/** Words that say what was done about them. */
const DEALT_WITH = /整改|改进|解决|落实|完成|已[^，。；]{0,6}(?:改|完善|加强|建立|开展|提升|推进)|得到|销号|见效|成效/
/** Words that name the problems. */
const PROBLEMS = /问题|不足|短板|差距|意见|建议/
const SENTENCES = /[^。；;！!？?\n]+/g

/** Whether the text says how last year's problems were dealt with. */
export function statesRemedy(text: string): boolean {
  if (text.includes(CHECKLIST_HEADING) || /上年(?:度)?问题整改情况|上年度?整改情况/.test(text)) return true
  for (const match of text.matchAll(SENTENCES)) {
    const sentence = match[0]
    const lastYear = LAST_YEAR.exec(sentence)
    if (!lastYear) continue
    const after = sentence.slice(lastYear.index)
    if (PROBLEMS.test(after) && DEALT_WITH.test(after)) return true
  }
  return false
}

export const REMEDY_RULE: Rule = {
  id: 'REMEDY',
  severity: 'warning',
  since: '2021',
  title: `“${sectionName('problems')}”应说明上年问题的整改情况`,
  reads: { sections: ['problems'] },
  evaluate({ report, previous }) {
    const text = report.sections.problems
    if (!text.trim() || statesRemedy(text)) return []
    const listed = previous && previous.year === report.year - 1 ? extractProblems(previous.sections.problems).length : 0
    const last = listed ? `上年报告列出了 ${listed} 个问题，` : ''
    return [
      {
        rule: 'REMEDY',
        severity: 'warning',
        message: `${sectionLabel('problems')}未说明上年报告所列问题的整改情况；${last}请逐条写明整改措施和成效（评议中常被指出）`,
        cells: [],
        target: { kind: 'section', section: 'problems' }
      }
    ]
  }
}
