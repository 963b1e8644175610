/**
 * Paragraphs across PDF page breaks. A page's text ends where the page does, not where the
 * paragraph does: after dropping page numbers and running headers and footers (the same line at
 * the same height on several pages), a paragraph whose last line ends without sentence-final
 * punctuation, followed on the next page by a line that starts flush (not indented) and not with
 * a heading number, is one paragraph broken by the page — joined again, and counted.
 *
 * Pure: works on the lines of pdfLines and the blocks of pdfLayout.
 */
import type { Block } from '@core/import/types'
import { lineText, lineX0, type Line } from './pdfLines'
import { joinLines } from './text'

/** Share of the page height at the top and bottom where running headers and footers sit. */
const MARGIN_ZONE = 0.12
/** Lines at the same height (±) with the same text on this many pages are page furniture. */
const MIN_PAGES = 2

/** The text of a running line compared without its digits (页眉 with a page number in it). */
const runningKey = (line: Line) => `${Math.round(line.y)}|${lineText(line).replace(/\d+/g, '#').replace(/\s+/g, '')}`

/**
 * Lines repeated at the top or bottom margin of several pages: a running header (the report's
 * title, the unit's name) or footer. Their keys (height and text) are returned.
 */
export function runningLines(pages: readonly { height: number; lines: readonly Line[] }[]): Set<string> {
  const seen = new Map<string, number>()
  for (const page of pages) {
    const keys = new Set<string>()
    for (const line of page.lines) {
      const inMargin = line.y > page.height * (1 - MARGIN_ZONE) || line.y < page.height * MARGIN_ZONE
      if (inMargin) keys.add(runningKey(line))
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const pagesWithText = pages.filter((p) => p.lines.length > 0).length
  return new Set([...seen].filter(([, n]) => n >= MIN_PAGES && n >= Math.ceil(pagesWithText / 2)).map(([key]) => key))
}

export function isRunning(line: Line, running: ReadonlySet<string>): boolean {
  return running.has(runningKey(line))
}

/** Where a paragraph may end: sentence-final punctuation, closing quotes and brackets after it. */
const SENTENCE_END = /[。！？!?；;：:…]['"”’」』）)】]*$/
/** A line that starts something new: a heading number, a list mark, a table caption. */
const STARTS_NEW = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．](?!\d)|附件|附表|表[一二三四五六七八九十\d])/

/** How the first paragraph of a page starts: flush with the margin, or indented. */
export interface PageStart {
  /** The first block laid out on the page. */
  block: Block
  indented: boolean
}

export function startsIndented(first: Line, left: number): boolean {
  return lineX0(first) > left + 1.2 * first.h
}

/**
 * Joins paragraphs broken by page breaks. `starts`: per page, its first block and whether its
 * first line was indented. Returns the blocks and how many breaks were mended.
 */
export function joinAcrossPages(blocks: readonly Block[], starts: ReadonlyMap<Block, PageStart>): { blocks: Block[]; joined: number } {
  const out: Block[] = []
  let joined = 0
  for (const block of blocks) {
    const previous = out.at(-1)
    const start = starts.get(block)
    if (
      start &&
      !start.indented &&
      block.kind === 'paragraph' &&
      previous?.kind === 'paragraph' &&
      previous.page !== undefined &&
      block.page === previous.page + 1 &&
      !SENTENCE_END.test(previous.text.trim()) &&
      !STARTS_NEW.test(block.text.trim())
    ) {
      out[out.length - 1] = { ...previous, text: joinLines([previous.text, block.text]) }
      joined += 1
      continue
    }
    out.push(block)
  }
  return { blocks: out, joined }
}
