/**
 * recognizeTables on a consistent full report in each clean shape a reader can hand over: real
 * table blocks with the official merges, and tables flattened into paragraphs one cell per line,
 * one row per line (spaces or tabs), or with the figures of each row run together.
 */
import { describe, expect, it } from 'vitest'
import { recognizeTables, type TableRecognition } from '@core/import/recognize/tables/index'
import type { Block } from '@core/import/types'
import { CELLS, type CellId } from '@core/report/cells'
import { consistentValues } from '../../support/reports'
import { cellPerLine, flattened, HEADINGS, reportBlocks, rowPerLine, type Values } from './tablesRender'

const values = consistentValues()

/** Every cell comes back with its value; returns the recognition for further checks. */
function expectAll(result: TableRecognition, expected: Values = values, except: readonly CellId[] = []): void {
  const got = new Map(result.values.map((v) => [v.cell, v.value]))
  const wanted = CELLS.filter((c) => !except.includes(c.id)).map((c) => [c.id, expected[c.id]])
  expect(wanted.map(([id]) => [id, got.get(id as CellId)])).toEqual(wanted)
}

function headingIndexes(blocks: readonly Block[]): number[] {
  const headings = new Set<string>([...Object.values(HEADINGS), '一、总体情况', '五、存在的主要问题及改进情况'])
  return blocks.flatMap((b, i) => (b.kind === 'paragraph' && headings.has(b.text) ? [i] : []))
}

describe('recognizeTables — clean variants of a consistent report', () => {
  it('has 200 value cells to find', () => {
    expect(CELLS).toHaveLength(200)
    expect(Object.keys(values)).toHaveLength(200)
  })

  it('reads real table blocks with the official merges', () => {
    const blocks = reportBlocks(values)
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.values).toHaveLength(200)
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.values.every((v) => v.confidence === 1 && v.flags.length === 0)).toBe(true)
    expect([...result.consumed].sort((a, b) => a - b)).toEqual([3, 5, 7])
  })

  it('records where each value was read (block, row, cell, text)', () => {
    const blocks = reportBlocks(values)
    const result = recognizeTables(blocks, '2021')
    const license = result.values.find((v) => v.cell === 't2.license.decisions')!
    expect(license.source).toEqual({ block: 3, row: 6, cell: 1, text: '156' })
    const first = result.values.find((v) => v.cell === 't3.new.natural')!
    const block = blocks[first.source.block]
    expect(block?.kind === 'table' && block.rows[first.source.row!]![first.source.cell!]!.text).toBe(String(values['t3.new.natural']))
  })

  it('reads the template with its line breaks in header cells', () => {
    expectAll(recognizeTables(reportBlocks(values, { lineBreaks: true }), '2021'))
  })

  it('reads a table flattened one cell per line', () => {
    const blocks = flattened(reportBlocks(values, { lineBreaks: true }), cellPerLine)
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual([])
    // Table paragraphs are consumed, section headings and narrative are not.
    const narrative = blocks.flatMap((b, i) => (b.kind === 'paragraph' && /^(本年度，|一是)/.test(b.text) ? [i] : []))
    for (const i of [...headingIndexes(blocks), ...narrative]) expect(result.consumed.has(i)).toBe(false)
    const tableParagraphs = blocks.length - headingIndexes(blocks).length - narrative.length
    expect(result.consumed.size).toBe(tableParagraphs)
  })

  it('reads a table flattened one row per line, cells separated by spaces', () => {
    const blocks = flattened(reportBlocks(values), (b) => rowPerLine(b, ' '))
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.warnings).toEqual([])
    for (const i of headingIndexes(blocks)) expect(result.consumed.has(i)).toBe(false)
  })

  it('reads a table flattened one row per line, cells separated by tabs', () => {
    expectAll(recognizeTables(flattened(reportBlocks(values), (b) => rowPerLine(b, '\t')), '2021'))
  })

  it('splits rows whose figures are run together, using the totals', () => {
    const blocks = flattened(reportBlocks(values), (b) => rowPerLine(b, ' ', ''))
    const result = recognizeTables(blocks, '2021')
    // 行政规范性文件 2 | 2 | 14 printed “2214” has no identity to decide it (2|21|4, 22|1|4 …).
    const normative: CellId[] = ['t2.normative.issued', 't2.normative.repealed', 't2.normative.inForce']
    expectAll(result, values, normative)
    for (const id of normative) expect(result.values.some((v) => v.cell === id)).toBe(false)
    expect(result.warnings).toEqual([expect.stringContaining('表二「行政规范性文件」数字连写“2214”有 3 种可能的拆分')])
    const split = result.values.find((v) => v.cell === 't3.public.total')!
    expect(split.flags).toContain('split')
    // Derived, not read: unique under its row total and every column identity, still for review.
    expect(split.method).toBe('derived')
    expect(split.confidence).toBeLessThan(1)
    // 规章 0 | 0 | 0 printed “000” splits only one way.
    expect(result.values.find((v) => v.cell === 't2.rules.inForce')!.flags).toEqual(['split'])
  })

  it('splits rows printed with no separator at all, label and figures run together', () => {
    const blocks = flattened(reportBlocks(values), (b) => rowPerLine(b, '', ''))
    expect((blocks[5] as { text: string }).text).toBe('规章000')
    const result = recognizeTables(blocks, '2021')
    expectAll(result, values, ['t2.normative.issued', 't2.normative.repealed', 't2.normative.inForce'])
    expect(result.warnings).toHaveLength(1)
  })

  it('reports whole tables missing, and nothing for a report without tables', () => {
    const blocks = reportBlocks(values).filter((b, i) => i !== 7)
    const result = recognizeTables(blocks, '2021')
    expect(result.missing).toEqual(['表四'])
    expect(recognizeTables([{ kind: 'paragraph', text: '一、总体情况' }], '2021').missing).toEqual(['表二', '表三', '表四'])
  })

  it('leaves pre-2019 reports to the legacy recogniser', () => {
    expect(recognizeTables(reportBlocks(values), 'pre-2019').values).toEqual([])
  })
})
