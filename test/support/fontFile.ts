/**
 * Tiny OpenType files for the font check: an sfnt with only a `name` table holding the given
 * names (Windows platform, UTF-16BE, in zh-CN and en-US records as Chinese fonts carry them), and
 * a TrueType collection of several. Enough for the check, which reads nothing else.
 */

function nameTable(names: readonly string[]): Buffer {
  const records: { nameId: number; language: number; bytes: Buffer }[] = []
  names.forEach((name, i) => {
    const bytes = Buffer.from(name, 'utf16le').swap16()
    // The first name is the family (id 1, zh-CN); the others full names (id 4, en-US).
    records.push({ nameId: i === 0 ? 1 : 4, language: i === 0 ? 0x0804 : 0x0409, bytes })
  })
  const header = Buffer.alloc(6 + records.length * 12)
  header.writeUInt16BE(0, 0)
  header.writeUInt16BE(records.length, 2)
  header.writeUInt16BE(header.length, 4)
  let offset = 0
  records.forEach((r, i) => {
    const at = 6 + i * 12
    header.writeUInt16BE(3, at) // Windows
    header.writeUInt16BE(1, at + 2) // Unicode BMP
    header.writeUInt16BE(r.language, at + 4)
    header.writeUInt16BE(r.nameId, at + 6)
    header.writeUInt16BE(r.bytes.length, at + 8)
    header.writeUInt16BE(offset, at + 10)
    offset += r.bytes.length
  })
  return Buffer.concat([header, ...records.map((r) => r.bytes)])
}

/** One sfnt font placed at `base` in its file (table offsets are from the file's start). */
function sfnt(names: readonly string[], base = 0): Buffer {
  const table = nameTable(names)
  const head = Buffer.alloc(12 + 16)
  head.writeUInt32BE(0x00010000, 0)
  head.writeUInt16BE(1, 4)
  head.write('name', 12, 'latin1')
  head.writeUInt32BE(0, 16) // checksum, not verified
  head.writeUInt32BE(base + head.length, 20)
  head.writeUInt32BE(table.length, 24)
  return Buffer.concat([head, table])
}

export function fontFile(...names: string[]): Buffer {
  return sfnt(names)
}

export function fontCollection(...fonts: string[][]): Buffer {
  const header = Buffer.alloc(12 + fonts.length * 4)
  header.write('ttcf', 0, 'latin1')
  header.writeUInt32BE(0x00010000, 4)
  header.writeUInt32BE(fonts.length, 8)
  const parts: Buffer[] = []
  let offset = header.length
  fonts.forEach((names, i) => {
    header.writeUInt32BE(offset, 12 + i * 4)
    const part = sfnt(names, offset)
    parts.push(part)
    offset += part.length
  })
  return Buffer.concat([header, ...parts])
}
