import { describe, expect, it } from 'vitest'
import { asStated } from '../support/findings'
import { cellId, CELLS, type CellId } from '@core/report/cells'
import { checkReport, type Finding } from '@core/rules/index'
import { consistentReport, previousReport, T3_APPLICANTS, withValues } from '../support/reports'
import type { Report } from '@core/report/report'

const base = consistentReport()
const v = (id: CellId): number => base.values[id] ?? 0
const ARITHMETIC = ['R1', 'R2', 'R3', 'R4']

function findings(report: Report, rules: readonly string[], previous?: Report): Finding[] {
  return checkReport(report, previous).filter((f) => rules.includes(f.rule)).map(asStated)
}

describe('R1–R4: sums inside the tables', () => {
  it('finds nothing in a consistent report', () => {
    expect(findings(base, ARITHMETIC)).toEqual([])
  })

  it('R1: 本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度, per column', () => {
    // Moving one application between applicant columns keeps the row total (R2) intact.
    const report = withValues(base, {
      't3.new.natural': v('t3.new.natural') + 1,
      't3.new.business': v('t3.new.business') - 1
    })
    const found = findings(report, ARITHMETIC)
    expect(found.map((f) => [f.rule, f.severity, f.target])).toEqual([
      ['R1', 'error', { kind: 'cell', cell: 't3.resultTotal.natural' }],
      ['R1', 'error', { kind: 'cell', cell: 't3.resultTotal.business' }]
    ])
    expect(found[0]!.cells).toEqual(['t3.new.natural', 't3.carried.natural', 't3.resultTotal.natural', 't3.carryOver.natural'])
    const left = v('t3.new.natural') + 1 + v('t3.carried.natural')
    const right = v('t3.resultTotal.natural') + v('t3.carryOver.natural')
    expect(found[0]!.message).toBe(
      `表三「自然人」列：「一、本年新收政府信息公开申请数量」与「二、上年结转政府信息公开申请数量」之和为 ${left}，` +
        `「三、本年度办理结果 / （七）总计」与「四、结转下年度继续办理」之和为 ${right}，两者应相等`
    )
    expect(found[1]!.message).toContain('「法人或其他组织 / 商业企业」列')
  })

  it('R2: a row total that is not the sum of the applicant columns', () => {
    const report = withValues(base, { 't3.public.total': v('t3.public.total') - 1 })
    const found = findings(report, ARITHMETIC)
    expect(found).toEqual([
      {
        rule: 'R2',
        severity: 'error',
        message: `表三「三、本年度办理结果 / （一）予以公开」「总计」应为 ${v('t3.public.total')}（自然人与各类法人或其他组织之和），实为 ${v('t3.public.total') - 1}`,
        cells: [...T3_APPLICANTS.map((c) => cellId('t3', 'public', c)), 't3.public.total'],
        target: { kind: 'cell', cell: 't3.public.total' }
      }
    ])
  })

  it('R3: （七）总计 that is not the sum of the outcome rows, reported once', () => {
    const total = v('t3.resultTotal.natural')
    const report = withValues(base, { 't3.resultTotal.natural': total + 1 })
    // The same cell also breaks R1 (its column) and R2 (its row); one finding names it.
    const found = findings(report, ARITHMETIC)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      rule: 'R3',
      severity: 'error',
      message: `表三「三、本年度办理结果 / （七）总计」「自然人」应为 ${total}（各项办理结果之和），实为 ${total + 1}`,
      target: { kind: 'cell', cell: 't3.resultTotal.natural' }
    })
    expect(found[0]!.cells).toHaveLength(22)
    expect(found[0]!.cells).toContain('t3.stateSecret.natural')
    expect(found[0]!.cells).toContain('t3.otherReason.natural')
  })

  it('the corner cell (（七）总计 × 总计) is reported once', () => {
    const report = withValues(base, { 't3.resultTotal.total': 99 })
    const found = findings(report, ARITHMETIC)
    expect(found.map((f) => [f.rule, f.target])).toEqual([['R3', { kind: 'cell', cell: 't3.resultTotal.total' }]])
    expect(found[0]!.message).toContain(`应为 ${v('t3.resultTotal.total')}`)
  })

  it('a wrong row total is not blamed again on the column of totals', () => {
    const report = withValues(base, { 't3.carryOver.total': 9 })
    expect(findings(report, ARITHMETIC).map((f) => [f.rule, f.target])).toEqual([
      ['R2', { kind: 'cell', cell: 't3.carryOver.total' }]
    ])
  })

  it('a wrong part is reported by both sums it belongs to', () => {
    const report = withValues(base, { 't3.petition.research': 1 })
    expect(findings(report, ARITHMETIC).map((f) => [f.rule, f.target])).toEqual([
      ['R2', { kind: 'cell', cell: 't3.petition.total' }],
      ['R3', { kind: 'cell', cell: 't3.resultTotal.research' }]
    ])
  })

  it('R4: a 表四 group total', () => {
    const report = withValues(base, { 't4.direct.total': 4 })
    expect(findings(report, ARITHMETIC)).toEqual([
      {
        rule: 'R4',
        severity: 'error',
        message: '表四「行政诉讼 / 未经复议直接起诉」「总计」应为 1（结果维持、结果纠正、其他结果、尚未审结之和），实为 4',
        cells: ['t4.direct.upheld', 't4.direct.corrected', 't4.direct.other', 't4.direct.pending', 't4.direct.total'],
        target: { kind: 'cell', cell: 't4.direct.total' }
      }
    ])
  })

  it('skips a relation whose cells are all blank, and counts blanks as 0 otherwise', () => {
    const blankReview = withValues(base, {
      't4.review.upheld': undefined,
      't4.review.corrected': undefined,
      't4.review.other': undefined,
      't4.review.pending': undefined,
      't4.review.total': undefined
    })
    expect(findings(blankReview, ARITHMETIC)).toEqual([])
    const partly = withValues(blankReview, { 't4.review.upheld': 2 })
    expect(findings(partly, ARITHMETIC).map((f) => f.message)).toEqual([
      '表四「行政复议」「总计」应为 2（结果维持、结果纠正、其他结果、尚未审结之和），实为 空白'
    ])
  })
})

