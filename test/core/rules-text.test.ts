import { describe, expect, it } from 'vitest'
import { asStated } from '../support/findings'
import type { Report } from '@core/report/report'
import type { SectionId } from '@core/report/sections'
import { checkReport, countCharacters, parseCount, readStatements, type Finding } from '@core/rules/index'
import { SECTION_IDS } from '@core/report/sections'
import { consistentReport, withSection, withValues } from '../support/reports'

const base = consistentReport()

function findings(report: Report, rule: string): Finding[] {
  return checkReport(report).filter((f) => f.rule === rule).map(asStated)
}

/** The base report with one section's text replaced; the finding's span must cut out `quote`. */
function inSection(section: SectionId, text: string): Report {
  return withSection(base, section, text)
}

function quoted(report: Report, finding: Finding | undefined): string | undefined {
  const t = finding?.target
  if (t?.kind !== 'section') return undefined
  return report.sections[t.section].slice(t.start, t.end)
}

describe('P1: 总体情况 within 1,000 characters', () => {
  it('accepts 1,000 characters, not counting whitespace', () => {
    const text = `${'字'.repeat(500)}\n  ${'字'.repeat(500)}\u3000 `
    expect(countCharacters(text).count).toBe(1000)
    expect(findings(inSection('overview', text), 'P1')).toEqual([])
  })

  it('reports the count and points at the overflow', () => {
    const text = `${'字'.repeat(1000)}\n${'多'.repeat(234)}`
    expect(findings(inSection('overview', text), 'P1')).toEqual([
      {
        rule: 'P1',
        severity: 'warning',
        message: '「一、总体情况」共 1234 字（不计空白），超过“篇幅原则上不超过一千字”的要求',
        cells: [],
        target: { kind: 'section', section: 'overview', start: 1000, end: text.length }
      }
    ])
  })

  it('counts a character outside the BMP once', () => {
    expect(countCharacters('𠀀a 𠀀').count).toBe(3)
  })

  it('does not count the app’s marks: 【待更新：12】 counts as its figure, 【待填写】 not at all', () => {
    const text = `${'字'.repeat(990)}共【待更新：12】件${'【待填写】'.repeat(20)}`
    expect(findings(inSection('overview', text), 'P1')).toEqual([])
    expect(findings(inSection('overview', `${text}${'多'.repeat(8)}`), 'P1')).toHaveLength(1)
  })
})

describe('P3: 信息处理费 stated in section 六', () => {
  it.each(['本年度未收取信息处理费。', '本机关本年度无收取处理费情况。'])('accepts “%s”', (text) => {
    expect(findings(inSection('other', text), 'P3')).toEqual([])
  })

  it('reports a section 六 that does not say', () => {
    expect(findings(inSection('other', '本机关无其他需要报告的事项。'), 'P3')).toEqual([
      {
        rule: 'P3',
        severity: 'warning',
        message: '「六、其他需要报告的事项」未说明是否收取信息处理费（模板要求“收取信息处理费情况在此处报告”，未收取也应写明）',
        cells: [],
        target: { kind: 'section', section: 'other' }
      }
    ])
  })
})

describe('numerals', () => {
  it.each<[string, number | undefined]>([
    ['12', 12],
    ['１２', 12],
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['二〇二四', undefined],
    ['三四', undefined],
    ['百', undefined],
    ['', undefined]
  ])('%s → %s', (text, value) => {
    expect(parseCount(text)).toBe(value)
  })
})

