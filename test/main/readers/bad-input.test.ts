/**
 * Bad input: each case ends in one FileError with a Chinese sentence naming the problem, quickly,
 * without reading more than it must. The inputs are made here at run time (only the encrypted PDF
 * is a committed fixture: nothing here can encrypt one).
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileError } from '../../../src/main/services/files'
import { MAX_DOCUMENT_BYTES, readDocument, readDocumentFile } from '../../../src/main/services/readers'
import { fixture } from './support'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'readers-bad-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Reads and expects a FileError whose message contains `text`, within `ms`. */
async function expectRefusal(read: () => Promise<unknown>, text: string, ms = 5000): Promise<void> {
  const started = performance.now()
  const error = await read().then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error, `expected a FileError containing “${text}”`).toBeInstanceOf(FileError)
  expect((error as Error).message).toContain(text)
  expect(performance.now() - started).toBeLessThan(ms)
}

interface ZipEntry {
  name: string
  data: Uint8Array
  /** What the central directory claims (defaults to the truth). */
  claimedSize?: number
  uncompressedSize: number
}

/** A minimal zip (deflate, no CRC check by the reader): local headers, data, central directory, end record. */
function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const size = entry.claimedSize ?? entry.uncompressedSize
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(size >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(entry.data))
    centrals.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/**
 * `size` bytes of zeros as one raw deflate stream, without ever holding or deflating them all: a
 * 16 MB block deflated with a full flush is self-contained, so it can be repeated, and a final
 * empty block (fixed Huffman, BFINAL) closes the stream.
 */
function deflatedZeros(size: number): Buffer {
  const block = 16 * 1024 * 1024
  const chunk = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  const repeats = Math.ceil(size / block)
  return Buffer.concat([...Array.from({ length: repeats }, () => chunk), Buffer.from([0x03, 0x00])])
}

/** A one-page PDF that draws a grey box and has no text at all: a scan, as far as text goes. */
function imageOnlyPdf(): Buffer {
  const content = '0.5 g 72 72 451 698 re f'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

describe('bad input', () => {
  it('an empty file', async () => {
    await expectRefusal(() => readDocument({ bytes: new Uint8Array(0), name: '年报.docx' }), '文件是空的')
    const path = join(dir, 'empty.pdf')
    await writeFile(path, '')
    await expectRefusal(() => readDocumentFile(path), '文件是空的')
  })

  it('random bytes named .docx', async () => {
    await expectRefusal(
      () => readDocument({ bytes: randomBytes(64 * 1024), name: '年报.docx' }),
      '文件扩展名是 .docx，但内容不是Word 文档（.docx）'
    )
  })

  it('random bytes with no known extension', async () => {
    await expectRefusal(() => readDocument({ bytes: randomBytes(4096), name: 'data.bin' }), '无法识别的文件类型')
  })

  it('a truncated .docx (the real one cut in half)', async () => {
    const whole = await readFile(fixture('same-report/report.docx'))
    await expectRefusal(
      () => readDocument({ bytes: whole.subarray(0, whole.length >> 1), name: '年报.docx' }),
      'Word 文件（.docx）已损坏或不完整'
    )
  })

  it('a zip bomb: 1 GB of zeros deflated to ~1 MB, refused from the directory before inflating', async () => {
    const size = 1024 * 1024 * 1024
    const data = deflatedZeros(size)
    expect(data.length).toBeLessThan(2 * 1024 * 1024)
    // The stream is valid deflate: a part of it inflates to zeros.
    expect(inflateRawSync(Buffer.concat([data.subarray(0, (data.length - 2) / 64), Buffer.from([0x03, 0x00])])).every((b) => b === 0)).toBe(true)
    const bomb = zip([{ name: 'word/document.xml', data, uncompressedSize: size }])
    await expectRefusal(() => readDocument({ bytes: bomb, name: '年报.docx' }), '压缩包解压后过大，可能已损坏或是恶意文件', 1000)
  })

  it('a zip bomb whose directory lies about the size: stopped while inflating', async () => {
    const size = 64 * 1024 * 1024
    const bomb = zip([
      { name: '[Content_Types].xml', data: deflateRawSync('<Types/>'), uncompressedSize: 8 },
      { name: 'word/document.xml', data: deflatedZeros(size), uncompressedSize: size, claimedSize: 1000 }
    ])
    await expectRefusal(() => readDocument({ bytes: bomb, name: '年报.docx' }), '压缩包解压后过大，可能已损坏或是恶意文件', 2000)
  })

  it('a zip that is not a Word document', async () => {
    const other = zip([{ name: 'xl/workbook.xml', data: deflateRawSync('<workbook/>'), uncompressedSize: 11 }])
    await expectRefusal(() => readDocument({ bytes: other, name: '年报.docx' }), '不是 Word 文档')
  })

  it('an image-only PDF', async () => {
    await expectRefusal(
      () => readDocument({ bytes: imageOnlyPdf(), name: '扫描件.pdf' }),
      '该 PDF 没有文字层，页面中也没有扫描的图片'
    )
  })

  it('a password-protected PDF', async () => {
    const bytes = await readFile(fixture('same-report/encrypted.pdf'))
    await expectRefusal(() => readDocument({ bytes, name: '加密.pdf' }), '该 PDF 已加密')
  })

  it('a corrupt PDF', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)])
    await expectRefusal(() => readDocument({ bytes, name: '坏.pdf' }), 'PDF')
  })

  it('a corrupt .doc (OLE2 signature, garbage after)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(4096)])
    await expectRefusal(() => readDocument({ bytes, name: '年报.doc' }), '无法读取该 Word 97-2003 文档')
  })

  it('a 300 MB file: refused by its size before any byte is read', async () => {
    const path = join(dir, 'huge.pdf')
    const handle = await open(path, 'w')
    await handle.truncate(300 * 1024 * 1024)
    await handle.close()
    const before = process.memoryUsage().rss
    await expectRefusal(() => readDocumentFile(path), '文件过大（300.0 MB），超过上限 50.0 MB', 500)
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
    expect(MAX_DOCUMENT_BYTES).toBe(50 * 1024 * 1024)
  })

  it('a missing file', async () => {
    await expectRefusal(() => readDocumentFile(join(dir, 'nope.docx')), '找不到文件')
  })

  it('an RTF file', async () => {
    await expectRefusal(() => readDocument({ bytes: Buffer.from('{\\rtf1\\ansi 年报}'), name: '年报.doc' }), 'RTF')
  })
})
