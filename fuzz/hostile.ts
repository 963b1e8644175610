/**
 * Hostile and huge inputs by name: what a damaged portal file, a huge saved page or an attacker
 * could hand the importer. Each is the largest or worst of its shape that still passes the file size
 * limit, so the limits inside the readers are what stops it.
 */
import { pagePdf, textContent, type PdfObject } from './pdf'
import { reportText, seeds } from './seeds'
import { deflatedEntry, repeatedDeflate, writeZip } from './zip'

export interface FuzzInput {
  /** Mutation or hostile shape, for the tallies. */
  shape: string
  /** File name given to the importer (its extension matters). */
  name: string
  bytes: Buffer
}

const MB = 1024 * 1024

/** Repeats `unit` until `size` bytes (UTF-8), cut at a character boundary. */
function fill(unit: string, size: number): Buffer {
  const one = Buffer.from(unit, 'utf8')
  const out = Buffer.alloc(size)
  for (let at = 0; at < size; at += one.length) one.copy(out, at, 0, Math.min(one.length, size - at))
  // Do not end inside a multi-byte character.
  let end = size
  while (end > 0 && (out[end - 1]! & 0xc0) === 0x80) end -= 1
  if (end > 0 && out[end - 1]! >= 0xc0) end -= 1
  return out.subarray(0, end)
}

const DOCX_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
const DOCX_TAIL = '</w:body></w:document>'
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

function docx(documentXml: ReturnType<typeof repeatedDeflate>): Buffer {
  return writeZip([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), { ...documentXml, name: 'word/document.xml' }])
}

/** About `size` bytes of paragraphs of pseudo-random report characters (deterministic). */
function variedParagraphs(size: number): string {
  const chars = [...new Set(reportText().replace(/\s/g, ''))]
  let seed = 7
  const parts: string[] = []
  for (let length = 0; length < size; ) {
    let text = ''
    for (let i = 0; i < 12; i += 1) text += chars[(seed = (seed * 48271) % 2147483647) % chars.length]
    const xml = `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`
    parts.push(xml)
    length += Buffer.byteLength(xml)
  }
  return parts.join('')
}

/** `zlib` framing around repeated raw deflate blocks (pdfjs wants the 2-byte header; it ignores the checksum). */
function zlibRepeated(block: string, repeats: number, head = ''): Buffer {
  const raw = repeatedDeflate(head, block, repeats, '')
  return Buffer.concat([Buffer.from([0x78, 0x9c]), raw.data, Buffer.alloc(4)])
}

function nestedDivs(depth: number): string {
  return `<html><body><p>${'政府信息公开'.repeat(30)}</p>${'<div>'.repeat(depth)}深处${'</div>'.repeat(depth)}</body></html>`
}

const LINE = reportText().split(/\r?\n/).find((l) => l.length > 100) ?? '政府信息公开'

