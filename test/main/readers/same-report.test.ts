/**
 * One consistent report in every file kind (test/fixtures/same-report, made by
 * scripts/make-fixtures.ts): each reader must give the title, the six section headings and 表三.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { readDocument, readDocumentFile } from '../../../src/main/services/readers'
import {
  HEADINGS,
  REPORT,
  tables,
  TITLE_LINES,
  cellTexts,
  expectedTable3,
  fixture,
  paragraphs,
  table3,
  table3ValueRows
} from './support'

const STRUCTURED = [
  ['docx', 'same-report/report.docx'],
  ['doc', 'same-report/report.doc'],
  ['html', 'same-report/report.html'],
  ['mhtml', 'same-report/report.mhtml']
] as const

describe.each([...STRUCTURED, ['pdf', 'same-report/report.pdf']] as const)('%s', (kind, path) => {
  it('reads the title and the six section headings in order', async () => {
    const result = await readDocumentFile(fixture(path))
    expect(result.kind).toBe(kind)
    const texts = paragraphs(result.blocks)
    expect(texts.slice(0, 2)).toEqual(TITLE_LINES)
    const positions = HEADINGS.map((heading) => texts.indexOf(heading))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('gives every value row of 表三 its label and seven numbers', async () => {
    const table = table3((await readDocumentFile(fixture(path))).blocks)
    for (const { label, values } of table3ValueRows()) {
      const row = table.rows.find((r) => r.some((c) => c.text === label))
      expect(row, label).toBeDefined()
      expect(cellTexts(row!).slice(-7), label).toEqual(values)
    }
  })

  it('gives 表二 and 表四 their values', async () => {
    const blocks = (await readDocumentFile(fixture(path))).blocks
    const numbersOf = (label: string) => {
      const row = tables(blocks).flatMap((t) => t.rows).find((r) => r.some((c) => c.text === label))
      return row?.map((c) => c.text).filter((t) => /^\d+$/.test(t))
    }
    const v = REPORT.values
    expect(numbersOf('规章')).toEqual([0, 0, 0].map(String))
    expect(numbersOf('行政规范性文件')).toEqual([v['t2.normative.issued'], v['t2.normative.repealed'], v['t2.normative.inForce']].map(String))
    expect(numbersOf('行政许可')).toEqual([String(v['t2.license.decisions'])])
    expect(numbersOf('行政事业性收费')).toEqual([String(v['t2.fees.amount'])])
    const table4 = tables(blocks).find((t) => t.rows.some((r) => r.some((c) => c.text === '未经复议直接起诉')))!
    const expected4 = ['review', 'direct', 'afterReview'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => String(v[`t4.${g}.${c}`]))
    )
    expect(cellTexts(table4.rows.at(-1)!)).toEqual(expected4)
  })

  it('keeps the narrative paragraph text whole', async () => {
    const texts = paragraphs((await readDocumentFile(fixture(path))).blocks)
    expect(texts).toContain('本年度新收政府信息公开申请39件，上年结转3件。')
    expect(texts).toContain('本年度未收取信息处理费。')
  })
})

describe.each(STRUCTURED)('%s 表三 structure', (_kind, path) => {
  it('is one table of 28 rows with the official row and column spans', async () => {
    const table = table3((await readDocumentFile(fixture(path))).blocks)
    expect(table.rows).toHaveLength(28)
    expect(table.rows).toEqual(expectedTable3())
  })
})

describe('pdf 表三', () => {
  it('recovers the merged group labels with their spans and the wrapped labels joined', async () => {
    const table = table3((await readDocumentFile(fixture('same-report/report.pdf'))).blocks)
    const expected = expectedTable3().slice(3)
    // Below the header, the PDF grid is the official one exactly.
    expect(table.rows.slice(-25)).toEqual(expected)
  })
})

describe('.wps', () => {
  it('is read as Word 97 binary whatever the extension says', async () => {
    const bytes = await readFile(fixture('same-report/report.doc'))
    const result = await readDocument({ bytes, name: '年报.wps' })
    expect(result.kind).toBe('doc')
    expect(table3(result.blocks).rows).toHaveLength(28)
  })
})

describe('pdf with 表三 across a page break (report-split.pdf)', () => {
  it('gives one 表三 block with the header repeated and every value row, and no page numbers', async () => {
    const result = await readDocumentFile(fixture('same-report/report-split.pdf'))
    const table = table3(result.blocks)
    expect(tables(result.blocks).filter((t) => t.rows.some((r) => r.some((c) => c.text === '自然人')))).toHaveLength(1)
    expect(table.rows.filter((r) => r.some((c) => c.text === '自然人'))).toHaveLength(2)
    for (const { label, values } of table3ValueRows()) {
      const row = table.rows.find((r) => r.some((c) => c.text === label))
      expect(cellTexts(row!).slice(-7), label).toEqual(values)
    }
    const everything = JSON.stringify(result.blocks)
    expect(everything).not.toMatch(/[—-]\s*\d+\s*[—-]/)
  })
})
