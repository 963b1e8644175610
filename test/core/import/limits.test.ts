/**
 * Recognition's caps (core/import/limits): whatever blocks it is handed, it reads at most a stated
 * amount — text, blocks, table rows, columns, merged areas, cell text — says in Chinese what it left
 * out, and keeps everything within the caps exactly as given.
 */
import { describe, expect, it } from 'vitest'
import { BlockBudget, capBlocks, splitLongText, TEXT_LIMITS, TEXT_LIMIT_WARNINGS } from '@core/import/limits'
import { normalizeBlocks } from '@core/import/normalize/index'
import { repairMojibake } from '@core/import/normalize/mojibake'
import { recognizeReport } from '@core/import/recognizeReport'
import type { Block, BlockCell } from '@core/import/types'

const cell = (text: string, rowSpan = 1, colSpan = 1): BlockCell => ({ text, rowSpan, colSpan })
const textOf = (blocks: readonly Block[]) =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.flat().map((c) => c.text).join(''))).join('')

describe('recognition caps', () => {
  it('keeps a real report’s blocks exactly as they are, with no warning', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'table', rows: [[cell('项目', 2), cell('申请人情况', 1, 7)], [], [cell('一、本年新收'), cell('12')]] },
      { kind: 'paragraph', text: '本年度……', page: 2 }
    ]
    expect(capBlocks(blocks)).toEqual({ blocks, warnings: [] })
  })

  it('reads text up to the cap and says so', () => {
    const line = '政府信息公开工作稳步推进。'.repeat(500)
    const blocks: Block[] = Array.from({ length: 200 }, () => ({ kind: 'paragraph', text: line }))
    const capped = capBlocks(blocks)
    expect(textOf(capped.blocks)).toHaveLength(TEXT_LIMITS.maxTextChars)
    expect(capped.warnings).toEqual([TEXT_LIMIT_WARNINGS.text])
    expect(capped.warnings[0]).toContain('只读取了前 40 万字')
  })

  it('keeps a block’s other properties (page, OCR provenance) as it caps it', () => {
    const ocr = { page: 2, score: 0.97 }
    const blocks: Block[] = [
      { kind: 'paragraph', text: '共收到申请30件', page: 2, ocr },
      { kind: 'table', rows: [[{ text: '30', rowSpan: 1, colSpan: 1, ocr: { page: 2, box: [1, 2, 3, 4], score: 0.9, read: '30' } }]], page: 2, ocr: true }
    ]
    expect(capBlocks(blocks).blocks).toEqual(blocks)
  })

  it('splits a paragraph past the cap at sentence ends, losing nothing', () => {
    // Longer than the cap: a page flattened to one line is kept whole up to it (whole-page dumps are).
    const text = '本年度共收到申请三十件，均按时答复。'.repeat(Math.ceil((TEXT_LIMITS.maxParagraphChars * 1.2) / 18))
    const pieces = splitLongText(text, TEXT_LIMITS.maxParagraphChars)
    expect(pieces.join('')).toBe(text)
    expect(pieces.length).toBeGreaterThan(1)
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(TEXT_LIMITS.maxParagraphChars)
      expect(piece.endsWith('。')).toBe(true)
    }
    // No punctuation at all: cut at the cap.
    expect(splitLongText('字'.repeat(25_000), 10_000).map((p) => p.length)).toEqual([10_000, 10_000, 5_000])
    const budget = new BlockBudget()
    budget.paragraph(text)
    expect(budget.warnings()).toEqual([TEXT_LIMIT_WARNINGS.paragraph])
  })

  it('cuts tables at their row, column, merge-area and cell caps, and stops at the block and cell caps', () => {
    const wide = Array.from({ length: 900 }, (_, r) => Array.from({ length: 100 }, (_, c) => cell(String(r + c))))
    const budget = new BlockBudget()
    budget.table(wide)
    const table = budget.blocks[0]
    expect(table?.kind).toBe('table')
    if (table?.kind !== 'table') return
    expect(table.rows).toHaveLength(TEXT_LIMITS.maxTableRows)
    expect(Math.max(...table.rows.map((r) => r.length))).toBe(TEXT_LIMITS.maxTableColumns)
    expect(budget.warnings()).toEqual([TEXT_LIMIT_WARNINGS.rows, TEXT_LIMIT_WARNINGS.columns])

    const merged = new BlockBudget()
    merged.table(Array.from({ length: 300 }, () => [cell('x', 1000, 1000), cell('y', 1000, 1000)]))
    const area = merged.blocks[0]
    if (area?.kind !== 'table') throw new Error('no table')
    const covered = area.rows.flat().reduce((sum, c) => sum + c.rowSpan * c.colSpan, 0)
    expect(covered).toBeLessThanOrEqual(TEXT_LIMITS.maxTableArea + 600)
    expect(merged.warnings()).toContain(TEXT_LIMIT_WARNINGS.area)

    const long = new BlockBudget()
    long.table([[cell('数'.repeat(5000))]])
    expect(long.blocks[0]).toEqual({ kind: 'table', rows: [[cell('数'.repeat(TEXT_LIMITS.maxCellChars))]] })

    const many = capBlocks(Array.from({ length: 30_000 }, (_, i) => ({ kind: 'paragraph', text: `第${i}段` }) as Block))
    expect(many.blocks).toHaveLength(TEXT_LIMITS.maxBlocks)
    expect(many.warnings).toEqual([TEXT_LIMIT_WARNINGS.blocks])
  })

  it('bounds recognizeReport itself when handed huge blocks directly', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '示例镇人民政府2024年政府信息公开工作年度报告' },
      ...Array.from({ length: 200_000 }, (_, i): Block => ({ kind: 'paragraph', text: `（${i}）政府信息公开` })),
      { kind: 'table', rows: Array.from({ length: 5000 }, () => Array.from({ length: 200 }, () => cell('1'))) }
    ]
    const parsed = recognizeReport({ blocks, warnings: [] })
    expect(parsed.warnings).toContain(TEXT_LIMIT_WARNINGS.blocks)
  })
})

describe('normalisation caps', () => {
  it('a byte sequence past U+10FFFF in a damaged run is not taken for UTF-8 (it used to throw)', () => {
    // GBK pairs whose bytes read F4 90 A1 A1: a four-byte UTF-8 lead with a value beyond Unicode.
    const damaged = new TextDecoder('gb18030').decode(new Uint8Array([0xf4, 0x90, 0xa1, 0xa1, 0xf4, 0x90, 0xa1, 0xa1]))
    expect(() => repairMojibake(`${damaged}报告`)).not.toThrow()
  })

  it('lists at most a hundred repair notes, and counts the rest', () => {
    const garbled = '鍏紑'.repeat(3)
    const blocks: Block[] = Array.from({ length: 300 }, () => ({ kind: 'paragraph', text: `政府${garbled}\ufffd公开` }))
    const { repairs } = normalizeBlocks(blocks)
    expect(repairs.length).toBeLessThanOrEqual(100)
    expect(repairs.at(-1)).toMatch(/^另有 \d+ 处乱码修复或标记未逐条列出/)
  })
})
