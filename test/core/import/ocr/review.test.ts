/**
 * The OCR review: every value read from an image is marked, the tables' identities decide what is
 * confirmed, and a single-digit change is suggested only when exactly one mends every identity —
 * never applied. On boxes recorded from the committed scan, with misreads planted.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ocrBlocks } from '@core/import/ocr/layout'
import { LOW_SCORE, oneDigitAway } from '@core/import/ocr/review'
import type { OcrPage } from '@core/import/ocr/types'
import { recognizeReport } from '@core/import/recognizeReport'

const recorded = (): OcrPage[] =>
  JSON.parse(readFileSync(new URL('../../../fixtures/scans/report-scan.boxes.json', import.meta.url), 'utf8')) as OcrPage[]

/** The recorded pages with the box that reads `from` on the line of `label` changed. */
function misread(pages: OcrPage[], label: string, column: number, to: string, score?: number): OcrPage[] {
  const page = pages.find((p) => p.boxes.some((b) => b.text.includes(label)))!
  const row = page.boxes.find((b) => b.text.includes(label))!
  const cy = (row.y0 + row.y1) / 2
  const figures = page.boxes
    .filter((b) => /^\d+$/.test(b.text) && Math.abs((b.y0 + b.y1) / 2 - cy) < (row.y1 - row.y0) / 2)
    .sort((a, b) => a.x0 - b.x0)
  const target = figures[column]!
  target.text = to
  target.charX = undefined
  if (score !== undefined) target.score = target.minScore = score
  return pages
}

const review = (pages: OcrPage[]) => recognizeReport({ blocks: ocrBlocks(pages), warnings: [] })

describe('OCR review', () => {
  it('marks every OCR value and confirms by the arithmetic the ones whose identities hold', () => {
    const parsed = review(recorded())
    expect(parsed.ocr).toBeDefined()
    expect(parsed.values.every((v) => v.flags.includes('ocr'))).toBe(true)
    const confirmed = parsed.ocr!.items.filter((i) => i.reasons.length === 0)
    expect(confirmed.every((i) => i.checkedBy === 'arithmetic')).toBe(true)
    expect(confirmed.length).toBeGreaterThan(180)
    // A value the arithmetic confirms is still below a clean text read: the import's certainty knows it is OCR.
    for (const v of parsed.values) expect(v.confidence).toBeLessThan(1)
  })

  it('flags a misread figure and suggests the one digit that mends every identity, without applying it', () => {
    // 予以公开 · 总计 is 16; read as 18.
    const parsed = review(misread(recorded(), '（一）予以公开', 6, '18'))
    expect(parsed.report.values['t3.public.total']).toBe(18)
    const item = parsed.ocr!.items.find((i) => i.cell === 't3.public.total')!
    expect(item.reasons).toContain('identity')
    expect(item.suggestion).toBe(16)
    // Flagged items come first.
    expect(parsed.ocr!.items[0]!.reasons.length).toBeGreaterThan(0)
    const value = parsed.values.find((v) => v.cell === 't3.public.total')!
    expect(value.flags).toContain('review')
    expect(value.note).toContain('改为 16')
  })

  it('a misread that one digit cannot mend (two cells wrong) is flagged with no suggestion', () => {
    let pages = misread(recorded(), '（一）予以公开', 6, '18')
    pages = misread(pages, '（一）予以公开', 0, '7')
    const parsed = review(pages)
    const flagged = parsed.ocr!.items.filter((i) => i.reasons.includes('identity')).map((i) => i.cell)
    expect(flagged).toEqual(expect.arrayContaining(['t3.public.total', 't3.public.natural']))
    expect(parsed.ocr!.items.some((i) => i.suggestion !== undefined)).toBe(false)
  })

  it('a low recognition score is flagged even when the identities hold', () => {
    const parsed = review(misread(recorded(), '（一）予以公开', 0, '9', LOW_SCORE / 2))
    const item = parsed.ocr!.items.find((i) => i.cell === 't3.public.natural')!
    expect(item.reasons).toEqual(['low-score'])
  })

  it('a text import has no OCR review and no OCR marks', () => {
    const parsed = recognizeReport({ blocks: [{ kind: 'paragraph', text: '一、总体情况' }], warnings: [] })
    expect(parsed.ocr).toBeUndefined()
  })

  it('one digit away: replaced, removed or added, never with a leading zero', () => {
    const near = oneDigitAway(16)
    expect(near).toEqual(expect.arrayContaining([10, 18, 6, 1, 116, 160, 26]))
    expect(near).not.toContain(16)
    expect(near.every((n) => Number.isInteger(n) && n >= 0)).toBe(true)
    expect(oneDigitAway(5)).toEqual(expect.arrayContaining([0, 9, 15, 50]))
    expect(oneDigitAway(1.5)).toEqual([])
  })
})
