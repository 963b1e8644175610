import { describe, expect, it } from 'vitest'
import { columnKey, mapLegacyFigures, readLegacyFigures } from '@core/import/recognize/legacy'
import type { Block, BlockCell, LegacyFigure } from '@core/import/types'
import { linesToBlocks } from './seedBlocks'

const cell = (text: string, colSpan = 1): BlockCell => ({ text, rowSpan: 1, colSpan })
const values = (figures: readonly LegacyFigure[]) => Object.fromEntries(figures.map((f) => [f.label, f.values]))

describe('readLegacyFigures', () => {
  it('reads a real table block with a merged title row', () => {
    const block: Block = {
      kind: 'table',
      rows: [
        [cell('政府信息公开情况统计表', 4)],
        [cell('指标名称'), cell('计量单位'), cell('2016年度'), cell('历年累计')],
        [cell('主动公开文件数'), cell('条'), cell('53'), cell('259')],
        [cell('其中：1.政府网站公开数'), cell('条'), cell('53'), cell('')],
        [cell('政府信息公开收费减免金额'), cell('元'), cell('12.50'), cell('1,280')]
      ]
    }
    const r = readLegacyFigures([{ kind: 'paragraph', text: '附表' }, block])
    expect(values(r.figures)).toEqual({
      主动公开文件数: { 本年: '53', 历年累计: '259' },
      '其中：1.政府网站公开数': { 本年: '53', 历年累计: '' },
      政府信息公开收费减免金额: { 本年: '12.50', 历年累计: '1,280' }
    })
    expect(r.figures[0]!.valueSources!['历年累计']).toMatchObject({ block: 1, row: 2, cell: 3 })
    expect(r.figures[1]!.parent).toBe('主动公开文件数')
    expect([...r.consumed]).toEqual([1, 0])
  })

  it('reads a two-row header, a merged 其中 cell, and the table continued after a page break', () => {
    const span = (text: string, rowSpan: number, colSpan = 1): BlockCell => ({ text, rowSpan, colSpan })
    const first: Block = {
      kind: 'table',
      rows: [
        [span('指标名称', 2, 2), span('单位', 2), cell('数量', 2)],
        [cell('本年'), cell('历年累计')],
        [cell('主动公开文件数', 2), cell('条'), cell('49'), cell('1265')],
        [span('其中', 2), cell('1.政府网站公开数'), cell('条'), cell('49'), cell('1265')],
        [cell('2.政府公报公开数'), cell('条'), cell('0'), cell('0')]
      ]
    }
    const second: Block = {
      kind: 'table',
      rows: [[cell('行政复议数', 2), cell('件'), cell('1'), cell('3')]]
    }
    const r = readLegacyFigures([first, { kind: 'paragraph', text: '- 4 -' }, second])
    expect(r.figures.map((f) => [f.label, f.unit, f.values, f.parent])).toEqual([
      ['主动公开文件数', '条', { 本年: '49', 历年累计: '1265' }, undefined],
      ['其中：1.政府网站公开数', '条', { 本年: '49', 历年累计: '1265' }, '主动公开文件数'],
      ['2.政府公报公开数', '条', { 本年: '0', 历年累计: '0' }, '主动公开文件数'],
      ['行政复议数', '件', { 本年: '1', 历年累计: '3' }, undefined]
    ])
    expect([...r.consumed].sort()).toEqual([0, 2])
  })

  it('skips code and running-number columns', () => {
    const shanghai = readLegacyFigures(linesToBlocks('指标名称\t计量单位\t代码\t本期实际\t本年累计\n主动公开信息数\t条\t01\t5\t60\n申请总数\t件\t02\t1\t9'))
    expect(values(shanghai.figures)).toEqual({ 主动公开信息数: { 本期: '5', 本年: '60' }, 申请总数: { 本期: '1', 本年: '9' } })
    const numbered = readLegacyFigures(linesToBlocks('序号\n指标\n单位\n数量\n1\n主动公开文件数\n条\n53\n2\n行政复议数\n件\n0'))
    expect(values(numbered.figures)).toEqual({ 主动公开文件数: { 本年: '53' }, 行政复议数: { 本年: '0' } })
  })

  it('reads tab-separated lines and space-separated lines (PDF text), never merging numbers', () => {
    const tabbed = readLegacyFigures(linesToBlocks('指标名称\t单位\t本年\t历年累计\n主动公开文件数\t条\t12\t3\n行政复议数\t件\t0\t0'))
    expect(values(tabbed.figures)).toEqual({ 主动公开文件数: { 本年: '12', 历年累计: '3' }, 行政复议数: { 本年: '0', 历年累计: '0' } })
    const spaced = readLegacyFigures(linesToBlocks('指标名称 计量单位 2016年度 历年累计\n主动公开文件数 条 12 3\n受理政府信息公开申请总数 条 1 4\n本报告的正文继续。'))
    expect(values(spaced.figures)).toEqual({
      主动公开文件数: { 本年: '12', 历年累计: '3' },
      受理政府信息公开申请总数: { 本年: '1', 历年累计: '4' }
    })
    expect([...spaced.consumed]).toEqual([0, 1, 2])
  })

  it('reads one-cell-per-line tables whose empty lines were dropped by the reader', () => {
    const r = readLegacyFigures(linesToBlocks('统计指标\n单位\n统计数\n一、主动公开情况\n—\n162\n（一）收到申请数\n件\n\n\n（二）申请办结数\n件\n3'))
    expect(values(r.figures)).toEqual({
      '一、主动公开情况': { 本年: '162' },
      '（一）收到申请数': {},
      '（二）申请办结数': { 本年: '3' }
    })
  })

  it('ignores the words of a header that has no rows under it', () => {
    expect(readLegacyFigures(linesToBlocks('指标名称\n单位\n这是一段普通的正文，并不是表格。')).figures).toEqual([])
  })

  it('names the columns', () => {
    expect(['2016', '2016年度', '2017年', '本年累计', '统计数', '历年累计', '历年累积', '本期实际', '上年'].map(columnKey)).toEqual([
      '本年',
      '本年',
      '本年',
      '本年',
      '本年',
      '历年累计',
      '历年累计',
      '本期',
      '上年'
    ])
  })
})