describe('R5: values of their kind', () => {
  it('accepts non-negative integers and amounts with up to six decimals', () => {
    expect(findings(withValues(base, { 't2.fees.amount': 12.123456 }), ['R5'])).toEqual([])
  })

  it.each<[CellId, number, 'error' | 'warning', string]>([
    ['t3.public.natural', -1, 'error', '表三「三、本年度办理结果 / （一）予以公开」「自然人」为 -1，件数不能为负数'],
    ['t2.license.decisions', 2.5, 'error', '表二「行政许可」「本年处理决定数量」为 2.5，件数应为整数'],
    ['t2.fees.amount', -0.5, 'error', '表二「行政事业性收费」「本年收费金额（单位：万元）」为 -0.5，金额不能为负数'],
    ['t4.review.upheld', Number.NaN, 'error', '表四「行政复议」「结果维持」为 NaN，不是有效数字'],
    [
      't2.fees.amount',
      0.1234567,
      'warning',
      '表二「行政事业性收费」「本年收费金额（单位：万元）」为 0.1234567，小数位超过 6 位，请核实是否录入有误'
    ]
  ])('%s = %s is an R5 %s', (cell, value, severity, message) => {
    expect(findings(withValues(base, { [cell]: value }), ['R5'])).toEqual([
      { rule: 'R5', severity, message, cells: [cell], target: { kind: 'cell', cell } }
    ])
  })

  it('counts decimals in exponent form', () => {
    expect(findings(withValues(base, { 't2.fees.amount': 1e-7 }), ['R5'])[0]?.severity).toBe('warning')
    expect(findings(withValues(base, { 't2.fees.amount': 1e-6 }), ['R5'])).toEqual([])
  })
})

describe('BLANK: a blank is not a 0', () => {
  it('finds nothing when every cell is filled', () => {
    expect(findings(base, ['BLANK'])).toEqual([])
  })

  it('gives one finding per table, listing its blanks', () => {
    const report = withValues(base, {
      't3.stateSecret.natural': undefined,
      't3.inquiry.otherOrg': undefined,
      't2.fees.amount': undefined
    })
    expect(findings(report, ['BLANK'])).toEqual([
      {
        rule: 'BLANK',
        severity: 'warning',
        message:
          '表二有 1 个单元格未填写（首个为表二「行政事业性收费」「本年收费金额（单位：万元）」）；空白不等于 0，导出时将按 0 输出（可在导出对话框中选择“保留空白”）',
        cells: ['t2.fees.amount'],
        target: { kind: 'cell', cell: 't2.fees.amount' }
      },
      {
        rule: 'BLANK',
        severity: 'warning',
        message:
          '表三有 2 个单元格未填写（首个为表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」「自然人」）；空白不等于 0，导出时将按 0 输出（可在导出对话框中选择“保留空白”）',
        cells: ['t3.stateSecret.natural', 't3.inquiry.otherOrg'],
        target: { kind: 'cell', cell: 't3.stateSecret.natural' }
      }
    ])
  })

  it('says the blanks stay blank when the report keeps them', () => {
    const report = { ...withValues(base, { 't4.review.other': undefined }), settings: { blankCells: 'blank' as const, signature: true } }
    expect(findings(report, ['BLANK'])[0]?.message).toContain('导出时将保留空白（可在导出对话框中改为填 0）')
  })

  it('lists all cells of an empty table', () => {
    const report = withValues(base, Object.fromEntries(CELLS.filter((c) => c.table === 't4').map((c) => [c.id, undefined])))
    expect(findings(report, ['BLANK'])[0]).toMatchObject({ cells: expect.arrayContaining(['t4.review.upheld']), message: expect.stringContaining('表四有 15 个单元格未填写') })
  })
})

