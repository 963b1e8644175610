/**
 * Positioned PDF text → lines: items grouped into y-bands, ordered by x, and merged into segments
 * (the text of one cell, or one run of a paragraph line). Also the tests for numbers and page
 * numbers that the table and paragraph passes share. Pure: no pdfjs.
 */
import { cleanInline, isCjk, joinLines } from './text'

export interface PositionedText {
  text: string
  /** Left edge and baseline, in PDF units (origin bottom left). */
  x: number
  y: number
  width: number
  /** Font size (the item's height). */
  height: number
}

export interface PdfPage {
  /** 1-based. */
  number: number
  width: number
  height: number
  items: PositionedText[]
}

export interface Segment {
  text: string
  x0: number
  x1: number
  y: number
  h: number
}

export interface Line {
  y: number
  h: number
  segments: Segment[]
  page: number
}

const NUMBER = /^[-+]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?%?$/

export function isNumber(text: string): boolean {
  return NUMBER.test(text.replace(/\s+/g, ''))
}

export const lineText = (line: Line) => joinLines(line.segments.map((s) => s.text))
export const lineX0 = (line: Line) => line.segments[0]!.x0
export const lineX1 = (line: Line) => line.segments.at(-1)!.x1

/** Items → lines: y-bands (within a third of the font size), items in x order, merged into segments. */
export function buildLines(page: PdfPage): Line[] {
  const items = page.items
    .filter((item) => item.text.trim() && item.height > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const bands: PositionedText[][] = []
  for (const item of items) {
    const band = bands.at(-1)
    const reference = band?.[0]
    if (band && reference && Math.abs(reference.y - item.y) <= 0.35 * Math.max(reference.height, item.height)) band.push(item)
    else bands.push([item])
  }
  return bands.map((band) => {
    band.sort((a, b) => a.x - b.x)
    const h = Math.max(...band.map((i) => i.height))
    const segments: Segment[] = []
    for (const item of band) {
      const last = segments.at(-1)
      const gap = last ? item.x - last.x1 : Infinity
      // Within a cell, characters touch and words are a space apart; cells are a character or more apart.
      if (last && gap <= 0.6 * h) {
        const space = gap > 0.15 * h && !isCjk(last.text.at(-1)) && !isCjk(item.text.trimStart()[0]) ? ' ' : ''
        last.text += space + item.text
        last.x1 = Math.max(last.x1, item.x + item.width)
      } else {
        segments.push({ text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, h })
      }
    }
    for (const s of segments) s.text = cleanInline(s.text)
    return { y: band[0]!.y, h, segments: segments.filter((s) => s.text), page: page.number }
  }).filter((line) => line.segments.length > 0)
}

/** “- 4 -”, “— 4 —”, “第 4 页”, “第4页 共9页”, “4/9”; a bare number only in the top or bottom margin. */
export function isPageNumberLine(text: string, y?: number, pageHeight?: number): boolean {
  const t = text.replace(/\s+/g, '')
  if (/^[-—–－―‐~～]+\d{1,4}[-—–－―‐~～]+$/.test(t)) return true
  if (/^第\d{1,4}页([,，]?共\d{1,4}页)?$/.test(t)) return true
  if (/^\d{1,4}\/\d{1,4}$/.test(t)) return true
  if (/^\d{1,4}$/.test(t) && y !== undefined && pageHeight) return y < pageHeight * 0.08 || y > pageHeight * 0.94
  return false
}

/** A value row: two or more cells, the last a number. */
export function isValueRow(line: Line): boolean {
  return line.segments.length >= 2 && isNumber(line.segments.at(-1)!.text)
}
