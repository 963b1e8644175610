/**
 * The roll-up's import pool: a few import workers (ImportRunner, the same worker, time budget and
 * memory ceiling as a single import), one per core, each running one file at a time. A file that
 * overruns, exhausts memory or crashes its worker is that file's problem alone: its runner replaces
 * the worker and the pool goes on. Cancelling stops the files in flight (their workers are
 * terminated) and every file waiting. Only the summary crosses back into the roll-up: the worker's
 * ParsedReport is reduced to what the roll-up reads as soon as it arrives.
 */
import { basename } from 'node:path'
import type { ImportedReport } from '@core/rollup/summarize'
import { ImportRunner, ImportWorkerError } from '../import/runner'
import { FileError } from '../files'
import type { RollupFile } from './collect'
import { isReportJson, readReportJson, type ImportOne } from './importOne'
import { defaultConcurrency } from './run'

export interface ImportPoolOptions {
  /** The worker's entry (the built worker in the app, worker.ts from source). */
  entry: string
  /** Workers (default: the cores available). */
  size?: number
  timeBudgetMs?: number
  maxHeapMb?: number
  maxRssGrowthMb?: number
}

export class ImportPool {
  readonly size: number
  private readonly idle: ImportRunner[] = []
  private readonly all: ImportRunner[] = []
  private readonly waiting: ((runner: ImportRunner) => void)[] = []
  private disposed = false

  constructor(private readonly options: ImportPoolOptions) {
    this.size = Math.max(1, options.size ?? defaultConcurrency())
  }

  /** Starts the workers ahead of the first file, so that their start-up overlaps the collecting. */
  warm(): void {
    while (this.all.length < this.size) {
      const runner = this.newRunner()
      runner.warm()
      this.idle.push(runner)
    }
  }

  /** Imports one file in a worker; rejects with the Chinese reason it cannot be read. */
  readonly importOne: ImportOne = async (file: RollupFile, signal?: AbortSignal): Promise<ImportedReport> => {
    if (isReportJson(file)) return readReportJson(file)
    const runner = await this.acquire(signal)
    try {
      const parsed = await runner.run(
        { kind: 'file', path: file.path, name: basename(file.file) },
        { ...(signal ? { signal } : {}), recognizeSource: file.file }
      )
      return { report: parsed.report, missing: parsed.missing, unitCheck: parsed.unitCheck }
    } finally {
      this.release(runner)
    }
  }

  /** Terminates every worker; files in flight reject as cancelled. */
  async dispose(): Promise<void> {
    this.disposed = true
    this.waiting.length = 0
    await Promise.all(this.all.map((r) => r.dispose()))
    this.all.length = 0
    this.idle.length = 0
  }

  private newRunner(): ImportRunner {
    const { entry, timeBudgetMs, maxHeapMb, maxRssGrowthMb } = this.options
    const runner = new ImportRunner({
      entry,
      ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}),
      ...(maxHeapMb !== undefined ? { maxHeapMb } : {}),
      ...(maxRssGrowthMb !== undefined ? { maxRssGrowthMb } : {})
    })
    this.all.push(runner)
    return runner
  }

  private acquire(signal?: AbortSignal): Promise<ImportRunner> {
    if (this.disposed) return Promise.reject(new FileError('导入组件已关闭'))
    const free = this.idle.pop()
    if (free) return Promise.resolve(free)
    if (this.all.length < this.size) return Promise.resolve(this.newRunner())
    return new Promise((resolve, reject) => {
      const take = (runner: ImportRunner) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(runner)
      }
      const onAbort = () => {
        const at = this.waiting.indexOf(take)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(new ImportWorkerError('cancelled', '已取消汇总'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(take)
    })
  }

  private release(runner: ImportRunner): void {
    if (this.disposed) return
    const next = this.waiting.shift()
    if (next) next(runner)
    else this.idle.push(runner)
  }
}