describe('mapLegacyFigures', () => {
  const national = readLegacyFigures(
    linesToBlocks(
      [
        '统计指标\t单位\t统计数',
        '三、依申请公开情况\t—\t',
        '（一）收到申请数\t件\t7',
        '（三）申请答复数\t件\t7',
        '1．属于已主动公开范围数\t件\t1',
        '2．同意公开答复数\t件\t2',
        '3．同意部分公开答复数\t件\t1',
        '4．不同意公开答复数\t件\t2',
        '其中：涉及国家秘密\t件\t0',
        '涉及商业秘密\t件\t1',
        '涉及个人隐私\t件\t1',
        '5．不属于本行政机关公开数\t件\t1',
        '6．申请信息不存在数\t件\t',
        '四、行政复议数量\t件\t3',
        '（一）维持具体行政行为数\t件\t2',
        '（二）被依法纠错数\t件\t1',
        '（三）其他情形数\t件\t0',
        '五、行政诉讼数量\t件\t2',
        '（一）维持具体行政行为或者驳回原告诉讼请求数\t件\t2',
        '（二）被依法纠错数\t件\t0',
        '制发规范性文件总数\t件\t1.5'
      ].join('\n')
    )
  ).figures

  it('maps spec §3.4, adding merged categories and skipping empty cells', () => {
    const mapped = mapLegacyFigures(national)
    expect(Object.fromEntries(mapped.map((v) => [v.cell, v.value]))).toEqual({
      't3.new.total': 7,
      't3.public.total': 3,
      't3.partial.total': 1,
      't3.stateSecret.total': 0,
      't3.thirdParty.total': 2,
      't3.notHeld.total': 1,
      't4.review.total': 3,
      't4.review.upheld': 2,
      't4.review.corrected': 1,
      't4.review.other': 0
    })
    for (const v of mapped) {
      expect(v.flags).toEqual(['approximate'])
      expect(v.confidence).toBeLessThanOrEqual(0.5)
      expect(v.note).toBeTruthy()
    }
    expect(mapped.find((v) => v.cell === 't3.public.total')!.source.text).toBe('2．同意公开答复数 2；1．属于已主动公开范围数 1')
  })

  it('maps no litigation cell: the old total has no single 2021 counterpart', () => {
    expect(mapLegacyFigures(national).some((v) => v.cell.startsWith('t4.direct') || v.cell.startsWith('t4.afterReview'))).toBe(false)
  })

  it('never takes a decimal for a count', () => {
    expect(mapLegacyFigures(national).some((v) => v.cell === 't2.normative.issued')).toBe(false)
  })
})
