/**
 * The import worker as the app and the CLI run it: the real worker.ts in its own process, its
 * stages reported, stopped by its time budget, its memory ceilings or 取消, or dying of anything
 * (heap overflow, SIGKILL) — each as one Chinese sentence naming the file, this process unharmed —
 * and the next import working in a fresh process; several at once with `concurrency`, and no
 * process left behind.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { HOSTILE } from '../../fuzz/hostile'
import { FileError } from '../../src/main/services/fileErrors'
import { nodeSpawner } from '../../src/main/services/import/nodeSpawner'
import { ImportWorkerError, type ImportRunner, type ImportStage } from '../../src/main/services/import/runner'
import type { WorkerProcess, WorkerSpawner } from '../../src/main/services/import/spawner'
import { WORKER_MESSAGES } from '../../src/main/services/importLimits'
import { testImporter } from '../support/testMain'
import { SAME_REPORT_PDF, stopped } from '../support/importWorker'

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname
const pdf = SAME_REPORT_PDF
const docx = { kind: 'file', path: fixture('same-report/report.docx'), name: 'report.docx' } as const
const runners: ImportRunner[] = []
const runner = (options: Parameters<typeof testImporter>[0] = {}) => {
  const made = testImporter(options)
  runners.push(made)
  return made
}
afterAll(() => Promise.all(runners.map((r) => r.dispose())))

const pasted = { kind: 'text', text: '某某县人民政府2024年政府信息公开工作年度报告', name: '粘贴的文字' } as const

/** nodeSpawner, remembering every process it started (to kill one, and to see that none is left). */
function recordingSpawner(): WorkerSpawner & { started: WorkerProcess[] } {
  const node = nodeSpawner()
  const started: WorkerProcess[] = []
  return {
    started,
    spawn: (heap) => {
      const child = node.spawn(heap)
      started.push(child)
      return child
    },
    rssOf: node.rssOf
  }
}

