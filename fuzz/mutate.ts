/**
 * Seeded mutations of real files, by kind: byte flips, truncation and splices for every kind;
 * zip-structure and XML mutations for .docx; nesting bombs, unterminated objects, damaged xref
 * tables and stream bombs for PDF; tag storms for HTML; broken MIME for .mhtml; invalid
 * encodings for text; random bytes under every extension.
 */
import JSZip from 'jszip'
import { deflateSync } from 'node:zlib'
import type { FuzzInput } from './hostile'
import type { Rng } from './prng'
import { EXTENSIONS, seeds, type Seed, type SeedKind } from './seeds'
import { repeatedDeflate } from './zip'

type Mutation = (rng: Rng, bytes: Buffer, seed: Seed) => Buffer | Promise<Buffer>

// ——— any kind ———

function flips(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  const count = rng.range(1, 64)
  for (let i = 0; i < count; i += 1) out[rng.int(out.length)] = rng.int(256)
  return out
}

function bitFlips(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  const count = rng.range(1, 16)
  for (let i = 0; i < count; i += 1) {
    const at = rng.int(out.length)
    out[at] = out[at]! ^ (1 << rng.int(8))
  }
  return out
}

function truncate(rng: Rng, bytes: Buffer): Buffer {
  return bytes.subarray(0, rng.int(bytes.length))
}

function splice(rng: Rng, bytes: Buffer): Buffer {
  const other = rng.pick(seeds()).bytes
  const from = rng.int(other.length)
  const piece = other.subarray(from, from + rng.range(1, 4096))
  const at = rng.int(bytes.length)
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at + (rng.chance(0.5) ? rng.int(4096) : 0))])
}

function deleteRange(rng: Rng, bytes: Buffer): Buffer {
  const at = rng.int(bytes.length)
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + rng.range(1, 8192))])
}

/** A region repeated many times: amplifies whatever structure it holds. */
function repeatRange(rng: Rng, bytes: Buffer): Buffer {
  const at = rng.int(bytes.length)
  const piece = bytes.subarray(at, at + rng.range(1, 256))
  const times = rng.range(2, 20_000)
  return Buffer.concat([bytes.subarray(0, at), Buffer.concat(Array.from({ length: times }, () => piece)), bytes.subarray(at)])
}

function randomBytes(rng: Rng): Buffer {
  return rng.bytes(rng.range(1, 64 * 1024))
}

/** Random bytes behind the file's real magic number (the sniffer says yes, the parser meets garbage). */
function magicThenRandom(rng: Rng, bytes: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, rng.range(4, 64)), rng.bytes(rng.range(16, 32 * 1024))])
}

// ——— text encodings ———

const ENCODING_DAMAGE = [
  Buffer.from([0xff, 0xfe]), // UTF-16 LE BOM on whatever follows
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xc3]), // a lone UTF-8 lead byte
  Buffer.from([0x81]), // a lone GBK lead byte
  Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
  Buffer.from([0x00]),
  Buffer.from([0xe2, 0x80, 0xa8]) // U+2028
]

function invalidEncoding(rng: Rng, bytes: Buffer): Buffer {
  const pieces: Buffer[] = []
  let at = 0
  const count = rng.range(1, 200)
  const positions = Array.from({ length: count }, () => rng.int(bytes.length)).sort((a, b) => a - b)
  if (rng.chance(0.3)) pieces.push(rng.pick(ENCODING_DAMAGE))
  for (const position of positions) {
    pieces.push(bytes.subarray(at, position), rng.pick(ENCODING_DAMAGE))
    at = position
  }
  pieces.push(bytes.subarray(at))
  const out = Buffer.concat(pieces)
  // Sometimes an odd length, which UTF-16 cannot have.
  return rng.chance(0.2) ? out.subarray(0, out.length - 1) : out
}

function longLine(rng: Rng, bytes: Buffer): Buffer {
  const unit = rng.pick(['政府信息公开', '1234567890', '\t', '\u3000', ' ', '一、', '（', '表三'])
  const at = rng.int(bytes.length)
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(unit.repeat(rng.range(1000, 300_000))), bytes.subarray(at)])
}

