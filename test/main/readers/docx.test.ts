/**
 * The direct .docx reader (WordprocessingML → blocks) against the former mammoth → HTML → blocks
 * path (mammoth is kept as the oracle, see ./mammoth): the same blocks on the committed fixture, on the project's own export and on documents made
 * here with the `docx` library (merged cells, tracked changes, fields, line breaks, split runs);
 * then WordprocessingML written by hand for what the `docx` library cannot write (field results,
 * gridBefore, text boxes, deleted paragraph marks, nested tables, check boxes).
 */
import { readFile } from 'node:fs/promises'
import { crc32, deflateRawSync } from 'node:zlib'
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type FileChild
} from 'docx'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import type { Block } from '@core/import/types'
import { FileError } from '../../../src/main/services/files'
import { readDocx } from '../../../src/main/services/readers/docx'
import { documentXmlToBlocks } from '../../../src/main/services/readers/docxXml'
import { consistentReport } from '../../support/reports'
import { mammothBlocks } from './mammoth'
import { fixture } from './support'

async function direct(bytes: Uint8Array): Promise<Block[]> {
  return (await readDocx(bytes)).blocks
}

async function made(children: FileChild[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })))
}

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...options })

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const NAMESPACES = `${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`

/** A document.xml around body content. */
const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${body}<w:sectPr/></w:body></w:document>`

const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`

