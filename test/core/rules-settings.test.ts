/**
 * The region's settings as the rules read them (CheckContext.settings): P1's limit, COPY's threshold,
 * the figures 总体情况 must state (FIGURES), the items 第六部分 must cover (ITEMS), the deadline
 * (DEADLINE). Without settings, the national defaults: the same findings as before settings existed.
 */
import { describe, expect, it } from 'vitest'
import { copyMeasure } from '@core/report/copyMeasure'
import type { Report } from '@core/report/report'
import { checkReport } from '@core/rules/index'
import { NATIONAL_PROFILE, ruleSettings, type RegionProfile, type RuleSettings } from '@core/settings'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'

const CITY = '某某市 2025 年要求'

function settings(patch: Partial<RegionProfile> = {}, name = CITY): RuleSettings {
  return ruleSettings({ ...NATIONAL_PROFILE, name, ...patch })
}

const found = (report: Report, rule: string, with_?: RuleSettings, previous?: Report) =>
  checkReport(report, previous, with_).filter((f) => f.rule === rule)

/** 总体情况 with a body of `chars` characters after the consistent report's preamble. */
function overviewOf(chars: number): Report {
  const report = consistentReport()
  const preamble = report.sections.overview.split('\n')[0]!
  const body = `我镇主动公开政府信息，依申请公开，政府信息管理，平台建设，监督保障，社会评议，责任追究。${'字'.repeat(chars)}`
  return withSection(report, 'overview', `${preamble}\n${body.slice(0, chars)}`)
}

describe('without settings: the national defaults', () => {
  it('gives the same findings as the national profile', () => {
    for (const report of [consistentReport(), overviewOf(1200), withValues(consistentReport(), { 't3.new.natural': undefined })]) {
      expect(checkReport(report, undefined, ruleSettings(NATIONAL_PROFILE))).toEqual(checkReport(report))
    }
  })

  it('names no profile for the national defaults', () => {
    expect(ruleSettings(NATIONAL_PROFILE).profile).toBeUndefined()
    expect(settings().profile).toBe(CITY)
  })
})

describe('P1 reads the 总体情况 limit', () => {
  it('holds 1,200 characters against the national 1,000 and not against a limit of 1,500', () => {
    const report = overviewOf(1200)
    expect(found(report, 'P1').map((f) => f.message)).toEqual([
      '「一、总体情况」共 1200 字（不计空白，不含开头关于本报告的说明），超过“篇幅原则上不超过一千字”的要求'
    ])
    expect(found(report, 'P1', settings({ overviewCharLimit: 1500 }))).toEqual([])
  })

  it('names a local limit and where it comes from, and jumps to where the text passes it', () => {
    const report = overviewOf(900)
    const [p1] = found(report, 'P1', settings({ overviewCharLimit: 800 }))
    expect(p1?.message).toBe('「一、总体情况」共 900 字（不计空白，不含开头关于本报告的说明），超过设置的 800 字上限（地区配置「某某市 2025 年要求」）')
    expect(p1?.target.kind === 'section' && p1.target.end! - p1.target.start!).toBe(100)
    expect(found(report, 'P1', settings({ overviewCharLimit: 800 }, '国家默认'))[0]?.message).toMatch(/超过设置的 800 字上限$/)
  })
})

describe('COPY reads the copy threshold', () => {
  const report = consistentReport()
  // Last year's report shares three of this year's sections word for word.
  const previous: Report = {
    ...previousReport(report),
    sections: { ...previousReport(report).sections, overview: report.sections.overview, requests: report.sections.requests, problems: report.sections.problems }
  }
  const share = copyMeasure(report, previous).overall

  it('warns above the threshold set, not below', () => {
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.9)
    const below = Math.floor(share * 10) / 10
    const above = Math.min(1, below + 0.1)
    const [copy] = found(report, 'COPY', settings({ copyRatioThreshold: below }), previous)
    expect(copy?.message).toContain(`超过设置的 ${Math.round(below * 100)}%（地区配置「${CITY}」）`)
    expect(found(report, 'COPY', settings({ copyRatioThreshold: above }), previous)).toEqual([])
  })

  it('says “超过一半” at the national threshold', () => {
    const all = { ...previous, sections: { ...report.sections } }
    expect(found(report, 'COPY', settings(), all)[0]?.message).toContain('超过一半')
  })
})