/** Long runs of digits in table rows: the run-together splitter's worst case. */
function digitRuns(rng: Rng, bytes: Buffer): Buffer {
  const lines = Array.from({ length: rng.range(1, 40) }, () => {
    const digits = Array.from({ length: rng.range(10, 120) }, () => rng.int(10)).join('')
    return `${rng.pick(['（一）予以公开', '一、本年新收政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理'])}${digits}`
  })
  return Buffer.concat([bytes, Buffer.from(`\n${lines.join('\n')}\n`)])
}

// ——— HTML ———

const STORMS = [
  '<table><tr><td>',
  '<span>',
  '<div>',
  '<p>',
  '<li><ul>',
  '<font color=red>',
  '<b><i><u>',
  '<td rowspan=999 colspan=999>',
  '<!--',
  '<script>',
  '&#x4e00;',
  '&nbsp;',
  '<br>',
  '</td>',
  '<table>'
]

function tagStorm(rng: Rng, bytes: Buffer): Buffer {
  const storm = rng.pick(STORMS).repeat(rng.range(100, 120_000))
  const text = bytes.toString('latin1')
  const body = text.indexOf('<body')
  const at = body >= 0 && rng.chance(0.7) ? body + rng.int(text.length - body) : rng.int(text.length)
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(storm, 'latin1'), bytes.subarray(at)])
}

function charsetLie(rng: Rng, bytes: Buffer): Buffer {
  const label = rng.pick(['gbk', 'utf-8', 'big5', 'utf-16', 'shift_jis', 'x-unknown', 'iso-2022-jp', 'utf-7', ''])
  const text = bytes.toString('latin1').replace(/charset\s*=\s*["']?[\w-]+/i, `charset=${label}`)
  return Buffer.from(text, 'latin1')
}

// ——— .docx ———

async function docxXml(rng: Rng, bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes)
  const file = zip.file('word/document.xml')
  if (!file) return bytes
  let xml = await file.async('string')
  const at = () => rng.int(xml.length)
  switch (rng.int(9)) {
    case 0: {
      // Drop a run of tags (unbalancing the tree).
      for (let i = rng.range(1, 30); i > 0; i -= 1) {
        const start = xml.indexOf('<', at())
        const end = xml.indexOf('>', start)
        if (start >= 0 && end > start) xml = xml.slice(0, start) + xml.slice(end + 1)
      }
      break
    }
    case 1: {
      const start = at()
      const piece = xml.slice(start, start + rng.range(10, 5000))
      xml = xml.slice(0, start) + piece.repeat(rng.range(2, 2000)) + xml.slice(start)
      break
    }
    case 2: {
      const tag = rng.pick(['w:tbl', 'w:tr', 'w:tc', 'w:p', 'w:r', 'w:sdt', 'w:txbxContent', 'w:ins', 'mc:AlternateContent', 'w:fldSimple'])
      const depth = rng.range(100, 50_000)
      const position = xml.indexOf('<w:body>') + 8
      xml = xml.slice(0, position) + `<${tag}>`.repeat(depth) + (rng.chance(0.5) ? `</${tag}>`.repeat(depth) : '') + xml.slice(position)
      break
    }
    case 3:
      // The main namespace bound to another prefix, the elements left with an undeclared w:.
      xml = xml.replace(/xmlns:w=/, 'xmlns:q=')
      break
    case 4: {
      const position = at()
      xml = xml.slice(0, position) + '<w:t>' + '政府'.repeat(rng.range(1000, 400_000)) + '</w:t>' + xml.slice(position)
      break
    }
    case 5:
      xml = xml.slice(0, at())
      break
    case 6: {
      const position = at()
      xml = xml.slice(0, position) + '&amp;&#x0;&#xFFFFFF;&bogus;'.repeat(rng.range(1, 20_000)) + xml.slice(position)
      break
    }
    case 7:
      xml = xml.replace(/w:val="(\d+)"/g, () => `w:val="${rng.pick(['0', '-1', '99999999', 'NaN', '1e9'])}"`)
      break
    default: {
      const tag = rng.pick(['<w:gridSpan w:val="1000"/>', '<w:vMerge/>', '<w:gridBefore w:val="1000"/>', '<w:br/>', '<w:fldChar w:fldCharType="begin"/>'])
      xml = xml.replace(/<w:tcPr>|<w:r>/g, (m) => (rng.chance(0.3) ? m + tag : m))
    }
  }
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** Damage to the zip's own structure: directory fields, the end record, sizes, methods. */
function zipStructure(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  const central = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const field = (base: number, offsets: readonly number[], size: 2 | 4) => {
    if (base < 0) return
    const at = base + rng.pick(offsets)
    if (at + size > out.length) return
    const value = rng.pick([0, 1, 0xffff, 0xffffffff, rng.int(2 ** 31), out.length])
    if (size === 2) out.writeUInt16LE(value & 0xffff, at)
    else out.writeUInt32LE(value >>> 0, at)
  }
  switch (rng.int(6)) {
    case 0:
      field(central, [20, 24, 42], 4) // compressed size, uncompressed size, local header offset
      break
    case 1:
      field(central, [10, 28, 30, 32], 2) // method, name, extra and comment lengths
      break
    case 2:
      field(end, [8, 10, 20], 2) // entry counts, comment length
      break
    case 3:
      field(end, [12, 16], 4) // directory size and offset
      break
    case 4:
      return end >= 0 ? out.subarray(0, end) : out
    default: {
      // A local header's sizes and method.
      const local = out.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), rng.int(out.length / 2))
      field(local, [8], 2)
      field(local, [18, 22], 4)
    }
  }
  return out
}

