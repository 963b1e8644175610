/**
 * Zip packages for the fuzzer, written by hand so that they can lie: entries whose central
 * directory claims another size, duplicated names, stored data labelled deflate. Deflated data may
 * be given pre-compressed (a stream built from repeated full-flush blocks), with its true size and CRC.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** The bytes as stored in the zip (deflated unless `stored`). */
  data: Buffer
  uncompressedSize: number
  crc: number
  stored?: boolean
  /** What the directory claims, when it lies. */
  claimedSize?: number
}

export function deflatedEntry(name: string, content: Buffer | string): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return { name, data: deflateRawSync(bytes), uncompressedSize: bytes.length, crc: crc32(bytes) }
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const size = entry.claimedSize ?? entry.uncompressedSize
    const method = entry.stored ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(entry.crc >>> 0, 14)
    local.writeUInt32LE(entry.data.length >>> 0, 18)
    local.writeUInt32LE(size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(entry.crc >>> 0, 16)
    central.writeUInt32LE(entry.data.length >>> 0, 20)
    central.writeUInt32LE(size >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset >>> 0, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset >>> 0, 16)
  return Buffer.concat([...locals, directory, end])
}

/**
 * `head + body × repeats + tail` as one raw deflate stream, without holding the whole text: each
 * piece is deflated with a full flush (self-contained), so a compressed body can be repeated.
 */
export function repeatedDeflate(head: string, body: string, repeats: number, tail: string): ZipEntry & { name: '' } {
  const flush = { finishFlush: 3 /* Z_FULL_FLUSH */ }
  const headBytes = Buffer.from(head, 'utf8')
  const bodyBytes = Buffer.from(body, 'utf8')
  const tailBytes = Buffer.from(tail, 'utf8')
  const parts = [deflateRawSync(headBytes, flush)]
  const bodyDeflated = deflateRawSync(bodyBytes, flush)
  let crc = crc32(headBytes)
  for (let i = 0; i < repeats; i += 1) {
    parts.push(bodyDeflated)
    crc = crc32(bodyBytes, crc)
  }
  parts.push(deflateRawSync(tailBytes))
  crc = crc32(tailBytes, crc)
  return {
    name: '',
    data: Buffer.concat(parts),
    uncompressedSize: headBytes.length + bodyBytes.length * repeats + tailBytes.length,
    crc
  }
}