export const HOSTILE: Record<string, () => FuzzInput> = {
  'txt-49mb': () => ({ shape: 'txt-49mb', name: '年报.txt', bytes: fill(`${reportText()}\n`, 49 * MB) }),
  'txt-20mb-line': () => ({ shape: 'txt-20mb-line', name: '年报.txt', bytes: fill(LINE, 20 * MB) }),
  'txt-million-cells': () => ({ shape: 'txt-million-cells', name: '年报.txt', bytes: fill(`${'12\t'.repeat(999)}12\n`, 3 * MB) }),
  'txt-million-cells-one-line': () => ({ shape: 'txt-million-cells-one-line', name: '年报.txt', bytes: fill('7\t', 2 * MB) }),
  'txt-tabs-only': () => ({ shape: 'txt-tabs-only', name: '年报.txt', bytes: Buffer.alloc(20 * MB, 9) }),
  'txt-newlines-only': () => ({ shape: 'txt-newlines-only', name: '年报.txt', bytes: Buffer.alloc(40 * MB, 10) }),
  // A narrative paragraph of unbroken digits: every figure pattern must start only where a run starts.
  'txt-digit-line': () => ({ shape: 'txt-digit-line', name: '年报.txt', bytes: Buffer.concat([Buffer.from(`${reportText()}\n`), fill('3141592653', 2 * MB)]) }),
  // A damaged page repeating its run-together 表三 rows thousands of times: a joint split as deep as the rows.
  'txt-rows-repeated': () => ({ shape: 'txt-rows-repeated', name: '年报.txt', bytes: rowsRepeated(seedBytes('wild/browser-copy.run-together.txt'), 3 * MB) }),
  'txt-invalid-utf8': () => ({ shape: 'txt-invalid-utf8', name: '年报.txt', bytes: Buffer.from(fill('\u00ff\u00fe年报\ud7ff', 8 * MB).map((b, i) => (i % 7 === 0 ? 0xff : b))) }),
  'docx-190mb-xml': () => ({
    shape: 'docx-190mb-xml',
    name: '年报.docx',
    // Varied text in Word's markup deflates about 20:1, as a real document does: past the zip guard.
    bytes: docx(repeatedDeflate(DOCX_HEAD, variedParagraphs(MB), 190, DOCX_TAIL))
  }),
  'docx-deep-tables': () => ({
    shape: 'docx-deep-tables',
    name: '年报.docx',
    bytes: docx(repeatedDeflate(DOCX_HEAD, '<w:tbl><w:tr><w:tc>', 100_000, DOCX_TAIL))
  }),
  'docx-many-cells': () => ({
    shape: 'docx-many-cells',
    name: '年报.docx',
    bytes: docx(repeatedDeflate(`${DOCX_HEAD}<w:tbl>`, `<w:tr>${'<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'.repeat(100)}</w:tr>`, 10_000, `</w:tbl>${DOCX_TAIL}`))
  }),
  'docx-runs-storm': () => ({
    shape: 'docx-runs-storm',
    name: '年报.docx',
    bytes: docx(repeatedDeflate(`${DOCX_HEAD}<w:p>`, '<w:r><w:t>政</w:t></w:r>', 2_000_000, `</w:p>${DOCX_TAIL}`))
  }),
  'pdf-content-2gb': () => ({
    shape: 'pdf-content-2gb',
    name: '年报.pdf',
    bytes: contentBomb()
  }),
  'pdf-nested-arrays': () => ({ shape: 'pdf-nested-arrays', name: '年报.pdf', bytes: pagePdf({ content: textContent(['hello']), pageExtra: `/X ${'['.repeat(50_000)}` }) }),
  'pdf-nested-dicts': () => ({ shape: 'pdf-nested-dicts', name: '年报.pdf', bytes: pagePdf({ content: textContent(['hello']), pageExtra: `/X ${'<< /A '.repeat(20_000)}` }) }),
  'pdf-nested-content': () => ({ shape: 'pdf-nested-content', name: '年报.pdf', bytes: pagePdf({ content: `${textContent(['hello'])}\n${'['.repeat(100_000)}` }) }),
  'pdf-many-pages': () => ({ shape: 'pdf-many-pages', name: '年报.pdf', bytes: pagePdf({ content: textContent(['Report line one', 'Report line two']), pages: 5000 }) }),
  'pdf-text-items-storm': () => ({
    shape: 'pdf-text-items-storm',
    name: '年报.pdf',
    bytes: pagePdf({ content: Array.from({ length: 100_000 }, (_, i) => `BT /F1 6 Tf ${(i * 37) % 550} ${(i * 53) % 800} Td (${i % 1000}) Tj ET`).join('\n') })
  }),
  'pdf-objstm-bomb': () => ({
    shape: 'pdf-objstm-bomb',
    name: '年报.pdf',
    bytes: pagePdf({
      content: textContent(['hello']),
      extra: [{ body: '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>', stream: zlibRepeated(' '.repeat(MB), 1024) } satisfies PdfObject]
    })
  }),
  'pdf-content-storm-16mb': () => ({
    shape: 'pdf-content-storm-16mb',
    name: '年报.pdf',
    bytes: pagePdf({ content: zlibRepeated('q Q '.repeat(MB / 4), 15, `${textContent(['Annual report'])}\n`), deflated: true })
  }),
  'pdf-garbage-content': () => ({
    shape: 'pdf-garbage-content',
    name: '年报.pdf',
    bytes: pagePdf({ content: Buffer.concat([Buffer.from(textContent(['Annual report'])), Buffer.from(Array.from({ length: 15 * MB }, (_, i) => (i * 7919) % 251))]) })
  }),
  'pdf-font-bomb': () => ({
    shape: 'pdf-font-bomb',
    name: '年报.pdf',
    bytes: pagePdf({
      content: textContent(['hello']),
      extra: [{ body: '<< /Length1 100 /Filter /FlateDecode >>', stream: zlibRepeated('\0'.repeat(MB), 1024) } satisfies PdfObject]
    })
  }),
  'html-table-storm': () => ({ shape: 'html-table-storm', name: '年报.html', bytes: Buffer.from(`<html><body>${'<table><tr><td>政'.repeat(100_000)}</body></html>`) }),
  'html-unclosed-500k': () => ({ shape: 'html-unclosed-500k', name: '年报.html', bytes: Buffer.from(`<html><body>${'<span>公开'.repeat(500_000)}</body></html>`) }),
  'html-p-storm': () => ({ shape: 'html-p-storm', name: '年报.html', bytes: Buffer.from(`<html><body>${'<p>公开'.repeat(500_000)}</body></html>`) }),
  'html-li-storm': () => ({ shape: 'html-li-storm', name: '年报.html', bytes: Buffer.from(`<html><body><ul>${'<li><ul>'.repeat(100_000)}</body></html>`) }),
  'html-nested-divs-100k': () => ({ shape: 'html-nested-divs-100k', name: '年报.html', bytes: Buffer.from(nestedDivs(100_000)) }),
  'html-huge-spans': () => ({ shape: 'html-huge-spans', name: '年报.html', bytes: Buffer.from(`<html><body><table>${`<tr>${'<td rowspan="1000" colspan="1000">1</td>'.repeat(50)}</tr>`.repeat(200)}</table></body></html>`) }),
  'html-giant-table': () => ({ shape: 'html-giant-table', name: '年报.html', bytes: Buffer.from(`<html><body>${'<p>政府信息公开</p>'.repeat(30)}<table>${`<tr>${'<td>1</td>'.repeat(1000)}</tr>`.repeat(1000)}</table></body></html>`) }),
  'html-20mb-line': () => ({ shape: 'html-20mb-line', name: '年报.html', bytes: Buffer.concat([Buffer.from('<html><body><p>'), fill(LINE, 20 * MB), Buffer.from('</p></body></html>')]) }),
  'html-attribute-storm': () => ({ shape: 'html-attribute-storm', name: '年报.html', bytes: Buffer.from(`<html><body><p ${'a="1" '.repeat(1_000_000)}>政府信息公开</p></body></html>`) }),
  'mhtml-30mb': () => ({ shape: 'mhtml-30mb', name: '年报.mhtml', bytes: mhtml(fill(`<p>${LINE}</p>\n`, 30 * MB)) }),
  'mhtml-many-parts': () => ({ shape: 'mhtml-many-parts', name: '年报.mhtml', bytes: mhtmlParts(100_000) })
}

