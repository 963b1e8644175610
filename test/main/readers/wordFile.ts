/**
 * Synthetic Word 97–2003 files for the .doc reader's tests: a WordDocument stream with a FIB and
 * text pieces, a table stream with the piece table, in an OLE2 container written by cfb. Also the
 * container-level damage the reader must refuse: chains laid out backwards, loops in the FAT or
 * the directory.
 */
import CFB from 'cfb'

export interface PieceSpec {
  text: string
  /** 8-bit code page 1252 instead of UTF-16. */
  compressed?: boolean
}

export interface WordFileOptions {
  /** Pieces in reading order; they are stored in the stream in reverse, as fast saves do. */
  pieces: readonly PieceSpec[]
  flags?: number
  ident?: number
  nFib?: number
}

const CSW = 14
const CSLW = 22
const CB_RG_FC_LCB = 93
const RG_LW = 0x22 + 2 * CSW + 2
const RG_FC_LCB = RG_LW + 4 * CSLW + 2

export function wordDocument(options: WordFileOptions): Buffer {
  const texts = options.pieces.map((p) => (p.compressed ? Buffer.from(p.text, 'latin1') : Buffer.from(p.text, 'utf16le')))
  const fcs: number[] = []
  let at = 1024
  for (let i = texts.length - 1; i >= 0; i -= 1) {
    fcs[i] = at
    at += texts[i]!.length
  }
  const word = Buffer.alloc(Math.max(at, 4096))
  word.writeUInt16LE(options.ident ?? 0xa5ec, 0)
  word.writeUInt16LE(options.nFib ?? 0xc1, 2)
  word.writeUInt16LE((options.flags ?? 0) | 0x0200, 0x0a)
  word.writeUInt16LE(CSW, 0x20)
  word.writeUInt16LE(CSLW, RG_LW - 2)
  const ccp = options.pieces.reduce((n, p) => n + p.text.length, 0)
  word.writeInt32LE(ccp, RG_LW + 12)
  word.writeUInt16LE(CB_RG_FC_LCB, RG_FC_LCB - 2)
  texts.forEach((t, i) => t.copy(word, fcs[i]!))

  // Clx: one Pcdt of n pieces: n + 1 CPs, then n 8-byte Pcds (flags, FcCompressed, prm).
  const n = texts.length
  const plc = Buffer.alloc(4 * (n + 1) + 8 * n)
  let cp = 0
  options.pieces.forEach((p, i) => {
    plc.writeUInt32LE(cp, 4 * i)
    cp += p.text.length
    const fc = p.compressed ? (fcs[i]! * 2) | 0x40000000 : fcs[i]!
    plc.writeUInt32LE(fc >>> 0, 4 * (n + 1) + 8 * i + 2)
  })
  plc.writeUInt32LE(cp, 4 * n)
  const clx = Buffer.concat([Buffer.from([2]), Buffer.alloc(4), plc])
  clx.writeUInt32LE(plc.length, 1)
  const table = Buffer.concat([Buffer.alloc(16), clx])
  // fcClx / lcbClx (pair 33); the property tables stay empty.
  word.writeUInt32LE(16, RG_FC_LCB + 8 * 33)
  word.writeUInt32LE(clx.length, RG_FC_LCB + 8 * 33 + 4)
  return container({ WordDocument: word, '1Table': table })
}

export function container(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new()
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, content)
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Buffer)
}

const SECTOR = 512

/** Where FAT entry `sector` is, for a container of at most 109 FAT sectors (all listed in the header). */
function fatEntry(file: Buffer, sector: number): number {
  const fatSector = file.readInt32LE(0x4c + 4 * Math.floor(sector / (SECTOR / 4)))
  return (fatSector + 1) * SECTOR + 4 * (sector % (SECTOR / 4))
}

export function setFat(file: Buffer, sector: number, next: number): void {
  file.writeInt32LE(next, fatEntry(file, sector))
}

export function getFat(file: Buffer, sector: number): number {
  return file.readInt32LE(fatEntry(file, sector))
}

/** The directory entry of `name`: its byte offset in the file (first directory sector only). */
export function directoryEntry(file: Buffer, name: string): number {
  const start = (file.readInt32LE(0x30) + 1) * SECTOR
  for (let at = start; at < start + SECTOR; at += 128) {
    const length = file.readUInt16LE(at + 64)
    if (file.toString('utf16le', at, at + Math.max(0, length - 2)) === name) return at
  }
  throw new Error(`no directory entry ${name}`)
}

/** The sectors of a stream's chain, in order. */
export function chainOf(file: Buffer, name: string): number[] {
  const chain: number[] = []
  for (let s = file.readInt32LE(directoryEntry(file, name) + 116); s >= 0 && chain.length < 100_000; s = getFat(file, s)) chain.push(s)
  return chain
}
