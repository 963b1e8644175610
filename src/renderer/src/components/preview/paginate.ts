/**
 * Breaking the document's blocks into pages, as Word and LibreOffice do for what the export
 * writes: paragraphs split between lines (at the exact line pitch every body line has), a
 * paragraph marked keep-with-next stays on the page of what follows it, table rows never split
 * (cantSplit), header rows repeat at the top of every page a table continues on, and a row whose
 * paragraphs are keep-with-next stays with the row after it. Pure: heights in, pieces out; the
 * DOM measuring and the drawing are in layPages.ts.
 */

export interface ParagraphBlock {
  kind: 'paragraph'
  height: number
  /** The exact line pitch; the paragraph's height is a whole number of these. */
  lineHeight: number
  keepNext: boolean
  /** Widow/orphan control: at least two lines on each side of a break. */
  widowControl: boolean
}

export interface TableBlock {
  kind: 'table'
  rows: readonly { height: number; header: boolean; keepNext: boolean }[]
}

export type Block = ParagraphBlock | TableBlock

export type Piece =
  | { kind: 'paragraph'; block: number; fromLine: number; toLine: number; lines: number }
  | { kind: 'table'; block: number; rows: number[]; repeatedHeader: boolean }

export type Page = Piece[]

/** Pixel heights from layout are fractional: a little slack so that an exact fit fits. */
const EPSILON = 0.5

function lineCount(block: ParagraphBlock): number {
  return Math.max(1, Math.round(block.height / block.lineHeight))
}

function headerRows(table: TableBlock): number[] {
  const out: number[] = []
  for (let i = 0; i < table.rows.length && table.rows[i]!.header; i++) out.push(i)
  return out
}

/** Rows that must stand together from `start` on: a row kept with the next one pulls it along. */
function rowGroup(table: TableBlock, start: number): number[] {
  const group = [start]
  let i = start
  while (table.rows[i]?.keepNext && i + 1 < table.rows.length) group.push(++i)
  return group
}

const heightOf = (table: TableBlock, rows: readonly number[]): number => rows.reduce((sum, r) => sum + table.rows[r]!.height, 0)

/**
 * The height the start of a block needs on the page it begins on: a paragraph's first line (two
 * with widow control), a table's header rows and first group of body rows; through a chain of
 * keep-with-next paragraphs, what the chain keeps with.
 */
function startHeight(blocks: readonly Block[], index: number, depth = 0): number {
  const block = blocks[index]
  if (!block) return 0
  if (block.kind === 'table') {
    const header = headerRows(block)
    const first = header.length < block.rows.length ? rowGroup(block, header.length) : []
    return heightOf(block, [...header, ...first])
  }
  const lines = lineCount(block)
  if (block.keepNext && depth < 8) return block.height + startHeight(blocks, index + 1, depth + 1)
  const needed = block.widowControl ? Math.min(lines, 2) : 1
  return needed * block.lineHeight
}

export function paginate(blocks: readonly Block[], pageHeight: number): Page[] {
  const pages: Page[] = [[]]
  let used = 0
  const newPage = (): void => {
    pages.push([])
    used = 0
  }
  const room = (): number => pageHeight - used + EPSILON

  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      const lines = lineCount(block)
      // Keep-with-next: the paragraph (and the chain it heads) moves on if what follows cannot start here.
      if (block.keepNext && used > 0 && startHeight(blocks, index) > room()) newPage()
      let from = 0
      while (from < lines) {
        const left = lines - from
        let fit = Math.floor(room() / block.lineHeight)
        if (fit >= left) {
          pages.at(-1)!.push({ kind: 'paragraph', block: index, fromLine: from, toLine: lines, lines })
          used += left * block.lineHeight
          return
        }
        if (block.widowControl) {
          // No single first line at a page's foot, no single last line at the next page's head.
          if (left - fit < 2) fit = left - 2
          if (from === 0 && fit < 2) fit = 0
        }
        if (fit <= 0) {
          if (used === 0) fit = Math.max(1, Math.floor((pageHeight + EPSILON) / block.lineHeight)) // taller than a page
          else {
            newPage()
            continue
          }
        }
        pages.at(-1)!.push({ kind: 'paragraph', block: index, fromLine: from, toLine: from + fit, lines })
        from += fit
        newPage()
      }
      return
    }

    const header = headerRows(block)
    const headerHeight = heightOf(block, header)
    // The table starts where its header and first rows fit.
    if (used > 0 && startHeight(blocks, index) > room()) newPage()
    let next = header.length
    let first = true
    do {
      const rows = [...header]
      used += headerHeight
      let placedBody = false
      while (next < block.rows.length) {
        const group = rowGroup(block, next)
        const height = heightOf(block, group)
        if (height <= room()) {
          rows.push(...group)
          used += height
          next += group.length
          placedBody = true
          continue
        }
        if (placedBody) break
        // Nothing of the body on this page yet: a kept group too tall for it is broken, row by row,
        // and on a fresh page one row goes on even if it is taller than the page.
        const single = block.rows[next]!.height
        if (single > room() && used > headerHeight + EPSILON) break
        rows.push(next)
        used += single
        next += 1
        placedBody = true
      }
      pages.at(-1)!.push({ kind: 'table', block: index, rows, repeatedHeader: !first })
      first = false
      if (next < block.rows.length) newPage()
    } while (next < block.rows.length)
  })
  return pages.filter((page, i) => page.length > 0 || i === 0)
}