describe('P5: figures quoted in the text match the tables', () => {
  const t = (id: keyof Report['values']): number => base.values[id] ?? 0
  const newTotal = t('t3.new.total')

  it('finds nothing when the quoted figures agree (the fixture quotes every one of them)', () => {
    expect(findings(base, 'P5')).toEqual([])
  })

  const quotedInFixture = [...new Map(SECTION_IDS.flatMap((id) => readStatements(base.sections[id])).map((s) => [s.quantity.id, s.quantity.cells[0]!] as const))]

  it('reads every quantity the fixture states, breakdowns included', () => {
    expect(quotedInFixture.map(([id]) => id).sort()).toEqual(
      [
        'new', 'carried', 'public', 'partial', 'withheld', 'unable', 'notProcessed', 'otherHandling', 'carryOver',
        'review', 'review.upheld', 'review.pending', 'litigation',
        'normative.issued', 'normative.repealed', 'normative.inForce', 'license', 'penalty', 'coercion'
      ].sort()
    )
  })

  it.each(quotedInFixture)(
    'notices when the table changes under a figure the fixture quotes (%s)',
    (_id, cell) => {
      const found = findings(withValues(base, { [cell]: t(cell) + 1 }), 'P5')
      expect(found.length).toBeGreaterThan(0)
      expect(found.every((f) => f.cells.includes(cell))).toBe(true)
    }
  )

  it('reports a quoted 新收 that differs, with the span of the quote', () => {
    const report = inSection('overview', `本年度共收到政府信息公开申请${newTotal + 1}件。`)
    const found = findings(report, 'P5')
    expect(found).toEqual([
      {
        rule: 'P5',
        severity: 'warning',
        message: `「一、总体情况」写“收到政府信息公开申请${newTotal + 1}件”，但表三「一、本年新收政府信息公开申请数量」「总计」为 ${newTotal}，两者不一致`,
        cells: ['t3.new.total'],
        target: { kind: 'section', section: 'overview', start: 4, end: 4 + `收到政府信息公开申请${newTotal + 1}件`.length }
      }
    ])
    expect(quoted(report, found[0])).toBe(`收到政府信息公开申请${newTotal + 1}件`)
  })

  it('gives each number to the noun right before it', () => {
    // 12 belongs to 收到…申请 and 5 to 予以公开: both compared, both wrong here.
    const report = inSection('requests', '收到政府信息公开申请12件，其中予以公开5件，部分公开1件。')
    const found = findings(report, 'P5')
    expect(found.map((f) => [f.cells, quoted(report, f)])).toEqual([
      [['t3.new.total'], '收到政府信息公开申请12件'],
      [['t3.public.total'], '予以公开5件'],
      [['t3.partial.total'], '部分公开1件']
    ])
    expect(found[1]!.message).toContain(`为 ${t('t3.public.total')}`)
  })

  it.each<[string, string, string[]]>([
    ['上年结转', '上年结转政府信息公开申请7件。', ['t3.carried.total']],
    ['不予公开 (sum of its sub-rows)', '不予公开9件。', ['t3.stateSecret.total', 't3.lawForbids.total', 't3.threeSafety.total', 't3.thirdParty.total', 't3.internalAffairs.total', 't3.processInfo.total', 't3.enforcementFile.total', 't3.inquiry.total']],
    ['结转下年度', '结转下年度继续办理7件。', ['t3.carryOver.total']],
    ['行政复议 with 起', '被申请行政复议7起。', ['t4.review.total']],
    ['行政诉讼 (two groups)', '被提起行政诉讼7件。', ['t4.direct.total', 't4.afterReview.total']],
    ['规范性文件', '制发行政规范性文件7件。', ['t2.normative.issued']],
    ['行政许可 with 项', '办理行政许可7项。', ['t2.license.decisions']],
    ['行政处罚', '作出行政处罚决定7件。', ['t2.penalty.decisions']],
    ['行政强制', '作出行政强制决定7件。', ['t2.coercion.decisions']],
    ['full-width digits', '予以公开７件。', ['t3.public.total']],
    ['Chinese numerals', '予以公开二十三件。', ['t3.public.total']]
  ])('reports %s', (_name, text, cells) => {
    const found = findings(inSection('overview', text), 'P5')
    expect(found.map((f) => f.cells)).toEqual([cells])
  })

  it('names the sum for a multi-cell figure and spells out Chinese numerals', () => {
    const found = findings(inSection('review', '被提起行政诉讼三件。'), 'P5')
    expect(found[0]?.message).toBe(
      '「四、政府信息公开行政复议、行政诉讼情况」写“行政诉讼三件”（即 3），但表四「行政诉讼」中「未经复议直接起诉」与「复议后起诉」的「总计」之和为 1，两者不一致'
    )
  })

  it.each([
    ['a year', '2024年收到政府信息公开申请的情况。'],
    ['a year next to the figure', `2025年共收到政府信息公开申请${newTotal}件。`],
    ['a document number', '依据〔2024〕12号文件，予以公开的比例为100%。'],
    ['a percentage', '予以公开占比12%，部分公开12.5%。'],
    ['a decimal', '予以公开1.5件。'],
    ['a comparison', '收到政府信息公开申请较上年增加3件，予以公开比上年多2件。'],
    ['an approximation', '收到政府信息公开申请100余件，予以公开约5件，部分公开5件以上。'],
    ['another noun', '收到政府信息公开申请后，均在规定时限内答复，共办理人大代表建议3件。'],
    ['two figures in one phrase', '被申请行政复议、提起行政诉讼共5件。'],
    ['penalty and coercion together', '作出行政处罚、行政强制决定共60件。'],
    ['不予以公开 is not 予以公开', `不予以公开${t('t3.stateSecret.total') + t('t3.lawForbids.total') + t('t3.threeSafety.total') + t('t3.thirdParty.total') + t('t3.internalAffairs.total') + t('t3.processInfo.total') + t('t3.enforcementFile.total') + t('t3.inquiry.total')}件。`],
    ['licensing items, not decisions', '公布行政许可事项156项。'],
    ['an ordinal', '予以公开第5件申请。'],
    ['a sub-count in brackets', `收到政府信息公开申请${newTotal}件（其中网上申请8件）。`]
  ])('does not read %s as a contradicting figure', (_name, text) => {
    expect(findings(inSection('overview', text), 'P5')).toEqual([])
  })

  it('only compares when the cells involved are filled', () => {
    const report = withValues(inSection('overview', '被提起行政诉讼7件。'), { 't4.afterReview.total': undefined })
    expect(findings(report, 'P5')).toEqual([])
  })

  describe('statements of none', () => {
    it('reads “未发生行政复议、行政诉讼案件” as 0 for both', () => {
      const report = inSection('review', '本年度未发生行政复议、行政诉讼案件。')
      const found = findings(report, 'P5')
      expect(found.map((f) => [f.cells, quoted(report, f)])).toEqual([
        [['t4.review.total'], '未发生行政复议、行政诉讼案件'],
        [['t4.direct.total', 't4.afterReview.total'], '未发生行政复议、行政诉讼案件']
      ])
      expect(found[0]!.message).toContain('（即 0），但表四「行政复议」「总计」为 2')
    })

    it('accepts it when the tables say 0', () => {
      const zeros = withValues(inSection('review', '全年无因政府信息公开被申请行政复议、提起行政诉讼的情况。'), {
        't4.review.upheld': 0,
        't4.review.pending': 0,
        't4.review.total': 0,
        't4.direct.pending': 0,
        't4.direct.total': 0
      })
      expect(findings(zeros, 'P5')).toEqual([])
    })

    it('reads “未收到政府信息公开申请” as 0 新收', () => {
      expect(findings(inSection('overview', '本年度未收到政府信息公开申请。'), 'P5').map((f) => f.cells)).toEqual([['t3.new.total']])
    })

    it('does not read a partial statement as none', () => {
      expect(findings(inSection('review', '无行政复议被纠正的情况，尚无行政复议结果。'), 'P5')).toEqual([])
    })
  })
})

