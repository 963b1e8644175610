/**
 * Runs imports in worker processes (worker.ts), each with a time budget and a memory ceiling, so
 * that the process that owns the window (or the CLI) never blocks on a file and never dies of one.
 *
 * - Processes, not threads: a worker thread that overflows its heap can abort the whole process
 *   (V8 gives a thread's near-heap-limit callback only so much slack), and OCR's native memory
 *   lives in whatever process runs it. A worker process that dies — heap, native crash, SIGKILL —
 *   ends alone; its job is reported and the next import starts a fresh one. How a process is
 *   started is injected (spawner.ts): child_process.fork in Node, utilityProcess in the app.
 * - Time: a job not done within WORKER_LIMITS.timeBudgetMs (counted from when a ready process gets
 *   it) is stopped by killing its process, which interrupts even a synchronous loop.
 * - Memory: the process's V8 heap is capped by V8's flags (past it, V8 aborts the process, which
 *   is reported as the memory ceiling); buffers outside the heap (pdfjs's decoded streams, inflated
 *   zip parts, OCR's models) are watched through the process's resident memory, sampled while a
 *   job runs: past WORKER_LIMITS.maxRssGrowthMb over where it started, the job is stopped.
 * - Concurrency: up to `concurrency` imports at once (default 1), each in its own process; more
 *   wait their turn (their time budget starts when they get a process). A process that finished
 *   cleanly is kept for the next job, unreferenced so it never keeps a process alive on its own;
 *   one that kept too much memory is let go. Once `warm()` was called, a process lost (stopped,
 *   crashed, let go) is replaced at once, so the next import never waits for one to start.
 * Every stop is an ImportWorkerError: a FileError whose message is one Chinese sentence naming
 * the file and the reason.
 */
import { availableParallelism } from 'node:os'
import type { ParsedReport } from '@core/import/types'
import { FileError } from '../fileErrors'
import { WORKER_LIMITS, WORKER_MESSAGES } from '../importLimits'
import type { FromWorker, ImportSource, ImportStage, ToWorker } from './protocol'
import { diedOfHeap, type WorkerExit, type WorkerProcess, type WorkerSpawner } from './spawner'

export type { ImportSource, ImportStage } from './protocol'
export type { WorkerSpawner } from './spawner'

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
  /** Starts the worker processes: nodeSpawner() (CLI, tests), or the app's utilityProcess spawner. */
  spawner: WorkerSpawner
  /** Imports that run at once, each in its own process (default 1); more wait for a free one. */
  concurrency?: number
  timeBudgetMs?: number
  maxHeapMb?: number
  maxRssGrowthMb?: number
  /** A process that kept more than this after a job is let go (default WORKER_LIMITS.maxIdleGrowthMb). */
  maxIdleGrowthMb?: number
  /** Where unhandled rejections inside the worker are reported (default: console.error). */
  onStray?: (detail: string, file: string | undefined) => void
}

export interface ImportRunOptions {
  /** Called with each stage the worker reaches (reading, each PDF page, each OCR page, recognising). */
  onProgress?: (stage: ImportStage) => void
  /** Aborting stops the import (ImportWorkerError 'cancelled'), whether it runs or waits its turn. */
  signal?: AbortSignal
  /** Passed to recognition as the report's source (default: the file name). */
  recognizeSource?: string
}

/** What a finished import cost: wall time from hand-over to answer, and memory growth seen meanwhile. */
export interface ImportStats {
  ms: number
  /**
   * Largest growth of the worker process's resident memory over the job, sampled (MB); absent
   * where the spawner cannot read another process's memory.
   */
  peakRssGrowthMb?: number
  /** CPU time the worker process spent on the job, all its threads (as the worker counts it). */
  cpuMs?: number
  /**
   * The worker process's resident-memory high-water mark since it started, as its own getrusage
   * reports it (exact: sampling can miss a short peak); for a fresh process, this job's peak.
   */
  peakRssMb?: number
}

interface Limits {
  timeBudgetMs: number
  maxHeapMb: number
  maxRssGrowthMb: number
  maxIdleGrowthMb: number
}

interface Job {
  id: number
  name: string
  resolve: (value: { parsed: ParsedReport; stats: ImportStats }) => void
  reject: (error: Error) => void
  onProgress?: (stage: ImportStage) => void
  started: number
  baselineRss?: number
  peakRss?: number
}

