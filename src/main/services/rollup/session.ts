/**
 * The roll-up the app holds while the officer works on it: the files' summaries, the officer's
 * choices (a report matched by hand, one of two files chosen), and each imported report kept on
 * disk in a temporary folder — so that a report can be opened read-only, re-checked when it is
 * matched to another unit or the unit list changes, without holding hundreds of documents in memory
 * or reading the files again. One roll-up at a time; a new one replaces it. Node-only.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UnitMatch } from '@core/rollup/match'
import { assembleRollup, rollupSettingsOf } from '@core/rollup/rollup'
import type { ImportedReport } from '@core/rollup/summarize'
import type { RollupReport, RollupResult, RollupSettings, UnreadableFile } from '@core/rollup/types'
import type { RollupUnit } from '@core/rollup/units'
import { ruleSettings, type RuleSettings } from '@core/settings'
import { FileError } from '../files'
import type { ReportLibrary } from '../library/index'
import type { SettingsStore } from '../settings'
import { collectFiles, type CollectedFiles } from './collect'
import { LibraryHistory } from './history'
import { importInProcess, type ImportOne } from './importOne'
import { ROLLUP_LIMITS } from './limits'
import type { ImportPool } from './pool'
import { RollupCancelled, summarizeFiles, summarizeImported, type RollupProgress, type SummaryContext } from './run'
import type { UnitsStore } from './unitsStore'
import { writeWorkbook } from './workbook'

export interface RollupSessionDeps {
  library: ReportLibrary
  units: UnitsStore
  settings: SettingsStore
  /** The import workers (the app's); absent: files are read in this process. */
  createPool?: () => ImportPool
  /** Where temporary folders go (default: the system's). */
  tempRoot?: string
}

interface Held {
  year: number
  /** The source as the officer chose it, for the view's title. */
  source: string
  units: RollupUnit[]
  reports: RollupReport[]
  unreadable: UnreadableFile[]
  /** Reports matched by hand: id → unit. */
  hand: Map<number, string>
  /** Unit → the report the officer chose among its files. */
  chosen: Record<string, number>
  /** The imported reports, one JSON file per id. */
  stash: string
  ruleSettings: RuleSettings | undefined
  rollupSettings: RollupSettings
  history: LibraryHistory
}

export interface RollupStatus {
  running: boolean
  done: number
  total: number
  file?: string
}

export class RollupSession {
  private held: Held | undefined
  private running: { controller: AbortController; progress: RollupProgress } | undefined
  private staged: { dir: string; count: number; bytes: number } | undefined

  constructor(private readonly deps: RollupSessionDeps) {}

  status(): RollupStatus {
    if (!this.running) return { running: false, done: 0, total: 0 }
    const { done, total, file } = this.running.progress
    return { running: true, done, total, ...(file ? { file } : {}) }
  }

  /** Files dropped on the view, kept until the roll-up starts (they cross from the window in batches). */
  async stage(files: readonly { name: string; bytes: Uint8Array }[]): Promise<number> {
    this.staged ??= { dir: await mkdtemp(join(this.tempRoot(), 'nianbao-rollup-dropped-')), count: 0, bytes: 0 }
    const staged = this.staged
    for (const file of files) {
      staged.bytes += file.bytes.length
      if (staged.bytes > ROLLUP_LIMITS.maxDroppedBytes) throw new FileError('拖入的文件合计过大，请改为选择文件夹或 .zip 压缩包')
      if (staged.count >= ROLLUP_LIMITS.maxFiles) throw new FileError(`文件过多（超过 ${ROLLUP_LIMITS.maxFiles} 个），请分批汇总`)
      // Numbered folders keep two files of the same name apart; the name is the officer's.
      const folder = join(staged.dir, String(staged.count).padStart(4, '0'))
      await writeFile(`${folder}-${file.name.replace(/[\\/]/g, '_')}`, file.bytes)
      staged.count++
    }
    return staged.count
  }

  /** Drops what was staged (the officer cleared the dropped files). */
  async unstage(): Promise<void> {
    const staged = this.staged
    this.staged = undefined
    if (staged) await rm(staged.dir, { recursive: true, force: true })
  }

