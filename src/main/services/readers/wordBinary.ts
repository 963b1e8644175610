/**
 * Word 97 binary (.doc, and WPS's .wps which is the same format): text with table rows rebuilt.
 *
 * word-extractor gives the text with every cell end (0x07) turned into a tab, but it cannot tell
 * a cell end from a row end: both are 0x07 in the file, and what tells them apart is a paragraph
 * property (sprmPFTtp) that it only half-reads — it misreads the table-definition sprm, and misses
 * rows whose properties are too large for their page and live in the Data stream (sprmPHugePapx),
 * which is every row of a wide table like 表三. So this subclass of its OLE extractor (package
 * pinned at 1.0.4) reads the paragraph properties itself: which paragraphs are in a table, which
 * 0x07 ends a row, and each row's cell boundaries and vertical merges (sprmTDefTable), from which
 * the table comes out with its rowspan/colspan as in the .docx.
 */
import BufferReader from 'word-extractor/lib/buffer-reader.js'
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js'
import WordOleExtractor, { type OleDocument } from 'word-extractor/lib/word-ole-extractor.js'
import type { Block, BlockCell } from '../../../core/import/types'
import { cleanInline, joinLines } from './text'

/**
 * The library follows sector chains until they end, and only notices a chain that points at
 * itself: a crafted file with a longer cycle would loop until memory runs out. A chain can never
 * be longer than the allocation table, so stop there (and at any sector seen before).
 */
AllocationTable.prototype.getSecIdChain = function boundedChain(this: AllocationTable, start: number): number[] {
  const chain: number[] = []
  const seen = new Set<number>()
  let secId = start
  while (secId >= 0 && !seen.has(secId) && chain.length < this._table.length) {
    chain.push(secId)
    seen.add(secId)
    secId = this._table[secId] ?? -2
  }
  return chain
}

interface RowProps {
  /** Cell boundaries in twips, one more than the cells (rgdxaCenter). */
  boundaries: number[]
  /** Per cell: 0 not merged, 1 continues the merge above, 2/3 starts a vertical merge. */
  vertMerge: number[]
}

interface ParagraphMarks {
  /** CP of the paragraph mark (\r or 0x07) of each paragraph inside a table. */
  inTable: Set<number>
  /** CP of each row-end mark, with the row's cell geometry when the file has it. */
  rowEnds: Map<number, RowProps | undefined>
}

const SPRM_P_IN_TABLE = 0x2416
const SPRM_P_TTP = 0x2417
const SPRM_P_HUGE_PAPX = 0x6646
const SPRM_T_DEF_TABLE = 0xd608
const SPRM_P_CHG_TABS = 0xc615

/** Operand sizes by spra (the top three bits of a sprm); 6 means variable. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3] as const

interface Sprm {
  sprm: number
  offset: number
  size: number
}

/** The sprms of a grpprl, with the two irregular operand lengths read right. Bounded by the buffer. */
function* sprms(grpprl: Buffer, start: number): Generator<Sprm> {
  let offset = start
  while (offset + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(offset)
    offset += 2
    let size: number = OPERAND_SIZE[sprm >> 13]!
    if (sprm === SPRM_T_DEF_TABLE) {
      if (offset + 2 > grpprl.length) return
      size = grpprl.readUInt16LE(offset) + 1
    } else if (size === -1 || sprm === SPRM_P_CHG_TABS) {
      if (offset >= grpprl.length) return
      size = grpprl[offset]! + 1
    }
    if (offset + size > grpprl.length) return
    yield { sprm, offset, size }
    offset += size
  }
}

function tableDefinition(grpprl: Buffer, offset: number, size: number): RowProps | undefined {
  const end = offset + size
  const cells = grpprl[offset + 2]
  if (cells === undefined || cells === 0 || offset + 3 + 2 * (cells + 1) > end) return undefined
  const boundaries: number[] = []
  for (let i = 0; i <= cells; i += 1) boundaries.push(grpprl.readInt16LE(offset + 3 + 2 * i))
  const vertMerge: number[] = []
  const tcStart = offset + 3 + 2 * (cells + 1)
  for (let i = 0; i < cells; i += 1) {
    // TC80: 20 bytes each, the first two are tcgrf with vertMerge in bits 5–6. They may be cut short.
    const at = tcStart + 20 * i
    vertMerge.push(at + 2 <= end ? (grpprl.readUInt16LE(at) >> 5) & 3 : 0)
  }
  return { boundaries, vertMerge }
}