describe('YEAR: years that do not fit the report year (report of 2025)', () => {
  it('finds nothing in the fixture, which mentions 2024 and 2026 on purpose', () => {
    expect(findings(base, 'YEAR')).toEqual([])
  })

  it.each([
    ['a document number', '依据某政发〔2024〕12号文件和国办公开办函〔2021〕30号文件。'],
    ['a comparison with 较', '主动公开政府信息326条，较2024年增长12%。'],
    ['a comparison with 与…相比', '与2024年相比，申请数量有所下降。'],
    ['a title', '根据《示例县2024年政务公开工作要点》和《2024年度政府信息公开工作年度报告》要求。'],
    ['a plan of next year', '2026年，我镇将进一步加强政策解读。'],
    ['next year’s publication date', '本报告于2026年1月20日发布。'],
    ['a range in a title-less phrase', '落实2021—2027年规划。'],
    ['a past year in history', '2019年以前的档案已全部数字化，2023年，我镇被评为先进单位。'],
    ['the report year', '2025年，我镇共收到申请。本报告为2025年度政府信息公开工作年度报告。']
  ])('leaves %s alone', (_name, text) => {
    expect(findings(inSection('overview', text), 'YEAR')).toEqual([])
  })

  it('flags “2024年，我镇…” as last year’s year left in', () => {
    const report = inSection('overview', '（一）主动公开情况。2024年，我镇通过政府网站主动公开信息。')
    const found = findings(report, 'YEAR')
    expect(found).toEqual([
      {
        rule: 'YEAR',
        severity: 'warning',
        message: '「一、总体情况」中的“2024年”疑似沿用上年年份（本报告为 2025 年度），请核实',
        cells: [],
        target: { kind: 'section', section: 'overview', start: 10, end: 15 }
      }
    ])
    expect(quoted(report, found[0])).toBe('2024年')
  })

  it.each([
    ['the report title', '本报告为2024年度政府信息公开工作年度报告。', '2024年度政府信息公开工作年度报告'],
    ['the statistical period', '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', '2024年1月1日至2024年12月31日'],
    ['the period without the second year', '统计期限为2024年1月1日至12月31日。', '2024年1月1日至12月31日'],
    ['2024年以来', '2024年以来，我镇持续推进政务公开。', '2024年'],
    ['2024年共', '我镇2024年共收到政府信息公开申请。', '2024年'],
    ['full-width digits', '２０２４年，我镇持续推进政务公开。', '２０２４年']
  ])('flags %s', (_name, text, quote) => {
    const report = inSection('problems', text)
    const found = findings(report, 'YEAR')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('疑似沿用上年年份')
    expect(quoted(report, found[0])).toBe(quote)
  })

  it('flags an older year in the report title as 往年', () => {
    const found = findings(inSection('overview', '本报告为2022年度政府信息公开工作年度报告。'), 'YEAR')
    expect(found[0]?.message).toContain('疑似沿用往年年份')
  })

  it('flags a year after next', () => {
    const report = inSection('overview', '2027年，我镇将完成平台升级。')
    expect(findings(report, 'YEAR')).toEqual([
      {
        rule: 'YEAR',
        severity: 'warning',
        message: '「一、总体情况」中的“2027年”晚于报告年度（2025 年），请核实是否笔误',
        cells: [],
        target: { kind: 'section', section: 'overview', start: 0, end: 5 }
      }
    ])
  })

  it('flags next year outside a plan or a publication date', () => {
    const found = findings(inSection('overview', '2026年，我镇共收到政府信息公开申请。'), 'YEAR')
    expect(found.map((f) => f.message)).toEqual([
      '「一、总体情况」中的“2026年”晚于报告年度（2025 年），且不是工作计划或发布日期的表述，请核实是否笔误'
    ])
  })
})
