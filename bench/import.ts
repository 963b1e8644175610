/**
 * Import speed per file kind on the committed fixtures, beside the floor: the time the extraction
 * library alone takes on the same file. Targets (import issue): recognition adds no more than 30% on
 * top of extraction; a typical .txt, .html or Word report imports in under 50 ms once loaded.
 */
import { readFile } from 'node:fs/promises'
import { parseDocument } from 'htmlparser2'
import PostalMime from 'postal-mime'
import WordExtractor from 'word-extractor'
import { recognizeReport } from '../src/core/import/recognizeReport'
import { decodeText } from '../src/core/text/decode'
import { readDocument } from '../src/main/services/readers/index'
import { readZipPackage } from '../src/main/services/readers/zipGuard'
import { measure } from './measure'

async function pdfText(bytes: Uint8Array): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
  try {
    const doc = await task.promise
    for (let i = 1; i <= doc.numPages; i++) await (await doc.getPage(i)).getTextContent()
  } finally {
    await task.destroy()
  }
}

/** What each kind's extraction library does alone: the floor under our reader + recognition. */
const FLOORS: Record<string, (bytes: Uint8Array) => Promise<unknown>> = {
  // The reader parses WordprocessingML itself: the floor is yauzl's unzip plus htmlparser2's XML pass.
  docx: async (bytes) => {
    const zip = await readZipPackage(bytes, new Set(['word/document.xml']))
    return parseDocument(zip.parts.get('word/document.xml')?.toString('utf8') ?? '', { xmlMode: true })
  },
  doc: (bytes) => new WordExtractor().extract(Buffer.from(bytes)),
  pdf: pdfText,
  html: async (bytes) => parseDocument(decodeText(bytes).text),
  mhtml: (bytes) => PostalMime.parse(bytes),
  txt: async (bytes) => decodeText(bytes)
}

const FILES: readonly { path: string; kind: keyof typeof FLOORS }[] = [
  { path: 'same-report/report.docx', kind: 'docx' },
  { path: 'same-report/report.doc', kind: 'doc' },
  { path: 'same-report/report.pdf', kind: 'pdf' },
  { path: 'same-report/report.html', kind: 'html' },
  { path: 'same-report/report.mhtml', kind: 'mhtml' },
  { path: 'text/report.gbk.txt', kind: 'txt' },
  { path: 'legacy/xiamei-2016.txt', kind: 'txt' },
  { path: 'legacy/songzhuang-2016-traditional-webcopy.txt', kind: 'txt' }
]

const ms = (v: number) => (v < 1 ? v.toFixed(2) : v.toFixed(1))

export async function benchImport(): Promise<string[]> {
  const lines = ['导入（中位数，库已加载）：文件 | 提取库本身 | 读取+识别 | 识别增加']
  for (const { path, kind } of FILES) {
    const bytes = new Uint8Array(await readFile(new URL(`../test/fixtures/${path}`, import.meta.url)))
    const runs = kind === 'pdf' ? 15 : 40
    const floor = await measure(`floor ${path}`, runs, () => FLOORS[kind]!(bytes))
    const full = await measure(`import ${path}`, runs, async () => recognizeReport(await readDocument({ bytes, name: path })))
    const added = (full.medianMs / floor.medianMs - 1) * 100
    const target = kind === 'pdf' ? '' : full.medianMs < 50 ? '  ✓ < 50 ms' : '  ✗ 目标 < 50 ms'
    lines.push(`  ${path.padEnd(48)} ${ms(floor.medianMs).padStart(7)} ms | ${ms(full.medianMs).padStart(7)} ms | +${added.toFixed(0)}%${target}`)
  }
  return lines
}
