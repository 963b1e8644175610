/**
 * Runs imports in a worker thread (worker.ts) with a time budget and a memory ceiling, so that the
 * process that owns the window (or the CLI) never blocks on a file and never dies of one.
 *
 * - Time: a job not done within WORKER_LIMITS.timeBudgetMs (counted from when a ready worker gets
 *   it) is stopped by terminating its thread, which interrupts even a synchronous loop.
 * - Memory: the thread's V8 heap is capped (resourceLimits); buffers outside the heap (pdfjs's
 *   decoded streams, inflated zip parts) are watched through the process's resident memory, sampled
 *   while a job runs; past WORKER_LIMITS.maxRssGrowthMb over where it started, the job is stopped.
 * - A worker that dies, overruns or is cancelled is replaced for the next import; a healthy one is
 *   kept warm (unreferenced, so it never keeps a process alive on its own).
 * Every stop is an ImportWorkerError: a FileError whose message is one Chinese sentence naming
 * the file and the reason.
 *
 * The worker's entry is a built .js file in the app (electron-vite bundles it; src/main passes the
 * path) and worker.ts itself when running from source (the CLI, tests), loaded through tsx.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ParsedReport } from '@core/import/types'
import { FileError } from '../fileErrors'
import { WORKER_LIMITS, WORKER_MESSAGES } from '../importLimits'
import type { FromWorker, ImportSource, ImportStage, ToWorker } from './protocol'

export type { ImportSource, ImportStage } from './protocol'

export type ImportStopReason = 'timeout' | 'memory' | 'crashed' | 'cancelled' | 'internal' | 'start'

/** An import the runner stopped, or a worker that failed: the message is for the officer. */
export class ImportWorkerError extends FileError {
  override name = 'ImportWorkerError'
  constructor(
    readonly reason: ImportStopReason,
    message: string,
    readonly detail?: string
  ) {
    super(message)
  }
}

export interface ImportRunnerOptions {
  /** Absolute path of the worker's entry: the built worker .js, or worker.ts from source. */
  entry: string
  timeBudgetMs?: number
  maxHeapMb?: number
  maxRssGrowthMb?: number
  /** Where unhandled rejections inside the worker are reported (default: console.error). */
  onStray?: (detail: string, file: string | undefined) => void
}

export interface ImportRunOptions {
  /** Called with each stage the worker reaches (reading, each PDF page, recognising). */
  onProgress?: (stage: ImportStage) => void
  /** Aborting stops the import (ImportWorkerError 'cancelled'). */
  signal?: AbortSignal
  /** Passed to recognition as the report's source (default: the file name). */
  recognizeSource?: string
}

/** What a finished import cost: wall time from hand-over to answer, and memory growth seen meanwhile. */
export interface ImportStats {
  ms: number
  /** Largest growth of the process's resident memory over the job, sampled (MB). */
  peakRssGrowthMb: number
}

interface Job {
  id: number
  name: string
  resolve: (value: { parsed: ParsedReport; stats: ImportStats }) => void
  reject: (error: Error) => void
  onProgress?: (stage: ImportStage) => void
  started: number
  baselineRss: number
  peakRss: number
}

const SAMPLE_MS = 100

/** A worker thread and the one job it runs at a time. */
class ImportWorker {
  readonly thread: Worker
  readonly ready: Promise<void>
  job: Job | undefined
  dead = false
  private timers: NodeJS.Timeout[] = []
  private budget: NodeJS.Timeout | undefined
  /** The job's memory ceiling: raised while OCR runs (its models live outside the V8 heap). */
  private rssCeilingMb = 0

