/**
 * Import of the largest accepted real-shaped input of each kind, through the app's own import
 * worker (the built bundle `npm run bench` has just made, in a Node child process): the committed report scaled up until
 * recognition's text cap (TEXT_LIMITS.maxTextChars), or to the PDF page cap — time and the growth of
 * resident memory while it was read. And the time from handing a chosen file to the worker to its
 * first progress report, with the worker warm (as after the app's start) and cold.
 * Target (issue 10): every import finishes well within the 10 s budget.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { TEXT_LIMITS } from '@core/import/limits'
import { MARKUP_LIMITS, PDF_LIMITS, WORKER_LIMITS } from '../src/main/services/importLimits'
import { nodeSpawner } from '../src/main/services/import/nodeSpawner'
import { ImportRunner } from '../src/main/services/import/runner'
import { SOURCE_WORKER_ENTRY } from '../src/main/services/import/sourceEntry'

const exec = promisify(execFile)
const FIXTURES = new URL('../test/fixtures/', import.meta.url)
const fixture = (path: string) => readFile(new URL(path, FIXTURES))

/** The built worker (out/main/chunks/worker-*.js), as the app runs it; the source when not built. */
export function workerEntry(): string {
  const chunks = new URL('../out/main/chunks/', import.meta.url)
  const built = existsSync(chunks) ? readdirSync(chunks).find((f) => f.startsWith('worker-') && f.endsWith('.js')) : undefined
  return built ? new URL(built, chunks).pathname : SOURCE_WORKER_ENTRY
}

/**
 * How many copies of a report fit under the caps (a little under, so nothing is cut): its text
 * under the text cap, its blocks under the block cap, and an HTML copy's elements under that cap.
 */
function copiesUnderCap(textChars: number, blocks: number, elements = 0): number {
  const fit = (cap: number, each: number) => (each > 0 ? Math.floor((cap * 0.95) / each) : Number.POSITIVE_INFINITY)
  return Math.max(1, Math.min(fit(TEXT_LIMITS.maxTextChars, textChars), fit(TEXT_LIMITS.maxBlocks, blocks), fit(MARKUP_LIMITS.maxElements, elements)))
}

/** The body of an HTML page repeated `copies` times. */
function repeatBody(html: string, copies: number): string {
  const open = html.indexOf('>', html.search(/<body/i)) + 1
  const close = html.search(/<\/body>/i)
  return html.slice(0, open) + html.slice(open, close).repeat(copies) + html.slice(close)
}

interface Input {
  label: string
  path: string
}

async function buildInputs(dir: string): Promise<Input[]> {
  const inputs: Input[] = []
  const text = (await fixture('text/report.utf8.txt')).toString('utf8')
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).length
  const copies = copiesUnderCap(text.length, lines)
  const txt = join(dir, 'largest.txt')
  await writeFile(txt, `${text}\n`.repeat(copies))
  inputs.push({ label: `.txt（${copies} 份报告正文）`, path: txt })

  const html = (await fixture('same-report/report.html')).toString('utf8')
  const htmlCopies = copiesUnderCap(text.length, lines, html.match(/<[a-z]/gi)?.length ?? 0)
  const page = repeatBody(html, htmlCopies)
  const htmlPath = join(dir, 'largest.html')
  await writeFile(htmlPath, page)
  inputs.push({ label: `.html（${htmlCopies} 份）`, path: htmlPath })

  const mhtml = join(dir, 'largest.mhtml')
  await writeFile(
    mhtml,
    `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_Part"\r\n\r\n------=_Part\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${page}\r\n------=_Part--\r\n`
  )
  inputs.push({ label: `.mhtml（${htmlCopies} 份）`, path: mhtml })

  const zip = await JSZip.loadAsync(await fixture('same-report/report.docx'))
  const xml = await zip.file('word/document.xml')!.async('string')
  const open = xml.indexOf('>', xml.indexOf('<w:body')) + 1
  const sectPr = xml.lastIndexOf('<w:sectPr')
  zip.file('word/document.xml', xml.slice(0, open) + xml.slice(open, sectPr).repeat(copies) + xml.slice(sectPr))
  const docx = join(dir, 'largest.docx')
  await writeFile(docx, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  inputs.push({ label: `.docx（${copies} 份）`, path: docx })

  try {
    const profile = join(dir, 'lo')
    await exec('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'doc', '--outdir', dir, docx], { timeout: 180_000 })
    inputs.push({ label: `.doc（${copies} 份，LibreOffice 转换）`, path: join(dir, 'largest.doc') })
  } catch {
    // No LibreOffice here: the .doc figure is left out.
  }

  try {
    const report = new URL('same-report/report.pdf', FIXTURES).pathname
    const { stdout } = await exec('pdfinfo', [report])
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? '1')
    const times = Math.floor(PDF_LIMITS.maxPages / pages)
    const pdf = join(dir, 'largest.pdf')
    await exec('pdfunite', [...Array.from({ length: times }, () => report), pdf])
    inputs.push({ label: `.pdf（${times * pages} 页）`, path: pdf })
  } catch {
    // No poppler here: the PDF figure is left out.
  }
  return inputs
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export async function benchImportLargest(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-largest-'))
  const entry = workerEntry()
  const runner = new ImportRunner({ spawner: nodeSpawner(entry) })
  const lines = [`导入最大可接受的真实形态文件（导入工作进程：${basename(entry)}；时限 ${WORKER_LIMITS.timeBudgetMs / 1000} 秒）：文件 | 大小 | 用时 | 读取期间内存增长`]
  try {
    const inputs = await buildInputs(dir)
    runner.warm()
    for (const input of inputs) {
      const size = (await readFile(input.path)).length
      try {
        const { parsed, stats } = await runner.runWithStats({ kind: 'file', path: input.path, name: basename(input.path) })
        const verdict = stats.ms < WORKER_LIMITS.timeBudgetMs ? '✓' : '✗'
        lines.push(
          `  ${input.label.padEnd(28)} ${(size / 1024 / 1024).toFixed(1).padStart(5)} MB | ${s(stats.ms).padStart(7)} | ${(stats.peakRssGrowthMb?.toFixed(0) ?? '—').padStart(4)} MB  ${verdict}（识别 ${parsed.values.length} 个数值）`
        )
      } catch (error) {
        lines.push(`  ${input.label.padEnd(28)} ${(size / 1024 / 1024).toFixed(1).padStart(5)} MB | ✗ ${(error as Error).message}`)
      }
    }

    // From handing the chosen file to the worker to its first progress report.
    const report = new URL('same-report/report.pdf', FIXTURES).pathname
    const firstSignal = async (target: ImportRunner) => {
      const started = performance.now()
      let first = Number.NaN
      await target.run({ kind: 'file', path: report, name: 'report.pdf' }, { onProgress: () => (first = Number.isNaN(first) ? performance.now() - started : first) })
      return first
    }
    const warm: number[] = []
    for (let i = 0; i < 10; i += 1) warm.push(await firstSignal(runner))
    warm.sort((a, b) => a - b)
    const cold = new ImportRunner({ spawner: nodeSpawner(entry) })
    const coldMs = await firstSignal(cold)
    await cold.dispose()
    lines.push(
      `选择文件到第一个进度信号：工作进程已就绪 中位数 ${warm[5]!.toFixed(1)} ms（最慢 ${warm.at(-1)!.toFixed(1)} ms）；冷启动（新进程）${coldMs.toFixed(0)} ms（界面在 500 ms 后才显示进度）`
    )
  } finally {
    await runner.dispose()
    await rm(dir, { recursive: true, force: true })
  }
  return lines
}
