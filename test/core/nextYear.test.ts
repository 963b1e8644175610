/**
 * Next year's draft from last year's report: what carries by rule, what stays blank, the narrative
 * with the year moved on and every figure marked, and the 上年问题整改情况 checklist — on reports of
 * every generation (the five pre-2019 seeds and the project's own export, imported; the consistent
 * 2021-format fixture).
 */
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { markFigures, moveYears } from '@core/report/carryText'
import { CELLS, cellId } from '@core/report/cells'
import { CHECKLIST_HEADING, extractProblems } from '@core/report/checklist'
import { findMarks, unmark } from '@core/report/marks'
import { nextYearDraft } from '@core/report/nextYear'
import { parseReport, serializeReport, type Report } from '@core/report/report'
import { SECTION_IDS } from '@core/report/sections'
import { checkReport } from '@core/rules/index'
import { readDocumentFile } from '../../src/main/services/readers/index'
import { consistentReport, withSection, withValues } from '../support/reports'

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))

const SEEDS = {
  baizhang: 'baizhang-2017.txt',
  songzhuang: 'songzhuang-2016-traditional-webcopy.txt',
  wangjiashan: 'wangjiashan-2018.txt',
  xiamei: 'xiamei-2016.txt',
  zhangcun: 'zhangcun-2011.txt'
} as const

async function importFile(path: string): Promise<Report> {
  return recognizeReport(await readDocumentFile(fixture(path)), { source: path }).report
}

const rules = (report: Report, previous?: Report) => checkReport(report, previous).map((f) => f.rule)

describe('moveYears', () => {
  it.each([
    ['2024年，我镇坚持以公开为常态', '2025年，我镇坚持以公开为常态'],
    ['2024年度共收到申请', '2025年度共收到申请'],
    ['本报告所列数据统计期限为2024年1月1日至2024年12月31日。', '本报告所列数据统计期限为2025年1月1日至2025年12月31日。'],
    ['截至2024年12月31日，现行有效', '截至2025年12月31日，现行有效'],
    ['统计期限自2024年1月1日起至2024年12月31日止。', '统计期限自2025年1月1日起至2025年12月31日止。'],
    ['某某镇2024年政府信息公开工作年度报告', '某某镇2025年政府信息公开工作年度报告'],
    ['现将我镇2024年政府信息公开工作情况报告如下', '现将我镇2025年政府信息公开工作情况报告如下'],
    ['2024年以来，全镇', '2025年以来，全镇'],
    ['２０２４年，我镇', '２０２５年，我镇'],
    // Next year's mentions: plans and the report's own publication.
    ['2025年，我镇将进一步丰富政策解读形式', '2026年，我镇将进一步丰富政策解读形式'],
    ['本报告于2025年1月发布。', '本报告于2026年1月发布。']
  ])('moves “%s”', (text, moved) => {
    expect(moveYears(text, 2024).text).toBe(moved)
  })

  it.each([
    '根据梅政办〔2024〕12号文件要求',
    '按照2024年3月5日印发的《实施方案》',
    '《某某县2024年政务公开工作要点》',
    '自2019年以来，累计公开',
    '主动公开政府信息326条，较2023年增长12%',
    '较2024年同期增长',
    '2021—2024年累计',
    '2024年至今',
    '2025年1月10日印发的《通知》',
    '国务院令第711号自2019年5月15日起施行'
  ])('leaves “%s” alone', (text) => {
    expect(moveYears(text, 2024)).toEqual({ text, moved: 0 })
  })
})

describe('markFigures', () => {
  it('marks the figures of the year, keeping the old figure visible', () => {
    expect(markFigures('共收到政府信息公开申请12件').text).toBe('共收到政府信息公开申请【待更新：12】件')
    expect(markFigures('答复率100%，增长１２．５％，收费1.5万元').text).toBe(
      '答复率【待更新：100%】，增长【待更新：１２．５％】，收费【待更新：1.5】万元'
    )
    expect(markFigures('组织业务培训两次，接待群众三百余人次').text).toBe('组织业务培训【待更新：两】次，接待群众【待更新：三百】余人次')
    expect(markFigures('收到申请一件').text).toBe('收到申请【待更新：一】件')
  })

  it.each([
    '2024年，我镇',
    '国办公开办函〔2021〕30号',
    '国务院令第711号',
    '《2024年政务公开工作要点》',
    '2024年3月5日印发',
    '1.属于国家秘密',
    '（2）对申请的办理情况',
    '附件3',
    '党建“O2O”服务平台',
    '拨打12345政务服务便民热线',
    '最迟5小时内发布权威信息，20个工作日内答复',
    '条例第二十条第（一）项',
    '落实一次性告知制，一件事一次办，明确一名分管领导',
    '镇七届人大三次会议',
    '电话0591-22334455',
    '邮编：350800，咨询电话：12345678',
    '【待更新：12】件'
  ])('does not mark “%s”', (text) => {
    expect(markFigures(text)).toEqual({ text, figures: [] })
  })

  it('is idempotent: a marked text has nothing left to mark', () => {
    const once = markFigures('申请12件，公开5件，答复率100%').text
    expect(markFigures(once).text).toBe(once)
  })
})

