/**
 * How much of a document recognition reads: caps proportionate to a real report (about 20,000–
 * 50,000 characters, a few hundred paragraphs, three tables of under 40 rows), far enough above it
 * that no real report meets them, low enough that recognition of anything at the caps finishes in a
 * second or two. Each cap comes with the sentence the officer reads when a file hits it.
 *
 * The readers produce blocks through a BlockBudget (so they stop reading early), and
 * recognizeReport passes its input through one again, so a caller handing it blocks directly is
 * bounded too. Pure: no Node, no DOM.
 */
import type { Block, BlockCell } from './types'

type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>
type TableBlock = Extract<Block, { kind: 'table' }>

export const TEXT_LIMITS = {
  /** Characters of text kept, paragraphs and cells together. A report has well under 100,000. */
  maxTextChars: 400_000,
  /** Blocks (paragraphs and tables) kept. A report has a few hundred. */
  maxBlocks: 20_000,
  /** A longer paragraph is split at sentence ends (a page copied without its line breaks). */
  maxParagraphChars: 100_000,
  /** Rows kept per table; 表三 has 27. */
  maxTableRows: 500,
  /** Grid columns per row (colSpans summed); 表三 has 9. */
  maxTableColumns: 60,
  /** Grid positions a table's merged cells may cover together (rows × columns as printed). */
  maxTableArea: 30_000,
  /** Cells kept in all tables together. */
  maxCells: 50_000,
  /** Characters kept per cell: a label or a figure, never a page. */
  maxCellChars: 2_000
} as const

/** Normalisation's own caps: mojibake repair tries re-encodings run by run, which is slow on garbage. */
export const NORMALIZE_LIMITS = {
  /**
   * Damaged runs tried for repair per document, and their characters together. A real damaged page
   * has a handful of runs of tens of characters; past this the text is garbage throughout, and the
   * rest is only marked 【乱码】, not re-decoded run by run.
   */
  maxMojibakeAttempts: 1_000,
  maxMojibakeChars: 50_000,
  /** Repair notes listed one by one; the rest are counted in one line. */
  maxRepairNotes: 100
} as const

/**
 * Steps (search nodes) that splitting run-together figures may take for a whole document: the
 * enumeration of each row's splits and the joint search over the tables' identities together. A
 * real report needs a few hundred to two thousand; past the budget the rows still open stay blank, and say so.
 */
export const SPLIT_STEP_BUDGET = 100_000

/** Of the budget, at most this share goes to any one row's enumeration. */
export const SPLIT_ROW_SHARE = 0.1

/** 400000 → “40 万”, read before 字/个 without a space (“40 万字”). */
const wan = (n: number) => (n >= 10_000 ? `${n / 10_000} 万` : `${n} `)

/** What the officer reads when a cap is hit (each at most once per document). */
export const TEXT_LIMIT_WARNINGS = {
  text: `文件中的文字远超年度报告的篇幅（超过 ${wan(TEXT_LIMITS.maxTextChars)}字），只读取了前 ${wan(TEXT_LIMITS.maxTextChars)}字`,
  blocks: `文件的段落和表格超过 ${wan(TEXT_LIMITS.maxBlocks)}个，远超年度报告的篇幅，只读取了前 ${wan(TEXT_LIMITS.maxBlocks)}个`,
  paragraph: `有段落超过 ${wan(TEXT_LIMITS.maxParagraphChars)}字（可能是复制时丢失了换行），已按句拆分`,
  rows: `有表格超过 ${TEXT_LIMITS.maxTableRows} 行，只读取了前 ${TEXT_LIMITS.maxTableRows} 行`,
  columns: `有表格超过 ${TEXT_LIMITS.maxTableColumns} 列，只读取了前 ${TEXT_LIMITS.maxTableColumns} 列`,
  area: '有表格的合并单元格跨越的行列过多，超出部分按未合并读取',
  cells: `表格单元格总数超过 ${wan(TEXT_LIMITS.maxCells)}个，其后的表格未读取`,
  cell: `有单元格的文字超过 ${TEXT_LIMITS.maxCellChars} 字，只读取了前 ${TEXT_LIMITS.maxCellChars} 字`
} as const

export type TextLimit = keyof typeof TEXT_LIMIT_WARNINGS

/** Sentence ends to split an overlong paragraph at; failing those, any character. */
const SENTENCE_END = /[。！？；!?;]/g

/** Pieces of at most `max` characters, cut after the last sentence end inside each piece when there is one. */
export function splitLongText(text: string, max: number): string[] {
  if (text.length <= max) return [text]
  const pieces: string[] = []
  let start = 0
  while (text.length - start > max) {
    const window = text.slice(start, start + max)
    let cut = -1
    SENTENCE_END.lastIndex = 0
    for (let match = SENTENCE_END.exec(window); match; match = SENTENCE_END.exec(window)) cut = match.index + 1
    // A cut in the first half would make many tiny pieces of a long unpunctuated run: cut at max instead.
    const end = cut > max / 2 ? cut : max
    pieces.push(window.slice(0, end))
    start += end
  }
  pieces.push(text.slice(start))
  return pieces
}