/** A minimal .docx package (deflated entries) holding only the given parts. */
function zipOf(parts: Record<string, string>): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [path, text] of Object.entries(parts)) {
    const name = Buffer.from(path)
    const raw = Buffer.from(text)
    const data = deflateRawSync(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(raw), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(raw), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 2, 8)
  end.writeUInt16LE(centrals.length / 2, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'

const packaged = (body: string) =>
  zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': documentXml(body) })

const blocksOf = (body: string) => documentXmlToBlocks(documentXml(body))

describe('direct .docx reader: the blocks mammoth gave', () => {
  it('on the committed fixture report', async () => {
    const bytes = new Uint8Array(await readFile(fixture('same-report/report.docx')))
    const blocks = await direct(bytes)
    expect(blocks.length).toBeGreaterThan(10)
    expect(blocks).toEqual(await mammothBlocks(bytes))
  })

  it('on the project’s own export (merged header cells)', async () => {
    const bytes = await buildDocx(consistentReport())
    const blocks = await direct(bytes)
    const tables = blocks.filter((b) => b.kind === 'table')
    expect(tables.length).toBeGreaterThanOrEqual(3)
    expect(tables.some((t) => t.rows.some((row) => row.some((c) => c.rowSpan > 1)))).toBe(true)
    expect(tables.some((t) => t.rows.some((row) => row.some((c) => c.colSpan > 1)))).toBe(true)
    expect(blocks).toEqual(await mammothBlocks(bytes))
  })

  it('merged cells: gridSpan → colSpan, vMerge → rowSpan on the anchor, covered cells omitted', async () => {
    const bytes = await made([
      new Table({
        rows: [
          new TableRow({ children: [cell('项目', { rowSpan: 2 }), cell('数量', { columnSpan: 2 })] }),
          new TableRow({ children: [cell('本年'), cell('上年')] }),
          new TableRow({ children: [cell('收到'), cell('12'), cell('7')] })
        ]
      })
    ])
    const blocks = await direct(bytes)
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          [
            { text: '项目', rowSpan: 2, colSpan: 1 },
            { text: '数量', rowSpan: 1, colSpan: 2 }
          ],
          [
            { text: '本年', rowSpan: 1, colSpan: 1 },
            { text: '上年', rowSpan: 1, colSpan: 1 }
          ],
          [
            { text: '收到', rowSpan: 1, colSpan: 1 },
            { text: '12', rowSpan: 1, colSpan: 1 },
            { text: '7', rowSpan: 1, colSpan: 1 }
          ]
        ]
      }
    ])
    expect(blocks).toEqual(await mammothBlocks(bytes))
  })

  it('tracked changes as accepted, a number split across runs, line breaks, a page field', async () => {
    const bytes = await made([
      new Paragraph({
        children: [
          new TextRun('共收到申请'),
          new DeletedTextRun({ text: '99', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
          new InsertedTextRun({ text: '12', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
          new TextRun('件')
        ]
      }),
      new Paragraph({ children: [new TextRun('20'), new TextRun({ text: '23', bold: true }), new TextRun('年度')] }),
      new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
      new Paragraph({ children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'] })] }),
      new Table({
        rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('商业'), new Paragraph('企业')] }), cell('3')] })]
      })
    ])
    const blocks = await direct(bytes)
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '共收到申请12件' },
      { kind: 'paragraph', text: '2023年度' },
      { kind: 'paragraph', text: '第一行' },
      { kind: 'paragraph', text: '第二行' },
      // The field's result is empty until Word updates it; the instruction (PAGE) never shows.
      { kind: 'paragraph', text: '第页' },
      {
        kind: 'table',
        rows: [
          [
            { text: '商业企业', rowSpan: 1, colSpan: 1 },
            { text: '3', rowSpan: 1, colSpan: 1 }
          ]
        ]
      }
    ])
    expect(blocks).toEqual(await mammothBlocks(bytes))
  })

  it('hand-written WordprocessingML: field results, text boxes, deleted marks and rows, nested tables', async () => {
    const body = [
      // A complex field: the result shows, the instruction does not.
      p(
        r('共'),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 40 + 2 </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('42'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r('件')
      ),
      // A text box in a paragraph: Choice and Fallback hold the same text; it follows its host.
      p(
        r('正文'),
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>',
        p(r('框内文字')),
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>',
        p(r('框内文字')),
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
        r('继续')
      ),
      // A deleted paragraph mark joins this paragraph to the next.
      `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>${r('上半')}</w:p>`,
      p(r('下半')),
      // A layout table holding a data table: outer cells flow, the inner table is the block.
      tbl(
        tr(
          tc(p(r('外层说明'))),
          tc(tbl(tr(tc(p(r('甲'))), tc(p(r('1')))), tr(tc(p(r('乙'))), tc(p(r('2'))))) + p(''))
        )
      ),
      // A deleted row is gone, vMerge spans what is left.
      tbl(
        tr(tc(p(r('类别')), '<w:vMerge w:val="restart"/>'), tc(p(r('数')))),
        `<w:tr><w:trPr><w:del w:id="2" w:author="a"/></w:trPr>${tc(p(r('删')))}${tc(p(r('0')))}</w:tr>`,
        tr(tc(p(''), '<w:vMerge/>'), tc(p(r('5'))))
      )
    ].join('')
    const blocks = blocksOf(body)
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '共42件' },
      { kind: 'paragraph', text: '正文继续' },
      { kind: 'paragraph', text: '框内文字' },
      { kind: 'paragraph', text: '上半下半' },
      { kind: 'paragraph', text: '外层说明' },
      {
        kind: 'table',
        rows: [
          [
            { text: '甲', rowSpan: 1, colSpan: 1 },
            { text: '1', rowSpan: 1, colSpan: 1 }
          ],
          [
            { text: '乙', rowSpan: 1, colSpan: 1 },
            { text: '2', rowSpan: 1, colSpan: 1 }
          ]
        ]
      },
      {
        kind: 'table',
        rows: [
          [
            { text: '类别', rowSpan: 2, colSpan: 1 },
            { text: '数', rowSpan: 1, colSpan: 1 }
          ],
          [{ text: '5', rowSpan: 1, colSpan: 1 }]
        ]
      }
    ])
    // Through the whole reader, and mammoth agrees on all of it.
    const bytes = packaged(body)
    expect(await direct(bytes)).toEqual(blocks)
    expect(await mammothBlocks(bytes)).toEqual(blocks)
  })
})