class TableAwareExtractor extends WordOleExtractor {
  private data: Buffer = Buffer.alloc(0)
  readonly marks: ParagraphMarks = { inTable: new Set(), rowEnds: new Map() }
  body = ''

  protected override extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown> {
    // The Data stream holds the properties of paragraphs too large for their page (sprmPHugePapx).
    return this.documentStream(document, 'Data')
      .then((stream) => this.streamBuffer(stream))
      .catch(() => Buffer.alloc(0))
      .then((data) => {
        this.data = data
        return super.extractWordDocument(document, buffer)
      })
  }

  /** Replaces the library's pass (which rewrites some row ends as newlines): only records marks. */
  protected override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    const fcPlcf = buffer.readUInt32LE(0x0102)
    const lcbPlcf = buffer.readUInt32LE(0x0106)
    const count = Math.floor((lcbPlcf - 4) / 8)
    if (count <= 0 || fcPlcf + lcbPlcf > tableBuffer.length) return
    const plcf = tableBuffer.subarray(fcPlcf, fcPlcf + lcbPlcf)
    for (let i = 0; i < count; i += 1) {
      const pageNumber = plcf.readUInt32LE((count + 1) * 4 + i * 4)
      const page = buffer.subarray(pageNumber * 512, pageNumber * 512 + 512)
      if (page.length < 512) continue
      const runs = page[511]!
      for (let j = 0; j < runs; j += 1) {
        const fcEnd = page.readUInt32LE((j + 1) * 4)
        const bx = page[(runs + 1) * 4 + j * 13]! * 2
        if (bx === 0) continue
        const cb = page[bx]!
        const grpprl =
          cb !== 0 ? page.subarray(bx + 1, bx + 1 + 2 * cb - 1) : page.subarray(bx + 2, bx + 2 + 2 * page[bx + 1]!)
        this.recordParagraph(grpprl, 2, fcEnd)
      }
    }
  }

  private recordParagraph(grpprl: Buffer, start: number, fcEnd: number, depth = 0): void {
    let inTable = false
    let rowEnd = false
    let props: RowProps | undefined
    for (const { sprm, offset, size } of sprms(grpprl, start)) {
      if (sprm === SPRM_P_IN_TABLE) inTable = grpprl[offset] === 1
      else if (sprm === SPRM_P_TTP) rowEnd = grpprl[offset] === 1
      else if (sprm === SPRM_T_DEF_TABLE) props = tableDefinition(grpprl, offset, size)
      else if (sprm === SPRM_P_HUGE_PAPX && depth === 0) {
        const at = grpprl.readUInt32LE(offset)
        if (at + 2 > this.data.length) continue
        const length = this.data.readUInt16LE(at)
        this.recordParagraph(this.data.subarray(at + 2, at + 2 + length), 0, fcEnd, 1)
      }
    }
    if (!inTable && !rowEnd) return
    // The run's last character is the paragraph mark; it is 2 bytes wide in a UTF-16 piece, 1 in an 8-bit one.
    const piece = this._pieces.find((p) => fcEnd - p.bpc >= p.startFilePos && fcEnd - p.bpc < p.endFilePos)
    if (!piece) return
    const markCp = piece.startCp + Math.floor((fcEnd - piece.bpc - piece.startFilePos) / piece.bpc)
    if (inTable) this.marks.inTable.add(markCp)
    if (rowEnd) this.marks.rowEnds.set(markCp, props)
  }

  protected override buildDocument(): unknown {
    const text = this._pieces.map((p) => p.text).join('')
    this.body = text.slice(0, this._boundaries.ccpText)
    return super.buildDocument()
  }
}

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
function toBlocks(body: string, marks: ParagraphMarks): Block[] {
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

export interface WordBinaryText {
  blocks: Block[]
  /** False when the table marks could not be read and tables came out flattened. */
  tables: boolean
}

export async function extractWordBinary(bytes: Buffer): Promise<WordBinaryText> {
  const extractor = new TableAwareExtractor()
  const reader = new BufferReader(bytes)
  await reader.open()
  try {
    await extractor.extract(reader)
  } finally {
    await reader.close().catch(() => undefined)
  }
  return { blocks: toBlocks(extractor.body, extractor.marks), tables: extractor.marks.rowEnds.size > 0 }
}
