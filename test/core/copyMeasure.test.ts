/**
 * The copy-from-last-year measure and its two rules: COPY (more than half of the narrative repeats
 * last year's) and P2 (section 五 near-identical to last year's, 年年雷同).
 */
import { describe, expect, it } from 'vitest'
import { BOILERPLATE_SENTENCES, copyMeasure, NEAR_COPY_JACCARD } from '@core/report/copyMeasure'
import { nextYearDraft } from '@core/report/nextYear'
import type { Report } from '@core/report/report'
import { SECTION_IDS, type SectionId } from '@core/report/sections'
import { checkReport, RULES } from '@core/rules/index'
import { consistentReport, withSection } from '../support/reports'

const report = consistentReport({ year: 2025 })
/** The same builder a year earlier: this year's narrative is last year's copied, with new figures and years. */
const previous = consistentReport({ year: 2024 })

/** This year's narrative written afresh: same subjects, new sentences. */
const REWRITTEN: Record<SectionId, string> = {
  overview: [
    '根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，编制本报告。本报告所列数据统计期限为2025年1月1日至2025年12月31日。',
    '2025年，我镇把政务公开与基层治理结合起来，在“一网通办”平台开设镇级公开专区，群众办事指南实现一次告知、线上可查。',
    '（一）依申请公开。全年收到申请39件，其中网上提交占七成以上，均在法定期限内办结，未发生逾期答复。',
    '（二）政府信息管理。新建公开属性源头认定台账，每份文件起草时即明确公开方式，公开前逐条进行保密审查。',
    '（三）平台建设。对门户网站栏目进行了全面梳理，合并重复栏目六个，新增惠民惠农补贴专栏。',
    '（四）监督保障。邀请村民代表参与评议政务公开工作，评议意见逐条反馈并限期落实。'
  ].join('\n'),
  proactive: '全年制发行政规范性文件2件、废止2件，现行有效14件；各类行政许可决定156件，行政处罚决定48件，行政强制决定5件，均按规定公示。',
  requests: '申请量较上年有所上升，主要集中在征地补偿和低保审批领域；答复书统一采用新版文书模板，说理更加充分。',
  review: '涉及政府信息公开的行政复议2件，维持1件、尚在审理1件；行政诉讼1件，法院尚未判决。',
  problems: [
    '上年指出的政策解读形式单一问题，今年已制作图解12期、短视频4部；村（社区）公开栏实行每月巡查，问题已整改。',
    '本年存在的问题：一是依申请公开答复文书说理仍不够充分；二是部分村级公开内容与镇级网站不同步。',
    '下一步将组织答复文书专项评查，建立村镇公开内容同步发布机制。'
  ].join('\n'),
  other: '2025年未收取信息处理费。全年办理人大代表建议3件、政协提案2件，结果已在网站公开。'
}

function rewritten(base: Report): Report {
  return SECTION_IDS.reduce((r, id) => withSection(r, id, REWRITTEN[id]), base)
}

const rulesOf = (current: Report, last?: Report) =>
  checkReport(current, last)
    .map((f) => f.rule)
    .filter((rule) => rule === 'COPY' || rule === 'P2')