  constructor(
    entry: string,
    private readonly limits: { timeBudgetMs: number; maxHeapMb: number; maxRssGrowthMb: number },
    private readonly onStray: (detail: string, file: string | undefined) => void,
    private readonly onDead: (worker: ImportWorker) => void
  ) {
    this.thread = spawn(entry, limits.maxHeapMb)
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ImportWorkerError('start', WORKER_MESSAGES.start, 'the worker did not start in time'))
        this.kill()
      }, WORKER_LIMITS.startTimeoutMs)
      timer.unref()
      this.thread.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          clearTimeout(timer)
          resolve()
        } else this.onMessage(message)
      })
      this.thread.on('error', (error: Error & { code?: string }) => {
        clearTimeout(timer)
        // Out of heap (resourceLimits) is the memory ceiling; anything else is a crash.
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        reject(new ImportWorkerError('start', WORKER_MESSAGES.start, error.stack))
        this.stop(memory ? 'memory' : 'crashed', error.stack ?? error.message, memory ? limits.maxHeapMb : undefined)
      })
      this.thread.on('exit', (code) => {
        clearTimeout(timer)
        reject(new ImportWorkerError('start', WORKER_MESSAGES.start, `the worker exited with code ${code}`))
        this.stop('crashed', `the worker exited with code ${code}`)
      })
    })
    // Its rejection is reported to whoever runs a job on it; never unhandled here.
    this.ready.catch(() => undefined)
    // After the listeners: adding a 'message' listener refs the thread's port again.
    this.thread.unref()
  }

  run(job: Job, message: ToWorker): void {
    this.job = job
    this.thread.ref()
    job.started = performance.now()
    job.baselineRss = process.memoryUsage.rss()
    job.peakRss = job.baselineRss
    this.thread.postMessage(message)
    this.rssCeilingMb = this.limits.maxRssGrowthMb
    this.restartBudget(this.limits.timeBudgetMs)
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss()
      job.peakRss = Math.max(job.peakRss, rss)
      if (rss - job.baselineRss > this.rssCeilingMb * 1024 * 1024) this.stop('memory', undefined, this.rssCeilingMb)
    }, SAMPLE_MS)
    this.timers = [sampler]
  }

  /** The time left to the job becomes `ms` from now. */
  private restartBudget(ms: number): void {
    clearTimeout(this.budget)
    this.budget = setTimeout(() => this.stop('timeout', undefined, undefined, ms), ms)
  }

  /**
   * OCR reads a page in seconds, so a scan gets a budget per page instead of the whole file's: each
   * page started restarts the clock with WORKER_LIMITS.ocrPageBudgetMs, and the memory ceiling is the OCR's.
   */
  private onStage(stage: ImportStage): void {
    if (stage.stage !== 'ocr') return
    this.rssCeilingMb = Math.max(this.rssCeilingMb, WORKER_LIMITS.maxOcrRssGrowthMb)
    this.restartBudget(stage.done < stage.pages ? WORKER_LIMITS.ocrPageBudgetMs : this.limits.timeBudgetMs)
  }

  /**
   * Ends the current job with `reason` and terminates the thread; `limitMb`: the memory ceiling
   * that was hit, `budgetMs`: the time budget that ran out.
   */
  stop(reason: Exclude<ImportStopReason, 'start'>, detail?: string, limitMb = this.limits.maxRssGrowthMb, budgetMs = this.limits.timeBudgetMs): void {
    const job = this.finish()
    if (job) {
      const message =
        reason === 'timeout'
          ? WORKER_MESSAGES.timeout(job.name, budgetMs)
          : reason === 'memory'
            ? WORKER_MESSAGES.memory(job.name, limitMb)
            : reason === 'cancelled'
              ? WORKER_MESSAGES.cancelled(job.name)
              : WORKER_MESSAGES.crashed(job.name)
      job.reject(new ImportWorkerError(reason, message, detail))
    }
    this.kill()
  }

  kill(): void {
    if (this.dead) return
    this.dead = true
    this.onDead(this)
    void this.thread.terminate().catch(() => undefined)
  }

  private finish(): Job | undefined {
    for (const timer of this.timers) clearTimeout(timer)
    clearTimeout(this.budget)
    this.timers = []
    const job = this.job
    this.job = undefined
    if (!this.dead) this.thread.unref()
    return job
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'stray') {
      this.onStray(`${message.kind}: ${message.detail}`, this.job?.name)
      return
    }
    if (message.type === 'ready') return
    const job = this.job
    if (!job || message.id !== job.id) return
    if (message.type === 'progress') {
      const { type: _type, id: _id, ...stage } = message
      this.onStage(stage)
      job.onProgress?.(stage)
      return
    }
    this.finish()
    const stats = (): ImportStats => ({
      ms: performance.now() - job.started,
      peakRssGrowthMb: Math.max(0, Math.max(job.peakRss, process.memoryUsage.rss()) - job.baselineRss) / 1024 / 1024
    })
    if (message.type === 'done') job.resolve({ parsed: message.parsed, stats: stats() })
    else if (message.deliberate) job.reject(new FileError(message.message))
    else job.reject(new ImportWorkerError('internal', WORKER_MESSAGES.crashed(job.name), message.detail))
  }
}

