/**
 * Figures run together without separator: the splits that satisfy the row total (R2, R4), the
 * choice among several by the other rows (R1, R3), and blanks with a warning where it stays open.
 */
import { describe, expect, it } from 'vitest'
import { recognizeTables } from '@core/import/recognize/tables/index'
import { splitDigits as enumerate, type SplitGroup } from '@core/import/recognize/tables/runTogether'
import type { Block } from '@core/import/types'
import { cellId, CELLS, type CellId } from '@core/report/cells'
import { TABLE_3 } from '@core/report/tables'
import { consistentValues, T3_APPLICANTS } from '../../support/reports'
import { cellPerLine, flattened, reportBlocks, rowPerLine, type Values } from './tablesRender'

const T3_ROW = [{ size: 7, totalLast: true }]
const splitDigits = (tokens: string[], shape: readonly SplitGroup[]) => enumerate(tokens, shape).candidates
const T4_STRIP = [0, 1, 2].map(() => ({ size: 5, totalLast: true }))

/** The consistent values with one 表三 row replaced, the totals (R2, R3, R1) kept true. */
function withT3Row(base: Values, row: string, counts: readonly number[]): Values {
  const out: Values = { ...base }
  const set = (r: string, cs: readonly number[]) => {
    T3_APPLICANTS.forEach((c, i) => (out[cellId('t3', r, c)] = cs[i]!))
    out[cellId('t3', r, 'total')] = cs.reduce((a, b) => a + b, 0)
  }
  set(row, counts)
  const outcomeRows = CELLS.filter((c) => c.table === 't3' && c.column === 'natural' && c.rowPath[0] === TABLE_3.rows[2]!.label && c.row !== 'resultTotal').map((c) => c.row)
  const resultTotal = T3_APPLICANTS.map((c) => outcomeRows.reduce((a, r) => a + (out[cellId('t3', r, c)] ?? 0), 0))
  set('resultTotal', resultTotal)
  set('new', T3_APPLICANTS.map((c, i) => resultTotal[i]! + (out[cellId('t3', 'carryOver', c)] ?? 0) - (out[cellId('t3', 'carried', c)] ?? 0)))
  return out
}

const runTogether = (values: Values): Block[] => flattened(reportBlocks(values), (b) => rowPerLine(b, ' ', ''))
const rowCells = (row: string): CellId[] => CELLS.filter((c) => c.table === 't3' && c.row === row).map((c) => c.id)

describe('splitDigits', () => {
  it('finds the one split of a 表三 row whose last figure is the sum of the others', () => {
    expect(splitDigits(['120030116'], T3_ROW)).toEqual([[12, 0, 0, 3, 0, 1, 16]])
  })
  it('never gives a figure a leading zero', () => {
    expect(splitDigits(['0000000'], T3_ROW)).toEqual([[0, 0, 0, 0, 0, 0, 0]])
    expect(splitDigits(['000'], [{ size: 3, totalLast: false }])).toEqual([[0, 0, 0]])
  })
  it('lists every split that fits', () => {
    expect(splitDigits(['111000012'], T3_ROW)).toEqual([
      [1, 1, 10, 0, 0, 0, 12],
      [1, 11, 0, 0, 0, 0, 12],
      [11, 1, 0, 0, 0, 0, 12]
    ])
  })
  it('keeps figures printed apart apart', () => {
    expect(splitDigits(['11', '1', '000012'], T3_ROW)).toEqual([[11, 1, 0, 0, 0, 0, 12]])
    expect(splitDigits(['1', '2'], [{ size: 2, totalLast: false }])).toEqual([[1, 2]])
  })
  it('splits 表四 group by group, each total the sum of its four', () => {
    expect(splitDigits(['100120001100000'], T4_STRIP)).toEqual([[1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]])
    const open = splitDigits(['12100131001200000'], T4_STRIP)
    expect(open).toContainEqual([12, 1, 0, 0, 13, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0])
    expect(open).toContainEqual([1, 2, 10, 0, 13, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0])
  })
  it('finds nothing when no split adds up', () => {
    expect(splitDigits(['1234567'], T3_ROW)).toEqual([])
  })
})