describe('FIGURES: figures 总体情况 must state', () => {
  const required = (figures: RegionProfile['overviewFigures']): RuleSettings => settings({ overviewFigures: figures })
  const interpretations = { label: '政策解读', patterns: ['解读…{n}篇'] }
  const inForce = { label: '现行有效行政规范性文件件数', cell: 't2.normative.inForce' as const, patterns: ['规范性文件存量{n}件'] }
  const issued = { label: '本年制发行政规范性文件', cell: 't2.normative.issued' as const, patterns: ['制发…规范性文件{n}件'] }

  it('reports a figure not stated, naming it, the profile and the words looked for', () => {
    const report = consistentReport()
    const [missing] = found(report, 'FIGURES', required([interpretations]))
    expect(missing).toMatchObject({
      severity: 'warning',
      key: 'FIGURES:政策解读',
      target: { kind: 'section', section: 'overview' },
      message: '「一、总体情况」未写明政策解读（地区配置「某某市 2025 年要求」要求；查找用语：解读…{n}篇）'
    })
    const stated = withSection(report, 'overview', `${report.sections.overview}\n全年发布政策解读材料12篇。`)
    expect(found(stated, 'FIGURES', required([interpretations]))).toEqual([])
  })

  it('reports a figure that contradicts its cell, at the words stating it, with the cell', () => {
    const report = consistentReport()
    const text = `${report.sections.overview}\n截至年底，本镇规范性文件存量20件。`
    const [wrong] = found(withSection(report, 'overview', text), 'FIGURES', required([inForce]))
    expect(wrong?.message).toBe(
      '「一、总体情况」写“规范性文件存量20件”，但表二「行政规范性文件」「现行有效件数」为 14，两者不一致（现行有效行政规范性文件件数，地区配置「某某市 2025 年要求」要求写明）'
    )
    expect(wrong?.cells).toEqual(['t2.normative.inForce'])
    expect(wrong?.target.kind === 'section' && text.slice(wrong.target.start, wrong.target.end)).toBe('规范性文件存量20件')
    const right = withSection(report, 'overview', text.replace('存量20件', '存量14件'))
    expect(found(right, 'FIGURES', required([inForce]))).toEqual([])
    // A blank cell is BLANK's business: nothing to compare with.
    expect(found(withValues(withSection(report, 'overview', text), { 't2.normative.inForce': undefined }), 'FIGURES', required([inForce]))).toEqual([])
  })

  it('leaves a figure P5 already reads to P5: one finding per mismatch', () => {
    const report = withSection(consistentReport(), 'overview', `${consistentReport().sections.overview}\n本年度制发行政规范性文件5件。`)
    expect(found(report, 'FIGURES', required([issued]))).toEqual([])
    expect(found(report, 'P5', required([issued])).map((f) => f.message)).toEqual([expect.stringContaining('制发行政规范性文件5件')])
  })

  it('takes a draft’s 【待更新】 figure as stated (STALE asks for this year’s)', () => {
    const report = withSection(consistentReport(), 'overview', `${consistentReport().sections.overview}\n规范性文件存量【待更新：12】件。`)
    expect(found(report, 'FIGURES', required([inForce]))).toEqual([])
  })

  it('does not judge an imported report by this year’s requirements', () => {
    const report: Report = { ...consistentReport(), imported: { generation: '2021' } }
    expect(found(report, 'FIGURES', required([interpretations]))).toEqual([])
  })
})

describe('ITEMS: items 第六部分 must cover', () => {
  const items = settings({ section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点', '要点任务'] }] })

  it('reports an item not covered, and not once any of its words is there', () => {
    const report = consistentReport()
    expect(found(report, 'ITEMS', items)).toMatchObject([
      {
        severity: 'warning',
        key: 'ITEMS:政务公开工作要点落实情况',
        target: { kind: 'section', section: 'other' },
        message: '「六、其他需要报告的事项」未说明政务公开工作要点落实情况（地区配置「某某市 2025 年要求」要求；关键词：工作要点、要点任务）'
      }
    ])
    const covered = withSection(report, 'other', `${report.sections.other}\n本年度政务公开要点任务均已完成。`)
    expect(found(covered, 'ITEMS', items)).toEqual([])
    expect(found(report, 'ITEMS')).toEqual([])
  })
})

describe('DEADLINE: the 成文日期 against the deadline', () => {
  const dated = (publishedOn?: string): Report => ({ ...consistentReport(), document: publishedOn ? { publishedOn } : {} })

  it('warns after the national 1 月 31 日, citing 第五十条', () => {
    expect(found(dated('2026-01-31'), 'DEADLINE')).toEqual([])
    const [late] = found(dated('2026-02-03'), 'DEADLINE')
    expect(late).toMatchObject({ severity: 'warning', target: { kind: 'document', field: 'date' } })
    expect(late?.message).toBe('成文日期 2026-02-03 晚于 2026 年 1 月 31 日（《政府信息公开条例》第五十条：每年 1 月 31 日前公布上一年度的年度报告），请核对日期，并按时报送')
  })

  it('warns after a region’s earlier deadline, naming the profile', () => {
    const early = settings({ deadline: { month: 1, day: 15 } })
    expect(found(dated('2026-01-15'), 'DEADLINE', early)).toEqual([])
    expect(found(dated('2026-01-20'), 'DEADLINE', early)[0]?.message).toContain('晚于 2026 年 1 月 15 日（地区配置「某某市 2025 年要求」规定的报送截止日期）')
  })

  it('says nothing of an unset date or an imported report', () => {
    expect(found(dated(), 'DEADLINE')).toEqual([])
    expect(found({ ...dated('2026-03-01'), imported: { generation: '2021' } }, 'DEADLINE')).toEqual([])
  })

  it('keeps a review while the date stays, and opens it again when the date changes', async () => {
    const { markFinding } = await import('@core/rules/index')
    const report = dated('2026-02-03')
    const [late] = checkReport(report).filter((f) => f.rule === 'DEADLINE')
    const checked = markFinding(report, late!, 'checked', '经批准延期报送', '2026-02-03T08:00:00.000Z')
    expect(checkReport(checked).find((f) => f.key === late!.key)?.status).toBe('checked')
    const redated = { ...checked, document: { publishedOn: '2026-02-05' } }
    expect(checkReport(redated).find((f) => f.key === late!.key)?.status).toBe('open')
  })
})