describe('extractProblems', () => {
  it.each([
    [
      '（一）存在的主要问题。一是政策解读形式较为单一；二是公开栏更新不够及时。\n（二）改进情况。针对上年度报告指出的问题，已整改。',
      ['政策解读形式较为单一', '公开栏更新不够及时']
    ],
    [
      '（一）工作中存在的主要问题和困难\n1.信息内容还不够完善。\n2.形式还需丰富。\n（二）具体的解决办法和改进措施\n1、做到宣传培训到位。',
      ['信息内容还不够完善', '形式还需丰富']
    ],
    [
      '目前，我镇还存在以下几个方面的问题：\n（一）规范性有待进一步加强。工作不够全面。\n（二）公开意识有待加强。\n具体解决办法和改进措施：\n（一）加大公开力度。',
      ['规范性有待进一步加强', '公开意识有待加强']
    ],
    ['我镇仍存在不足和问题，一是人员较少；二是范围有待拓宽。为进一步做好工作，一是加强领导。', ['人员较少', '范围有待拓宽']],
    ['但依然存在一些问题，主要是主动公开的内容还需进一步规范。\n在今后工作中，我镇将加大公开力度。', ['主动公开的内容还需进一步规范']],
    ['无。', []]
  ])('reads %j', (text, problems) => {
    expect(extractProblems(text)).toEqual(problems)
  })
})