// ——— PDF ———

function pdfInsert(bytes: Buffer, at: number, text: string): Buffer {
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(text, 'latin1'), bytes.subarray(at)])
}

/** Offsets of `needle` in the file (latin1), for picking a structural spot. */
function positions(bytes: Buffer, needle: string): number[] {
  const found: number[] = []
  const pattern = Buffer.from(needle, 'latin1')
  for (let at = bytes.indexOf(pattern); at >= 0 && found.length < 5000; at = bytes.indexOf(pattern, at + 1)) found.push(at)
  return found
}

function pdfNesting(rng: Rng, bytes: Buffer): Buffer {
  const spots = positions(bytes, '<<')
  const at = spots.length ? rng.pick(spots) + 2 : rng.int(bytes.length)
  const depth = rng.range(50, 60_000)
  const open = rng.pick(['[', '<< /A ', '[<< /K ', '<< /Kids ['])
  const closed = rng.chance(0.5)
  const close = open === '[' ? ']' : open === '<< /A ' ? '>> ' : open === '[<< /K ' ? '>>]' : ']>>'
  return pdfInsert(bytes, at, ` /Z ${open.repeat(depth)}${closed ? close.repeat(depth) : ''} `)
}

function pdfUnterminated(rng: Rng, bytes: Buffer): Buffer {
  const close = rng.pick(['>>', ']', 'endobj', 'endstream', ')'])
  const spots = positions(bytes, close)
  if (!spots.length) return truncate(rng, bytes)
  const at = rng.pick(spots)
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + close.length)])
}

function pdfXref(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  const xref = out.lastIndexOf(Buffer.from('xref'))
  const startxref = out.lastIndexOf(Buffer.from('startxref'))
  switch (rng.int(4)) {
    case 0:
      // Byte damage inside the table or the cross-reference stream.
      for (let i = rng.range(1, 200); i > 0 && xref >= 0; i -= 1) out[xref + rng.int(Math.max(1, startxref - xref))] = rng.pick([0x30, 0x39, 0x20, 0x41, 0x0a, 0x66, 0x6e])
      return out
    case 1:
      // startxref pointing elsewhere.
      return startxref >= 0 ? Buffer.concat([out.subarray(0, startxref), Buffer.from(`startxref\n${rng.int(out.length * 2)}\n%%EOF\n`)]) : out
    case 2:
      // Object offsets shifted: everything before the table grows.
      return pdfInsert(out, rng.int(Math.max(1, xref)), ' '.repeat(rng.range(1, 5000)))
    default:
      // /Size and /Prev lies in the trailer.
      return Buffer.from(
        out.toString('latin1').replace(/\/Size \d+/g, `/Size ${rng.pick([0, 1, 999_999_999, -5])}`).replace(/\/Prev \d+/g, `/Prev ${rng.int(out.length)}`),
        'latin1'
      )
  }
}

