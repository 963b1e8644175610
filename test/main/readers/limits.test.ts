/**
 * The readers' own limits (importLimits): each hostile shape the fuzzer found is read up to a
 * stated limit or refused in Chinese, quickly, with nothing left unhandled — readDocument is bounded
 * by itself, not only inside the import worker.
 */
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../fuzz/hostile'
import { pagePdf, textContent } from '../../../fuzz/pdf'
import { TEXT_LIMIT_WARNINGS } from '@core/import/limits'
import { FileError } from '../../../src/main/services/files'
import { MARKUP_WARNINGS, PDF_LIMITS, PDF_MESSAGES } from '../../../src/main/services/importLimits'
import { readDocument } from '../../../src/main/services/readers'
import { checkPdfStructure } from '../../../src/main/services/readers/pdfGuard'
import { headBytes } from '../../../src/main/services/readers/txt'
import { fixture } from './support'
import { readFileSync } from 'node:fs'

const strays: unknown[] = []
const onStray = (reason: unknown) => strays.push(reason)
beforeAll(() => process.on('unhandledRejection', onStray))
afterAll(() => process.off('unhandledRejection', onStray))

async function read(name: keyof typeof HOSTILE) {
  const input = HOSTILE[name]!()
  const started = performance.now()
  const result = await readDocument(input).then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error })
  )
  // Generous: these take well under a second on an idle machine; the import budget is 10 s.
  expect(performance.now() - started).toBeLessThan(8000)
  return result
}

async function refusal(name: keyof typeof HOSTILE): Promise<string> {
  const { error } = await read(name)
  expect(error).toBeInstanceOf(FileError)
  return (error as Error).message
}

describe('markup limits', () => {
  it('stops parsing HTML nested deeper than the limit (100,000 nested divs, 500,000 unclosed spans, a table storm)', async () => {
    for (const name of ['html-nested-divs-100k', 'html-unclosed-500k', 'html-table-storm'] as const) {
      const { value } = await read(name)
      expect(value?.warnings, name).toContain(MARKUP_WARNINGS.depth)
    }
  })

  it('reads text up to the cap: a 49 MB text file, a 20 MB line, a million cells', async () => {
    expect((await read('txt-49mb')).value?.warnings).toEqual([TEXT_LIMIT_WARNINGS.blocks])
    expect((await read('txt-20mb-line')).value?.warnings).toEqual([TEXT_LIMIT_WARNINGS.paragraph, TEXT_LIMIT_WARNINGS.text])
    expect((await read('txt-million-cells')).value?.warnings).toEqual(
      expect.arrayContaining([TEXT_LIMIT_WARNINGS.rows, TEXT_LIMIT_WARNINGS.columns])
    )
  })

  it('reads a .docx whose XML is larger than the limit up to it, and says so', async () => {
    const { value } = await read('docx-190mb-xml')
    expect(value?.warnings).toEqual(expect.arrayContaining([MARKUP_WARNINGS.docxXml]))
  })

  it('refuses an .mhtml of 100,000 parts by postal-mime’s header limit', async () => {
    expect(await refusal('mhtml-many-parts')).toBe('MHTML 网页文件已损坏，无法读取')
  })

  it('cuts a .txt at a line break, UTF-16 pairs kept whole', () => {
    const utf16 = Buffer.from('\ufeff第一行\n第二行\n第三行', 'utf16le')
    const cut = headBytes(utf16, 20)
    expect(cut.length % 2).toBe(0)
    expect(Buffer.from(cut).toString('utf16le')).toBe('\ufeff第一行\n第二行\n')
    const utf8 = Buffer.from('第一行\n第二行第三行', 'utf8')
    expect(Buffer.from(headBytes(utf8, 20)).toString('utf8')).toBe('第一行\n第二行')
    expect(Buffer.from(headBytes(Buffer.from('第一行\n第二行\n第三行'), 26)).toString('utf8')).toBe('第一行\n第二行\n')
  })
})

