/**
 * Checks an officer can trust: each rule on real sentences both ways (flagged when wrong, silent when
 * right), rules judged by the report's format generation, import faults said as such.
 */
import { describe, expect, it } from 'vitest'
import { cellId, CELLS, type CellId } from '@core/report/cells'
import { createReport, toReport, type Report } from '@core/report/report'
import type { SectionId } from '@core/report/sections'
import { checkReport, notApplied, openCounts, type Finding, type ReviewedFinding } from '@core/rules/index'
import { stalePhrase } from '@core/rules/politicalPhrases'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'

const base = consistentReport()

const rulesOf = (report: Report, previous?: Report): string[] => checkReport(report, previous).map((f) => f.rule)
const found = (report: Report, rule: string, previous?: Report): ReviewedFinding[] => checkReport(report, previous).filter((f) => f.rule === rule)
const inSection = (section: SectionId, text: string, report: Report = base): Report => withSection(report, section, text)

function quoted(report: Report, finding: Finding | undefined): string | undefined {
  const t = finding?.target
  return t?.kind === 'section' ? report.sections[t.section].slice(t.start, t.end) : undefined
}

describe('rules fit the report’s format generation', () => {
  /** An imported report of a year, as the import records it. */
  const imported = (year: number, generation: NonNullable<Report['imported']>['generation']): Report => ({
    ...createReport({ unit: '某某镇人民政府', year }),
    imported: { generation }
  })
  const empty = (year: number): Report => imported(year, year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'pre-2019')

  it('an imported pre-2019 report is judged by none of the rules the 2019 and 2021 formats brought', () => {
    const report = { ...empty(2016), sections: { ...empty(2016).sections, overview: '字'.repeat(1500) } }
    expect(rulesOf(report)).toEqual([])
    const skipped = notApplied(report)
    expect(skipped.map((s) => s.rule)).toEqual(['R1', 'R2', 'R3', 'R4', 'BLANK', 'X1', 'X2', 'P1', 'P3', 'P5', 'P6', 'REMEDY', 'FORMAT'])
    expect(skipped.find((s) => s.rule === 'P1')!.reason).toBe(
      '本报告（2016 年度）适用2019 年以前的格式（旧条例，无全国统一模板），该项要求自2021 年格式（国办公开办函〔2021〕30号）起才有'
    )
  })

  it('a report written in the app follows the current format, whatever its year', () => {
    const report = { ...createReport({ unit: '某某镇人民政府', year: 2017 }), sections: { ...empty(2017).sections, overview: '字'.repeat(1500) } }
    expect(rulesOf(report)).toEqual(['BLANK', 'BLANK', 'BLANK', 'P1', 'P3', 'DATE', 'FORMAT', 'FORMAT'])
    expect(notApplied(report)).toEqual([])
  })

  it('an imported 2020 report is judged on its tables but not by the 2021 rules; cells the 2021 format added may be blank', () => {
    const values = Object.fromEntries(CELLS.map((c) => [c.id, 0])) as Record<CellId, number>
    for (const id of ['t2.rules.repealed', 't2.rules.inForce', 't2.normative.repealed', 't2.normative.inForce', 't2.fees.amount']) delete values[id as CellId]
    for (const c of CELLS.filter((c) => c.row === 'noCorrection' || c.row === 'feeUnpaid')) delete values[c.id]
    const report: Report = { ...empty(2020), values, sections: { ...empty(2020).sections, overview: '字'.repeat(1500), problems: '存在一些问题。' } }
    expect(rulesOf(report)).toEqual([])
    expect(notApplied(report).map((s) => s.rule)).toEqual(['X2', 'P1', 'P3', 'REMEDY', 'FORMAT'])
    // A cell the 2019 format had is still reported blank.
    delete values['t3.new.natural']
    expect(found({ ...report, values: { ...values } }, 'BLANK')).toHaveLength(1)
  })

  it('a 2021-format year printed in the 2019 template: its tables are judged as printed, and a hint says so', () => {
    const report: Report = { ...withValues(base, { 't2.fees.amount': undefined, 't3.feeUnpaid.natural': undefined }), imported: { generation: '2019' } }
    expect(found(report, 'BLANK')).toEqual([])
    expect(found(report, 'FORMAT').map((f) => f.message)).toEqual([
      '本报告为 2025 年度，应使用2021 年格式（国办公开办函〔2021〕30号），但按2019 年试行格式（国办公开办函〔2019〕60号）印制；表格的栏目与现行格式不同，请按现行格式核对补全'
    ])
    // Its text is judged by the format of its year.
    expect(found(inSection('other', '无。', report), 'P3')).toHaveLength(1)
  })

  it('a 2019 report printed in the old style has no tables to add up', () => {
    const report: Report = { ...withValues(base, { 't3.new.total': 1 }), year: 2019, imported: { generation: 'pre-2019' } }
    expect(rulesOf(report).filter((r) => /^R|BLANK|P5|P6/.test(r))).toEqual([])
    expect(notApplied(report).find((s) => s.rule === 'R2')!.reason).toContain('本报告的统计表按2019 年以前的格式')
  })
})