/** A stream replaced by one that inflates to hundreds of MB, or its /Length made to lie. */
function pdfStream(rng: Rng, bytes: Buffer): Buffer {
  const text = bytes.toString('latin1')
  const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index + m[0].length)
  if (!streams.length) return bytes
  const start = rng.pick(streams)
  const end = text.indexOf('endstream', start)
  if (end < 0) return bytes
  if (rng.chance(0.3)) {
    return Buffer.from(text.replace(/\/Length \d+/g, (m) => (rng.chance(0.3) ? `/Length ${rng.pick([0, 1, 99_999_999, bytes.length])}` : m)), 'latin1')
  }
  const unit = rng.pick([' ', '0 0 Td ', '(x) Tj ', '[', 'q ', '\0'])
  const raw = repeatedDeflate('', unit.repeat(Math.ceil(65_536 / unit.length)), rng.range(16, 8192), '')
  const bomb = Buffer.concat([Buffer.from([0x78, 0x9c]), raw.data, Buffer.alloc(4)])
  return Buffer.concat([bytes.subarray(0, start), bomb, Buffer.from('\n'), bytes.subarray(end)])
}

/** Text-showing operators in a fresh content stream for the first page: operator storms. */
function pdfContentStorm(rng: Rng, bytes: Buffer): Buffer {
  const op = rng.pick(['BT /F1 9 Tf 1 0 0 1 50 700 Tm (12) Tj ET ', 'q ', 'Q ', '1 0 0 1 0 0 cm ', '[(a) -200 (b)] TJ ', 'BI /W 1 /H 1 ID x EI ', 'T* '])
  const content = deflateSync(Buffer.from(op.repeat(rng.range(1000, 200_000)), 'latin1'))
  const text = bytes.toString('latin1')
  const match = /\/Contents\s+(\d+)\s+0\s+R/.exec(text)
  if (!match) return bytes
  const object = text.indexOf(`\n${match[1]} 0 obj`)
  const start = text.indexOf('stream', object)
  const end = text.indexOf('endstream', start)
  if (object < 0 || start < 0 || end < 0) return bytes
  const dictEnd = text.lastIndexOf('>>', start)
  const head = text.slice(object, dictEnd).replace(/\/Length \d+/, `/Length ${content.length}`).replace(/\/Filter\s*\/\w+/, '/Filter /FlateDecode')
  return Buffer.concat([bytes.subarray(0, object), Buffer.from(`${head}>>\nstream\n`, 'latin1'), content, Buffer.from('\n'), bytes.subarray(end)])
}

// ——— .mhtml ———

function mimeDamage(rng: Rng, bytes: Buffer): Buffer {
  const text = bytes.toString('latin1')
  switch (rng.int(4)) {
    case 0:
      return Buffer.from(text.replace(/boundary="?([^"\r\n;]+)"?/i, `boundary="${rng.pick(['', 'x', '--', '"'])}"`), 'latin1')
    case 1:
      return Buffer.from(text.replace(/Content-Transfer-Encoding: [\w-]+/gi, `Content-Transfer-Encoding: ${rng.pick(['base64', 'quoted-printable', '8bit', 'x-bogus'])}`), 'latin1')
    case 2: {
      const nested = 'Content-Type: multipart/related; boundary="n"\r\n\r\n--n\r\n'.repeat(rng.range(10, 5000))
      return pdfInsert(bytes, text.indexOf('\r\n\r\n') + 4, nested)
    }
    default:
      return pdfInsert(bytes, rng.int(bytes.length), '=\r\n=ZZ=3'.repeat(rng.range(100, 100_000)))
  }
}

