/**
 * Import speed per file kind on the committed fixtures, beside the floor: the time the extraction
 * library alone takes on the same file. Targets (import issue): recognition adds no more than 30% on
 * top of extraction; a typical .txt, .html or Word report imports in under 50 ms once loaded.
 *
 * Then the long tail (issue 9): a whole-page text dump and a Markdown transcription (target under
 * 50 ms each, in-process), the joint split of run-together tables on the corpus's hardest dump (its
 * steps counted), and a hostile 128 KB page of long digit strings, bounded by the step budget.
 */
import { readFile } from 'node:fs/promises'
import { parse as parseCfb } from 'cfb'
import { parseDocument } from 'htmlparser2'
import PostalMime from 'postal-mime'
import { SPLIT_STEP_BUDGET } from '@core/import/limits'
import { normalizeBlocks } from '@core/import/normalize/index'
import { recognizeReport } from '@core/import/recognizeReport'
import { unflattenPage } from '@core/import/recognize/dump/index'
import { StepBudget } from '@core/import/recognize/tables/budget'
import { recognizeTables } from '@core/import/recognize/tables/index'
import { readTranscription } from '@core/import/recognize/transcription'
import { hostilePage } from '../test/support/hostile'
import { decodeText } from '@core/text/decode'
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
  // The reader parses the Word binary itself: the floor is cfb opening the OLE2 container.
  doc: async (bytes) => parseCfb(Buffer.from(bytes)),
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
  lines.push(...(await benchLongTail()))
  return lines
}

/** The long tail: page dumps, transcriptions, the joint split, a hostile page. */
const LONG_TAIL: readonly { path: string; what: string }[] = [
  { path: 'corpus/dump-2021-archive.txt', what: '整页文本（2021 年版，表格连写）' },
  { path: 'corpus/dump-2021-cms-page.txt', what: '整页文本（网站整页，含导航页脚）' },
  { path: 'corpus/pingtan-2015-page-dump.txt', what: '整页文本（真实档案，2019 年以前）' },
  { path: 'corpus/transcription-2021.md', what: 'Markdown 转写（拆表、占位表头、OCR）' },
  { path: 'corpus/transcription-unlabelled.md', what: 'Markdown 转写（行标签全部缺失）' }
]

/** The dump whose run-together tables take the most steps to split. */
const HARDEST_DUMP = 'corpus/dump-2021-city-page.txt'

async function benchLongTail(): Promise<string[]> {
  const lines = ['导入（长尾，中位数，进程内，读取+识别）：']
  for (const { path, what } of LONG_TAIL) {
    const bytes = new Uint8Array(await readFile(new URL(`../test/fixtures/${path}`, import.meta.url)))
    const t = await measure(`import ${path}`, 40, async () => recognizeReport(await readDocument({ bytes, name: path })))
    lines.push(`  ${what.padEnd(24)} ${path.padEnd(40)} ${ms(t.medianMs).padStart(7)} ms${t.medianMs < 50 ? '  ✓ < 50 ms' : '  ✗ 目标 < 50 ms'}`)
  }
  // The joint split alone, on the blocks of the hardest dump (furniture dropped, tables cut out).
  const bytes = new Uint8Array(await readFile(new URL(`../test/fixtures/${HARDEST_DUMP}`, import.meta.url)))
  const read = await readDocument({ bytes, name: HARDEST_DUMP })
  const blocks = unflattenPage(readTranscription(normalizeBlocks(read.blocks).blocks).blocks, new StepBudget(SPLIT_STEP_BUDGET)).blocks
  let steps = 0
  const split = await measure('joint split', 40, () => {
    const budget = new StepBudget(SPLIT_STEP_BUDGET)
    recognizeTables(blocks, '2021', { budget })
    steps = budget.spent
  })
  lines.push(`  表格识别与联合拆分（${HARDEST_DUMP}）${ms(split.medianMs).padStart(7)} ms，${steps} 步（上限 ${SPLIT_STEP_BUDGET}）`)
  const hostile = new TextEncoder().encode(hostilePage())
  const bounded = await measure('hostile page', 5, async () => recognizeReport(await readDocument({ bytes: hostile, name: 'hostile.html' })))
  lines.push(`  恶意输入：${Math.round(hostile.length / 1024)} KB 网页、数百行长数字串 ${ms(bounded.medianMs).padStart(7)} ms（拆分步数受上限约束）`)
  return lines
}
