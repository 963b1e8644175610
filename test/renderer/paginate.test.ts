/** Page breaking as Word and LibreOffice do it for the export's blocks (heights in, pieces out). */
import { describe, expect, it } from 'vitest'
import { paginate, type Block } from '../../src/renderer/src/components/preview/paginate'

const L = 10
const para = (lines: number, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
  kind: 'paragraph',
  height: lines * L,
  lineHeight: L,
  keepNext: false,
  widowControl: false,
  ...extra
})
const table = (rows: number, header = 0, keep: number[] = []): Block => ({
  kind: 'table',
  rows: Array.from({ length: rows }, (_, i) => ({ height: L, header: i < header, keepNext: keep.includes(i) }))
})

describe('paginate', () => {
  it('splits a paragraph between lines where the page ends', () => {
    const pages = paginate([para(7), para(5)], 100)
    expect(pages).toHaveLength(2)
    expect(pages[0]).toEqual([
      { kind: 'paragraph', block: 0, fromLine: 0, toLine: 7, lines: 7 },
      { kind: 'paragraph', block: 1, fromLine: 0, toLine: 3, lines: 5 }
    ])
    expect(pages[1]).toEqual([{ kind: 'paragraph', block: 1, fromLine: 3, toLine: 5, lines: 5 }])
  })

  it('leaves no single line at a break with widow control', () => {
    const pages = paginate([para(9), para(3, { widowControl: true })], 100)
    // One line would be left on page 1 and two carried: the whole paragraph moves on.
    expect(pages[1]?.[0]).toMatchObject({ block: 1, fromLine: 0 })
  })

  it('moves a keep-with-next heading to the page of what follows it', () => {
    const pages = paginate([para(9), para(1, { keepNext: true }), para(3)], 100)
    expect(pages[0]).toHaveLength(1)
    expect(pages[1]?.map((p) => p.block)).toEqual([1, 2])
  })

  it('never splits a row, and repeats the header rows on every page the table continues on', () => {
    const pages = paginate([para(5), table(12, 2)], 100)
    expect(pages).toHaveLength(2)
    expect(pages[0]?.[1]).toEqual({ kind: 'table', block: 1, rows: [0, 1, 2, 3, 4], repeatedHeader: false })
    expect(pages[1]?.[0]).toEqual({ kind: 'table', block: 1, rows: [0, 1, 5, 6, 7, 8, 9, 10, 11], repeatedHeader: true })
  })

  it('keeps rows marked keep-with-next together with the row after them', () => {
    const pages = paginate([para(5), table(8, 1, [3, 4])], 100)
    // Rows 3–5 stand together and do not fit after row 2: they start the next page.
    expect(pages[0]?.[1]).toMatchObject({ rows: [0, 1, 2] })
    expect(pages[1]?.[0]).toMatchObject({ rows: [0, 3, 4, 5, 6, 7] })
  })

  it('starts a table on the next page when its header and first row do not fit', () => {
    const pages = paginate([para(9), table(4, 2)], 100)
    expect(pages[0]).toHaveLength(1)
    expect(pages[1]?.[0]).toMatchObject({ rows: [0, 1, 2, 3], repeatedHeader: false })
  })
})