describe('copyMeasure', () => {
  it('a report copied whole (figures and years changed) repeats ≈100%', () => {
    const measure = copyMeasure(report, previous)
    expect(measure.overall).toBeGreaterThan(0.99)
    for (const id of SECTION_IDS) expect(measure.sections[id].share).toBeGreaterThan(0.99)
    expect(measure.totalChars).toBe(SECTION_IDS.reduce((sum, id) => sum + measure.sections[id].totalChars, 0))
    expect(rulesOf(report, previous)).toEqual(['COPY', 'P2'])
  })

  it('a rewritten report repeats little', () => {
    const measure = copyMeasure(rewritten(report), previous)
    expect(measure.overall).toBeLessThan(0.1)
    expect(measure.sections.problems.share).toBe(0)
    expect(rulesOf(rewritten(report), previous)).toEqual([])
  })

  it('only section 五 copied: P2 fires, COPY does not', () => {
    const current = withSection(rewritten(report), 'problems', previous.sections.problems)
    const measure = copyMeasure(current, previous)
    expect(measure.sections.problems.share).toBeGreaterThan(0.99)
    expect(measure.overall).toBeLessThan(0.5)
    expect(rulesOf(current, previous)).toEqual(['P2'])
    const p2 = checkReport(current, previous).find((f) => f.rule === 'P2')!
    expect(p2).toMatchObject({ severity: 'warning', target: { kind: 'section', section: 'problems' } })
    expect(p2.message).toMatch(/「五、存在的主要问题及改进情况」约 100% 与 2024 年度报告相同.*年年雷同/)
  })

  it('counts a nearly equal sentence (a word changed) and a sentence moved to another section', () => {
    const sentence = '严格执行公开前保密审查制度，落实“三审三校”，全年未发生泄密事件，确保公开内容安全准确完整及时。'
    const last = withSection(previous, 'overview', sentence)
    const edited = sentence.replace('全年', '本年')
    expect(copyMeasure(withSection(rewritten(report), 'overview', edited), last).sections.overview.share).toBe(1)
    expect(copyMeasure(withSection(rewritten(report), 'other', sentence), last).sections.other.share).toBeGreaterThan(0.5)
    const different = '严格执行保密审查制度。'
    expect(copyMeasure(withSection(rewritten(report), 'overview', different), last).sections.overview.share).toBe(0)
    expect(NEAR_COPY_JACCARD).toBe(0.9)
  })

  it('leaves boilerplate out: titles, document numbers, standard sentences, headings', () => {
    const boilerplate = [
      '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。',
      '本报告所列数据统计期限为2025年1月1日至2025年12月31日。',
      '如对本报告有任何疑问，请与某某镇党政办联系。',
      '一、总体情况',
      '（一）存在的主要问题',
      '示例镇2025年政府信息公开工作年度报告',
      '本年度未收取信息处理费。'
    ].join('\n')
    const current = withSection(rewritten(report), 'overview', boilerplate)
    expect(copyMeasure(current, withSection(previous, 'overview', boilerplate)).sections.overview).toEqual({
      share: 0,
      repeatedChars: 0,
      totalChars: 0
    })
    expect(BOILERPLATE_SENTENCES.length).toBeGreaterThan(5)
  })

  it('leaves the 上年问题整改情况 checklist out: quoting last year’s problems to answer them is not copying', () => {
    const draft = nextYearDraft(rewritten(previous)).report
    const answered = withSection(draft, 'problems', draft.sections.problems.split('\n').slice(0, 3).join('\n'))
    expect(copyMeasure(answered, rewritten(previous)).sections.problems.totalChars).toBe(0)
  })

  it('a next-year draft, not yet rewritten, is flagged against last year', () => {
    const draft = nextYearDraft(report).report
    expect(copyMeasure(draft, report).overall).toBeGreaterThan(0.95)
    expect(rulesOf(draft, report)).toEqual(['COPY', 'P2'])
  })

  it('measures again when last year’s report is edited in place', () => {
    const last = structuredClone(previous)
    expect(copyMeasure(report, last).overall).toBeGreaterThan(0.99)
    for (const id of SECTION_IDS) last.sections[id] = REWRITTEN[id]
    expect(copyMeasure(report, last).overall).toBeLessThan(0.1)
  })

  it('is empty for empty texts', () => {
    const empty = SECTION_IDS.reduce((r, id) => withSection(r, id, ''), report)
    expect(copyMeasure(empty, previous)).toMatchObject({ overall: 0, totalChars: 0, repeatedChars: 0 })
  })
})

describe('the COPY and P2 rules', () => {
  it('are warnings that read last year, run only with an earlier report', () => {
    for (const id of ['COPY', 'P2']) {
      const rule = RULES.find((r) => r.id === id)!
      expect(rule).toMatchObject({ severity: 'warning', reads: { previous: true } })
    }
    expect(rulesOf(report)).toEqual([])
    expect(rulesOf(report, { ...previous, year: 2025 })).toEqual([])
    expect(rulesOf(report, { ...previous, year: 2023 })).toEqual(['COPY', 'P2'])
  })

  it('COPY names the overall share and jumps to the section that repeats most', () => {
    const copy = checkReport(report, previous).find((f) => f.rule === 'COPY')!
    expect(copy.message).toMatch(/^正文约 100% 与 2024 年度报告相同.*超过一半/)
    expect(copy.target).toEqual({ kind: 'section', section: 'overview' })
  })
})
