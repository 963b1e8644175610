/**
 * Where the tables are in a Word 97–2003 document. In the text, a cell end and a row end are both
 * 0x07; what tells them apart is a paragraph property (sprmPFTtp), and which paragraphs are in a
 * table another (sprmPFInTable). Rows whose properties are too large for their page keep them in
 * the Data stream (sprmPHugePapx), which is every row of a wide table like 表三. A row end's
 * properties also give the row's cell boundaries and vertical merges (sprmTDefTable), from which
 * the table is rebuilt with its rowspan/colspan as in the .docx (wordBlocks).
 */
import type { Fib } from './wordFib'
import { paragraphRuns, sprms } from './wordFkp'
import type { PieceTable } from './wordText'

export interface RowProps {
  /** Cell boundaries in twips, one more than the cells (rgdxaCenter). */
  boundaries: number[]
  /** Per cell: 0 not merged, 1 continues the merge above, 2/3 starts a vertical merge. */
  vertMerge: number[]
}

export interface ParagraphMarks {
  /** CP of the paragraph mark (\r or 0x07) of each paragraph inside a table. */
  inTable: Set<number>
  /** CP of each row-end mark, with the row's cell geometry when the file has it. */
  rowEnds: Map<number, RowProps | undefined>
}

const SPRM_P_IN_TABLE = 0x2416
const SPRM_P_TTP = 0x2417
const SPRM_P_HUGE_PAPX = 0x6646
const SPRM_T_DEF_TABLE = 0xd608

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

/** The table marks of the paragraphs, by CP of their paragraph mark. */
export function readParagraphMarks(word: Buffer, table: Buffer, data: Buffer, fib: Fib, pieces: PieceTable): ParagraphMarks {
  const marks: ParagraphMarks = { inTable: new Set(), rowEnds: new Map() }
  const record = (grpprl: Buffer, start: number, fcEnd: number, huge: boolean) => {
    let inTable = false
    let rowEnd = false
    let props: RowProps | undefined
    for (const { sprm, offset, size } of sprms(grpprl, start)) {
      if (sprm === SPRM_P_IN_TABLE) inTable = grpprl[offset] === 1
      else if (sprm === SPRM_P_TTP) rowEnd = grpprl[offset] === 1
      else if (sprm === SPRM_T_DEF_TABLE) props = tableDefinition(grpprl, offset, size)
      else if (sprm === SPRM_P_HUGE_PAPX && !huge) {
        // Only one level: the Data stream's properties cannot point on again.
        const at = grpprl.readUInt32LE(offset)
        if (at + 2 > data.length) continue
        record(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), 0, fcEnd, true)
      }
    }
    if (!inTable && !rowEnd) return
    // The run's last character is its paragraph mark (2 bytes wide in a UTF-16 piece, 1 in an
    // 8-bit one): the piece holding the run's last byte gives its CP.
    const markCp = pieces.cpAt(fcEnd - 1)
    if (markCp === undefined) return
    if (inTable) marks.inTable.add(markCp)
    if (rowEnd) marks.rowEnds.set(markCp, props)
  }
  for (const run of paragraphRuns(word, table, fib.papx)) record(run.grpprl, 2, run.fcEnd, false)
  return marks
}