  /** Reads every file of the inputs (or the staged ones) and holds the roll-up of `year`. */
  async start(inputs: readonly string[] | 'staged', year: number, source: string): Promise<RollupResult> {
    if (this.running) throw new FileError('汇总正在进行，请等待完成或先取消')
    const controller = new AbortController()
    this.running = { controller, progress: { done: 0, total: 0 } }
    const staged = inputs === 'staged' ? this.staged : undefined
    if (inputs === 'staged') {
      if (!staged?.count) {
        this.running = undefined
        throw new FileError('还没有拖入任何文件')
      }
      this.staged = undefined
    }
    let collected: CollectedFiles | undefined
    const stash = await mkdtemp(join(this.tempRoot(), 'nianbao-rollup-'))
    const pool = this.deps.createPool?.()
    pool?.warm()
    try {
      collected = await collectFiles(staged ? [staged.dir] : (inputs as readonly string[]), { tempRoot: this.tempRoot() })
      // Staged files were written as 0001-name: the officer knows them by name.
      const files = staged ? collected.files.map((f) => ({ ...f, file: f.file.replace(/^\d{4}-/, '') })) : collected.files
      const skipped = (staged ? collected.skipped.map((s) => ({ ...s, file: s.file.replace(/^\d{4}-/, '') })) : collected.skipped).map((s, i) => ({
        id: files.length + i,
        ...s
      }))
      const context = await this.context()
      this.running.progress = { done: 0, total: files.length }
      const importOne: ImportOne = pool?.importOne ?? importInProcess
      const { reports, unreadable } = await summarizeFiles(files, {
        ...context,
        importOne,
        ...(pool ? { concurrency: pool.size } : {}),
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.running) this.running.progress = progress
        },
        onImported: (id, parsed) => writeFile(join(stash, `${id}.json`), JSON.stringify(parsed))
      })
      await this.discard()
      this.held = {
        year,
        source,
        units: [...context.units],
        reports,
        unreadable: [...unreadable, ...skipped],
        hand: new Map(),
        chosen: {},
        stash,
        ruleSettings: context.ruleSettings,
        rollupSettings: context.rollupSettings,
        history: context.history
      }
      return this.result()!
    } catch (error) {
      await rm(stash, { recursive: true, force: true })
      throw error
    } finally {
      this.running = undefined
      await pool?.dispose()
      await collected?.cleanup()
      if (staged) await rm(staged.dir, { recursive: true, force: true })
    }
  }

  /** Stops the run under way; false when none was. */
  cancel(): boolean {
    if (!this.running) return false
    this.running.controller.abort()
    return true
  }

  /** The roll-up held, assembled for its year (or `year`, which it then keeps). */
  result(year?: number): RollupResult | undefined {
    const held = this.held
    if (!held) return undefined
    if (year !== undefined) held.year = year
    return assembleRollup({
      year: held.year,
      units: held.units,
      reports: held.reports,
      unreadable: held.unreadable,
      choices: { chosen: held.chosen },
      settings: held.rollupSettings
    })
  }

  get source(): string | undefined {
    return this.held?.source
  }

  /** Years of the reports held, most reports first. */
  years(): number[] {
    const counts = new Map<number, number>()
    for (const r of this.held?.reports ?? []) if (r.year !== undefined) counts.set(r.year, (counts.get(r.year) ?? 0) + 1)
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([year]) => year)
  }

  /** A report matched by hand to `unit`; with `remember`, its name becomes an alias of the unit in the list. */
  async match(id: number, unit: string, remember: boolean): Promise<RollupResult> {
    const held = this.need()
    const report = held.reports.find((r) => r.id === id)
    if (!report) throw new FileError('找不到这份报告，请重新汇总')
    const listed = held.units.find((u) => u.name === unit)
    if (held.units.length > 0 && !listed) throw new FileError(`单位名单中没有“${unit}”`)
    held.hand.set(id, unit)
    const name = report.names[0]
    if (remember && listed && name && name !== listed.name && !listed.aliases.includes(name)) {
      const units = held.units.map((u) => (u === listed ? { ...u, aliases: [...u.aliases, name] } : u))
      await this.relist(await this.deps.units.save(units))
    } else {
      await this.resummarize([id])
    }
    return this.result()!
  }

  /** The officer's choice among a unit's files. */
  choose(unit: string, id: number): RollupResult {
    const held = this.need()
    if (!held.reports.some((r) => r.id === id && r.match?.unit === unit)) throw new FileError('这份报告不属于该单位，请重新选择')
    held.chosen[unit] = id
    return this.result()!
  }

  /** The unit list changed: every report is matched again (hand matches to units still listed stay). */
  async relist(units: RollupUnit[]): Promise<RollupResult | undefined> {
    const held = this.held
    if (!held) return undefined
    held.units = units
    for (const [id, unit] of held.hand) if (units.length > 0 && !units.some((u) => u.name === unit)) held.hand.delete(id)
    await this.resummarize(held.reports.map((r) => r.id))
    return this.result()
  }

  /** A report as imported, and every finding on it (its checks and the roll-up's), read-only. */
  async detail(id: number): Promise<{ report: RollupReport; parsed: ImportedReport; result: RollupResult }> {
    const held = this.need()
    const result = this.result()!
    const all = [...result.units.flatMap((s) => [...s.reports, ...s.otherYears]), ...result.unmatched, ...result.otherYears]
    const report = all.find((r) => r.id === id)
    if (!report) throw new FileError('找不到这份报告，请重新汇总')
    return { report, parsed: await this.stashed(held, id), result }
  }

  async writeWorkbook(path: string): Promise<void> {
    const result = this.result()
    if (!result) throw new FileError('还没有汇总结果，请先汇总')
    await writeWorkbook(path, result)
  }

  /** Ends the roll-up: stops a run and removes every temporary folder. */
  async dispose(): Promise<void> {
    this.cancel()
    await this.discard()
    await this.unstage()
  }

  /** 设置 changed (the comparison of the county's own report): the roll-up held follows. */
  async reloadSettings(): Promise<void> {
    if (!this.held) return
    const { settings } = await this.deps.settings.load()
    this.held.rollupSettings = rollupSettingsOf(settings.local.rollup)
  }

  private async context(): Promise<SummaryContext & { rollupSettings: RollupSettings }> {
    const { settings } = await this.deps.settings.load()
    const units = await this.deps.units.load().catch((error: unknown) => {
      throw error instanceof FileError ? new FileError(`单位名单无法读取：${error.message}`) : error
    })
    return {
      units,
      history: new LibraryHistory(this.deps.library),
      ruleSettings: ruleSettings(settings.region),
      rollupSettings: rollupSettingsOf(settings.local.rollup)
    }
  }

  private async resummarize(ids: readonly number[]): Promise<void> {
    const held = this.need()
    const context: SummaryContext = { units: held.units, history: held.history, ...(held.ruleSettings ? { ruleSettings: held.ruleSettings } : {}) }
    const byId = new Map(held.reports.map((r) => [r.id, r]))
    for (const id of ids) {
      const report = byId.get(id)
      if (!report) continue
      const unit = held.hand.get(id)
      const match: UnitMatch | undefined = unit ? { unit, method: 'hand', via: report.names[0] ?? report.file } : undefined
      byId.set(id, await summarizeImported({ id, file: report.file, parsed: await this.stashed(held, id), ...(match ? { match } : {}) }, context))
    }
    held.reports = held.reports.map((r) => byId.get(r.id)!)
  }

  private async stashed(held: Held, id: number): Promise<ImportedReport> {
    try {
      return JSON.parse(await readFile(join(held.stash, `${id}.json`), 'utf8')) as ImportedReport
    } catch {
      throw new FileError('汇总的临时文件已不在，请重新汇总')
    }
  }

  private need(): Held {
    if (!this.held) throw new FileError('还没有汇总结果，请先汇总')
    return this.held
  }

  private async discard(): Promise<void> {
    const held = this.held
    this.held = undefined
    if (held) await rm(held.stash, { recursive: true, force: true })
  }

  private tempRoot(): string {
    return this.deps.tempRoot ?? tmpdir()
  }
}

export { RollupCancelled }
