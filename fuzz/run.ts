/**
 * Runs fuzz inputs through the import path and classifies how each ended:
 * - result: a preview came back;
 * - refused: a deliberate refusal, one Chinese sentence (a FileError);
 * - crash: anything else — an error that was not a FileError, a message that is not Chinese, the
 *   worker dying, or an unhandled rejection / uncaught exception while the input was read;
 * - over-budget: not finished within the time budget;
 * - memory: stopped by the worker's memory ceiling.
 * The target is no crash, no over-budget and no memory stop.
 *
 * Two ways to run: through the import worker exactly as the app and the CLI do (`worker`), or by
 * calling readDocument and recognizeReport directly in this process (`direct`) — which shows that
 * the readers' own limits bound every input, without the worker's timer.
 */
import { performance } from 'node:perf_hooks'
import { recognizeReport } from '@core/import/recognizeReport'
import { FileError } from '../src/main/services/fileErrors'
import { WORKER_LIMITS } from '../src/main/services/importLimits'
import { ImportWorkerError, type ImportRunner } from '../src/main/services/import/runner'
import { readDocument } from '../src/main/services/readers/index'
import type { FuzzInput } from './hostile'

export type Outcome = 'result' | 'refused' | 'crash' | 'over-budget' | 'memory'

export interface FuzzRecord {
  index: number
  shape: string
  name: string
  bytes: number
  outcome: Outcome
  ms: number
  /** Growth of the worker process's resident memory while the input was read (worker mode), MB. */
  peakRssGrowthMb?: number
  message?: string
  detail?: string
}

const HAN = /[\u4e00-\u9fff]/

function refusedOrCrash(error: unknown): Pick<FuzzRecord, 'outcome' | 'message' | 'detail'> {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof FileError && HAN.test(message)) return { outcome: 'refused', message }
  return { outcome: 'crash', message, detail: error instanceof Error ? error.stack : undefined }
}

/** One input through the worker (the runner is reused across inputs, as in the app). */
export async function runInWorker(runner: ImportRunner, input: FuzzInput & { index: number }, strays: string[]): Promise<FuzzRecord> {
  const base = { index: input.index, shape: input.shape, name: input.name, bytes: input.bytes.length }
  const before = strays.length
  const started = performance.now()
  let record: FuzzRecord
  try {
    const { stats } = await runner.runWithStats({ kind: 'bytes', bytes: input.bytes, name: input.name })
    record = { ...base, outcome: 'result', ms: stats.ms, peakRssGrowthMb: stats.peakRssGrowthMb }
  } catch (error) {
    const ms = performance.now() - started
    if (error instanceof ImportWorkerError) {
      const outcome: Outcome = error.reason === 'timeout' ? 'over-budget' : error.reason === 'memory' ? 'memory' : 'crash'
      record = { ...base, outcome, ms, message: error.message, detail: error.detail }
    } else {
      record = { ...base, ms, ...refusedOrCrash(error) }
    }
  }
  // A rejection pdfjs left behind may surface just after the answer: give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 2))
  if (strays.length > before) {
    record = { ...record, outcome: 'crash', message: '未处理的异步错误', detail: strays.slice(before).join('\n') }
  }
  return record
}

/**
 * One input read and recognised in this process. `strays` collects unhandled rejections and
 * uncaught exceptions (the caller installs the listeners); a read that never settles counts as
 * over budget after three budgets.
 */
export async function runDirect(input: FuzzInput & { index: number }, strays: string[], budgetMs = WORKER_LIMITS.timeBudgetMs): Promise<FuzzRecord> {
  const base = { index: input.index, shape: input.shape, name: input.name, bytes: input.bytes.length }
  const before = strays.length
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), budgetMs * 3)
  })
  let record: FuzzRecord
  try {
    const work = (async () => recognizeReport(await readDocument({ bytes: input.bytes, name: input.name })))()
    work.catch(() => undefined)
    const answer = await Promise.race([work, hang])
    const ms = performance.now() - started
    record = answer === 'hang' ? { ...base, outcome: 'over-budget', ms, message: '未结束' } : { ...base, outcome: 'result', ms }
  } catch (error) {
    record = { ...base, ms: performance.now() - started, ...refusedOrCrash(error) }
  } finally {
    clearTimeout(timer)
  }
  if (record.outcome !== 'over-budget' && record.ms > budgetMs) record = { ...record, outcome: 'over-budget' }
  await new Promise((resolve) => setTimeout(resolve, 2))
  if (strays.length > before) {
    record = { ...record, outcome: 'crash', message: '未处理的异步错误', detail: strays.slice(before).join('\n') }
  }
  return record
}

