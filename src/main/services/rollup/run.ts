/**
 * A roll-up run: collect the files, import each (a bounded number at a time, through the ImportOne
 * seam), match it to its unit, check it and keep only its summary — the document is dropped at once,
 * so memory holds figures and findings, never hundreds of documents. A file that cannot be read is
 * listed with its reason and the run goes on; cancelling stops it between files and stops the files
 * in flight. Node-only; the assembly itself is core's (core/rollup).
 */
import { availableParallelism } from 'node:os'
import { assembleRollup, type RollupChoices } from '@core/rollup/rollup'
import { UnitMatcher, type UnitMatch } from '@core/rollup/match'
import { reportNames, reportYear, summarizeReport, type ImportedReport } from '@core/rollup/summarize'
import type { RollupReport, RollupResult, RollupSettings, UnreadableFile } from '@core/rollup/types'
import type { RollupUnit } from '@core/rollup/units'
import type { RuleSettings } from '@core/settings'
import { FileError } from '../files'
import { collectFiles, type RollupFile } from './collect'
import type { LibraryHistory } from './history'
import type { ImportOne } from './importOne'

export interface RollupProgress {
  /** Files done (read or found unreadable). */
  done: number
  total: number
  /** The file just done. */
  file?: string
}

/** The roll-up was cancelled; nothing of it is kept. */
export class RollupCancelled extends FileError {
  override name = 'RollupCancelled'
  constructor() {
    super('已取消汇总')
  }
}

/** What summarising a report needs besides the report: the list, the library's history, the region's checks. */
export interface SummaryContext {
  units: readonly RollupUnit[]
  history: LibraryHistory
  ruleSettings?: RuleSettings
}

/** A matcher over the list, built once per run (names are normalised once). */
const matchers = new WeakMap<readonly RollupUnit[], UnitMatcher>()
function matcherOf(units: readonly RollupUnit[]): UnitMatcher {
  let matcher = matchers.get(units)
  if (!matcher) {
    matcher = new UnitMatcher(units)
    matchers.set(units, matcher)
  }
  return matcher
}

/**
 * One imported report summarised: matched to its unit (or to `match`, the officer's choice), checked
 * at the unit's level with last year's report of the unit when the library has it.
 */
export async function summarizeImported(
  input: { id: number; file: string; parsed: ImportedReport; match?: UnitMatch },
  context: SummaryContext
): Promise<RollupReport> {
  const names = reportNames(input.parsed)
  const outcome = input.match
    ? { match: input.match }
    : context.units.length > 0
      ? matcherOf(context.units).match(names, { fileName: input.file })
      : {}
  const unit = context.units.find((u) => u.name === outcome.match?.unit)
  const year = reportYear(input.parsed)
  const previous = year === undefined ? undefined : await context.history.previous(unit ? [unit.name, ...unit.aliases, ...names] : names, year)
  return summarizeReport({
    id: input.id,
    file: input.file,
    parsed: input.parsed,
    ...(outcome.match ? { match: outcome.match } : {}),
    ...('ambiguous' in outcome && outcome.ambiguous ? { ambiguous: outcome.ambiguous } : {}),
    ...(unit ? { unit } : {}),
    ...(previous ? { previous } : {}),
    ...(context.ruleSettings ? { settings: context.ruleSettings } : {})
  })
}

export interface SummarizeFilesOptions extends SummaryContext {
  importOne: ImportOne
  /** Files imported at once (default: the cores available). */
  concurrency?: number
  signal?: AbortSignal
  onProgress?: (progress: RollupProgress) => void
  /** Each imported report, before it is dropped (the app keeps a copy on disk, to open it). */
  onImported?: (id: number, parsed: ImportedReport) => Promise<void> | void
  /** Ids start here (files added to a roll-up already under way). */
  firstId?: number
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(availableParallelism(), 8))
}

/** The reason a file is listed as unreadable: the import's own sentence, or a plain one for a fault of ours. */
function reasonOf(error: unknown): string {
  if (error instanceof FileError) return error.message
  return `读取时程序出错（${error instanceof Error ? error.message : String(error)}），请另存为 .docx 后重试`
}

export async function summarizeFiles(
  files: readonly RollupFile[],
  options: SummarizeFilesOptions
): Promise<{ reports: RollupReport[]; unreadable: UnreadableFile[] }> {
  const first = options.firstId ?? 0
  const reports: (RollupReport | undefined)[] = []
  const unreadable: (UnreadableFile | undefined)[] = []
  let next = 0
  let done = 0
  const { signal } = options
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const index = next++
      const file = files[index]!
      const id = first + index
      try {
        const parsed = await options.importOne(file, signal)
        if (signal?.aborted) return
        await options.onImported?.(id, parsed)
        reports[index] = await summarizeImported({ id, file: file.file, parsed }, options)
      } catch (error) {
        if (signal?.aborted) return
        // Where a .zip was unpacked to is nobody's business: the file is named as the officer knows it.
        unreadable[index] = { id, file: file.file, reason: reasonOf(error).split(file.path).join(file.file) }
      }
      done++
      options.onProgress?.({ done, total: files.length, file: file.file })
    }
  }
  const lanes = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), files.length))
  await Promise.all(Array.from({ length: lanes }, worker))
  if (signal?.aborted) throw new RollupCancelled()
  return {
    reports: reports.filter((r): r is RollupReport => r !== undefined),
    unreadable: unreadable.filter((u): u is UnreadableFile => u !== undefined)
  }
}

export interface RunRollupOptions extends Omit<SummarizeFilesOptions, 'firstId'> {
  year: number
  rollupSettings?: RollupSettings
  choices?: RollupChoices
  tempRoot?: string
}

/** Collects, reads and rolls up the files of `inputs` (folders, .zip files, report files). */
export async function runRollup(inputs: readonly string[], options: RunRollupOptions): Promise<RollupResult> {
  const collected = await collectFiles(inputs, options.tempRoot ? { tempRoot: options.tempRoot } : {})
  try {
    const skipped = collected.skipped.map((s, i) => ({ id: collected.files.length + i, ...s }))
    options.onProgress?.({ done: 0, total: collected.files.length })
    const { reports, unreadable } = await summarizeFiles(collected.files, options)
    return assembleRollup({
      year: options.year,
      units: options.units,
      reports,
      unreadable: [...unreadable, ...skipped],
      ...(options.choices ? { choices: options.choices } : {}),
      ...(options.rollupSettings ? { settings: options.rollupSettings } : {})
    })
  } finally {
    await collected.cleanup()
  }
}