/**
 * Accepts blocks until a cap is reached; records which caps were hit. Readers call `full` to stop
 * reading early, `paragraph`/`table` for each block, and `warnings()` at the end.
 */
export class BlockBudget {
  readonly blocks: Block[] = []
  private chars = 0
  private cells = 0
  private readonly hit = new Set<TextLimit>()

  /** True once no further block will be kept: reading on is wasted work. */
  get full(): boolean {
    return this.hit.has('text') || this.hit.has('blocks') || this.hit.has('cells')
  }

  /** Characters still accepted before the text cap (readers bound raw text they gather with it). */
  get remainingChars(): number {
    return Math.max(0, TEXT_LIMITS.maxTextChars - this.chars)
  }

  paragraph(text: string, page?: number): void {
    this.paragraphWith(text, page === undefined ? {} : { page })
  }

  table(rows: readonly (readonly BlockCell[])[], page?: number): void {
    this.tableWith(rows, page === undefined ? {} : { page })
  }

  /** A block as it is, its other properties (page, OCR provenance) kept. */
  block(block: Block): void {
    if (block.kind === 'paragraph') {
      const { kind: _kind, text, ...rest } = block
      this.paragraphWith(text, rest)
    } else {
      const { kind: _kind, rows, ...rest } = block
      this.tableWith(rows, rest)
    }
  }

  private paragraphWith(text: string, rest: Omit<ParagraphBlock, 'kind' | 'text'>): void {
    for (const piece of splitLongText(text, TEXT_LIMITS.maxParagraphChars)) {
      if (piece !== text) this.hit.add('paragraph')
      const kept = this.takeText(piece)
      if (kept === undefined || !this.takeBlock()) return
      this.blocks.push({ kind: 'paragraph', text: kept, ...rest })
      if (kept !== piece) return
    }
  }

  private tableWith(rows: readonly (readonly BlockCell[])[], rest: Omit<TableBlock, 'kind' | 'rows'>): void {
    if (this.full) return
    if (rows.length > TEXT_LIMITS.maxTableRows) this.hit.add('rows')
    const kept: BlockCell[][] = []
    let area = 0
    for (const row of rows.slice(0, TEXT_LIMITS.maxTableRows)) {
      const out: BlockCell[] = []
      let width = 0
      for (const cell of row) {
        if (width >= TEXT_LIMITS.maxTableColumns) {
          this.hit.add('columns')
          break
        }
        if (this.cells >= TEXT_LIMITS.maxCells) {
          this.hit.add('cells')
          break
        }
        let colSpan = Math.max(1, Math.min(cell.colSpan, TEXT_LIMITS.maxTableColumns - width))
        let rowSpan = Math.max(1, Math.min(cell.rowSpan, TEXT_LIMITS.maxTableRows))
        if (area + rowSpan * colSpan > TEXT_LIMITS.maxTableArea) {
          this.hit.add('area')
          rowSpan = 1
          colSpan = 1
        }
        area += rowSpan * colSpan
        width += colSpan
        let text = cell.text
        if (text.length > TEXT_LIMITS.maxCellChars) {
          this.hit.add('cell')
          text = text.slice(0, TEXT_LIMITS.maxCellChars)
        }
        const taken = this.takeText(text)
        if (taken === undefined) break
        this.cells += 1
        out.push({ ...cell, text: taken, rowSpan, colSpan })
        if (taken !== text) break
      }
      // An empty row stays (row indices are provenance); a row cut to nothing by a cap goes.
      if (out.length || !row.length) kept.push(out)
      if (this.full) break
    }
    if (!kept.length || !this.takeBlock()) return
    this.blocks.push({ kind: 'table', rows: kept, ...rest })
  }

  /** One sentence per cap that cut something. */
  warnings(): string[] {
    return [...this.hit].map((limit) => TEXT_LIMIT_WARNINGS[limit])
  }

  private takeText(text: string): string | undefined {
    if (this.full) return undefined
    const room = TEXT_LIMITS.maxTextChars - this.chars
    if (text.length <= room) {
      this.chars += text.length
      return text
    }
    this.hit.add('text')
    this.chars = TEXT_LIMITS.maxTextChars
    return room > 0 ? text.slice(0, room) : undefined
  }

  private takeBlock(): boolean {
    if (this.blocks.length >= TEXT_LIMITS.maxBlocks) {
      this.hit.add('blocks')
      return false
    }
    return true
  }
}

/** Blocks within every cap, and the warnings for the caps that cut something. */
export function capBlocks(blocks: readonly Block[]): { blocks: Block[]; warnings: string[] } {
  const budget = new BlockBudget()
  for (const block of blocks) {
    if (budget.full) break
    budget.block(block)
  }
  return { blocks: budget.blocks, warnings: budget.warnings() }
}