describe('import faults are said as such, never as the officer’s arithmetic', () => {
  // The import lost 表三's rows (三)1 and (三)2: their cells are blank, and 总计 no longer adds up.
  const lost = CELLS.filter((c) => c.row === 'stateSecret' || c.row === 'lawForbids').map((c) => c.id)
  const patch = Object.fromEntries(lost.map((id) => [id, undefined])) as Partial<Record<CellId, undefined>>
  const values = withValues(base, { ...patch, 't3.lawForbids.natural': undefined })

  it('without the import’s word, a lost row is an arithmetic error', () => {
    expect(checkReport(values).filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('R3')
  })

  it('with it, the sums through the lost cells are warnings labelled 「导入时未识别」', () => {
    const report: Report = { ...values, imported: { generation: '2021', unread: lost } }
    const findings = checkReport(report)
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    const r3 = findings.filter((f) => f.rule === 'R3')
    expect(r3.length).toBeGreaterThan(0)
    for (const f of r3) {
      expect(f.severity).toBe('warning')
      expect(f.origin).toBe('unread')
      expect(f.message.startsWith('「导入时未识别」')).toBe(true)
      expect(f.message).toContain('可能是导入遗漏而非报告本身有误')
    }
    const blank = found(report, 'BLANK')
    expect(blank.map((f) => f.origin)).toEqual(['unread'])
    expect(blank[0]!.message).toContain('表三有 14 个单元格导入时未能识别')
  })

  it('once the officer fills the cells, they are the officer’s again', () => {
    const filled = withValues({ ...values, imported: { generation: '2021', unread: lost } }, Object.fromEntries(lost.map((id) => [id, 5])))
    const r3 = found(filled, 'R3')
    expect(r3.length).toBeGreaterThan(0)
    expect(r3.every((f) => f.severity === 'error' && f.origin === undefined)).toBe(true)
  })

  it('a figure read with doubt (split from run-together digits) is 「导入时存疑」 while it keeps the value read', () => {
    const report: Report = {
      ...withValues(base, { 't3.new.natural': 99 }),
      imported: { generation: '2021', flagged: [{ cell: 't3.new.natural', value: 99, note: '由连写数字按勾稽关系拆分' }] }
    }
    const r2 = found(report, 'R2')
    expect(r2.map((f) => [f.severity, f.origin])).toEqual([['warning', 'flagged']])
    expect(r2[0]!.message.startsWith('「导入时存疑」')).toBe(true)
    expect(found(withValues(report, { 't3.new.natural': 98 }), 'R2').map((f) => f.severity)).toEqual(['error'])
  })

  it('old reports without the field read as before', () => {
    expect(checkReport(base)).toEqual([])
  })
})

describe('P1 counts 总体情况’s body only', () => {
  const preamble = '根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据统计期限为2025年1月1日至2025年12月31日。本报告电子版可在门户网站下载。'

  it('leaves out the opening paragraph about the report and the app’s marks (body 990 characters)', () => {
    const body = `${'字'.repeat(980)}共【待更新：12】件${'【待填写】'.repeat(5)}`
    expect(found(inSection('overview', `${preamble}\n${body}`), 'P1')).toEqual([])
    expect(found(inSection('overview', `一、总体情况\n${preamble}\n${body}`), 'P1')).toEqual([])
  })

  it('counts the body when it is over, and says the preamble was not counted', () => {
    const text = `${preamble}\n${'字'.repeat(1001)}`
    const [p1] = found(inSection('overview', text), 'P1')
    expect(p1!.message).toBe('「一、总体情况」共 1001 字（不计空白，不含开头关于本报告的说明），超过“篇幅原则上不超过一千字”的要求')
    expect(p1!.target).toEqual({ kind: 'section', section: 'overview', start: preamble.length + 1 + 1000, end: text.length })
  })

  it('counts a first paragraph that is about the work, not the report', () => {
    expect(found(inSection('overview', `2025年，我镇认真落实《条例》。\n${'字'.repeat(990)}`), 'P1')).toHaveLength(1)
  })
})

describe('P3: a clear statement either way passes; silence and a bare citation do not', () => {
  it.each([
    '本年度未收取信息处理费。',
    '2023年，我局未收取政府信息公开信息处理费。',
    '本机关本年度无收取处理费情况。',
    '本年度未发生收费。',
    '本年度无收费情况。',
    '依申请提供政府信息暂不收费。',
    '本年度按照《政府信息公开信息处理费管理办法》收取信息处理费2笔，共计0.02万元。',
    '本年度信息处理费收取金额为0元。'
  ])('accepts “%s”', (text) => {
    expect(found(inSection('other', text), 'P3')).toEqual([])
  })

  it('flags a section 六 that only cites the fee regulation', () => {
    const report = inSection('other', '本机关严格执行《政府信息公开信息处理费管理办法》，规范依申请公开工作。')
    const [p3] = found(report, 'P3')
    expect(p3!.message).toBe('「六、其他需要报告的事项」只引用了《政府信息公开信息处理费管理办法》，未写明本年度是否收取信息处理费')
    expect(quoted(report, p3)).toBe('《政府信息公开信息处理费管理办法》')
  })

  it('flags silence, and says where the statement was put instead', () => {
    expect(found(inSection('other', '无。'), 'P3')[0]!.message).toContain('未收取也应写明')
    const elsewhere = inSection('other', '无。', inSection('requests', '本年度未收取信息处理费。'))
    expect(found(elsewhere, 'P3')[0]!.message).toContain('「三、收到和处理政府信息公开申请情况」中有说明')
  })
})

describe('P5 compares every statement with the tables, breakdowns included', () => {
  it.each<[string, SectionId, string, CellId[]]>([
    ['a 行政复议 result against 表四', 'review', '本年度行政复议结果维持5件。', ['t4.review.upheld']],
    ['a result after its subject, in the same sentence', 'review', '被申请行政复议2件，其中结果维持2件。', ['t4.review.upheld']],
    ['a 行政诉讼 result (both groups)', 'review', '被提起行政诉讼1件，其中结果维持1件。', ['t4.direct.upheld', 't4.afterReview.upheld']],
    ['未经复议直接起诉', 'review', '未经复议直接起诉3件。', ['t4.direct.total']],
    ['规范性文件 废止 after 制发', 'proactive', '本年度制发行政规范性文件2件，废止3件。', ['t2.normative.repealed']],
    ['现行有效 of 行政规范性文件', 'proactive', '现行有效行政规范性文件20件。', ['t2.normative.inForce']],
    ['规章 counts', 'proactive', '本年度制发规章1件。', ['t2.rules.issued']],
    ['结转下年度', 'requests', '结转下年度继续办理9件。', ['t3.carryOver.total']],
    ['办理完结', 'requests', '共办理完结40件。', ['t3.resultTotal.total']],
    ['无法提供', 'requests', '无法提供3件。', ['t3.notHeld.total', 't3.needsCreating.total', 't3.stillUnclear.total']],
    ['行政事业性收费 in 万元', 'proactive', '行政事业性收费0.35万元。', ['t2.fees.amount']]
  ])('flags %s that contradicts the table', (_name, section, text, cells) => {
    expect(found(inSection(section, text), 'P5').map((f) => f.cells)).toEqual([cells])
  })

  it.each<[string, SectionId, string]>([
    ['the fixture’s own review sentence', 'review', '本年度因政府信息公开工作被申请行政复议2件，其中结果维持1件、尚未审结1件；被提起行政诉讼1件，目前尚未审结。'],
    ['breakdowns that agree', 'proactive', '本年度制发行政规范性文件2件，废止2件，现行有效14件；行政事业性收费0万元。'],
    ['a measure with no subject in its sentence', 'overview', '全年废止3件。'],
    ['规章制度 is not 规章', 'overview', '完善规章制度5件。'],
    ['two subjects in one phrase', 'review', '行政复议、行政诉讼结果维持共5件。'],
    ['a 维持 outside 表四’s subjects', 'requests', '收到政府信息公开申请39件，维持原答复2件。'],
    ['按时办结 is not 办理完结', 'requests', '按时办结30件。'],
    ['a 【待更新】 mark: last year’s figure, left to STALE', 'requests', '上年结转【待更新：7】件。']
  ])('is silent on %s', (_name, section, text) => {
    expect(found(inSection(section, text), 'P5')).toEqual([])
  })
})

describe('YEAR: the statistical period starts and ends in the report year', () => {
  it('flags a period left half stale', () => {
    const report = inSection('overview', '本报告所列数据统计期限自2025年1月1日起至2024年12月31日止。')
    const [year] = found(report, 'YEAR')
    expect(year!.message).toBe('「一、总体情况」中的统计期限“2025年1月1日起至2024年12月31日”起止年份与报告年度（2025 年）不符，请核实')
    expect(found(report, 'YEAR')).toHaveLength(1)
  })

  it('is silent on a correct period, with or without the second year', () => {
    expect(found(inSection('overview', '统计期限自2025年1月1日起至2025年12月31日止。'), 'YEAR')).toEqual([])
    expect(found(inSection('overview', '统计期限为2025年1月1日至12月31日。'), 'YEAR')).toEqual([])
  })
})

describe('OUTDATED: past years’ yearly documents and phrases out of date', () => {
  it.each<[string, string, string]>([
    [
      'last year’s notice on the annual report',
      '根据《示例县人民政府办公室关于编制公布2024年政府信息公开工作年度报告有关事项的通知》要求，编制本报告。',
      '《示例县人民政府办公室关于编制公布2024年政府信息公开工作年度报告有关事项的通知》'
    ],
    ['a province’s 工作要点 of an old year', '认真落实《××省2018年政务公开工作要点》。', '《××省2018年政务公开工作要点》'],
    ['a 任务分解表 of last year', '按照《关于印发2024年政府信息公开工作主要任务分解表的通知》要求。', '《关于印发2024年政府信息公开工作主要任务分解表的通知》'],
    ['工作要点 named without 《》', '按照2024年政务公开工作要点要求，推进重点领域公开。', '2024年政务公开工作要点']
  ])('flags %s', (_name, text, quote) => {
    const report = inSection('overview', text)
    const findings = found(report, 'OUTDATED')
    expect(findings).toHaveLength(1)
    expect(quoted(report, findings[0])).toBe(quote)
  })

  it.each([
    ['this year’s 要点', '认真落实《示例县2025年政务公开工作要点》。'],
    ['this year’s notice', '根据《关于做好2025年政府信息公开工作年度报告编制发布有关事项的通知》要求。'],
    ['a reference back on purpose', '对照《示例镇2024年政府信息公开工作年度报告》所列问题逐项整改。'],
    ['a span of years', '落实《2021—2025年政务公开规划》。'],
    ['a document that is not yearly', '依据《示例县2019年政府信息公开实施办法》。']
  ])('is silent on %s', (_name, text) => {
    expect(found(inSection('overview', text), 'OUTDATED')).toEqual([])
  })

  it('flags 「十九大和十九届历次全会精神」 in a report for a year after the 二十大', () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九大和十九届历次全会精神。'
    const report = inSection('overview', text, consistentReport({ year: 2023 }))
    const [outdated] = found(report, 'OUTDATED')
    expect(quoted(report, outdated)).toBe('十九大和十九届历次全会精神')
    expect(outdated!.message).toContain('党的二十大已于 2022 年 10 月召开')
    // In the 2022 report (the 二十大 in its October) it is still the phrase of the year.
    expect(found(inSection('overview', text, consistentReport({ year: 2022 })), 'OUTDATED')).toEqual([])
  })

  it('flags 「二十届二中、三中全会精神」 carried into a year with a newer plenum', () => {
    const text = '深入学习贯彻党的二十大和二十届二中、三中全会精神。'
    const [outdated] = found(inSection('overview', text, consistentReport({ year: 2025 })), 'OUTDATED')
    expect(outdated!.message).toContain('二十届四中全会已于 2025 年 10 月召开')
    expect(found(inSection('overview', text, consistentReport({ year: 2024 })), 'OUTDATED')).toEqual([])
  })

  it('is silent on history and on the phrases of the year', () => {
    for (const text of ['党的十八大以来，政务公开不断深化。', '深入学习贯彻党的二十大和二十届历次全会精神。', '学习贯彻党的二十届四中全会精神。']) {
      expect(found(inSection('overview', text), 'OUTDATED')).toEqual([])
    }
  })

  it('reads the dated list as data', () => {
    expect(stalePhrase(18, [], 2018)?.because).toBe('党的十九大已于 2017 年 10 月召开')
    expect(stalePhrase(19, [6], 2022)).toBeUndefined()
    expect(stalePhrase(20, [2], 2024)?.because).toBe('二十届三中全会已于 2024 年 7 月召开')
  })
})

