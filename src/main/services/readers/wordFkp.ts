/**
 * Formatted disk pages (FKPs, MS-DOC 2.9.81/2.9.177) and the property modifiers (sprms) in them:
 * the 512-byte pages of the WordDocument stream that say, for each run of text (by byte offset,
 * “FC”), its character or paragraph properties. Every read is bounded by its page or buffer.
 */
import { tableBytes, type FcLcb } from './wordFib'

const PAGE = 512

export interface Sprm {
  sprm: number
  /** Offset of the operand in the buffer the sprm was read from. */
  offset: number
  size: number
}

const SPRM_T_DEF_TABLE = 0xd608
const SPRM_P_CHG_TABS = 0xc615
/** Operand sizes by spra (the top three bits of a sprm); -1 means a length byte comes first. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3] as const

/** The sprms of a grpprl from `start`, with the two irregular operand lengths read right. */
export function* sprms(grpprl: Buffer, start: number): Generator<Sprm> {
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

/** One run of an FKP: the byte range [fcStart, fcEnd) of the WordDocument stream, and its property bytes. */
export interface FkpRun {
  fcStart: number
  fcEnd: number
  grpprl: Buffer
}

/**
 * The FKP pages a PlcBte (PlcBteChpx or PlcBtePapx) points at, each read once: a damaged table
 * that names one page a million times costs one read.
 */
function pages(word: Buffer, table: Buffer, plc: FcLcb): Buffer[] {
  const bytes = tableBytes(table, plc)
  const count = Math.floor((bytes.length - 4) / 8)
  const seen = new Set<number>()
  const out: Buffer[] = []
  for (let i = 0; i < count; i += 1) {
    const pn = bytes.readUInt32LE((count + 1) * 4 + i * 4) & 0x3fffff
    if (seen.has(pn) || (pn + 1) * PAGE > word.length) continue
    seen.add(pn)
    out.push(word.subarray(pn * PAGE, (pn + 1) * PAGE))
  }
  return out
}

/** Runs of character properties (ChpxFkp): grpprl is the Chpx's sprms. */
export function* characterRuns(word: Buffer, table: Buffer, plc: FcLcb): Generator<FkpRun> {
  for (const page of pages(word, table, plc)) {
    const runs = page[PAGE - 1]!
    if ((runs + 1) * 4 + runs > PAGE - 1) continue
    for (let j = 0; j < runs; j += 1) {
      const offset = page[(runs + 1) * 4 + j]! * 2
      if (offset === 0) continue
      const cb = page[offset]!
      yield { fcStart: page.readUInt32LE(j * 4), fcEnd: page.readUInt32LE((j + 1) * 4), grpprl: page.subarray(offset + 1, offset + 1 + cb) }
    }
  }
}

/** Runs of paragraph properties (PapxFkp): grpprl is the GrpPrlAndIstd (style index, then sprms from byte 2). */
export function* paragraphRuns(word: Buffer, table: Buffer, plc: FcLcb): Generator<FkpRun> {
  for (const page of pages(word, table, plc)) {
    const runs = page[PAGE - 1]!
    if ((runs + 1) * 4 + runs * 13 > PAGE - 1) continue
    for (let j = 0; j < runs; j += 1) {
      const bx = page[(runs + 1) * 4 + j * 13]! * 2
      if (bx === 0) continue
      const cb = page[bx]!
      const grpprl = cb !== 0 ? page.subarray(bx + 1, bx + 2 * cb) : page.subarray(bx + 2, bx + 2 + 2 * page[bx + 1]!)
      yield { fcStart: page.readUInt32LE(j * 4), fcEnd: page.readUInt32LE((j + 1) * 4), grpprl }
    }
  }
}