/** A worker thread on the built entry, or on worker.ts through tsx when running from source. */
function spawn(entry: string, maxHeapMb: number): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: WORKER_LIMITS.maxYoungHeapMb }
  }
  if (!entry.endsWith('.ts')) return new Worker(entry, options)
  // tsx's ESM API (its package export `tsx/esm/api`, import condition); `--import tsx` in execArgv
  // does not reach a worker's entry module on Node 20.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}) })`
  return new Worker(code, { ...options, eval: true })
}

export class ImportRunner {
  private readonly limits: { timeBudgetMs: number; maxHeapMb: number; maxRssGrowthMb: number }
  private readonly workers = new Set<ImportWorker>()
  private idle: ImportWorker | undefined
  private nextId = 1
  private readonly onStray: (detail: string, file: string | undefined) => void

  constructor(private readonly options: ImportRunnerOptions) {
    this.limits = {
      timeBudgetMs: options.timeBudgetMs ?? WORKER_LIMITS.timeBudgetMs,
      maxHeapMb: options.maxHeapMb ?? WORKER_LIMITS.maxHeapMb,
      maxRssGrowthMb: options.maxRssGrowthMb ?? WORKER_LIMITS.maxRssGrowthMb
    }
    this.onStray = options.onStray ?? ((detail, file) => console.error(`[import] 导入组件内未处理的错误${file ? `（${file}）` : ''}：${detail}`))
  }

  /** Starts a worker ahead of the first import, so that it begins at once. */
  warm(): void {
    if (!this.idle) this.idle = this.newWorker()
  }

  /** Imports one file or text; rejects with a FileError (an ImportWorkerError when the worker was stopped). */
  async run(source: ImportSource, options: ImportRunOptions = {}): Promise<ParsedReport> {
    return (await this.runWithStats(source, options)).parsed
  }

  async runWithStats(source: ImportSource, options: ImportRunOptions = {}): Promise<{ parsed: ParsedReport; stats: ImportStats }> {
    const { signal } = options
    if (signal?.aborted) throw new ImportWorkerError('cancelled', WORKER_MESSAGES.cancelled(source.name))
    const worker = this.idle ?? this.newWorker()
    this.idle = undefined
    const onAbort = () => worker.stop('cancelled')
    signal?.addEventListener('abort', onAbort, { once: true })
    // Waited on from here: the thread keeps the process alive until the answer (unref'd again when idle).
    worker.thread.ref()
    try {
      try {
        await worker.ready
      } catch (error) {
        if (signal?.aborted) throw new ImportWorkerError('cancelled', WORKER_MESSAGES.cancelled(source.name))
        throw error
      }
      if (signal?.aborted || worker.dead) throw new ImportWorkerError('cancelled', WORKER_MESSAGES.cancelled(source.name))
      const result = await new Promise<{ parsed: ParsedReport; stats: ImportStats }>((resolve, reject) => {
        const id = this.nextId++
        worker.run(
          { id, name: source.name, resolve, reject, onProgress: options.onProgress, started: 0, baselineRss: 0, peakRss: 0 },
          { type: 'import', id, source, options: { source: options.recognizeSource } }
        )
      })
      return result
    } finally {
      signal?.removeEventListener('abort', onAbort)
      // A worker that finished its job cleanly waits for the next one; at most one waits.
      if (!worker.dead && !worker.job) {
        worker.thread.unref()
        if (this.idle) worker.kill()
        else this.idle = worker
      }
    }
  }

  /** Stops every import in flight (each rejects as cancelled). */
  cancelAll(): void {
    for (const worker of this.workers) if (worker.job) worker.stop('cancelled')
  }

  /** True while an import runs. */
  get busy(): boolean {
    return [...this.workers].some((w) => w.job !== undefined)
  }

  /** Terminates every worker (imports in flight reject as cancelled). */
  async dispose(): Promise<void> {
    const threads = [...this.workers].map((w) => w.thread)
    for (const worker of this.workers) {
      if (worker.job) worker.stop('cancelled')
      else worker.kill()
    }
    this.idle = undefined
    await Promise.all(threads.map((t) => t.terminate().catch(() => undefined)))
  }

  private newWorker(): ImportWorker {
    const worker = new ImportWorker(this.options.entry, this.limits, this.onStray, (dead) => {
      this.workers.delete(dead)
      if (this.idle === dead) this.idle = undefined
    })
    this.workers.add(worker)
    return worker
  }
}