describe('run-together rows in a report', () => {
  it('chooses among several splits of a row the one that agrees with the column totals (R3)', () => {
    const values = withT3Row(consistentValues(), 'public', [11, 1, 0, 0, 0, 0])
    const result = recognizeTables(runTogether(values), '2021')
    const got = new Map(result.values.map((v) => [v.cell, v]))
    expect(rowCells('public').map((id) => got.get(id)?.value)).toEqual([11, 1, 0, 0, 0, 0, 12])
    expect(got.get('t3.public.natural')!.flags).toEqual(['split'])
    expect(got.get('t3.public.natural')!.note).toContain('111000012')
    expect(result.warnings.filter((w) => w.includes('表三'))).toEqual([])
  })

  it('leaves cells blank and names them when more than one split fits every identity', () => {
    // 1 | 11 and 11 | 1 swapped between two rows keep every column total: both readings fit.
    let values = withT3Row(consistentValues(), 'public', [1, 11, 0, 0, 0, 0])
    values = withT3Row(values, 'partial', [11, 1, 0, 0, 0, 0])
    const result = recognizeTables(runTogether(values), '2021')
    const got = new Map(result.values.map((v) => [v.cell, v.value]))
    for (const row of ['public', 'partial']) {
      for (const column of ['natural', 'business']) expect(got.has(cellId('t3', row, column))).toBe(false)
      // What every reading agrees on is decided: the zeros and the row total.
      for (const column of ['research', 'welfare', 'lawService', 'otherOrg']) expect(got.get(cellId('t3', row, column))).toBe(0)
      expect(got.get(cellId('t3', row, 'total'))).toBe(12)
    }
    const t3Warnings = result.warnings.filter((w) => w.startsWith('表三'))
    expect(t3Warnings).toEqual([
      expect.stringMatching(/^表三「三、本年度办理结果 \/ （一）予以公开」数字连写“111000012”有 2 种可能的拆分（如 1\|11\|0\|0\|0\|0\|12；11\|1\|0\|0\|0\|0\|12），其中「自然人、商业企业」无法确定，已留空$/),
      expect.stringMatching(/^表三「三、本年度办理结果 \/ （二）部分公开（区分处理的，只计这一情形，不计其他情形）」数字连写“111000012”有 2 种/)
    ])
    // Not missing: the rows were found, their figures could not be told apart.
    expect(result.missing.filter((m) => m.startsWith('表三'))).toEqual([])
    // Every other row came back.
    const others = CELLS.filter((c) => c.table === 't3' && !['public', 'partial'].includes(c.row))
    expect(others.map((c) => got.get(c.id))).toEqual(others.map((c) => values[c.id]))
  })

  it('splits each row by every identity at once where row by row leaves several open', () => {
    // Both rows alone have three splits each (1|1|10, 1|11, 11|1); only one pair keeps the columns.
    let values = withT3Row(consistentValues(), 'public', [11, 1, 0, 0, 0, 0])
    values = withT3Row(values, 'partial', [11, 1, 0, 0, 0, 0])
    const result = recognizeTables(runTogether(values), '2021')
    const got = new Map(result.values.map((v) => [v.cell, v]))
    for (const id of [...rowCells('public'), ...rowCells('partial')]) {
      expect(got.get(id)?.value).toBe(values[id])
      expect(got.get(id)?.method).toBe('derived')
      expect(got.get(id)?.note).toContain('各列勾稽关系')
    }
    expect(result.warnings.filter((w) => w.startsWith('表三'))).toEqual([])
  })

  it('splits a run-together row given on the line after its label (one cell per line)', () => {
    const values = consistentValues()
    const blocks = flattened(reportBlocks(values), (b) =>
      b.kind !== 'table' ? [b] : rowPerLine(b, '\n', '').flatMap((p) => (p.kind === 'paragraph' ? p.text.split('\n') : [])).map((text) => ({ kind: 'paragraph', text }) as Block)
    )
    const result = recognizeTables(blocks, '2021')
    const t3 = CELLS.filter((c) => c.table !== 't2')
    const got = new Map(result.values.map((v) => [v.cell, v.value]))
    expect(t3.map((c) => got.get(c.id))).toEqual(t3.map((c) => values[c.id]))
  })

  it('reports a row whose digits add up no way', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '（一）予以公开 1234567' },
      { kind: 'paragraph', text: '（二）部分公开 5000005' }
    ]
    const result = recognizeTables(blocks, '2021')
    expect(result.warnings).toEqual([expect.stringContaining('找不到符合合计关系的拆分')])
    expect(result.values.map((v) => v.value)).toEqual([5, 0, 0, 0, 0, 0, 5])
  })

  it('does not split a row with cells printed apart', () => {
    const values = consistentValues()
    const result = recognizeTables(flattened(reportBlocks(values), cellPerLine), '2021')
    expect(result.values.some((v) => v.flags.includes('split'))).toBe(false)
  })
})

describe('more figures than the row has', () => {
  it('keeps the figures that add up when a stray number follows a flattened row', () => {
    const blocks: Block[] = ['（一）予以公开', '9', '3', '1', '1', '1', '1', '16', '5', '（二）部分公开 3 1 0 0 1 0 5'].map((text) => ({
      kind: 'paragraph',
      text
    }))
    const result = recognizeTables(blocks, '2021')
    expect(result.values.filter((v) => v.cell.startsWith('t3.public.')).map((v) => v.value)).toEqual([9, 3, 1, 1, 1, 1, 16])
    expect(result.warnings).toEqual(['表三「三、本年度办理结果 / （一）予以公开」印有 8 个数字，多于 7 个，按合计关系取其中 7 个，请核对'])
  })

  it('refuses a flattened row with extra figures that do not single out seven', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: '（一）予以公开 1 1 0 0 0 0 2 1 2' }]
    const result = recognizeTables(blocks, '2021')
    expect(result.values).toEqual([])
    expect(result.warnings).toEqual(['表三「三、本年度办理结果 / （一）予以公开」印有 9 个数字，多于 7 个，未导入'])
  })
})
