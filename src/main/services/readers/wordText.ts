/**
 * The main text of a Word 97–2003 document from its piece table (MS-DOC 2.8.35 Clx, 2.9.177 Pcd):
 * the text is stored in pieces anywhere in the WordDocument stream, each as UTF-16 or as 8-bit
 * code page 1252 (“compressed”), and the piece table lists them in reading order by character
 * position (CP). Text deleted with track changes on is dropped, as Word shows the document once
 * the changes are accepted. Positions are kept: a dropped or missing character becomes U+0000,
 * so that the paragraph marks found by byte offset (FC) land on the right character.
 */
import { FileError } from '../files'
import { OLE_LIMITS, OLE_MESSAGES } from '../importLimits'
import { tableBytes, type Fib } from './wordFib'
import { characterRuns, sprms } from './wordFkp'

const SPRM_C_F_R_MARK_DEL = 0x0800
const F_COMPRESSED = 0x40000000

const corrupt = () => new FileError(OLE_MESSAGES.corrupt)

/** The pieces of the main text, as parallel arrays ordered by CP. */
export class PieceTable {
  /** CP where each piece starts; one more entry than pieces (the end). */
  readonly cps: Uint32Array
  /** Byte offset of each piece in the WordDocument stream. */
  readonly fcs: Float64Array
  /** 1 for an 8-bit piece, 2 for UTF-16. */
  readonly widths: Uint8Array
  /** Pieces sorted by FC, to find the piece holding a byte offset. */
  private readonly byFc: Uint32Array

  constructor(cps: Uint32Array, fcs: Float64Array, widths: Uint8Array) {
    this.cps = cps
    this.fcs = fcs
    this.widths = widths
    this.byFc = Uint32Array.from(fcs.keys()).sort((a, b) => fcs[a]! - fcs[b]!)
  }

  get count(): number {
    return this.fcs.length
  }

  /** Bytes the piece spans in the WordDocument stream. */
  byteLength(piece: number): number {
    return (this.cps[piece + 1]! - this.cps[piece]!) * this.widths[piece]!
  }

  /** The CP of the character that starts at byte offset `fc`, or undefined if no piece holds it. */
  cpAt(fc: number): number | undefined {
    let low = 0
    let high = this.byFc.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (this.fcs[this.byFc[mid]!]! <= fc) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    if (found < 0) return undefined
    const piece = this.byFc[found]!
    const offset = fc - this.fcs[piece]!
    if (offset >= this.byteLength(piece)) return undefined
    return this.cps[piece]! + Math.floor(offset / this.widths[piece]!)
  }
}

/** Reads the piece table (the Pcdt after any Prc blocks of the Clx), keeping the pieces of the first `maxCp` characters. */
export function readPieces(table: Buffer, fib: Fib, maxCp: number): PieceTable {
  const clx = tableBytes(table, fib.clx)
  let pos = 0
  // Prc blocks (clxt 1): property modifiers of fast-saved files, not needed for the text.
  while (pos < clx.length && clx[pos] === 1) {
    if (pos + 3 > clx.length) throw corrupt()
    pos += 3 + clx.readUInt16LE(pos + 1)
  }
  if (pos + 5 > clx.length || clx[pos] !== 2) throw corrupt()
  const lcb = clx.readUInt32LE(pos + 1)
  const plc = clx.subarray(pos + 5, pos + 5 + lcb)
  const total = Math.floor((plc.length - 4) / 12)
  if (plc.length < lcb || total < 1) throw corrupt()
  const cp = (i: number) => plc.readUInt32LE(i * 4)
  let count = 0
  while (count < total && cp(count) < maxCp) {
    // CPs increase strictly: a piece table that goes back or stands still is damaged.
    if (cp(count + 1) <= cp(count)) throw corrupt()
    count += 1
  }
  const cps = new Uint32Array(count + 1)
  const fcs = new Float64Array(count)
  const widths = new Uint8Array(count)
  for (let i = 0; i <= count; i += 1) cps[i] = Math.min(cp(i), maxCp)
  for (let i = 0; i < count; i += 1) {
    const fc = plc.readUInt32LE((total + 1) * 4 + i * 8 + 2)
    const compressed = (fc & F_COMPRESSED) !== 0
    fcs[i] = compressed ? (fc & ~F_COMPRESSED) / 2 : fc
    widths[i] = compressed ? 1 : 2
  }
  return new PieceTable(cps, fcs, widths)
}

/** Byte ranges [start, end) of the WordDocument stream marked deleted (track changes), sorted and merged. */
function deletedRanges(word: Buffer, table: Buffer, fib: Fib): [number, number][] {
  const ranges: [number, number][] = []
  for (const run of characterRuns(word, table, fib.chpx)) {
    for (const { sprm, offset } of sprms(run.grpprl, 0)) {
      if (sprm === SPRM_C_F_R_MARK_DEL && (run.grpprl[offset]! & 1) === 1 && run.fcEnd > run.fcStart) ranges.push([run.fcStart, run.fcEnd])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

/**
 * Code page 1252 where it differs from Latin-1 (0x80–0x9F: curly quotes, dashes, …). Node's
 * TextDecoder reads the 'windows-1252' label as Latin-1, so the difference is mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
}
// ignoreBOM: a piece may start with U+FEFF, and every position counts.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true })

export interface WordText {
  /** The main text, one character per CP; deleted or missing characters are U+0000. */
  text: string
  pieces: PieceTable
  /** True when the main text was longer than OLE_LIMITS.maxTextChars and was cut there. */
  cut: boolean
}

export function readMainText(word: Buffer, table: Buffer, fib: Fib): WordText {
  const length = Math.max(0, fib.ccpText)
  const maxCp = Math.min(length, OLE_LIMITS.maxTextChars)
  const pieces = readPieces(table, fib, maxCp)
  const deleted = deletedRanges(word, table, fib)
  const parts: string[] = []
  for (let i = 0; i < pieces.count; i += 1) {
    const chars = pieces.cps[i + 1]! - pieces.cps[i]!
    const width = pieces.widths[i]!
    const start = pieces.fcs[i]!
    const end = start + chars * width
    const bytes = Buffer.from(word.subarray(Math.min(start, word.length), Math.min(end, word.length)))
    // Deleted runs become zero bytes (U+0000 in either width), keeping every position.
    for (let d = firstOverlap(deleted, start); d < deleted.length && deleted[d]![0] < end; d += 1) {
      bytes.fill(0, Math.max(deleted[d]![0], start) - start, Math.min(deleted[d]![1], end) - start)
    }
    const text = width === 2 ? utf16.decode(bytes.subarray(0, bytes.length & ~1)) : decodeCp1252(bytes)
    parts.push(text.length < chars ? text.padEnd(chars, '\0') : text)
  }
  const text = parts.join('')
  // A piece table that ends before the text does reads as missing characters.
  return { text: text.length < maxCp ? text.padEnd(maxCp, '\0') : text, pieces, cut: length > maxCp }
}

/** Index of the first range that ends after `fc` (binary search). */
function firstOverlap(ranges: readonly [number, number][], fc: number): number {
  let low = 0
  let high = ranges.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (ranges[mid]![1] <= fc) low = mid + 1
    else high = mid
  }
  return low
}
