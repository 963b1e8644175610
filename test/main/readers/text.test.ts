/**
 * Text files and pasted text: the same narrative and flattened 表三 as UTF-8, GBK and UTF-16 LE
 * (test/fixtures/text) decode to the same blocks; pasted tab-separated lines become table rows.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { decodeText } from '@core/text/decode'
import { readDocument, readDocumentFile, readPastedText } from '../../../src/main/services/readers'
import { FileError } from '../../../src/main/services/files'
import { HEADINGS, TITLE_LINES, fixture, paragraphs, table3ValueRows } from './support'

describe('.txt', () => {
  it('decodes GBK, UTF-16 LE (BOM) and UTF-8 identically and reports the encoding', async () => {
    const utf8 = await readDocumentFile(fixture('text/report.utf8.txt'))
    const gbk = await readDocumentFile(fixture('text/report.gbk.txt'))
    const utf16 = await readDocumentFile(fixture('text/report.utf16le.txt'))
    expect([utf8.encoding, gbk.encoding, utf16.encoding]).toEqual(['UTF-8', 'GBK/GB18030', 'UTF-16 LE'])
    expect(gbk.blocks).toEqual(utf8.blocks)
    expect(utf16.blocks).toEqual(utf8.blocks)
    expect(utf8.kind).toBe('txt')
  })

  it('gives one paragraph per line: title, headings, and the flattened table one cell per line', async () => {
    const texts = paragraphs((await readDocumentFile(fixture('text/report.utf8.txt'))).blocks)
    expect(texts.slice(0, 2)).toEqual(TITLE_LINES)
    for (const heading of HEADINGS) expect(texts).toContain(heading)
    const first = table3ValueRows()[0]!
    const at = texts.indexOf(first.label)
    expect(texts.slice(at + 1, at + 8)).toEqual(first.values)
    expect(texts).not.toContain('')
  })

  it('detects UTF-16 without a BOM, both byte orders', async () => {
    const text = (await readFile(fixture('text/report.utf8.txt'), 'utf8')).replace(/^\ufeff/, '')
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be' })
  })

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const result = await readDocument({ bytes: Buffer.from('\ufeff第一行\r\n\r\n第二行\r\n', 'utf8'), name: 'a.txt' })
    expect(result.blocks).toEqual([
      { kind: 'paragraph', text: '第一行' },
      { kind: 'paragraph', text: '第二行' }
    ])
    expect(result.encoding).toBe('UTF-8')
  })

  it('reads a long Big5 text as Big5 (the detector breaks the tie with GB18030)', async () => {
    const traditional = await readFile(fixture('legacy/songzhuang-2016-traditional-webcopy.txt'), 'utf8')
    // The seed's characters that Big5 has (its pinyin glosses' accented letters are not).
    const sample = [...traditional].filter((c) => c.charCodeAt(0) < 0x80 || big5Table().has(c)).join('').slice(0, 3000)
    expect(sample.length).toBeGreaterThan(1000)
    const result = decodeText(encodeBig5(sample))
    expect(result.encoding).toBe('big5')
    expect(result.text).toBe(sample)
  })
})

let big5: Map<string, number[]> | undefined
function big5Table(): Map<string, number[]> {
  if (big5) return big5
  big5 = new Map()
  const decoder = new TextDecoder('big5')
  for (let lead = 0xa1; lead <= 0xf9; lead += 1) {
    for (const trail of [...Array.from({ length: 63 }, (_, i) => 0x40 + i), ...Array.from({ length: 94 }, (_, i) => 0xa1 + i)]) {
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (char.length === 1 && char !== '\ufffd' && !big5.has(char)) big5.set(char, [lead, trail])
    }
  }
  return big5
}
function encodeBig5(text: string): Uint8Array {
  const table = big5Table()
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)))
}

describe('pasted text', () => {
  it('turns lines into paragraphs and consecutive tab lines into one table', () => {
    const pasted = [
      '三、收到和处理政府信息公开申请情况',
      '',
      '\t自然人\t商业企业\t总计',
      '一、本年新收政府信息公开申请数量\t27\t6\t39',
      '二、上年结转政府信息公开申请数量\t2\t1\t3\t\t',
      '四、政府信息公开行政复议、行政诉讼情况'
    ].join('\r\n')
    const result = readPastedText(pasted)
    expect(result.kind).toBe('paste')
    expect(result.blocks).toEqual([
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      {
        kind: 'table',
        rows: [
          ['', '自然人', '商业企业', '总计'],
          ['一、本年新收政府信息公开申请数量', '27', '6', '39'],
          ['二、上年结转政府信息公开申请数量', '2', '1', '3']
        ].map((row) => row.map((text) => ({ text, rowSpan: 1, colSpan: 1 })))
      },
      { kind: 'paragraph', text: '四、政府信息公开行政复议、行政诉讼情况' }
    ])
  })

  it('reads lines indented with one tab (a flattened web table) as paragraphs, not one-cell tables', () => {
    const result = readPastedText('\t指标名称\n\t单位\n\t2016\n\t53\n')
    expect(result.blocks).toEqual(['指标名称', '单位', '2016', '53'].map((text) => ({ kind: 'paragraph', text })))
  })

  it('keeps a row with only its last cell filled inside an open table', () => {
    const result = readPastedText('规章\t0\t0\n\t\t5\n')
    expect(result.blocks).toHaveLength(1)
    expect(result.blocks[0]).toMatchObject({ kind: 'table', rows: [[{ text: '规章' }, { text: '0' }, { text: '0' }], [{ text: '' }, { text: '' }, { text: '5' }]] })
  })

  it('refuses empty paste', () => {
    expect(() => readPastedText(' \n\t\n')).toThrow(FileError)
    expect(() => readPastedText('')).toThrow('粘贴的内容是空的')
  })
})