const SAMPLE_MS = 100
const MB = 1024 * 1024

function describeExit(exit: WorkerExit): string {
  const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`
  return `the worker process ended (${how})${exit.last ? `:\n${exit.last.trim()}` : ''}`
}

/** One worker process and the one job it runs at a time. */
class ImportProcess {
  readonly child: WorkerProcess | undefined
  readonly ready: Promise<void>
  /** Settles when the OS process is gone. */
  readonly exited: Promise<void>
  job: Job | undefined
  /** Killed or gone: never given another job. */
  dead = false
  /** It loaded and said so: a process that cannot start is not replaced on its own. */
  started = false
  /** Resident memory once loaded, to tell a process that kept what a job took. */
  private readyRss: number | undefined
  private sampler: NodeJS.Timeout | undefined
  private budget: NodeJS.Timeout | undefined

  constructor(
    private readonly spawner: WorkerSpawner,
    private readonly limits: Limits,
    private readonly onStray: (detail: string, file: string | undefined) => void,
    private readonly onDead: (worker: ImportProcess) => void
  ) {
    let markExited = () => undefined as void
    this.exited = new Promise<void>((resolve) => (markExited = resolve))
    let child: WorkerProcess | undefined
    let spawnError: unknown
    try {
      child = spawner.spawn({ maxHeapMb: limits.maxHeapMb, maxSemiSpaceMb: WORKER_LIMITS.maxSemiSpaceMb })
    } catch (error) {
      spawnError = error
    }
    this.child = child
    if (!child) {
      this.dead = true
      markExited()
      this.ready = Promise.reject(new ImportWorkerError('start', WORKER_MESSAGES.start, String(spawnError)))
      this.ready.catch(() => undefined)
      return
    }
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ImportWorkerError('start', WORKER_MESSAGES.start, 'the worker did not start in time'))
        this.kill()
      }, WORKER_LIMITS.startTimeoutMs)
      timer.unref()
      child.onMessage((message) => {
        if (message.type === 'ready') {
          clearTimeout(timer)
          this.started = true
          this.readyRss = this.rss()
          resolve()
        } else this.onMessage(message)
      })
      child.onExit((exit) => {
        clearTimeout(timer)
        markExited()
        const detail = describeExit(exit)
        // Before 'ready' the process could not start; after, it is a no-op.
        reject(new ImportWorkerError('start', WORKER_MESSAGES.start, detail))
        // V8 aborting the process at its heap ceiling is the memory ceiling; anything else a crash.
        const heap = diedOfHeap(exit)
        this.stop(heap ? 'memory' : 'crashed', detail, heap ? this.limits.maxHeapMb : undefined)
      })
    })
    // Its rejection is reported to whoever runs a job on it; never unhandled here.
    this.ready.catch(() => undefined)
    child.unref()
  }

  run(job: Job, message: ToWorker): void {
    const child = this.child!
    this.job = job
    child.ref()
    job.started = performance.now()
    job.baselineRss = this.rss()
    job.peakRss = job.baselineRss
    child.postMessage(message)
    this.restartBudget(this.limits.timeBudgetMs)
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS)
  }

  /** Whether the process held on to much more memory than it had when it started (then it is not kept). */
  get bloated(): boolean {
    const rss = this.rss()
    return rss !== undefined && this.readyRss !== undefined && rss - this.readyRss > this.limits.maxIdleGrowthMb * MB
  }

  private rss(): number | undefined {
    const pid = this.child?.pid
    return pid === undefined ? undefined : this.spawner.rssOf?.(pid)
  }

  /** Records the job's memory; past its ceiling, stops it. */
  private sample(stopPastCeiling = true): void {
    const job = this.job
    if (!job || job.baselineRss === undefined) return
    const rss = this.rss()
    if (rss === undefined) return
    job.peakRss = Math.max(job.peakRss ?? rss, rss)
    const growthMb = (rss - job.baselineRss) / MB
    if (stopPastCeiling && growthMb > this.limits.maxRssGrowthMb) {
      this.stop('memory', `resident memory grew by ${growthMb.toFixed(0)} MB`, this.limits.maxRssGrowthMb)
    }
  }

  /** The time left to the job becomes `ms` from now. */
  private restartBudget(ms: number): void {
    clearTimeout(this.budget)
    this.budget = setTimeout(() => this.stop('timeout', undefined, undefined, ms), ms)
  }

  /**
   * OCR reads a page in seconds, so a scan gets a budget per page instead of the whole file's: each
   * page started restarts the clock with WORKER_LIMITS.ocrPageBudgetMs. (Its memory stays under the
   * same ceiling as any import: see WORKER_LIMITS.maxRssGrowthMb.)
   */
  private onStage(stage: ImportStage): void {
    if (stage.stage !== 'ocr') return
    this.restartBudget(stage.done < stage.pages ? WORKER_LIMITS.ocrPageBudgetMs : this.limits.timeBudgetMs)
  }

  /**
   * Ends the current job with `reason` and kills the process; `limitMb`: the memory ceiling that
   * was hit, `budgetMs`: the time budget that ran out.
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
    // Held until it is gone, so that its exit is seen (dispose waits for it) even in a process
    // with nothing else to do.
    this.child?.ref()
    this.child?.kill()
  }

  private finish(): Job | undefined {
    clearInterval(this.sampler)
    clearTimeout(this.budget)
    const job = this.job
    this.job = undefined
    if (!this.dead) this.child?.unref()
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
      // A stage is a moment the worker's memory is worth a look (a job shorter than a sample, too).
      this.sample()
      if (this.job !== job) return
      job.onProgress?.(stage)
      return
    }
    this.sample(false)
    this.finish()
    const stats = (): ImportStats => ({
      ms: performance.now() - job.started,
      peakRssGrowthMb: job.baselineRss === undefined ? undefined : Math.max(0, (job.peakRss ?? job.baselineRss) - job.baselineRss) / MB,
      ...(message.type === 'done' && message.usage ? { cpuMs: message.usage.cpuMs, peakRssMb: message.usage.peakRssMb } : {})
    })
    if (message.type === 'done') job.resolve({ parsed: message.parsed, stats: stats() })
    else if (message.deliberate) job.reject(new FileError(message.message))
    else job.reject(new ImportWorkerError('internal', WORKER_MESSAGES.crashed(job.name), message.detail))
  }
}

/** A job waiting for a free process. */
interface Waiter {
  start: () => void
  cancel: () => void
}

export class ImportRunner {
  private readonly limits: Limits
  private readonly concurrency: number
  /** Live processes (running a job, starting, or idle): at most `concurrency`. */
  private readonly processes = new Set<ImportProcess>()
  /** Every process not yet gone, live or killed: dispose waits for all of them. */
  private readonly unexited = new Set<ImportProcess>()
  private readonly idle: ImportProcess[] = []
  /** Imports holding one of the `concurrency` places (starting or running). */
  private running = 0
  private readonly waiting: Waiter[] = []
  /** How to stop each import in flight, waiting or running (cancelAll). */
  private readonly inFlight = new Set<() => void>()
  private nextId = 1
  /** OCR threads per process when several run at once (each its share of the cores); else OCR's own choice. */
  private readonly ocrThreads: number | undefined
  /** warm() was called: keep `concurrency` processes started (until dispose). */
  private warmed = false
  private readonly onStray: (detail: string, file: string | undefined) => void

  constructor(private readonly options: ImportRunnerOptions) {
    this.limits = {
      timeBudgetMs: options.timeBudgetMs ?? WORKER_LIMITS.timeBudgetMs,
      maxHeapMb: options.maxHeapMb ?? WORKER_LIMITS.maxHeapMb,
      maxRssGrowthMb: options.maxRssGrowthMb ?? WORKER_LIMITS.maxRssGrowthMb,
      maxIdleGrowthMb: options.maxIdleGrowthMb ?? WORKER_LIMITS.maxIdleGrowthMb
    }
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 1))
    this.ocrThreads = this.concurrency > 1 ? Math.max(1, Math.floor(availableParallelism() / this.concurrency)) : undefined
    this.onStray = options.onStray ?? ((detail, file) => console.error(`[import] 导入组件内未处理的错误${file ? `（${file}）` : ''}：${detail}`))
  }

  /** Starts worker processes ahead of the first import (up to the concurrency), so that it begins at once. */
  warm(): void {
    this.warmed = true
    this.topUp()
  }

  private topUp(): void {
    while (this.processes.size < this.concurrency) {
      const worker = this.newProcess()
      if (worker.dead) return
      this.idle.push(worker)
    }
  }

  /** Imports one file or text; rejects with a FileError (an ImportWorkerError when the worker was stopped). */
  async run(source: ImportSource, options: ImportRunOptions = {}): Promise<ParsedReport> {
    return (await this.runWithStats(source, options)).parsed
  }

  async runWithStats(source: ImportSource, options: ImportRunOptions = {}): Promise<{ parsed: ParsedReport; stats: ImportStats }> {
    const { signal } = options
    const cancelledError = () => new ImportWorkerError('cancelled', WORKER_MESSAGES.cancelled(source.name))
    if (signal?.aborted) throw cancelledError()
    let cancelled = false
    let worker: ImportProcess | undefined
    let waiter: Waiter | undefined
    const cancel = () => {
      cancelled = true
      waiter?.cancel()
      worker?.stop('cancelled')
    }
    signal?.addEventListener('abort', cancel, { once: true })
    this.inFlight.add(cancel)
    let holding = false
    try {
      if (this.running < this.concurrency) this.running += 1
      else {
        await new Promise<void>((resolve, reject) => {
          const self: Waiter = {
            start: () => {
              waiter = undefined
              this.running += 1
              resolve()
            },
            cancel: () => {
              waiter = undefined
              const at = this.waiting.indexOf(self)
              if (at >= 0) this.waiting.splice(at, 1)
              reject(cancelledError())
            }
          }
          waiter = self
          this.waiting.push(self)
        })
      }
      holding = true
      if (cancelled) throw cancelledError()
      worker = this.idle.shift() ?? this.newProcess()
      // Waited on from here: the process keeps this one alive until the answer (unref'd again when idle).
      worker.child?.ref()
      try {
        await worker.ready
      } catch (error) {
        if (cancelled) throw cancelledError()
        throw error
      }
      if (cancelled) throw cancelledError()
      if (worker.dead) throw new ImportWorkerError('crashed', WORKER_MESSAGES.crashed(source.name), 'the worker process ended before the job')
      const started = worker
      return await new Promise<{ parsed: ParsedReport; stats: ImportStats }>((resolve, reject) => {
        const id = this.nextId++
        started.run(
          { id, name: source.name, resolve, reject, onProgress: options.onProgress, started: 0 },
          { type: 'import', id, source, options: { source: options.recognizeSource, ocrThreads: this.ocrThreads } }
        )
      })
    } finally {
      signal?.removeEventListener('abort', cancel)
      this.inFlight.delete(cancel)
      // A process that finished its job cleanly waits for the next one, unless it kept much of
      // what the job took (a fresh one is smaller).
      if (worker && !worker.dead && !worker.job) {
        if (worker.bloated) worker.kill()
        else {
          worker.child?.unref()
          this.idle.push(worker)
        }
      }
      if (holding) {
        this.running -= 1
        this.waiting.shift()?.start()
      }
    }
  }

  /** Stops every import in flight, running or waiting its turn (each rejects as cancelled). */
  cancelAll(): void {
    for (const cancel of [...this.inFlight]) cancel()
  }

  /** True while an import runs or waits its turn. */
  get busy(): boolean {
    return this.running > 0 || this.waiting.length > 0
  }

  /** Kills every worker process and waits until they are gone (imports in flight reject as cancelled). */
  async dispose(): Promise<void> {
    this.warmed = false
    this.cancelAll()
    for (const worker of [...this.processes]) worker.kill()
    this.idle.length = 0
    await Promise.all([...this.unexited].map((w) => w.exited))
  }

  private newProcess(): ImportProcess {
    const worker = new ImportProcess(this.options.spawner, this.limits, this.onStray, (dead) => {
      this.processes.delete(dead)
      const at = this.idle.indexOf(dead)
      if (at >= 0) this.idle.splice(at, 1)
      // Replaced once the one that ends it is done (a stop, a crash); never one that could not start.
      if (this.warmed && dead.started) queueMicrotask(() => this.warmed && this.topUp())
    })
    if (!worker.dead) {
      this.processes.add(worker)
      this.unexited.add(worker)
      void worker.exited.then(() => this.unexited.delete(worker))
    }
    return worker
  }
}
