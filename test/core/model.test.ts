import { describe, expect, it } from 'vitest'
import { BALANCES, CELLS, cellDef, cellId, cellsOf, describeCell, isCellId } from '@core/report/cells'
import {
  createReport,
  guessUnitLevel,
  parseReport,
  ReportError,
  serializeReport,
  SCHEMA_VERSION
} from '@core/report/report'
import { SECTIONS } from '@core/report/sections'

describe('value cells derived from the table definitions', () => {
  it('has the 200 value cells of the 2021 format: 10 + 175 + 15', () => {
    expect(CELLS).toHaveLength(200)
    expect(cellsOf('t2')).toHaveLength(10)
    expect(cellsOf('t3')).toHaveLength(175)
    expect(cellsOf('t4')).toHaveLength(15)
    expect(new Set(CELLS.map((c) => c.id)).size).toBe(200)
  })

  it('labels 表二 rows and columns verbatim', () => {
    const t2 = cellsOf('t2').map((c) => `${c.rowPath.join(' / ')}|${c.columnPath.join(' / ')}`)
    expect(t2).toEqual([
      '规章|本年制发件数',
      '规章|本年废止件数',
      '规章|现行有效件数',
      '行政规范性文件|本年制发件数',
      '行政规范性文件|本年废止件数',
      '行政规范性文件|现行有效件数',
      '行政许可|本年处理决定数量',
      '行政处罚|本年处理决定数量',
      '行政强制|本年处理决定数量',
      '行政事业性收费|本年收费金额（单位：万元）'
    ])
    expect(cellDef('t2.fees.amount').kind).toBe('amount')
    expect(cellsOf('t2').filter((c) => c.kind === 'amount')).toHaveLength(1)
  })

  it('nests 表三 labels as the official table does', () => {
    const c = cellDef('t3.stateSecret.natural')
    expect(c.rowPath).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'])
    expect(c.columnPath).toEqual(['自然人'])
    expect(cellDef('t3.partial.business').rowPath).toEqual([
      '三、本年度办理结果',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
    ])
    expect(cellDef('t3.partial.business').columnPath).toEqual(['法人或其他组织', '商业企业'])
    expect(cellDef('t3.threeSafety.total').rowPath[2]).toBe('3.危及“三安全一稳定”')
    expect(cellDef('t4.afterReview.pending').rowPath).toEqual(['行政诉讼', '复议后起诉'])
    expect(cellDef('t4.afterReview.pending').columnPath).toEqual(['尚未审结'])
  })

  it('validates and describes cell ids', () => {
    expect(isCellId('t3.new.total')).toBe(true)
    expect(isCellId('t3.new.subtotal')).toBe(false)
    expect(cellId('t4', 'review', 'total')).toBe('t4.review.total')
    expect(describeCell('t3.resultTotal.natural')).toBe('表三「三、本年度办理结果 / （七）总计」「自然人」')
  })
})

describe('arithmetic relations derived from the definitions', () => {
  const byRule = (rule: string) => BALANCES.filter((b) => b.rule === rule)

  it('R1: 新收 + 结转 = 总计 + 结转下年度, for each of the 7 columns', () => {
    expect(byRule('R1')).toHaveLength(7)
    const natural = byRule('R1').find((b) => b.anchor === 't3.resultTotal.natural')
    expect(natural?.left).toEqual(['t3.new.natural', 't3.carried.natural'])
    expect(natural?.right).toEqual(['t3.resultTotal.natural', 't3.carryOver.natural'])
  })

  it('R2: the 总计 column of every 表三 row sums the six applicant columns', () => {
    expect(byRule('R2')).toHaveLength(25)
    const row = byRule('R2').find((b) => b.anchor === 't3.carryOver.total')
    expect(row?.left).toEqual(['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg'].map((c) => `t3.carryOver.${c}`))
  })

  it('R3: （七）总计 sums the 21 outcome rows in each column', () => {
    expect(byRule('R3')).toHaveLength(7)
    const col = byRule('R3').find((b) => b.anchor === 't3.resultTotal.total')
    expect(col?.left).toHaveLength(21)
    expect(col?.left).toContain('t3.otherReason.total')
    expect(col?.left).not.toContain('t3.new.total')
    expect(col?.left).not.toContain('t3.carryOver.total')
  })

  it('R4: each 表四 group total sums its four outcomes', () => {
    expect(byRule('R4').map((b) => b.anchor)).toEqual(['t4.review.total', 't4.direct.total', 't4.afterReview.total'])
    expect(byRule('R4')[0]?.left).toEqual(['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending'])
  })
})

describe('the Report document', () => {
  it('has the six template headings in order', () => {
    expect(SECTIONS.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项'
    ])
  })

  it('round-trips through JSON, keeping blank distinct from 0', () => {
    const report = createReport({ unit: '某某镇人民政府', year: 2025 })
    report.values['t3.new.natural'] = 0
    const back = parseReport(serializeReport(report))
    expect(back).toEqual(report)
    expect(back.values['t3.new.natural']).toBe(0)
    expect('t3.new.business' in back.values).toBe(false)
    expect(back.schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('guesses the unit level from its name', () => {
    expect(guessUnitLevel('某某镇人民政府')).toBe('township')
    expect(guessUnitLevel('某某街道办事处')).toBe('township')
    expect(guessUnitLevel('某某县人民政府')).toBe('county')
    expect(guessUnitLevel('某某区教育局')).toBe('county')
    expect(guessUnitLevel('某某市人民政府')).toBe('city')
    expect(guessUnitLevel('某某省人民政府')).toBe('province')
    expect(guessUnitLevel('某某自治区人民政府')).toBe('province')
    expect(guessUnitLevel('某某县住房和城乡建设局')).toBe('county')
    expect(guessUnitLevel('某某县乡村振兴局')).toBe('county')
    expect(guessUnitLevel('某某自治州人民政府')).toBe('city')
  })

  const valid = createReport({ unit: 'a镇', year: 2025 })
  it.each([
    ['truncated JSON', '{', '不是有效的 JSON'],
    ['an array', '[]', '不是 JSON 对象'],
    ['a newer schema', '{"schemaVersion": 99}', '更新版本'],
    ['no schema version', '{"schemaVersion": "x"}', 'schemaVersion'],
    ['an unknown cell', JSON.stringify({ ...valid, values: { 't3.nope.natural': 1 } }), '未知单元格'],
    ['a year out of range', JSON.stringify({ ...valid, year: 1999 }), '年报文件内容有误'],
    ['a text value', JSON.stringify({ ...valid, values: { 't3.new.natural': '十二' } }), '年报文件内容有误'],
    ['a blank unit name', JSON.stringify({ ...valid, unit: { name: ' ', level: 'township' } }), '单位名称不能为空']
  ])('refuses %s with a Chinese message', (_name, text, message) => {
    expect(() => parseReport(text)).toThrow(ReportError)
    expect(() => parseReport(text)).toThrow(message)
  })
})