// ——— OLE (.doc/.wps) ———

function oleHeader(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  // Header fields: sector shift, FAT sector count, directory start, mini FAT, DIFAT start and count.
  const at = rng.pick([0x1e, 0x20, 0x2c, 0x30, 0x3c, 0x40, 0x44, 0x48, 0x4c + 4 * rng.int(109)])
  if (at + 4 <= out.length) out.writeUInt32LE(rng.pick([0, 1, 0xfffffffe, 0xffffffff, rng.int(1 << 20), out.length >> 9]) >>> 0, at)
  return out
}

function oleFatLoop(rng: Rng, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes)
  const fatSector = out.readUInt32LE(0x4c)
  const base = (fatSector + 1) * 512
  for (let i = rng.range(1, 50); i > 0; i -= 1) {
    const at = base + 4 * rng.int(128)
    if (at + 4 <= out.length) out.writeUInt32LE(rng.int(out.length >> 9), at)
  }
  return out
}

const GENERIC: Record<string, Mutation> = {
  flips,
  'bit-flips': bitFlips,
  truncate,
  splice,
  'delete-range': deleteRange,
  'repeat-range': repeatRange,
  'magic-then-random': magicThenRandom
}

export const MUTATIONS: Record<SeedKind, Record<string, Mutation>> = {
  docx: { ...GENERIC, 'docx-xml': docxXml, 'zip-structure': zipStructure },
  doc: { ...GENERIC, 'ole-header': oleHeader, 'ole-fat-loop': oleFatLoop },
  pdf: {
    ...GENERIC,
    'pdf-nesting': pdfNesting,
    'pdf-unterminated': pdfUnterminated,
    'pdf-xref': pdfXref,
    'pdf-stream': pdfStream,
    'pdf-content-storm': pdfContentStorm
  },
  html: { ...GENERIC, 'tag-storm': tagStorm, 'charset-lie': charsetLie, 'invalid-encoding': invalidEncoding, 'long-line': longLine },
  mhtml: { ...GENERIC, 'mime-damage': mimeDamage, 'tag-storm': tagStorm, 'invalid-encoding': invalidEncoding },
  txt: { ...GENERIC, 'invalid-encoding': invalidEncoding, 'long-line': longLine, 'digit-runs': digitRuns }
}

/** One mutated input from a seed: the mutation chosen by the generator, the name by the kind. */
export async function mutate(rng: Rng, seed: Seed, exclude: readonly string[] = []): Promise<FuzzInput> {
  const table = MUTATIONS[seed.kind]
  const names = Object.keys(table).filter((name) => !exclude.includes(name))
  // One in twenty is random bytes under this kind's extension, or a kind under another's.
  if (rng.chance(0.05)) {
    return { shape: `${seed.kind}/random`, name: `年报${rng.pick(EXTENSIONS[seed.kind])}`, bytes: randomBytes(rng) }
  }
  if (rng.chance(0.03)) {
    const other = rng.pick(Object.values(EXTENSIONS).flat())
    return { shape: `${seed.kind}/wrong-extension`, name: `年报${other}`, bytes: seed.bytes }
  }
  const name = rng.pick(names)
  // A structural mutation of something no longer parseable (a zip already broken) falls back to flips.
  const apply = async (mutation: Mutation, bytes: Buffer) => {
    try {
      return await mutation(rng, bytes, seed)
    } catch {
      return flips(rng, bytes)
    }
  }
  let bytes = await apply(table[name]!, seed.bytes)
  // Sometimes a second mutation on top.
  if (rng.chance(0.2)) bytes = await apply(table[rng.pick(names)]!, bytes)
  return { shape: `${seed.kind}/${name}`, name: `年报${rng.pick(EXTENSIONS[seed.kind])}`, bytes }
}
