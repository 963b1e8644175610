/**
 * PDF layout on hand-placed text items: what pdfjs gives for a 表三 that crosses a page, with
 * its header repeated, wrapped labels, a merged group label, and a page number between the parts.
 */
import { describe, expect, it } from 'vitest'
import { isPageNumberLine, layoutPages, type PdfPage, type PositionedText } from '../../../src/main/services/readers/pdfLayout'
import { paragraphs, tables } from './support'

const H = 10.5
const COLUMNS = [320, 351, 382, 413, 444, 475, 506]

function text(str: string, x: number, y: number, height = H): PositionedText {
  return { text: str, x, y, width: [...str].length * height * (/^[\d.]+$/.test(str) ? 0.5 : 1), height }
}

/** A value row: label at x, seven numbers centred on the columns. */
function row(label: string, x: number, y: number, values: readonly number[]): PositionedText[] {
  return [
    ...(label ? [text(label, x, y)] : []),
    ...values.map((v, i) => {
      const s = String(v)
      return text(s, COLUMNS[i]! - (s.length * H * 0.5) / 2, y)
    })
  ]
}

function header(y: number): PositionedText[] {
  return [
    text('申请人情况', 387, y),
    text('自然', 309.7, y - 20),
    text('人', 315, y - 34.7),
    text('总计', 495.5, y - 27)
  ]
}

const PAGE_1: PdfPage = {
  number: 1,
  width: 595,
  height: 842,
  items: [
    text('三、收到和处理政府信息公开申请情况', 111.5, 760, 16),
    ...header(724),
    ...row('一、本年新收政府信息公开申请数量', 81.5, 650, [27, 6, 1, 1, 2, 2, 39]),
    ...row('二、上年结转政府信息公开申请数量', 81.5, 634.8, [2, 1, 0, 0, 0, 0, 3]),
    // A label wrapped over two lines around its vertically centred row.
    text('（二）部分公开（区分处理的，只计这', 115.8, 612),
    ...row('', 0, 604.6, [3, 1, 0, 0, 1, 0, 5]),
    text('一情形，不计其他情形）', 115.8, 597.3),
    text('- 4 -', 285, 60, 14)
  ]
}

const PAGE_2: PdfPage = {
  number: 2,
  width: 595,
  height: 842,
  items: [
    ...header(780),
    // （四）无法提供 printed down its merged cell, beside its three sub-rows.
    text('（四）', 115.8, 721),
    ...row('1.本机关不掌握相关政府信息', 157.2, 713.6, [4, 1, 0, 0, 0, 1, 6]),
    text('无法提', 115.8, 706.3),
    ...row('2.没有现成信息需要另行制作', 157.2, 698.4, [1, 0, 0, 0, 0, 0, 1]),
    text('供', 115.8, 691.6),
    ...row('3.补正后申请内容仍不明确', 157.2, 683.2, [1, 0, 0, 0, 0, 0, 1]),
    ...row('四、结转下年度继续办理', 81.5, 668, [2, 1, 0, 0, 0, 0, 3]),
    text('四、政府信息公开行政复议、行政诉讼情况', 111.5, 620, 16)
  ]
}

describe('pdf layout', () => {
  const blocks = layoutPages([PAGE_1, PAGE_2])
  const [table] = tables(blocks)
  const texts = (r: { text: string }[]) => r.map((c) => c.text)

  it('joins the table across the page break into one block, without the page number', () => {
    expect(tables(blocks)).toHaveLength(1)
    const all = JSON.stringify(blocks)
    expect(all).not.toContain('- 4 -')
    expect(paragraphs(blocks)).toEqual(['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'])
  })

  it('recovers every value row with its label and seven numbers', () => {
    const valueRows = table!.rows.filter((r) => r.length >= 7 && /^\d+$/.test(r.at(-1)!.text))
    expect(valueRows.map((r) => [r.find((c) => c.text && !/^\d+$/.test(c.text) && !c.text.startsWith('（四）'))?.text, ...texts(r.slice(-7))])).toEqual([
      ['一、本年新收政府信息公开申请数量', '27', '6', '1', '1', '2', '2', '39'],
      ['二、上年结转政府信息公开申请数量', '2', '1', '0', '0', '0', '0', '3'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', '1', '0', '0', '1', '0', '5'],
      ['1.本机关不掌握相关政府信息', '4', '1', '0', '0', '0', '1', '6'],
      ['2.没有现成信息需要另行制作', '1', '0', '0', '0', '0', '0', '1'],
      ['3.补正后申请内容仍不明确', '1', '0', '0', '0', '0', '0', '1'],
      ['四、结转下年度继续办理', '2', '1', '0', '0', '0', '0', '3']
    ])
  })

  it('joins a header label wrapped over lines (自然 / 人), on both pages', () => {
    const headerCells = table!.rows.flat().map((c) => c.text)
    expect(headerCells.filter((t) => t === '自然人')).toHaveLength(2)
    expect(headerCells).not.toContain('自然')
  })

  it('gives the vertical group label its three rows as a row span', () => {
    const group = table!.rows.flat().find((c) => c.text === '（四）无法提供')
    expect(group).toEqual({ text: '（四）无法提供', rowSpan: 3, colSpan: 1 })
  })
})

describe('page number lines', () => {
  it.each(['- 4 -', '— 12 —', '－3－', '第 4 页', '第4页 共9页', '4/9'])('%s is a page number', (line) => {
    expect(isPageNumberLine(line)).toBe(true)
  })
  it.each(['2023', '一、总体情况', '-', '4'])('%s is not (without position)', (line) => {
    expect(isPageNumberLine(line)).toBe(false)
  })
  it('a bare number is one only in the page margins', () => {
    expect(isPageNumberLine('4', 30, 842)).toBe(true)
    expect(isPageNumberLine('4', 400, 842)).toBe(false)
  })
})