describe('PDF guard', () => {
  it('passes a real report', () => {
    expect(() => checkPdfStructure(readFileSync(fixture('same-report/report.pdf')))).not.toThrow()
  })

  it('refuses nesting bombs before pdfjs sees them, with nothing unhandled', async () => {
    expect(await refusal('pdf-nested-arrays')).toBe(PDF_MESSAGES.nesting)
    expect(await refusal('pdf-nested-dicts')).toBe(PDF_MESSAGES.nesting)
    expect(strays).toEqual([])
  })

  it('refuses streams that decode past their cap: a 2 GB page, an object stream, a font', async () => {
    expect(await refusal('pdf-content-2gb')).toBe(PDF_MESSAGES.bomb(PDF_LIMITS.maxStreamBytes))
    expect(await refusal('pdf-objstm-bomb')).toBe(PDF_MESSAGES.bomb(PDF_LIMITS.maxStreamBytes))
    expect(await refusal('pdf-font-bomb')).toBe(PDF_MESSAGES.bomb(PDF_LIMITS.maxFontStreamBytes))
  })

  it('decodes the filters before Flate too, and counts unfiltered streams', () => {
    const hex = (bytes: Buffer) => Buffer.from(`${bytes.toString('hex')}>`)
    const bomb = deflateSync(Buffer.alloc(PDF_LIMITS.maxStreamBytes + 1024, 0x20))
    const chained = pagePdf({ content: textContent(['x']), extra: [{ body: '<< /Filter [/ASCIIHexDecode /FlateDecode] >>', stream: hex(bomb) }] })
    expect(() => checkPdfStructure(chained)).toThrow(PDF_MESSAGES.bomb(PDF_LIMITS.maxStreamBytes))
    const raw = pagePdf({ content: Buffer.alloc(PDF_LIMITS.maxStreamBytes + 1, 0x20), raw: true })
    expect(() => checkPdfStructure(raw)).toThrow(PDF_MESSAGES.bomb(PDF_LIMITS.maxStreamBytes))
    const saves = pagePdf({ content: `${textContent(['x'])}\n${'q Q '.repeat(PDF_LIMITS.maxStateSaves + 1)}` })
    expect(() => checkPdfStructure(saves)).toThrow(PDF_MESSAGES.stateSaves)
    // A Type 1 font past its own cap (pdfjs parses those a character at a time).
    const type1 = pagePdf({
      content: textContent(['x']),
      extra: [{ body: '<< /Length1 100 /Length2 200 /Length3 0 /Filter /FlateDecode >>', stream: deflateSync(Buffer.alloc(PDF_LIMITS.maxType1FontBytes + 1, 0x20)) }]
    })
    expect(() => checkPdfStructure(type1)).toThrow(PDF_MESSAGES.bomb(PDF_LIMITS.maxType1FontBytes))
    // Saves never restored: pdfjs's time grows with the square of their depth.
    const deep = pagePdf({ content: `${textContent(['x'])}\n${'q '.repeat(PDF_LIMITS.maxStateDepth + 1)}` })
    expect(() => checkPdfStructure(deep)).toThrow(PDF_MESSAGES.stateDepth)
    const balanced = pagePdf({ content: `${textContent(['x'])}\n${'q '.repeat(PDF_LIMITS.maxStateDepth)}${'Q '.repeat(PDF_LIMITS.maxStateDepth)}` })
    expect(() => checkPdfStructure(balanced)).not.toThrow()
  })

  it('refuses files of many unterminated or redefined objects, which pdfjs re-parses to the end of the file', () => {
    const page = pagePdf({ content: textContent(['x']) }).toString('latin1')
    const at = page.indexOf('xref')
    const withObjects = (piece: (i: number) => string, count: number) =>
      Buffer.from(page.slice(0, at) + Array.from({ length: count }, (_, i) => piece(i)).join('') + page.slice(at), 'latin1')
    const unterminated = (i: number) => `${100 + i} 0 obj\n<< /Type /FontDescriptor /Flags 4\nendobj\n`
    expect(() => checkPdfStructure(withObjects(unterminated, PDF_LIMITS.maxUnterminatedObjects))).not.toThrow()
    expect(() => checkPdfStructure(withObjects(unterminated, PDF_LIMITS.maxUnterminatedObjects + 1))).toThrow(PDF_MESSAGES.structure)
    const redefined = () => '30 0 obj\n<< /Type /Annot >>\nendobj\n'
    expect(() => checkPdfStructure(withObjects(redefined, PDF_LIMITS.maxDuplicateObjects + 1))).not.toThrow()
    expect(() => checkPdfStructure(withObjects(redefined, PDF_LIMITS.maxDuplicateObjects + 2))).toThrow(PDF_MESSAGES.structure)
  })

  it('reads a page of 200,000 text items up to the per-page limit, cancelling pdfjs cleanly', async () => {
    const { value } = await read('pdf-text-items-storm')
    expect(value?.warnings).toEqual(expect.arrayContaining([PDF_MESSAGES.items([1])]))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(strays).toEqual([])
  })
})

describe('OLE header', () => {
  it('refuses a .doc whose header claims more allocation sectors than the file holds, at once', async () => {
    const bytes = Buffer.from(readFileSync(fixture('same-report/report.doc')))
    bytes.writeInt32LE(100_000, 0x2c)
    const started = performance.now()
    await expect(readDocument({ bytes, name: '年报.doc' })).rejects.toThrow('无法读取该 Word 97-2003 文档')
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