describe('REMEDY: section 五 says how last year’s problems were dealt with', () => {
  it('flags a section 五 with this year’s problems and next year’s plans only', () => {
    const text = '2025年我镇政府信息公开工作虽然取得了一定成效，但仍存在政策解读形式较为单一等问题。2026年，我镇将进一步丰富解读形式。'
    const report = inSection('problems', text)
    expect(found(report, 'REMEDY').map((f) => f.message)).toEqual([
      '「五、存在的主要问题及改进情况」未说明上年报告所列问题的整改情况；请逐条写明整改措施和成效（评议中常被指出）'
    ])
    expect(found(report, 'REMEDY', previousReport(report))[0]!.message).toContain('上年报告列出了 2 个问题')
  })

  it.each([
    ['a statement of what was done', '针对上年度报告指出的问题，已开展专项整改并全部完成。'],
    ['another wording', '去年报告中提出的公开栏更新不及时问题，已建立定期更新机制，得到有效解决。'],
    ['the draft’s checklist', '上年问题整改情况：\n1. 政策解读形式较为单一。整改情况：【待填写】']
  ])('is silent on %s', (_name, text) => {
    expect(found(inSection('problems', text), 'REMEDY')).toEqual([])
  })
})

describe('FORMAT hints: wording that differs from the national text', () => {
  const imported = (extra: Report['imported']): Report => ({ ...base, imported: { generation: '2021', ...extra } })

  it('offers the official heading, title and label', () => {
    const report = imported({
      title: '示例县示例镇人民政府2025年政府信息公开年度报告',
      headings: { problems: '五、存在的主要问题及整改措施', overview: '一、总体情况' },
      labels: [{ printed: '规范性文件', official: '行政规范性文件' }]
    })
    const hints = found(report, 'FORMAT')
    expect(hints.map((f) => [f.severity, f.message])).toEqual([
      ['hint', '标题印作「示例县示例镇人民政府2025年政府信息公开年度报告」，缺少「工作」二字；国家格式的标题为「示例县示例镇人民政府2025年政府信息公开工作年度报告」'],
      ['hint', '第五部分标题印作「五、存在的主要问题及整改措施」，国家格式为「五、存在的主要问题及改进情况」'],
      ['hint', '表格标签印作「规范性文件」，国家格式为「行政规范性文件」']
    ])
  })

  it('is silent when the printed wording is the national one', () => {
    expect(
      found(imported({ title: '示例县示例镇人民政府2025年政府信息公开工作年度报告', headings: { review: '四、政府信息公开行政复议、行政诉讼情况' } }), 'FORMAT')
    ).toEqual([])
  })

  it('names what 总体情况 leaves out, and 社会评议/责任追究 for a government', () => {
    const report = inSection('overview', '2025年，我镇通过政府网站主动公开政府信息326条，全年收到政府信息公开申请39件。')
    expect(found(report, 'FORMAT').map((f) => f.message)).toEqual([
      '「一、总体情况」未见政府信息管理、监督保障方面的内容；格式要求总体情况概述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况',
      '「一、总体情况」未见社会评议、责任追究结果情况；各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条第四项），没有也宜写明'
    ])
    // A department is not asked for 社会评议.
    const department = { ...report, unit: { name: '示例县自然资源局', level: 'county' as const } }
    expect(found(department, 'FORMAT')).toHaveLength(1)
  })

  it('a hint dismissed in an older report stays dismissed (its `dismissed` list is read as reviews)', () => {
    const report = inSection('overview', '2025年，我镇通过政府网站主动公开政府信息326条。')
    const hints = found(report, 'FORMAT')
    expect(hints.every((f) => f.key?.startsWith('FORMAT:'))).toBe(true)
    const old = { ...report, dismissed: hints.map((f) => f.key!) }
    const read = toReport(JSON.parse(JSON.stringify(old)))
    expect(found(read, 'FORMAT').map((f) => f.status)).toEqual(hints.map(() => 'dismissed'))
    expect(openCounts(checkReport(read)).hint).toBe(0)
  })
})

describe('rule cells stay valid', () => {
  it('every cell a finding names exists', () => {
    const report = withValues(base, { [cellId('t4', 'review', 'upheld')]: 3 })
    for (const f of checkReport(report)) for (const id of f.cells) expect(CELLS.some((c) => c.id === id)).toBe(true)
  })
})
