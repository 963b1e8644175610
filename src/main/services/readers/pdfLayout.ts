/**
 * Positioned text of PDF pages → blocks: lines (pdfLines), table regions around value rows
 * (pdfTable), paragraphs from indents and line ends. Page-number lines (“- 4 -”) are dropped
 * wherever they sit, and a table continued on the next page is joined to its first part, so
 * a 表三 printed across a page break comes out as one table with its header repeated inside.
 *
 * Pure: no pdfjs here, so it is tested on hand-made item lists too.
 */
import type { Block } from '@core/import/types'
import { buildLines, isPageNumberLine, isValueRow, lineText, lineX0, lineX1, type Line, type PdfPage } from './pdfLines'
import { buildTable, valueColumns } from './pdfTable'
import { isRunning, joinAcrossPages, runningLines, startsIndented, type PageStart } from './pdfParagraphs'
import { joinLines } from './text'

export { isPageNumberLine, type PdfPage, type PositionedText } from './pdfLines'

interface Region {
  start: number
  end: number
}

/**
 * Table regions: runs of lines around value rows. A region grows over neighbouring lines set in
 * the table's type size (not the larger body text) that are no further than a couple of lines away.
 */
function tableRegions(lines: readonly Line[]): Region[] {
  const regions: Region[] = []
  let i = 0
  while (i < lines.length) {
    if (!isValueRow(lines[i]!)) {
      i += 1
      continue
    }
    const h = lines[i]!.h
    const fits = (a: Line, b: Line) =>
      b.h <= h * 1.2 && Math.abs(a.y - b.y) <= 4 * h && !(b.segments.length === 1 && b.h > h * 1.05)
    let start = i
    let end = i
    for (;;) {
      const next = lines[end + 1]
      if (next && (isValueRow(next) || fits(lines[end]!, next))) end += 1
      else break
    }
    while (start > 0 && fits(lines[start]!, lines[start - 1]!) && !(regions.at(-1) && regions.at(-1)!.end >= start - 1)) start -= 1
    regions.push({ start, end })
    i = end + 1
  }
  return regions
}

/** Lines outside tables → paragraphs: a new one at an indent, after a short line, or after a gap. */
function paragraphs(lines: readonly Line[], left: number, right: number): Block[] {
  const out: Block[] = []
  let current: Line[] = []
  // The page's usual line pitch: a gap is wider than that, however loose the leading is.
  const pitches = lines
    .slice(1)
    .map((line, i) => ({ dy: lines[i]!.y - line.y, same: Math.abs(lines[i]!.h - line.h) <= 0.15 * line.h }))
    .filter((p) => p.same && p.dy > 0)
    .map((p) => p.dy)
    .sort((a, b) => a - b)
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0
  const flush = () => {
    const text = joinLines(current.map(lineText))
    if (text) out.push({ kind: 'paragraph', text, page: current[0]!.page })
    current = []
  }
  for (const line of lines) {
    const previous = current.at(-1)
    if (previous) {
      const indented = lineX0(line) > left + 1.2 * line.h
      const previousShort = lineX1(previous) < right - 3 * previous.h
      const dy = previous.y - line.y
      const gap = dy > Math.max(2 * Math.max(previous.h, line.h), 1.4 * pitch) || previous.page !== line.page
      const sizeChange = Math.abs(previous.h - line.h) > 0.15 * line.h
      if (indented || previousShort || sizeChange || (gap && previous.page === line.page)) flush()
    }
    current.push(line)
  }
  flush()
  return out
}

/**
 * Table recovery compares fragments pairwise; a real statistics table has a few hundred. Past this
 * a region is not a report table (or is hostile), and its lines are read as paragraphs.
 */
const MAX_TABLE_SEGMENTS = 2000

/** All pages → blocks in reading order; a table continued on the next page is joined to its first part. */
export function layoutPages(pages: readonly PdfPage[]): Block[] {
  return layoutDocument(pages).blocks
}

/**
 * All pages → blocks, and what the officer should know about the layout: page numbers and running
 * headers dropped, a table continued on the next page joined to its first part, and paragraphs
 * broken by a page break joined again (pdfParagraphs), counted.
 */
export function layoutDocument(pages: readonly PdfPage[]): { blocks: Block[]; notes: string[] } {
  const laid = pages.map((page) => ({
    page,
    height: page.height,
    lines: buildLines(page).filter((line) => !isPageNumberLine(lineText(line), line.y, page.height))
  }))
  const running = runningLines(laid)
  // The text's left margin over the whole document: a page holding only an indented line still starts a paragraph.
  const margin = Math.min(...laid.flatMap((p) => p.lines.filter((l) => !isRunning(l, running)).map(lineX0)))
  const blocks: Block[] = []
  const starts = new Map<Block, PageStart>()
  let lastWasTable = false
  let previousColumns = 0
  for (const { page, lines: all } of laid) {
    const lines = all.filter((line) => !isRunning(line, running))
    if (!lines.length) continue
    const left = Math.min(...lines.map(lineX0))
    const right = Math.max(...lines.map(lineX1))
    const firstOfPage = blocks.length
    let cursor = 0
    const regions = tableRegions(lines).filter(
      (r) => lines.slice(r.start, r.end + 1).reduce((n, line) => n + line.segments.length, 0) <= MAX_TABLE_SEGMENTS
    )
    for (const region of regions) {
      const before = paragraphs(lines.slice(cursor, region.start), left, right)
      if (before.length) lastWasTable = false
      blocks.push(...before)
      const regionLines = lines.slice(region.start, region.end + 1)
      const rows = buildTable(regionLines)
      const columns = valueColumns(regionLines.filter(isValueRow)).length
      const previous = blocks.at(-1)
      if (rows.length && lastWasTable && previous?.kind === 'table' && columns === previousColumns && cursor === 0 && region.start === 0) {
        previous.rows.push(...rows)
      } else if (rows.length) {
        blocks.push({ kind: 'table', rows, page: page.number })
      }
      lastWasTable = rows.length > 0 && region.end === lines.length - 1
      previousColumns = columns
      cursor = region.end + 1
    }
    const after = paragraphs(lines.slice(cursor), left, right)
    if (after.length) lastWasTable = false
    blocks.push(...after)
    const first = blocks[firstOfPage]
    if (first && blocks.length > firstOfPage) starts.set(first, { block: first, indented: startsIndented(lines[0]!, margin) })
  }
  const joined = joinAcrossPages(blocks, starts)
  const notes: string[] = []
  if (running.size) notes.push(`删除了每页重复的页眉、页脚 ${running.size} 种`)
  if (joined.joined) notes.push(`跨页断开的段落已接上 ${joined.joined} 处`)
  return { blocks: joined.blocks, notes }
}
