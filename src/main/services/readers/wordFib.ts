/**
 * The File Information Block at the start of a Word 97–2003 WordDocument stream (MS-DOC 2.5): which
 * table stream holds the document's tables, how long the main text is, and where the piece table
 * and the character and paragraph property tables are. Offsets are computed from the FIB's own
 * counts (csw, cslw, cbRgFcLcb) rather than assumed.
 */
import { FileError } from '../files'
import { OLE_MESSAGES } from '../importLimits'

/** A structure in the table stream: its offset and length. */
export interface FcLcb {
  fc: number
  lcb: number
}

export interface Fib {
  tableStream: '0Table' | '1Table'
  /** Characters of the main document text (the body, before footnotes and headers). */
  ccpText: number
  /** The piece table (Clx). */
  clx: FcLcb
  /** Character properties (PlcBteChpx): where tracked deletions are marked. */
  chpx: FcLcb
  /** Paragraph properties (PlcBtePapx): which paragraphs are in tables, which end a row. */
  papx: FcLcb
}

const WORD_97_IDENT = 0xa5ec
const WORD_6_IDENT = 0xa5dc
/** nFib of Word 97 and later (some Far East builds of Word 97 wrote 0xC0). */
const FIRST_WORD_97_NFIB = 0xc0
const F_ENCRYPTED = 0x0100
const F_WHICH_TBL_STM = 0x0200
/** Indices of the FcLcb pairs in FibRgFcLcb97. */
const INDEX = { chpx: 12, papx: 13, clx: 33 } as const

const corrupt = () => new FileError(OLE_MESSAGES.corrupt)

export function readFib(word: Buffer): Fib {
  if (word.length < 0x22) throw corrupt()
  const ident = word.readUInt16LE(0)
  const nFib = word.readUInt16LE(2)
  if (ident === WORD_6_IDENT || (ident === WORD_97_IDENT && nFib < FIRST_WORD_97_NFIB)) throw new FileError(OLE_MESSAGES.oldVersion)
  if (ident !== WORD_97_IDENT) throw corrupt()
  const flags = word.readUInt16LE(0x0a)
  if (flags & F_ENCRYPTED) throw new FileError(OLE_MESSAGES.encrypted)
  // FibBase (32 bytes), csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and FibRgFcLcb.
  const csw = word.readUInt16LE(0x20)
  const rgLw = 0x22 + 2 * csw + 2
  if (rgLw > word.length) throw corrupt()
  const cslw = word.readUInt16LE(rgLw - 2)
  const cbRgFcLcbAt = rgLw + 4 * cslw
  if (cslw < 4 || cbRgFcLcbAt + 2 > word.length) throw corrupt()
  const cbRgFcLcb = word.readUInt16LE(cbRgFcLcbAt)
  const rgFcLcb = cbRgFcLcbAt + 2
  if (cbRgFcLcb <= INDEX.clx || rgFcLcb + 8 * (INDEX.clx + 1) > word.length) throw corrupt()
  const pair = (index: number): FcLcb => ({
    fc: word.readUInt32LE(rgFcLcb + 8 * index),
    lcb: word.readUInt32LE(rgFcLcb + 8 * index + 4)
  })
  return {
    tableStream: flags & F_WHICH_TBL_STM ? '1Table' : '0Table',
    ccpText: word.readInt32LE(rgLw + 12),
    clx: pair(INDEX.clx),
    chpx: pair(INDEX.chpx),
    papx: pair(INDEX.papx)
  }
}

/** The bytes of a structure in the table stream, or an empty buffer where the file points outside it. */
export function tableBytes(table: Buffer, { fc, lcb }: FcLcb): Buffer {
  if (lcb === 0 || fc + lcb > table.length) return Buffer.alloc(0)
  return table.subarray(fc, fc + lcb)
}
