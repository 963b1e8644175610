/**
 * A Word 97–2003 document's main text and its table marks → blocks: paragraphs, and tables with
 * their rowspan/colspan rebuilt from each row's cell boundaries and vertical merges. Field codes
 * are dropped and field results kept (0x13 code 0x14 result 0x15). One pass, bounded by the text.
 */
import type { Block, BlockCell } from '@core/import/types'
import { cleanInline, joinLines } from './text'
import type { ParagraphMarks, RowProps } from './wordTables'

interface RawRow {
  cells: string[][]
  props: RowProps | undefined
}

/** Rows with cell geometry → the anchor convention: colSpan from the shared grid, rowSpan from vertical merges. */
function buildTable(rows: readonly RawRow[]): BlockCell[][] {
  const edges = [...new Set(rows.flatMap((r) => r.props?.boundaries ?? []))].sort((a, b) => a - b)
  // Boundaries a few twips apart are one grid line drawn twice.
  const grid = edges.filter((x, i) => i === 0 || x - edges[i - 1]! > 30)
  const column = (x: number) => {
    let best = 0
    grid.forEach((g, i) => {
      if (Math.abs(g - x) < Math.abs(grid[best]! - x)) best = i
    })
    return best
  }
  const anchors = new Map<number, BlockCell>()
  return rows.map((row) => {
    const out: BlockCell[] = []
    row.cells.forEach((lines, i) => {
      const text = joinLines(lines)
      const b = row.props?.boundaries
      if (!b || b.length !== row.cells.length + 1) {
        out.push({ text, rowSpan: 1, colSpan: 1 })
        return
      }
      const first = column(b[i]!)
      const colSpan = Math.max(1, column(b[i + 1]!) - first)
      const merge = row.props?.vertMerge[i] ?? 0
      const anchor = anchors.get(first)
      if (merge === 1 && anchor && !text) {
        anchor.rowSpan += 1
        return
      }
      const cell: BlockCell = { text, rowSpan: 1, colSpan }
      if (merge >= 2) anchors.set(first, cell)
      else anchors.delete(first)
      out.push(cell)
    })
    return out
  })
}

/** The body text with its marks → blocks. One pass, bounded by the text length. */
export function wordBlocks(body: string, marks: ParagraphMarks): Block[] {
  const blocks: Block[] = []
  let line = ''
  let cellLines: string[] = []
  let cells: string[][] = []
  let rows: RawRow[] = []
  const inTable = tableParagraphs(body, marks)
  /** Field nesting: for each open field, whether its text is shown (the result after 0x14). */
  const fields: boolean[] = []

  const flushParagraph = () => {
    const text = cleanInline(line)
    if (text) blocks.push({ kind: 'paragraph', text })
    line = ''
  }
  const flushTable = () => {
    if (rows.length) blocks.push({ kind: 'table', rows: buildTable(rows) })
    // Cells with no row end read (a file whose row marks we could not find): one paragraph per cell.
    for (const lines of cells) {
      const text = joinLines(lines)
      if (text) blocks.push({ kind: 'paragraph', text })
    }
    rows = []
    cells = []
  }

  for (let cp = 0; cp < body.length; cp += 1) {
    const char = body[cp]!
    const code = char.charCodeAt(0)
    if (code === 0x13) {
      fields.push(false)
      continue
    }
    if (code === 0x14) {
      if (fields.length) fields[fields.length - 1] = true
      continue
    }
    if (code === 0x15) {
      fields.pop()
      continue
    }
    if (fields.length && !fields[fields.length - 1]) continue

    if (code === 0x07) {
      if (marks.rowEnds.has(cp)) {
        if (line.trim() || cellLines.length) cells.push([...cellLines, line])
        rows.push({ cells, props: marks.rowEnds.get(cp) })
        cells = []
      } else {
        cells.push([...cellLines, line])
      }
      cellLines = []
      line = ''
    } else if (code === 0x0d || code === 0x0b || code === 0x0c) {
      if (code !== 0x0c && inTable[cp] === 1) {
        // A paragraph or line break inside a cell: one more line of the cell's text.
        cellLines.push(line)
        line = ''
      } else {
        flushTable()
        flushParagraph()
      }
    } else if (code === 0x1e) {
      line += '-'
    } else if (code === 0x09) {
      line += ' '
    } else if (code >= 0x20 || code === 0x0a) {
      line += char
    }
  }
  flushTable()
  flushParagraph()
  return blocks
}

/**
 * For each character, 1 when its paragraph is inside a table: a paragraph's properties sit on its
 * mark, so one backward pass carries them to the characters (and line breaks) before it.
 */
function tableParagraphs(body: string, marks: ParagraphMarks): Uint8Array {
  const flags = new Uint8Array(body.length)
  let current = 0
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const code = body.charCodeAt(i)
    if (code === 0x07) current = 1
    else if (code === 0x0d) current = marks.inTable.has(i) ? 1 : 0
    flags[i] = current
  }
  return flags
}

/**
 * The text without its table marks (when they cannot be read): each cell on its own line, as the
 * recogniser also reads flattened tables.
 */
export function plainWordBlocks(body: string): Block[] {
  return wordBlocks(body.replace(/\x07/g, '\r'), { inTable: new Set(), rowEnds: new Map() })
}