/** The kind of file an input is (by extension), for the tallies; hostile inputs as their own kind. */
export function kindOf(record: Pick<FuzzRecord, 'shape' | 'name'>): string {
  const extension = record.name.slice(record.name.lastIndexOf('.') + 1)
  return record.shape.includes('/') ? extension : `hostile .${extension}`
}

const OUTCOMES: readonly Outcome[] = ['result', 'refused', 'crash', 'over-budget', 'memory']

function table(rows: readonly [string, Record<Outcome, number>][]): string[] {
  const head = `  ${'类型'.padEnd(18)}${OUTCOMES.map((o) => o.padStart(12)).join('')}`
  return [head, ...rows.map(([label, counts]) => `  ${label.padEnd(20)}${OUTCOMES.map((o) => String(counts[o]).padStart(12)).join('')}`)]
}

function tally(records: readonly FuzzRecord[], key: (r: FuzzRecord) => string): [string, Record<Outcome, number>][] {
  const counts = new Map<string, Record<Outcome, number>>()
  for (const record of records) {
    const row = counts.get(key(record)) ?? { result: 0, refused: 0, crash: 0, 'over-budget': 0, memory: 0 }
    row[record.outcome] += 1
    counts.set(key(record), row)
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))
}

/** The long run's report: counts by kind and outcome, by mutation, the slowest inputs, memory, failures. */
export function summarize(records: readonly FuzzRecord[], options: { mode: string; seed: number; elapsedMs: number }): string {
  const failures = records.filter((r) => r.outcome === 'crash' || r.outcome === 'over-budget' || r.outcome === 'memory')
  const slowest = [...records].sort((a, b) => b.ms - a.ms).slice(0, 10)
  const memory = records.filter((r) => r.peakRssGrowthMb !== undefined).sort((a, b) => b.peakRssGrowthMb! - a.peakRssGrowthMb!)
  const total = tally(records, () => '合计')[0]?.[1]
  const lines = [
    `模糊测试：${records.length} 个输入，种子 ${options.seed}，方式 ${options.mode}，用时 ${(options.elapsedMs / 1000).toFixed(0)} 秒`,
    '',
    '按文件类型与结果：',
    ...table([...tally(records, kindOf), ...(total ? ([['合计', total]] as [string, Record<Outcome, number>][]) : [])]),
    '',
    '按变异方式与结果：',
    ...table(tally(records, (r) => r.shape)),
    '',
    '最慢的 10 个输入：',
    ...slowest.map((r) => `  ${r.ms.toFixed(0).padStart(6)} ms  #${r.index} ${r.shape} ${r.name} ${(r.bytes / 1024 / 1024).toFixed(1)} MB → ${r.outcome}`),
    '',
    `内存：本进程常驻内存峰值 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` +
      (memory.length ? `；工作进程读取单个输入期间的最大增长 ${memory[0]!.peakRssGrowthMb!.toFixed(0)} MB（#${memory[0]!.index} ${memory[0]!.shape}）` : ''),
    ...memory.slice(0, 5).map((r) => `  ${r.peakRssGrowthMb!.toFixed(0).padStart(6)} MB  #${r.index} ${r.shape} → ${r.outcome}`),
    '',
    `失败（崩溃 ${failures.filter((r) => r.outcome === 'crash').length}，超时 ${failures.filter((r) => r.outcome === 'over-budget').length}，超内存 ${failures.filter((r) => r.outcome === 'memory').length}）：`,
    ...(failures.length
      ? failures.slice(0, 30).map((r) => `  #${r.index} ${r.shape} ${r.name} ${r.ms.toFixed(0)} ms → ${r.outcome}: ${r.message ?? ''}\n    ${(r.detail ?? '').split('\n').slice(0, 4).join('\n    ')}`)
      : ['  无'])
  ]
  return `${lines.join('\n')}\n`
}
