/**
 * The label matcher on its own: normalisation of printed labels and matching them, by the table
 * definitions, to rows, columns and captions — exact, by containment and by similarity.
 */
import { describe, expect, it } from 'vitest'
import { expandGrid } from '@core/import/recognize/tables/grid'
import { editDistance, matchLabel } from '@core/import/recognize/tables/labelMatcher'
import {
  isPageNumber,
  normalizeLabel,
  parseFigure,
  stripNumbering
} from '@core/import/recognize/tables/normalize'
import { TARGETS } from '@core/import/recognize/tables/targets'
import { TABLE_3 } from '@core/report/tables'

const rowOf = (text: string) => {
  const m = matchLabel(text, (t) => t.kind === 'row')
  return m && `${m.target.table}.${m.target.key}`
}

describe('normalizeLabel', () => {
  it('removes whitespace of every kind, inside words too', () => {
    expect(normalizeLabel('1.本机关不掌握\n相关 政府\u00a0信息\u3000')).toBe('1.本机关不掌握相关政府信息')
  })
  it('unifies numbering styles', () => {
    for (const printed of ['1、属于国家秘密', '1．属于国家秘密', '(1)属于国家秘密', '（1）属于国家秘密', '１.属于国家秘密']) {
      expect(normalizeLabel(printed)).toBe('1.属于国家秘密')
    }
    expect(normalizeLabel('(三)不予公开')).toBe('（三）不予公开')
    expect(normalizeLabel('三.本年度办理结果')).toBe('三、本年度办理结果')
  })
  it('unifies and drops quotes', () => {
    expect(normalizeLabel('3.危及“三安全一稳定”')).toBe(normalizeLabel('3.危及"三安全一稳定"'))
    expect(normalizeLabel('3.危及「三安全一稳定」')).toBe('3.危及三安全一稳定')
  })
  it('turns page numbers into nothing', () => {
    for (const page of ['-3-', '- 4 -', '—5—', '第 3 页', '第3页共8页']) {
      expect(isPageNumber(page)).toBe(true)
      expect(normalizeLabel(page)).toBe('')
    }
    expect(isPageNumber('3')).toBe(false)
  })
  it('strips numbering for bare sub-row labels', () => {
    expect(stripNumbering('1.属于国家秘密')).toBe('属于国家秘密')
    expect(stripNumbering('（七）总计')).toBe('总计')
  })
})

describe('parseFigure', () => {
  it('reads figures as printed', () => {
    expect(parseFigure('1,234,567')).toBe(1234567)
    expect(parseFigure(' 12 ')).toBe(12)
    expect(parseFigure('20 23')).toBe(2023) // one number split over two Word runs
    expect(parseFigure('0.123456')).toBe(0.123456)
    expect(parseFigure('１２')).toBe(12)
    expect(parseFigure('5件')).toBe(5)
  })
  it('refuses what is not a figure', () => {
    for (const text of ['', '-', '—', '规章', '2023-01-20', '12a', '1,23']) expect(parseFigure(text)).toBeUndefined()
  })
})

describe('matchLabel', () => {
  it('has a target for every row and column of the tables, labels from the definitions only', () => {
    const t3Rows = TARGETS.filter((t) => t.table === 't3' && t.kind === 'row')
    expect(t3Rows.filter((t) => t.leaf)).toHaveLength(25)
    expect(t3Rows.find((t) => t.key === 'stateSecret')!.path).toEqual([
      TABLE_3.rows[2]!.label,
      '（三）不予公开',
      '1.属于国家秘密'
    ])
  })

  it('matches exact labels, other numbering and broken labels', () => {
    expect(rowOf('1.属于国家秘密')).toBe('t3.stateSecret')
    expect(rowOf('1、本机关不掌握相关政府信息')).toBe('t3.notHeld')
    expect(rowOf('1.本机关不掌握相关\n政府信息')).toBe('t3.notHeld')
    expect(rowOf('三\n、\n本\n年\n度\n办\n理\n结\n果')).toBe('t3.result')
    expect(rowOf('（二）部分公开')).toBe('t3.partial')
    expect(rowOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('t3.partial')
  })

  it('matches the label path as printed in one cell', () => {
    expect(rowOf('（三）不予公开1.属于国家秘密')).toBe('t3.stateSecret')
    expect(rowOf('（四）无法提供 1.本机关不掌握相关政府信息')).toBe('t3.notHeld')
    expect(rowOf('（六）其他处理3.其他')).toBe('t3.otherReason')
  })

  it('survives misprints', () => {
    expect(rowOf('2.其他法律法规禁止公开')).toBe('t3.lawForbids')
    expect(rowOf('行政法复议')).toBe('t4.review')
    expect(rowOf('5.要求行政机关确认或重新出具已获取的信息')).toBe('t3.confirmation')
    expect(matchLabel('2.其他法律法规禁止公开')!.score).toBeLessThan(1)
  })

  it('matches a fragment of a wrapped label', () => {
    expect(rowOf('1.本机关不掌握相关')).toBe('t3.notHeld')
  })

  it('prefers a column label to a bare row label (其他, 总计)', () => {
    expect(matchLabel('其他')!.target.kind).toBe('column')
    expect(matchLabel('总计')!.target.kind).toBe('column')
    expect(matchLabel('商业企\n业')!.target.key).toBe('business')
    expect(matchLabel('结果\n维持')!.target.key).toBe('upheld')
  })

  it('knows the 2019 labels and the old row name', () => {
    expect(matchLabel('本年新制作数量')!.target.from2019?.to).toBe('issued')
    expect(matchLabel('处理决定数量')!.target.from2019?.to).toBe('decisions')
    expect(matchLabel('本年处理决定数量')!.target.from2019).toBeUndefined()
    expect(matchLabel('规范性文件')!.target.from2019?.to).toBe('normative')
    expect(matchLabel('行政规范性文件')!.target.key).toBe('normative')
  })

  it('ignores narrative and metadata', () => {
    expect(matchLabel('本年度制发行政规范性文件2件，废止2件，现行有效14件。')).toBeUndefined()
    expect(matchLabel('索引号')).toBeUndefined()
    expect(matchLabel('发布机构')).toBeUndefined()
    expect(matchLabel('四、政府信息公开行政复议、行政诉讼情况')).toBeUndefined()
    expect(matchLabel('三、收到和处理政府信息公开申请情况')).toBeUndefined()
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('行政复议', '行政法复议')).toBe(1)
    expect(editDistance('2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开')).toBe(2)
    expect(editDistance('', '总计')).toBe(2)
  })
})

describe('expandGrid', () => {
  it('expands the anchor convention: every position knows the printed cell covering it', () => {
    const c = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan })
    const grid = expandGrid([[c('A', 1, 2), c('B', 2)], [c('C'), c('D')]])
    expect(grid.map((row) => row.map((g) => g.text).join(''))).toEqual(['ABB', 'ACD'])
    expect(grid[1]![0]).toBe(grid[0]![0])
    expect(grid[1]![2]).toEqual({ row: 1, cell: 1, text: 'D' })
  })
  it('clips row spans that run past the table', () => {
    const grid = expandGrid([[{ text: 'A', colSpan: 1, rowSpan: 5 }, { text: 'B', colSpan: 1, rowSpan: 1 }]])
    expect(grid).toHaveLength(1)
  })
})
