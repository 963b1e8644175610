/**
 * COPY and P2: text copied from last year's report (copyMeasure.ts). County assessments deduct
 * points when more than half of a report repeats last year's; the format forbids section 五 being
 * 年年雷同 (国办公开办函〔2021〕30号). Both are warnings: the officer decides what to rewrite.
 */
import { copyMeasure, type CopyMeasure } from '../report/copyMeasure'
import type { Report } from '../report/report'
import { SECTION_IDS, sectionName } from '../report/sections'
import type { Rule } from './types'
import { sectionLabel } from './format'

/** Above this share of the whole narrative, the report counts as copied. */
export const COPY_LIMIT = 0.5
/** At or above this share, section 五 counts as near-identical to last year's. */
export const PROBLEMS_COPY_LIMIT = 0.8

const percent = (share: number): string => `${Math.round(share * 100)}%`

/** The texts a measure was taken on: reports may be edited in place, so identity is not enough. */
function textsOf(current: Report, previous: Report): string[] {
  return [...SECTION_IDS.map((id) => current.sections[id]), ...SECTION_IDS.map((id) => previous.sections[id])]
}

let memo: { texts: string[]; measure: CopyMeasure } | undefined

/** Only an earlier report can have been copied from. Both rules run on the same pair in turn: measured once. */
function measured(report: Report, previous: Report | undefined): CopyMeasure | undefined {
  if (!previous || previous.year >= report.year) return undefined
  const texts = textsOf(report, previous)
  if (memo && memo.texts.every((text, i) => text === texts[i])) return memo.measure
  const measure = copyMeasure(report, previous)
  memo = { texts, measure }
  return measure
}

export const COPY_RULE: Rule = {
  id: 'COPY',
  severity: 'warning',
  title: '正文与上年报告重复不应超过一半',
  reads: { sections: SECTION_IDS, previous: true },
  evaluate({ report, previous, settings }) {
    const limit = settings?.copyRatioThreshold ?? COPY_LIMIT
    const measure = measured(report, previous)
    if (!measure || measure.overall <= limit) return []
    const over = limit === COPY_LIMIT ? '超过一半' : `超过设置的 ${percent(limit)}${settings?.profile ? `（地区配置「${settings.profile}」）` : ''}`
    // Jump to the section that repeats the most text: rewriting it helps most.
    const worst = SECTION_IDS.reduce((a, b) => (measure.sections[b].repeatedChars > measure.sections[a].repeatedChars ? b : a))
    return [
      {
        rule: 'COPY',
        severity: 'warning',
        message:
          `正文约 ${percent(measure.overall)} 与 ${previous!.year} 年度报告相同（逐句比对，不计文件名称、文号等固定表述），` +
          `${over}；重复最多的是${sectionLabel(worst)}（${percent(measure.sections[worst].share)}），请结合本年实际改写`,
        cells: [],
        target: { kind: 'section', section: worst },
        // One finding about the whole text, wherever it jumps: kept while the share stays as reviewed.
        key: 'COPY',
        concerns: percent(measure.overall)
      }
    ]
  }
}

export const PROBLEMS_COPY_RULE: Rule = {
  id: 'P2',
  severity: 'warning',
  title: `“${sectionName('problems')}”不得与上年雷同`,
  reads: { sections: ['problems'], previous: true },
  evaluate({ report, previous }) {
    const measure = measured(report, previous)
    const problems = measure?.sections.problems
    if (!problems || problems.totalChars === 0 || problems.share < PROBLEMS_COPY_LIMIT) return []
    return [
      {
        rule: 'P2',
        severity: 'warning',
        message:
          `${sectionLabel('problems')}约 ${percent(problems.share)} 与 ${previous!.year} 年度报告相同；` +
          '格式要求如实写明本年问题和改进情况，“不得出现敷衍了事甚至年年雷同现象”，并应说明上年问题整改情况',
        cells: [],
        target: { kind: 'section', section: 'problems' },
        concerns: percent(problems.share)
      }
    ]
  }
}