describe('direct .docx reader: where it reads more carefully than mammoth did', () => {
  it('gridBefore keeps later cells in their grid columns (mammoth shifted them left)', () => {
    const blocks = blocksOf(
      tbl(
        tr(tc(p(r('甲'))), tc(p(r('乙'))), tc(p(r('丙')))),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('2')))}${tc(p(r('3')))}</w:tr>`
      )
    )
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          [
            { text: '甲', rowSpan: 1, colSpan: 1 },
            { text: '乙', rowSpan: 1, colSpan: 1 },
            { text: '丙', rowSpan: 1, colSpan: 1 }
          ],
          [
            { text: '', rowSpan: 1, colSpan: 1 },
            { text: '2', rowSpan: 1, colSpan: 1 },
            { text: '3', rowSpan: 1, colSpan: 1 }
          ]
        ]
      }
    ])
  })

  it('w:fldSimple shows its result; w:cr breaks the line; tabs, no-break hyphens, soft hyphens, page breaks', () => {
    const blocks = blocksOf(
      [
        p(r('合计'), `<w:fldSimple w:instr=" = SUM(ABOVE) ">${r('58')}</w:fldSimple>`, r('件')),
        p(r('一行'), '<w:r><w:cr/></w:r>', r('二行')),
        p(r('编号'), '<w:r><w:tab/></w:r>', r('A'), '<w:r><w:noBreakHyphen/></w:r>', r('1')),
        p(r('20'), '<w:r><w:softHyphen/></w:r>', r('23'), '<w:r><w:br w:type="page"/></w:r>', r('年'))
      ].join('')
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '合计58件' },
      { kind: 'paragraph', text: '一行' },
      { kind: 'paragraph', text: '二行' },
      { kind: 'paragraph', text: '编号 A\u20111' },
      { kind: 'paragraph', text: '2023年' }
    ])
  })

  it('a check-box content control and symbol-font characters carry no text; a cell’s line breaks are joined', () => {
    const blocks = blocksOf(
      [
        p(
          '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>',
          r('☒'),
          '</w:sdtContent></w:sdt>',
          r('依申请公开'),
          '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
        ),
        p('<w:sdt><w:sdtPr/><w:sdtContent>', r('控件内文字'), '</w:sdtContent></w:sdt>'),
        tbl(tr(tc(p(r('行政'), '<w:r><w:br/></w:r>', r('复议'))), tc(p(r('1')))))
      ].join('')
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '依申请公开' },
      { kind: 'paragraph', text: '控件内文字' },
      {
        kind: 'table',
        rows: [
          [
            { text: '行政复议', rowSpan: 1, colSpan: 1 },
            { text: '1', rowSpan: 1, colSpan: 1 }
          ]
        ]
      }
    ])
  })

  it('malformed or hostile XML gives blocks without throwing: unclosed tags, deep nesting', () => {
    // mammoth refused malformed XML; the direct reader keeps what it can read.
    expect(blocksOf(`${p(r('甲'))}<w:p><w:r><w:t>乙`)).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'paragraph', text: '乙' }
    ])
    const deep = '<w:tbl><w:tr><w:tc>'.repeat(3000) + p(r('深')) + '</w:tc></w:tr></w:tbl>'.repeat(3000)
    expect(() => blocksOf(deep)).not.toThrow()
  })

  it('reads elements by namespace: another prefix, a default namespace, a redeclaration inside', async () => {
    const main = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    const expected = [
      { kind: 'paragraph', text: '依申请公开12件' },
      { kind: 'table', rows: [[{ text: '甲', rowSpan: 1, colSpan: 2 }]] }
    ]
    const ns0 = `<?xml version="1.0" encoding="UTF-8"?><ns0:document xmlns:ns0="${main}"><ns0:body><ns0:p><ns0:r><ns0:t>依申请公开12件</ns0:t></ns0:r></ns0:p><ns0:tbl><ns0:tr><ns0:tc><ns0:tcPr><ns0:gridSpan ns0:val="2"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>甲</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>`
    expect(documentXmlToBlocks(ns0)).toEqual(expected)
    const bare = `<?xml version="1.0"?><document xmlns="${main}"><body><p><r><t>依申请公开12件</t></r></p><tbl><tr><tc><tcPr><gridSpan xmlns:x="${main}" x:val="2"/></tcPr><p><r><t>甲</t></r></p></tc></tr></tbl></body></document>`
    expect(documentXmlToBlocks(bare)).toEqual(expected)
    // Another namespace bound to the prefix w: is not Word's: its elements carry no text.
    const other = `<?xml version="1.0"?><x:document xmlns:x="${main}" xmlns:w="urn:other"><x:body><x:p><x:r><x:t>依申请公开12件</x:t></x:r><w:r><w:t>别的</w:t></w:r></x:p></x:body></x:document>`
    expect(documentXmlToBlocks(other)).toEqual([expected[0]])
    // The whole reader, and mammoth agrees.
    const bytes = zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': ns0 })
    expect(await direct(bytes)).toEqual(expected)
    expect(await mammothBlocks(bytes)).toEqual(expected)
  })

  it('a package without word/document.xml is refused as before', async () => {
    const error = await readDocx(zipOf({ 'xl/workbook.xml': '<workbook/>' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toContain('不是 Word 文档')
  })
})
