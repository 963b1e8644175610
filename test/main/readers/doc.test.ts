/**
 * Word 97–2003 binary specifics: the container checks that keep cfb bounded, the text from the
 * piece table (8-bit and UTF-16 pieces, tracked deletions, fields, notes and headers left out),
 * the refusals, and the plain-text fallback when the table marks cannot be read (cells then come
 * one per line, as the recogniser also reads them).
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { readDoc } from '../../../src/main/services/readers/doc'
import { OLE_LIMITS, OLE_MESSAGES } from '../../../src/main/services/importLimits'
import { fixture, paragraphs, table3ValueRows, tables } from './support'
import { chainOf, container, directoryEntry, setFat, wordDocument } from './wordFile'

const failing = vi.hoisted(() => ({ on: false }))
vi.mock('../../../src/main/services/readers/wordTables', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/main/services/readers/wordTables')>()
  return {
    ...original,
    readParagraphMarks: (...args: Parameters<typeof original.readParagraphMarks>) => {
      if (failing.on) throw new RangeError('odd file')
      return original.readParagraphMarks(...args)
    }
  }
})

async function refusal(bytes: Buffer): Promise<{ message: string; ms: number }> {
  const started = performance.now()
  const error = await readDoc(bytes).then(
    () => undefined,
    (e: unknown) => e as Error
  )
  return { message: error?.message ?? '(read)', ms: performance.now() - started }
}

describe('.doc text', () => {
  it('reads 8-bit (code page 1252) and UTF-16 pieces in reading order, wherever the file stores them', async () => {
    const bytes = wordDocument({
      pieces: [{ text: '示例镇人民政府\r' }, { text: 'Caf\xe9 \x93quoted\x94 \x96 2025\r', compressed: true }, { text: '共收到申请42件。\r' }]
    })
    const result = await readDoc(bytes)
    expect(paragraphs(result.blocks)).toEqual(['示例镇人民政府', 'Café “quoted” – 2025', '共收到申请42件。'])
    expect(result.warnings).toEqual([])
  })

  it('drops tracked deletions, footnotes, headers and field codes; keeps field results and a merged table', async () => {
    const result = await readDoc(await readFile(fixture('word/features.doc')))
    expect(paragraphs(result.blocks)).toEqual([
      '示例镇人民政府2025年政府信息公开工作年度报告',
      '本年度共收到申请42件。',
      'Plain ASCII paragraph "quoted" -- 2025.',
      '带脚注的段落结束。',
      '共 1 页',
      '表后段落。'
    ])
    expect(tables(result.blocks).map((t) => t.rows)).toEqual([
      [
        [
          { text: '合并表头', rowSpan: 1, colSpan: 2 },
          { text: '纵向合并', rowSpan: 2, colSpan: 1 }
        ],
        [
          { text: '甲', rowSpan: 1, colSpan: 1 },
          { text: '1第二行', rowSpan: 1, colSpan: 1 }
        ]
      ]
    ])
  })

  it('refuses an encrypted document and a Word 95 one, each in one sentence', async () => {
    expect((await refusal(wordDocument({ pieces: [{ text: '正文\r' }], flags: 0x0100 }))).message).toBe(OLE_MESSAGES.encrypted)
    expect((await refusal(wordDocument({ pieces: [{ text: '正文\r' }], ident: 0xa5dc, nFib: 0x65 }))).message).toBe(OLE_MESSAGES.oldVersion)
    expect((await refusal(container({ Other: Buffer.alloc(100) }))).message).toBe(OLE_MESSAGES.corrupt)
  })

  it('falls back to plain text, one cell per line, when the table marks cannot be read', async () => {
    failing.on = true
    try {
      const result = await readDoc(await readFile(fixture('same-report/report.doc')))
      expect(tables(result.blocks)).toEqual([])
      expect(result.warnings).toEqual(['未能还原表格结构，表格按每格一行读取'])
      const texts = paragraphs(result.blocks)
      const first = table3ValueRows()[0]!
      const at = texts.indexOf(first.label)
      expect(texts.slice(at + 1, at + 8)).toEqual(first.values)
      // Typographic quotes stay as written.
      expect(texts).toContain('3.危及“三安全一稳定”')
    } finally {
      failing.on = false
    }
  })
})

describe('the OLE2 container', () => {
  const big = () => wordDocument({ pieces: [{ text: `${'年度报告正文。'.repeat(40_000)}\r` }] })

  it('reads a large synthetic document whose chains run forwards', async () => {
    const result = await readDoc(big())
    expect(paragraphs(result.blocks)[0]).toHaveLength(7 * 40_000)
  })

  it('reads a stream whose sector chain loops back on itself only up to the loop, at once', async () => {
    const bytes = big()
    const chain = chainOf(bytes, 'WordDocument')
    setFat(bytes, chain[100]!, chain[10]!)
    const started = performance.now()
    const result = await readDoc(bytes)
    expect(performance.now() - started).toBeLessThan(1000)
    // 101 sectors of 512 bytes, less the FIB's 1024: UTF-16, two bytes a character.
    expect(paragraphs(result.blocks)[0]!.length).toBe((101 * 512 - 1024) / 2)
  })

  it('refuses a chain laid out backwards (which costs cfb the square of its length) within the visit budget', async () => {
    const bytes = big()
    const chain = chainOf(bytes, 'WordDocument')
    expect(chain.length).toBeGreaterThan(1000)
    // Same sectors, linked last to first: cfb would walk 1 + 2 + … + n sectors.
    const reversed = [...chain].reverse()
    reversed.forEach((sector, i) => setFat(bytes, sector, reversed[i + 1] ?? -2))
    bytes.writeInt32LE(reversed[0]!, directoryEntry(bytes, 'WordDocument') + 116)
    const { message, ms } = await refusal(bytes)
    expect(message).toBe(OLE_MESSAGES.chains)
    expect(ms).toBeLessThan(1000)
    expect(OLE_LIMITS.chainVisitsPerSector).toBeLessThan(10)
  })

  it('refuses a directory whose entries point at each other in a loop', async () => {
    const bytes = big()
    const a = directoryEntry(bytes, 'WordDocument')
    const b = directoryEntry(bytes, '1Table')
    const index = (at: number) => (at - (bytes.readInt32LE(0x30) + 1) * 512) / 128
    bytes.writeInt32LE(index(b), a + 68)
    bytes.writeInt32LE(index(a), b + 68)
    const { message, ms } = await refusal(bytes)
    expect(message).toBe(OLE_MESSAGES.corrupt)
    expect(ms).toBeLessThan(1000)
  })

  it('refuses a directory of more entries than any document has, before cfb builds their paths', async () => {
    const bytes = big()
    // The header names a chain of over 1,000 sectors (four entries each) as the directory.
    const chain = chainOf(bytes, 'WordDocument')
    expect(chain.length * 4).toBeGreaterThan(OLE_LIMITS.maxDirectoryEntries)
    bytes.writeInt32LE(chain[0]!, 0x30)
    const { message, ms } = await refusal(bytes)
    expect(message).toBe(OLE_MESSAGES.directory)
    expect(ms).toBeLessThan(1000)
  })

  it('refuses a stream that starts inside another chain that loops', async () => {
    const bytes = big()
    const chain = chainOf(bytes, 'WordDocument')
    setFat(bytes, chain.at(-1)!, chain[0]!)
    bytes.writeInt32LE(chain[5]!, directoryEntry(bytes, '1Table') + 116)
    bytes.writeInt32LE(8192, directoryEntry(bytes, '1Table') + 120)
    const { message, ms } = await refusal(bytes)
    expect(message).toBe(OLE_MESSAGES.corrupt)
    expect(ms).toBeLessThan(1000)
  })
})
