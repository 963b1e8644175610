/**
 * Paragraphs across PDF page breaks: running headers and footers dropped, a paragraph the page
 * broke joined again (and counted), a new paragraph or heading on the next page left alone. On
 * hand-placed items, and on a PDF LibreOffice made from a hand-written document (not our export).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { readDocument } from '../../../src/main/services/readers/index'
import { layoutDocument, type PdfPage, type PositionedText } from '../../../src/main/services/readers/pdfLayout'

const H = 12
const LEFT = 72
const RIGHT = 523

/** A line of body text at y: indented by two characters when it starts a paragraph. */
function line(text: string, y: number, indent = false): PositionedText {
  const x = indent ? LEFT + 2 * H : LEFT
  return { text, x, y, width: Math.min(RIGHT - x, [...text].length * H), height: H }
}

function page(number: number, lines: readonly PositionedText[]): PdfPage {
  return {
    number,
    width: 595,
    height: 842,
    items: [
      { text: '青山镇2023年政府信息公开工作年度报告', x: 190, y: 800, width: 216, height: 9 },
      ...lines,
      { text: `— ${number} —`, x: 280, y: 40, width: 30, height: 10 }
    ]
  }
}

const FULL = '我镇认真贯彻落实政府信息公开条例，持续加大公开力度，拓宽公开渠道，创新公开方式。'.slice(0, 37)

describe('paragraphs across page breaks', () => {
  it('joins a paragraph the page broke, drops the running header and the page numbers, and says how many', () => {
    const { blocks, notes } = layoutDocument([
      page(1, [line('一、总体情况', 700), line(FULL, 670, true), line(FULL, 644), line('工作机制不断健全，公开质量进一步提', 618)]),
      page(2, [line('升，群众满意度持续提高。', 760), line('二、主动公开政府信息情况', 730), line('本年度制发文件3件。', 700, true), line(FULL, 674)])
    ])
    const texts = blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))
    expect(texts).toEqual([
      '一、总体情况',
      `${FULL}${FULL}工作机制不断健全，公开质量进一步提升，群众满意度持续提高。`,
      '二、主动公开政府信息情况',
      '本年度制发文件3件。',
      FULL
    ])
    expect(notes).toEqual(['删除了每页重复的页眉、页脚 1 种', '跨页断开的段落已接上 1 处'])
  })

  it('leaves a page break alone after a sentence end, before an indented line or before a heading', () => {
    const pages = [
      page(1, [line(FULL, 670, true), line('本段到此结束。', 644)]),
      page(2, [line('新的一段从这里开始，顶格书写。', 760), line(FULL, 734, true), line('没有句号的一行', 708)]),
      page(3, [line(FULL, 760, true)]),
      page(4, [line('三、收到和处理政府信息公开申请情况', 760)])
    ]
    const { blocks, notes } = layoutDocument(pages)
    expect(blocks).toHaveLength(5)
    expect(notes).not.toContain(expect.stringContaining('跨页断开'))
  })
})

describe('a PDF made by LibreOffice from a hand-written document (corpus/pdf-libreoffice.fodt)', () => {
  it('joins the paragraph broken at the page end, drops the running header, keeps wrapped labels, places the row with no label', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/corpus/pdf-libreoffice.pdf', import.meta.url)))
    const read = await readDocument({ bytes, name: 'pdf-libreoffice.pdf' })
    expect(read.warnings).toEqual(['删除了每页重复的页眉、页脚 1 种', '跨页断开的段落已接上 1 处'])
    const r = recognizeReport(read)
    const overview = r.report.sections.overview
    // The paragraph broken between pages 1 and 2 is whole again.
    expect(overview).toContain('规划计划、财政信息、重点领域信息等栏目内容，做到应公开尽公开。')
    expect(Object.values(r.report.sections).join('')).not.toContain('金川区卫生健康委员会2024年政府信息公开工作年度报告')
    expect(r.values).toHaveLength(200)
    // Labels wrapped over two to four lines (“一、本年新收政府信息公开申 / 请数量”) are read whole.
    expect(r.values.find((v) => v.cell === 't3.new.total')).toMatchObject({ value: 111, method: 'read', confidence: 1 })
    expect(r.values.find((v) => v.cell === 't3.noCorrection.total')).toMatchObject({ value: 3, method: 'read' })
    // The row printed without its label is placed between its neighbours, every identity checked, flagged.
    expect(r.values.find((v) => v.cell === 't3.needsCreating.natural')).toMatchObject({ value: 4, method: 'placed', flags: ['placed'] })
  })
})