/** The document with its lines of run-together figures (label, space, digits) repeated up to about `size` bytes. */
function rowsRepeated(bytes: Buffer, size: number): Buffer {
  const text = bytes.toString('utf8')
  const rows = text.split('\n').filter((line) => /\s\d{7,}\s*$/.test(line))
  const at = text.indexOf(rows[0] ?? '')
  const block = `${rows.join('\n')}\n`
  return Buffer.from(text.slice(0, at) + block.repeat(Math.floor(size / Buffer.byteLength(block))) + text.slice(at))
}

/** Text, then 2 GB of spaces: the page's content stream as the issue found it. */
function contentBomb(): Buffer {
  return pagePdf({ content: zlibRepeated(' '.repeat(MB), 2048, `${textContent(['Annual report'])}\n`), deflated: true })
}

function mhtml(html: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body>'
    ),
    html,
    Buffer.from('</body></html>\r\n------=_NextPart--\r\n')
  ])
}

function mhtmlParts(count: number): Buffer {
  const part = '------=_NextPart\r\nContent-Type: text/plain\r\n\r\nx\r\n'
  return Buffer.from(
    `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html><body><p>${LINE}</p></body></html>\r\n${part.repeat(count)}------=_NextPart--\r\n`
  )
}

/** The fixture bytes of a kind, for hostile inputs built on a real file. */
export function seedBytes(path: string): Buffer {
  const seed = seeds().find((s) => s.path === path)
  if (!seed) throw new Error(`no seed ${path}`)
  return seed.bytes
}