/** Whether an OS process is still there (exited and reaped: no). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('import worker', () => {
  it('imports a file and reports each stage: reading, every page, recognising', async () => {
    const stages: ImportStage[] = []
    const parsed = await runner().run(pdf, { onProgress: (stage) => stages.push(stage) })
    expect(parsed.values).toHaveLength(200)
    expect(stages).toEqual([
      { stage: 'reading' },
      { stage: 'page', page: 1, pages: 4 },
      { stage: 'page', page: 2, pages: 4 },
      { stage: 'page', page: 3, pages: 4 },
      { stage: 'page', page: 4, pages: 4 },
      { stage: 'recognising' }
    ])
  })

  it('passes a reader’s refusal on as it is, and keeps the worker for the next file', async () => {
    const importer = runner()
    const error = await importer.run({ kind: 'bytes', bytes: new Uint8Array(0), name: '空.docx' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect(error).not.toBeInstanceOf(ImportWorkerError)
    expect((error as Error).message).toBe('文件是空的')
    expect((await importer.run(pdf)).values).toHaveLength(200)
  })

  it('stops a file past its time budget in one sentence naming it, and the next import works', async () => {
    const spawner = recordingSpawner()
    const importer = runner({ spawner, timeBudgetMs: 150 })
    importer.warm()
    const error = await stopped(importer.run(pdf))
    expect(error.reason).toBe('timeout')
    expect(error.message).toBe(WORKER_MESSAGES.timeout('report.pdf', 150))
    expect(error.message).toMatch(/^文件过于复杂，0\.2 秒内未能读完：report\.pdf。/)
    // Warm: the killed process is replaced at once, before the next import asks.
    await vi.waitFor(() => expect(spawner.started).toHaveLength(2))
    await vi.waitFor(() => expect(alive(spawner.started[0]!.pid)).toBe(false))
    // A fresh process, the same budget: a short text fits in it.
    const parsed = await importer.run(pasted)
    expect(parsed.report.year).toBe(2024)
  })

  it('stops a file whose reading grows memory past the ceiling', async () => {
    const importer = runner({ maxRssGrowthMb: 1 })
    const error = await stopped(importer.run({ kind: 'bytes', ...HOSTILE['txt-49mb']!() }))
    expect(error.reason).toBe('memory')
    expect(error.message).toBe(WORKER_MESSAGES.memory('年报.txt', 1))
  })

  it('stops a file that exhausts the worker’s heap: V8 aborts the worker process only, and the next import works', async () => {
    const importer = runner({ maxHeapMb: 96 })
    const error = await stopped(importer.run({ kind: 'bytes', ...HOSTILE['docx-190mb-xml']!() }))
    expect(error.reason).toBe('memory')
    expect(error.message).toBe(WORKER_MESSAGES.memory('年报.docx', 96))
    expect(error.detail).toMatch(/heap out of memory/)
    expect((await importer.run(pasted)).report.year).toBe(2024)
  })

  it('reports a worker process killed mid-import (SIGKILL) as crashed, naming the file, and the next import works', async () => {
    const spawner = recordingSpawner()
    const importer = runner({ spawner })
    const error = await stopped(
      importer.run(pdf, {
        onProgress: (stage) => {
          if (stage.stage === 'page' && stage.page === 1) process.kill(spawner.started[0]!.pid!, 'SIGKILL')
        }
      })
    )
    expect(error.reason).toBe('crashed')
    expect(error.message).toBe(WORKER_MESSAGES.crashed('report.pdf'))
    expect(error.detail).toMatch(/SIGKILL/)
    expect((await importer.run(pdf)).values).toHaveLength(200)
    expect(spawner.started).toHaveLength(2)
    expect(alive(spawner.started[0]!.pid)).toBe(false)
  })

  it('runs `concurrency` imports at once, each in its own process; more wait their turn', async () => {
    const spawner = recordingSpawner()
    const importer = runner({ spawner, concurrency: 2 })
    // Both processes started and ready, so that the jobs below begin together.
    await Promise.all([importer.run(pasted), importer.run(pasted)])
    expect(spawner.started).toHaveLength(2)
    let running = 0
    let most = 0
    const spans: { start: number; end: number }[] = []
    const timed = async () => {
      let start = 0
      const parsed = await importer.run(docx, {
        onProgress: (stage) => {
          if (stage.stage !== 'reading') return
          start = performance.now()
          most = Math.max(most, ++running)
        }
      })
      running -= 1
      spans.push({ start, end: performance.now() })
      return parsed
    }
    const results = await Promise.all([timed(), timed(), timed()])
    expect(results.map((r) => r.values.length)).toEqual([200, 200, 200])
    // Two ran side by side (each began before the other ended); never three; no third process.
    expect(most).toBe(2)
    const [a, b] = [...spans].sort((x, y) => x.start - y.start)
    expect(b!.start).toBeLessThan(a!.end)
    expect(spawner.started).toHaveLength(2)
  })

  it('cancels every import at once, running or waiting, and leaves no process behind', async () => {
    const spawner = recordingSpawner()
    const importer = runner({ spawner, concurrency: 2 })
    let reading = 0
    const pending: Promise<unknown>[] = []
    const bothReading = new Promise<void>((resolve) => {
      const onProgress = (stage: ImportStage) => {
        if (stage.stage === 'reading' && ++reading === 2) resolve()
      }
      pending.push(...[1, 2].map(() => importer.run(pdf, { onProgress })))
    })
    const waiting = importer.run(pdf)
    await bothReading
    expect(importer.busy).toBe(true)
    importer.cancelAll()
    for (const error of await Promise.all([...pending, waiting].map(stopped))) expect(error.reason).toBe('cancelled')
    expect(importer.busy).toBe(false)
    await importer.dispose()
    expect(spawner.started).toHaveLength(2)
    expect(spawner.started.map((p) => alive(p.pid))).toEqual([false, false])
  })

  it('lets a process go that kept much of what a job took, and starts a fresh one for the next', async () => {
    const spawner = recordingSpawner()
    // Reading the PDF leaves the worker a few tens of MB larger: past a 1 MB allowance.
    const importer = runner({ spawner, maxIdleGrowthMb: 1 })
    await importer.run(pdf)
    expect((await importer.run(pasted)).report.year).toBe(2024)
    expect(spawner.started).toHaveLength(2)
    expect(alive(spawner.started[0]!.pid)).toBe(false)
  })

  it('leaves no process alive after dispose, warm or used', async () => {
    const spawner = recordingSpawner()
    const importer = runner({ spawner, concurrency: 2 })
    importer.warm()
    await importer.run(pasted)
    expect(spawner.started).toHaveLength(2)
    expect(spawner.started.every((p) => alive(p.pid))).toBe(true)
    await importer.dispose()
    expect(spawner.started.map((p) => alive(p.pid))).toEqual([false, false])
    // A disposed runner still works when asked again (the CLI disposes between commands).
    expect((await importer.run(pasted)).report.year).toBe(2024)
    await importer.dispose()
    expect(spawner.started.map((p) => alive(p.pid))).toEqual([false, false, false])
  })

  it('settles dispose in a process that has nothing else to do (as the CLI and the fuzzer end)', async () => {
    const module = (path: string) => JSON.stringify(new URL(`../../src/main/services/import/${path}`, import.meta.url).href)
    const script = [
      `const { nodeSpawner } = await import(${module('nodeSpawner.ts')})`,
      `const { ImportRunner } = await import(${module('runner.ts')})`,
      'const runner = new ImportRunner({ spawner: nodeSpawner() })',
      'runner.warm()',
      `await runner.run(${JSON.stringify(pasted)})`,
      'await runner.dispose()',
      "console.log('disposed')"
    ].join('\n')
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { timeout: 60_000 })
    expect(stdout.trim()).toBe('disposed')
  })

  it('reads a scan by OCR in the worker, page by page, each page on its own budget', async () => {
    // A whole-file budget far below what three OCR'd pages take (3–6 s each): each page restarts
    // the clock. (Before the first page: opening the scan and starting the OCR models.)
    const importer = runner({ timeBudgetMs: 4_000 })
    const stages: ImportStage[] = []
    const scan = { kind: 'file', path: fixture('scans/report-scan.pdf'), name: 'report-scan.pdf' } as const
    const { parsed, stats } = await importer.runWithStats(scan, { onProgress: (stage) => stages.push(stage) })
    const ocr = stages.filter((s) => s.stage === 'ocr')
    expect(ocr.map((s) => s.stage === 'ocr' && s.done)).toEqual([0, 1, 2])
    expect(stages.at(-1)).toEqual({ stage: 'recognising' })
    expect(parsed.values.length).toBeGreaterThan(150)
    // Every figure came from a page image, and says so.
    expect(parsed.values.every((v) => v.flags.includes('ocr'))).toBe(true)
    // The worker counts what the job cost it (the bench prints these): the CPU time of all its
    // threads — two pages of model runs take seconds — and its resident high-water mark, above
    // anything the runner's sampling saw it grow by.
    expect(stats.cpuMs).toBeGreaterThan(1000)
    expect(stats.peakRssMb).toBeGreaterThan(stats.peakRssGrowthMb ?? 0)
  }, 120_000)

  it('refuses several files that are not all images, in Chinese', async () => {
    const error = await runner()
      .run({ kind: 'images', files: [{ bytes: new TextEncoder().encode('不是图片'), name: 'a.txt' }], name: 'a.txt 等 1 个图片文件' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toMatch(/^一次只能导入一份报告/)
  })

  it('stops at 取消 and starts afresh', async () => {
    const importer = runner()
    const controller = new AbortController()
    const pending = importer.run(pdf, { signal: controller.signal, onProgress: () => controller.abort() })
    const error = await stopped(pending)
    expect(error.reason).toBe('cancelled')
    expect(error.message).toBe('已取消导入：report.pdf')
    expect(importer.busy).toBe(false)
    expect((await importer.run(pdf)).values).toHaveLength(200)
  })

  it('says so in Chinese when the worker cannot start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'worker-'))
    try {
      const entry = join(dir, 'broken.mjs')
      await writeFile(entry, 'throw new Error("broken build")\n')
      const importer = runner({ spawner: nodeSpawner(entry) })
      const error = await stopped(importer.run(pdf))
      expect(error.reason).toBe('start')
      expect(error.message).toBe(WORKER_MESSAGES.start)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
