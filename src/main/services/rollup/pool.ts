/**
 * The roll-up's import pool: one ImportRunner with a process per core (`concurrency`), the same
 * worker, time budget and memory ceiling as a single import, each process running one file at a
 * time. A file that overruns, exhausts memory or crashes its worker process is that file's
 * problem alone: the runner replaces the process and the pool goes on. Cancelling stops the files
 * in flight (their processes are killed) and every file waiting. Only the summary crosses back
 * into the roll-up: the worker's ParsedReport is reduced to what the roll-up reads as soon as it
 * arrives. With several processes at once, each runs OCR on its share of the cores.
 */
import { basename } from 'node:path'
import type { ImportedReport } from '@core/rollup/summarize'
import { ImportRunner, type WorkerSpawner } from '../import/runner'
import { FileError } from '../files'
import type { RollupFile } from './collect'
import { isReportJson, readReportJson, type ImportOne } from './importOne'
import { defaultConcurrency } from './run'

export interface ImportPoolOptions {
  /** Starts the worker processes: the app's utilityProcess spawner, or nodeSpawner() (CLI, tests, bench). */
  spawner: WorkerSpawner
  /** Worker processes (default: the cores available). */
  size?: number
  timeBudgetMs?: number
  maxHeapMb?: number
  maxRssGrowthMb?: number
}

export class ImportPool {
  readonly size: number
  private readonly runner: ImportRunner
  private disposed = false

  constructor(options: ImportPoolOptions) {
    this.size = Math.max(1, options.size ?? defaultConcurrency())
    const { spawner, timeBudgetMs, maxHeapMb, maxRssGrowthMb } = options
    this.runner = new ImportRunner({
      spawner,
      concurrency: this.size,
      ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}),
      ...(maxHeapMb !== undefined ? { maxHeapMb } : {}),
      ...(maxRssGrowthMb !== undefined ? { maxRssGrowthMb } : {})
    })
  }

  /** Starts the worker processes ahead of the first file, so that their start-up overlaps the collecting. */
  warm(): void {
    if (!this.disposed) this.runner.warm()
  }

  /** Imports one file in a worker process; rejects with the Chinese reason it cannot be read. */
  readonly importOne: ImportOne = async (file: RollupFile, signal?: AbortSignal): Promise<ImportedReport> => {
    if (isReportJson(file)) return readReportJson(file)
    if (this.disposed) throw new FileError('导入组件已关闭')
    const parsed = await this.runner.run(
      { kind: 'file', path: file.path, name: basename(file.file) },
      { ...(signal ? { signal } : {}), recognizeSource: file.file }
    )
    return { report: parsed.report, missing: parsed.missing, unitCheck: parsed.unitCheck }
  }

  /** Kills every worker process and waits until they are gone; files in flight or waiting reject as cancelled. */
  async dispose(): Promise<void> {
    this.disposed = true
    await this.runner.dispose()
  }
}