describe('nextYearDraft on the consistent 2021-format report', () => {
  const last = consistentReport({ year: 2025 })
  const { report, notes } = nextYearDraft(last, { createdAt: '2026-12-01T00:00:00.000Z' })

  it('moves the year on, keeps unit and settings, clears the per-year document fields', () => {
    expect(report.year).toBe(2026)
    expect(report.unit).toEqual(last.unit)
    expect(report.settings).toEqual(last.settings)
    expect(report.document).toEqual({})
    expect(report.provenance).toEqual({ source: '由 2025 年度报告生成', createdAt: '2026-12-01T00:00:00.000Z' })
  })

  it('carries 结转下年度继续办理 into 上年结转 column by column, and nothing else', () => {
    const carried = CELLS.filter((c) => c.table === 't3' && c.row === 'carried')
    expect(carried).toHaveLength(7)
    for (const cell of carried) expect(report.values[cell.id]).toBe(last.values[cellId('t3', 'carryOver', cell.column)])
    expect(Object.keys(report.values).sort()).toEqual(carried.map((c) => c.id).sort())
    expect(notes.carriedCells).toHaveLength(7)
  })

  it('keeps last year’s 现行有效件数 as the baseline, not as a value', () => {
    expect(report.baseline).toEqual({ year: 2025, inForce: { rules: 0, normative: 14 } })
    expect(report.values['t2.normative.inForce']).toBeUndefined()
    expect(notes.baseline).toEqual({ rules: 0, normative: 14 })
  })

  it('carries only the filled columns', () => {
    const partial = withValues(last, { 't3.carryOver.natural': undefined, 't3.carryOver.total': undefined, 't2.rules.inForce': undefined })
    const draft = nextYearDraft(partial)
    expect(draft.report.values['t3.carried.natural']).toBeUndefined()
    expect(draft.report.values['t3.carried.business']).toBe(1)
    expect(draft.report.baseline).toEqual({ year: 2025, inForce: { normative: 14 } })
  })

  it('moves the year on where it means this year, not in document numbers or comparisons', () => {
    const { overview, problems, other } = report.sections
    expect(overview).toContain('本报告所列数据统计期限为2026年1月1日至2026年12月31日')
    expect(overview).toContain('\n2026年，我镇坚持以公开为常态')
    expect(overview).toContain('较2024年增长')
    expect(overview).toContain('（国办公开办函〔2021〕30号）')
    expect(problems).toContain('2027年，我镇将进一步丰富政策解读形式')
    expect(other).toContain('本报告于2027年1月发布')
    expect(rules(report)).not.toContain('YEAR')
  })

  it('marks every figure of the carried text 待更新', () => {
    expect(report.sections.requests).toBe(
      // 上年结转 is in the tables already (carried from last year's 结转下年度): the text takes it.
      '本年度新收政府信息公开申请【待更新：39】件，上年结转3件。\n' +
        '其中予以公开【待更新：16】件，部分公开【待更新：5】件，不予公开【待更新：5】件，无法提供【待更新：8】件，不予处理【待更新：4】件，其他处理【待更新：1】件，结转下年度继续办理【待更新：3】件。'
    )
    expect(report.sections.overview).toContain('主动公开政府信息【待更新：326】条，较2024年增长【待更新：12%】')
    // Nothing is left unmarked but the figures taken from the tables.
    for (const id of SECTION_IDS) {
      expect(markFigures(report.sections[id]).figures).toEqual(notes.linked.filter((l) => l.section === id).map((l) => l.value))
    }
    expect(notes.linked).toEqual([
      { section: 'overview', quantity: 'carried', figure: '3', value: '3' },
      { section: 'requests', quantity: 'carried', figure: '3', value: '3' }
    ])
    expect(notes.marks).toHaveLength(25)
    for (const mark of notes.marks) {
      expect(report.sections[mark.section].slice(mark.start, mark.end)).toBe(`【待更新：${mark.figure}】`)
    }
  })

  it('opens section 五 with last year’s problems as a checklist to answer', () => {
    expect(notes.checklist).toEqual(['政策解读形式较为单一，图解、视频等解读方式运用不足', '部分村（社区）公开栏更新不够及时'])
    expect(report.sections.problems.split('\n').slice(0, 3)).toEqual([
      CHECKLIST_HEADING,
      '1. 政策解读形式较为单一，图解、视频等解读方式运用不足。整改情况：【待填写】',
      '2. 部分村（社区）公开栏更新不够及时。整改情况：【待填写】'
    ])
    // Last year's text follows, to be rewritten.
    expect(report.sections.problems).toContain('（一）存在的主要问题。一是政策解读形式较为单一')
  })

  it('is flagged until every mark is dealt with, and saves and reads back', () => {
    const stale = checkReport(report).filter((f) => f.rule === 'STALE')
    expect(stale.map((f) => f.target)).toContainEqual({ kind: 'section', section: 'requests', start: 13, end: 21 })
    expect(stale.find((f) => f.target.kind === 'section' && f.target.section === 'problems')?.message).toContain('2 处内容待填写')
    expect(rules(report)).not.toContain('P5')
    expect(parseReport(serializeReport(report))).toEqual(report)
    const done = SECTION_IDS.reduce((r, id) => withSection(r, id, unmark(r.sections[id]).replaceAll('【待填写】', '已完成')), report)
    expect(rules(done)).not.toContain('STALE')
  })

  it('a draft of a draft: last year’s checklist is replaced, not carried or read as problems', () => {
    const again = nextYearDraft({ ...report, values: last.values })
    expect(again.notes.checklist).toEqual(notes.checklist)
    expect(again.report.sections.problems.split(CHECKLIST_HEADING)).toHaveLength(2)
    expect(again.report.sections.problems).toContain('2028年，我镇将进一步丰富政策解读形式')
  })

  it('does not change last year’s report', () => {
    const before = structuredClone(last)
    nextYearDraft(last)
    expect(last).toEqual(before)
  })
})

describe('X2 against the carried baseline, without last year’s report', () => {
  const draft = nextYearDraft(consistentReport({ year: 2025 })).report
  const filled = (inForce: number) =>
    withValues(draft, { 't2.normative.issued': 3, 't2.normative.repealed': 1, 't2.normative.inForce': inForce })

  it('reports a 现行有效件数 that does not follow from the baseline', () => {
    const x2 = checkReport(filled(15)).filter((f) => f.rule === 'X2')
    expect(x2.map((f) => f.message)).toEqual([
      '表二「行政规范性文件」「现行有效件数」应为 16（上年现行有效 14 ＋ 本年制发 3 － 本年废止 1），实为 15'
    ])
    expect(checkReport(filled(16)).some((f) => f.rule === 'X2')).toBe(false)
  })

  it('ignores a baseline of another year', () => {
    expect(checkReport({ ...filled(15), year: 2028 }).some((f) => f.rule === 'X2')).toBe(false)
  })
})

