/**
 * OCR boxes → blocks, on boxes recorded from the committed scan (test/fixtures/scans, pages 表三
 * and 表四 of the same report, rotated, blurred, JPEG) and on hand-made boxes. No model here: the
 * geometry and the recognition behind it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ocrBlocks } from '@core/import/ocr/layout'
import { readNumeral } from '@core/import/ocr/numerals'
import type { OcrBox, OcrPage } from '@core/import/ocr/types'
import { recognizeReport } from '@core/import/recognizeReport'
import { CELLS } from '@core/report/cells'
import { consistentReport } from '../../../support/reports'

const recorded = (): OcrPage[] =>
  JSON.parse(readFileSync(new URL('../../../fixtures/scans/report-scan.boxes.json', import.meta.url), 'utf8')) as OcrPage[]

const truth = consistentReport().values

describe('OCR boxes → blocks → recognition', () => {
  it('rebuilds 表三 and 表四 from the boxes of a scan: every figure right', () => {
    const blocks = ocrBlocks(recorded())
    const parsed = recognizeReport({ blocks, warnings: [] })
    const cells = CELLS.filter((c) => c.table !== 't2')
    expect(cells).toHaveLength(190)
    for (const cell of cells) expect(parsed.report.values[cell.id], cell.id).toBe(truth[cell.id])
    expect(parsed.missing.filter((m) => m.startsWith('表三') || m.startsWith('表四'))).toEqual([])
  })

  it('keeps where each value was read: page, box and score', () => {
    const blocks = ocrBlocks(recorded())
    const tables = blocks.filter((b) => b.kind === 'table')
    expect(tables.every((t) => t.kind === 'table' && t.ocr === true)).toBe(true)
    const parsed = recognizeReport({ blocks, warnings: [] })
    const value = parsed.values.find((v) => v.cell === 't3.new.total')!
    const block = blocks[value.source.block]!
    expect(block.kind).toBe('table')
    const cell = block.kind === 'table' ? block.rows[value.source.row!]![value.source.cell!]! : undefined
    expect(cell?.ocr?.page).toBe(1)
    expect(cell?.ocr?.read).toBe('39')
    const [x0, y0, x1, y1] = cell!.ocr!.box
    expect(x1).toBeGreaterThan(x0)
    expect(y1).toBeGreaterThan(y0)
  })

  it('narrative lines become paragraphs, not table rows', () => {
    const blocks = ocrBlocks(recorded())
    const texts = blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''))
    expect(texts.some((t) => t.includes('本年度因政府信息公开工作被申请行政复议2件'))).toBe(true)
  })
})

const box = (text: string, x0: number, y0: number, w: number, h = 30, extra: Partial<OcrBox> = {}): OcrBox => ({
  text,
  score: 0.99,
  x0,
  y0,
  x1: x0 + w,
  y1: y0 + h,
  ...extra
})

describe('OCR table geometry', () => {
  /** A small 表三-like table: header row, then rows of a label and three figures. */
  function table(extra: OcrBox[] = [], rows: [string, string[]][] = []): OcrPage {
    const boxes: OcrBox[] = [box('自然人', 400, 100, 70), box('商业企业', 500, 100, 90), box('总计', 620, 100, 50)]
    rows.forEach(([label, figures], r) => {
      const y = 150 + r * 45
      boxes.push(box(label, 100, y, 20 * label.length))
      figures.forEach((f, c) => {
        if (f) boxes.push(box(f, 425 + c * 110, y, 15 * f.length))
      })
    })
    return { number: 1, width: 800, height: 1000, boxes: [...boxes, ...extra] }
  }

  it('a column a row prints nothing in is a blank cell, not a shifted value', () => {
    const blocks = ocrBlocks([table([], [['（一）予以公开', ['9', '3', '12']], ['（二）部分公开', ['3', '', '3']]])])
    const rows = blocks[0]!.kind === 'table' ? blocks[0]!.rows : []
    const partly = rows.find((r) => r[0]!.text === '（二）部分公开')!
    expect(partly.map((c) => c.text)).toEqual(['（二）部分公开', '3', '', '3'])
  })

  it('one box read across two columns is split at its characters', () => {
    const page = table([], [['（一）予以公开', ['9', '3', '12']]])
    // Row 2: “30” read as one box spanning the first two columns, characters far apart.
    page.boxes.push(box('（二）部分公开', 100, 195, 140), box('30', 420, 195, 130, 30, { charX: [432, 537] }), box('3', 650, 195, 15))
    const blocks = ocrBlocks([page])
    const rows = blocks[0]!.kind === 'table' ? blocks[0]!.rows : []
    const partly = rows.find((r) => r[0]!.text === '（二）部分公开')!
    expect(partly.map((c) => c.text)).toEqual(['（二）部分公开', '3', '0', '3'])
  })

  it('a label wrapped over three lines around its row goes to that row', () => {
    const page = table([], [['1.属于国家秘密', ['1', '0', '1']]])
    page.boxes.push(
      box('2.申请人逾期未按收费通知要', 100, 200, 300),
      box('求缴纳费用、行政机关不再处', 100, 238, 300),
      box('0', 425, 238, 15),
      box('1', 535, 238, 15),
      box('1', 645, 238, 15),
      box('理其政府信息公开申请', 100, 276, 220),
      box('3.其他', 100, 320, 80),
      box('2', 425, 320, 15),
      box('0', 535, 320, 15),
      box('2', 645, 320, 15)
    )
    const rows = ocrBlocks([page]).flatMap((b) => (b.kind === 'table' ? b.rows : []))
    expect(rows.map((r) => r[0]!.text)).toContain('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')
    expect(rows.map((r) => r[0]!.text)).toContain('3.其他')
  })

  it('numerals as OCR reads them', () => {
    expect(readNumeral('１２')).toEqual({ text: '12', repaired: false })
    expect(readNumeral('O')).toEqual({ text: '0', repaired: true })
    expect(readNumeral('l0')).toEqual({ text: '10', repaired: true })
    expect(readNumeral('〇')).toEqual({ text: '0', repaired: true })
    expect(readNumeral('1,204')).toEqual({ text: '1,204', repaired: false })
    expect(readNumeral('行政')).toBeUndefined()
    expect(readNumeral('Ol')).toEqual({ text: '01', repaired: true })
    expect(readNumeral('lo')).toEqual({ text: '10', repaired: true })
    expect(readNumeral('Iowa')).toBeUndefined()
  })
})
