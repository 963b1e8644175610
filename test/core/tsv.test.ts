import { describe, expect, it } from 'vitest'
import { CELLS } from '@core/report/cells'
import { createReport } from '@core/report/report'
import { applyCellUpdates, cellsToTsv, findCell, formatValue, parseCellsTsv, parseCellValue } from '@core/report/tsv'

describe('cells as TSV', () => {
  it('prints one line per cell with the official labels', () => {
    const report = createReport({ unit: '某某镇人民政府', year: 2025 })
    report.values['t3.stateSecret.natural'] = 0
    const lines = cellsToTsv(report).trimEnd().split('\n')
    expect(lines).toHaveLength(200)
    expect(lines).toContain('表三\t三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密\t自然人\t0')
    expect(lines).toContain('表三\t三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密\t法人或其他组织 / 商业企业\t')
    expect(lines).toContain('表二\t规章\t本年制发件数\t')
    expect(lines).toContain('表四\t行政诉讼 / 未经复议直接起诉\t总计\t')
    expect(lines).toContain('表四\t行政复议\t结果维持\t')
  })

  it('reads back every line it prints', () => {
    const report = createReport({ unit: '某某镇人民政府', year: 2025 })
    CELLS.forEach((c, i) => (report.values[c.id] = c.kind === 'amount' ? 1.234567 : i))
    const updates = parseCellsTsv(cellsToTsv(report))
    expect(updates).toHaveLength(200)
    const back = applyCellUpdates(createReport({ unit: 'x镇', year: 2025 }), updates)
    expect(back.values).toEqual(report.values)
  })

  it('finds labels typed loosely: spaces, no note, CRLF, BOM, header line', () => {
    expect(findCell('表三', '三、本年度办理结果/（二）部分公开', '法人或其他组织/商业企业')?.id).toBe('t3.partial.business')
    expect(findCell(' 表三 ', '三、本年度办理结果 / （七）总计', '总计')?.id).toBe('t3.resultTotal.total')
    const updates = parseCellsTsv('\uFEFFtable\trow\tcolumn\tvalue\r\n表二\t行政许可\t本年处理决定数量\t1,234\r\n')
    expect(updates).toEqual([{ cell: 't2.license.decisions', value: 1234 }])
  })

  it('treats an empty value as a blank cell, clearing it', () => {
    const report = createReport({ unit: 'x镇', year: 2025 })
    report.values['t2.rules.issued'] = 3
    const back = applyCellUpdates(report, parseCellsTsv('表二\t规章\t本年制发件数\t\n'))
    expect('t2.rules.issued' in back.values).toBe(false)
  })

  it.each([
    ['表三\t三、本年度办理结果 / （三）不予公开 / 9.不存在\t自然人\t1', '第 1 行：找不到单元格'],
    ['表二\t规章\t本年制发件数\t十二', '第 1 行：“十二” 不是有效数值'],
    ['表二\t规章\t本年制发件数\t1\n表二\t规章\t本年废止件数\t-3', '第 2 行：“-3” 不是有效数值'],
    ['表二\t规章\t本年制发件数\t1.5', '不小于 0 的整数'],
    ['表二\t行政事业性收费\t本年收费金额（单位：万元）\t0.1234567', '最多 6 位小数'],
    ['表二 规章 本年制发件数 1', '应为“表<TAB>行<TAB>列<TAB>数值”四列']
  ])('refuses %j naming the line', (tsv, message) => {
    expect(() => parseCellsTsv(tsv)).toThrow(message)
  })

  it('parses amounts with decimals and full-width digits', () => {
    expect(parseCellValue('０.５', { kind: 'amount' })).toBe(0.5)
    expect(parseCellValue(' 12 ', { kind: 'count' })).toBe(12)
    expect(formatValue(0.123456)).toBe('0.123456')
    expect(formatValue(0.1 + 0.2)).toBe('0.3')
    expect(formatValue(undefined)).toBe('')
  })
})