describe('nextYearDraft on imported reports of every generation', () => {
  const imported = new Map<string, Report>()
  beforeAll(async () => {
    for (const [name, file] of Object.entries(SEEDS)) imported.set(name, await importFile(`legacy/${file}`))
    imported.set('export', await importFile('same-report/report.docx'))
  })
  const names = [...Object.keys(SEEDS), 'export']

  it.each(names)('%s: year + 1, figures blank, no stale year, every figure marked', (name) => {
    const last = imported.get(name)!
    const { report, notes } = nextYearDraft(last)
    expect(report.year).toBe(last.year + 1)
    expect(report.unit).toEqual(last.unit)
    expect(Object.keys(report.values).every((id) => id.startsWith('t3.carried.'))).toBe(true)
    expect(notes.movedYears).toBeGreaterThan(0)
    expect(rules(report)).not.toContain('YEAR')
    for (const id of SECTION_IDS) {
      expect(markFigures(report.sections[id]).figures).toEqual(notes.linked.filter((l) => l.section === id).map((l) => l.value))
    }
    expect(notes.marks.length).toBeGreaterThan(0)
    expect(findMarks(report.sections.problems).length).toBeGreaterThan(0)
    expect(report.sections.problems.startsWith(CHECKLIST_HEADING)).toBe(true)
  })

  it.each(names)('%s: titles and document numbers naming last year are left as they were', (name) => {
    const last = imported.get(name)!
    const { report } = nextYearDraft(last)
    for (const id of SECTION_IDS) {
      const references = last.sections[id].match(/《[^《》\n]*》|〔\d{4}〕\d+号/g) ?? []
      for (const reference of references) expect(report.sections[id]).toContain(reference)
    }
  })

  it('lists the problems each seed reported', () => {
    const checklist = (name: string) => nextYearDraft(imported.get(name)!).notes.checklist
    // “主要是A，B。”: two clauses, each naming a shortfall, are two problems.
    expect(checklist('baizhang')).toEqual(['主动公开的内容还需进一步规范', '信息公开的载体和形式还需要进一步丰富'])
    expect(checklist('songzhuang')).toEqual(['对公开工作重要性的认识有待进一步加强', '网站建设和制度配套有待进一步健全'])
    expect(checklist('wangjiashan')).toHaveLength(3)
    expect(checklist('wangjiashan')[2]).toBe('负责政府信息公开的工作人员的业务素质和能力还需要进一步提高')
    expect(checklist('xiamei')).toEqual([
      '主动公开政府信息内容与公众的需求还存在一定差距',
      '从事信息公开具体工作的人员较少,信息公开的范围有待进一步拓宽，主动公开的意识还有待进一步加强'
    ])
    expect(checklist('zhangcun')).toEqual(['政府信息公开工作规范性有待进一步加强', '主动向社会公开信息的领域有待进一步拓展', '公开意识有待进一步加强'])
  })

  it('the project’s own export: 上年结转 from the imported 结转下年度, the baseline from 现行有效件数', () => {
    const last = imported.get('export')!
    const { report } = nextYearDraft(last)
    expect(last.year).toBe(2025)
    expect(report.values['t3.carried.total']).toBe(last.values['t3.carryOver.total'])
    expect(report.baseline?.inForce?.normative).toBe(last.values['t2.normative.inForce'])
    expect(report.sections.overview).toContain('统计期限为2026年1月1日至2026年12月31日')
  })

  it('a pre-2019 import without 表三 carries nothing and says so', () => {
    const { report, notes } = nextYearDraft(imported.get('zhangcun')!)
    expect(report.values).toEqual({})
    expect(report.baseline).toBeUndefined()
    expect(notes.warnings.join('\n')).toContain('上年结转')
    expect(report.sections.requests).toContain('2012年度未收到要求公开政府信息的有关申请')
  })
})

describe('a fresh draft and the arithmetic checks', () => {
  it('opens without errors: figures carried by rule alone do not break R1', () => {
    const { report } = nextYearDraft(consistentReport({ year: 2025 }))
    expect(report.values['t3.carried.total']).toBeGreaterThan(0)
    expect(checkReport(report).filter((f) => f.severity === 'error')).toEqual([])
  })

  it('checks R1 as soon as the officer types a figure of this year', () => {
    const { report } = nextYearDraft(consistentReport({ year: 2025 }))
    report.values['t3.new.natural'] = 4
    const r1 = checkReport(report).filter((f) => f.rule === 'R1')
    expect(r1.map((f) => f.target)).toEqual([{ kind: 'cell', cell: 't3.resultTotal.natural' }])
  })

  it('still checks the carried row’s own total (R2)', () => {
    const { report } = nextYearDraft(consistentReport({ year: 2025 }))
    report.values['t3.carried.total'] = (report.values['t3.carried.total'] ?? 0) + 1
    expect(checkReport(report).some((f) => f.rule === 'R2' && f.target.kind === 'cell' && f.target.cell === 't3.carried.total')).toBe(true)
  })
})