describe('X1: 上年结转 = last year’s 结转下年度继续办理', () => {
  const previous = previousReport(base)

  it('finds nothing when they agree, or without last year', () => {
    expect(findings(base, ['X1'], previous)).toEqual([])
    expect(findings(withValues(base, { 't3.carried.natural': 9 }), ['X1'])).toEqual([])
  })

  it('reports a column that differs', () => {
    const report = withValues(base, { 't3.carried.natural': 9 })
    expect(findings(report, ['X1'], previous)).toEqual([
      {
        rule: 'X1',
        severity: 'warning',
        message: `表三「二、上年结转政府信息公开申请数量」「自然人」为 9，上年报告表三「四、结转下年度继续办理」「自然人」为 ${previous.values['t3.carryOver.natural']}，两者应相等`,
        cells: ['t3.carried.natural'],
        target: { kind: 'cell', cell: 't3.carried.natural' }
      }
    ])
  })

  it('skips columns blank last year, and a report that is not of the year before', () => {
    const report = withValues(base, { 't3.carried.natural': 9 })
    expect(findings(report, ['X1'], withValues(previous, { 't3.carryOver.natural': undefined }))).toEqual([])
    expect(findings(report, ['X1'], { ...previous, year: base.year - 2 })).toEqual([])
  })

  it('reports a blank where last year carried something over', () => {
    const report = withValues(base, { 't3.carried.natural': undefined })
    expect(findings(report, ['X1'], previous)[0]?.message).toMatch(/「自然人」为 空白，上年报告.*为 2，两者应相等/)
  })
})

describe('X2: 现行有效件数 = last year’s + 制发 − 废止', () => {
  const previous = previousReport(base)

  it('finds nothing when it adds up', () => {
    expect(findings(base, ['X2'], previous)).toEqual([])
  })

  it('reports a row that does not add up', () => {
    const report = withValues(base, { 't2.normative.issued': 5, 't2.normative.repealed': 1 })
    expect(findings(report, ['X2'], previous)).toEqual([
      {
        rule: 'X2',
        severity: 'warning',
        message: '表二「行政规范性文件」「现行有效件数」应为 18（上年现行有效 14 ＋ 本年制发 5 － 本年废止 1），实为 14',
        cells: ['t2.normative.issued', 't2.normative.repealed', 't2.normative.inForce'],
        target: { kind: 'cell', cell: 't2.normative.inForce' }
      }
    ])
  })

  it('needs every value filled', () => {
    const report = withValues(base, { 't2.normative.issued': 5, 't2.normative.repealed': undefined })
    expect(findings(report, ['X2'], previous)).toEqual([])
    expect(findings(withValues(base, { 't2.normative.issued': 5 }), ['X2'], withValues(previous, { 't2.normative.inForce': undefined }))).toEqual([])
  })
})

describe('P6: 规章 for a county or township unit', () => {
  it('finds nothing when 规章 is 0, or for a city', () => {
    expect(findings(base, ['P6'])).toEqual([])
    const city = { ...withValues(base, { 't2.rules.issued': 2 }), unit: { name: '示例市人民政府', level: 'city' as const } }
    expect(findings(city, ['P6'])).toEqual([])
  })

  it('reports the non-zero 规章 cells of a township', () => {
    const report = withValues(base, { 't2.rules.issued': 2, 't2.rules.inForce': 3 })
    expect(findings(report, ['P6'])).toEqual([
      {
        rule: 'P6',
        severity: 'warning',
        message: '乡镇（街道）单位无权制定规章，但表二「规章」「本年制发件数」为 2、「现行有效件数」为 3，请核实是否应为 0',
        cells: ['t2.rules.issued', 't2.rules.inForce'],
        target: { kind: 'cell', cell: 't2.rules.issued' }
      }
    ])
  })

  it('applies to county units as well', () => {
    const county = { ...withValues(base, { 't2.rules.repealed': 1 }), unit: { name: '示例县人民政府', level: 'county' as const } }
    expect(findings(county, ['P6'])[0]?.message).toMatch(/^县级单位无权制定规章/)
  })
})
