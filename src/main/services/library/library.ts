/**
 * The report library: one JSON file per unit and year under a root folder (see paths.ts), with
 * rotated backups and a recycle folder. Used by the Electron main process (root = the user's data
 * folder) and by the CLI (`--library DIR`).
 *
 * The one promise: no operation, interrupted at any point, leaves a report without a good copy.
 * Every write is atomic; the version being replaced is backed up before it is replaced; old backups
 * are deleted only after the new version is in place, and never the last good one.
 */
import { join } from 'node:path'
import { cleanUnitName, sameUnitName } from '@core/library/unitName'
import type { VersionReason } from '@core/library/versions'
import { ReportError, parseReport, type Report, type UnitLevel } from '@core/report/report'
import { describeFsError, readReportText } from '../files'
import { isTempOf, writeAtomic } from '../atomicWrite'
import { createBackup, lastGoodBackup, listBackups, readBackup, rotateBackups, type GoodBackup } from './backups'
import { DamagedReportError, LibraryError, type BackupInfo } from './errors'
import { errorCode, nodeFs, type LibraryFs } from '../fsAdapter'
import { Journal } from './journal'
import { withLock } from './lock'
import { LibraryPaths, unitSlug, YEAR_FILE } from './paths'
import { BACKUPS_FOLDER, listRecycle, moveToRecycle, purgeRecycle, readManifest, REPORT_FILE, type RemovedReport } from './recycle'
import { encodeReport, parseReportBytes, readReportFile, type Migrations } from './reportFile'
import { removeStrayTemps } from './temps'
import { parseTimeId } from './timeId'
import { UnitChanges, type KeepChoice, type UnitChangePreview, type UnitOperation } from './unitChanges'

export interface LibraryOptions {
  /** File operations; tests pass one that fails on purpose. */
  fs?: LibraryFs
  /** The clock for backup and removal ids. */
  now?: () => Date
  /** Backups kept per report (default 5). */
  keepBackups?: number
  /**
   * Back up the version being replaced only if the newest backup is older than this (default 0:
   * on every save). Autosave can set a minute or so, so that five backups span more than seconds.
   */
  backupIntervalMs?: number
  /** Temp files older than this are taken as left by a killed write and removed on open/list. */
  staleTempMs?: number
  /** A lock whose holder's heartbeat stopped this long ago is taken as left by a killed process. */
  staleLockMs?: number
  /** How long to wait for another process's lock. */
  lockWaitMs?: number
  /** Upgrades from older schema versions, run before the core's validation. */
  migrations?: Migrations
}

export interface LibraryEntry {
  /** The unit's name; for a damaged file, taken from a sibling or backup, else the folder name. */
  unit: string
  level?: UnitLevel
  year: number
  /** The unit's folder name under reports/. */
  slug: string
  path: string
  updatedAt: string
  size: number
  status: 'ok' | 'damaged'
  /** Why a damaged file cannot be opened. */
  problem?: string
  /** For a damaged file: the version to offer to restore. */
  lastGoodBackup?: BackupInfo
  migratedFrom?: number
}

export interface LibraryUnit {
  name: string
  level?: UnitLevel
  slug: string
  /** Newest year first. */
  years: LibraryEntry[]
}

export interface OpenedReport {
  report: Report
  path: string
  updatedAt: string
  /** The schema version on disk when it was older; the file is upgraded on the next save. */
  migratedFrom?: number
}

export interface RestoredReport {
  unit: string
  year: number
  path: string
  /** The report that was in the way, set aside when restoring with `force`. */
  backup?: BackupInfo
}

export interface SavedReport {
  report: Report
  path: string
  updatedAt: string
  /** The replaced version, when one was set aside. */
  backup?: BackupInfo
}

interface WriteOptions {
  /** Replace an existing report; without it an existing unit and year is refused. */
  overwrite: boolean
  /** Back up the current version even within the backup interval (restore, import over). */
  forceBackup?: boolean
  /** Why the current version is replaced, recorded with its backup (default: a routine save). */
  reason?: VersionReason
}

export interface SaveOptions {
  forceBackup?: boolean
  /** Why the current version is replaced: an import over it is 'import'; autosave is 'save' (the default). */
  reason?: VersionReason
}

/** A move of one report: to another unit, another year, or both. */
export interface MoveTarget {
  toUnit: string
  /** Default: the same year. */
  toYear?: number
}

const DEFAULTS = {
  keepBackups: 5,
  backupIntervalMs: 0,
  staleTempMs: 10 * 60_000,
  // Holders touch their lock every 500 ms: a lock untouched for 2 s is dead, well within the wait.
  staleLockMs: 2_000,
  lockWaitMs: 3_000
}

export class ReportLibrary {
  readonly paths: LibraryPaths
  private readonly fs: LibraryFs
  private readonly now: () => Date
  private readonly options: typeof DEFAULTS
  private readonly migrations: Migrations
  private readonly journal: Journal
  private readonly changes: UnitChanges
  /** Unit operations a killed process left half-done are finished once, before anything else reads. */
  private recovery: Promise<void> | undefined

  constructor(root: string, options: LibraryOptions = {}) {
    this.paths = new LibraryPaths(root)
    this.fs = options.fs ?? nodeFs
    this.now = options.now ?? (() => new Date())
    this.migrations = options.migrations ?? {}
    this.journal = new Journal(this.fs, root, this.paths.journal, this.paths.operations)
    this.changes = new UnitChanges({
      fs: this.fs,
      paths: this.paths,
      journal: this.journal,
      now: this.now,
      migrations: this.migrations,
      locked: (id, places, fn) => this.lockedMany(id, places, fn)
    })
    this.options = {
      keepBackups: options.keepBackups ?? DEFAULTS.keepBackups,
      backupIntervalMs: options.backupIntervalMs ?? DEFAULTS.backupIntervalMs,
      staleTempMs: options.staleTempMs ?? DEFAULTS.staleTempMs,
      staleLockMs: options.staleLockMs ?? DEFAULTS.staleLockMs,
      lockWaitMs: options.lockWaitMs ?? DEFAULTS.lockWaitMs
    }
  }

  /** Every report in the library by unit; damaged files are listed as such, never skipped. */
  async list(): Promise<LibraryUnit[]> {
    await this.recovered()
    const units: LibraryUnit[] = []
    for (const slug of await this.readdir(this.paths.reports)) {
      const folder = this.paths.unitFolder(slug)
      const files = await this.fs.readdir(folder).catch((error: unknown) => {
        // A stray file among the unit folders is not a report; anything else is worth saying.
        if (errorCode(error) === 'ENOTDIR') return []
        throw describeFsError(error, folder)
      })
      await removeStrayTemps(this.fs, folder, this.options.staleTempMs)
      const entries: LibraryEntry[] = []
      for (const file of files) {
        const year = YEAR_FILE.exec(file)?.[1]
        if (year) entries.push(await this.describe(slug, Number(year)))
      }
      if (entries.length === 0) continue
      const named = entries.find((e) => e.status === 'ok') ?? entries[0]!
      for (const entry of entries) if (entry.status === 'damaged' && entry.unit === slug) entry.unit = named.unit
      entries.sort((a, b) => b.year - a.year)
      units.push({ name: named.unit, level: named.level, slug, years: entries })
    }
    return units.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  }

  /** Opens a report, migrated if it was saved by an older version. Throws DamagedReportError. */
  async open(unit: string, year: number): Promise<OpenedReport> {
    await this.recovered()
    const slug = await this.resolveSlug(unit)
    const path = this.paths.report(slug, year)
    await removeStrayTemps(this.fs, this.paths.unitFolder(slug), this.options.staleTempMs, (n) => isTempOf(n, `${year}.json`))
    let read
    try {
      read = await readReportFile(this.fs, path, this.migrations)
    } catch (error) {
      if (error instanceof ReportError) throw await this.damaged(slug, year, error.message)
      throw error
    }
    if (!read) throw notFound(unit, year)
    const misplaced = misplacement(read.report, slug, year)
    if (misplaced) throw await this.damaged(slug, year, misplaced)
    const opened: OpenedReport = { report: read.report, path, updatedAt: new Date(read.mtimeMs).toISOString() }
    if (read.migratedFrom !== undefined) opened.migratedFrom = read.migratedFrom
    return opened
  }

  /**
   * Saves a report as the current version of its unit and year. The replaced one is backed up —
   * at most once per `backupIntervalMs` for routine saves (autosave), always with `forceBackup`.
   */
  async save(report: Report, options: SaveOptions = {}): Promise<SavedReport> {
    return this.write(report, { overwrite: true, forceBackup: options.forceBackup === true, reason: options.reason ?? 'save' })
  }

  /** Imports a report .json into the library; an existing unit and year only with `force`. */
  async add(file: string, options: { force?: boolean } = {}): Promise<SavedReport> {
    const text = await readReportText(file)
    let report: Report
    try {
      report = parseReport(text)
    } catch (error) {
      throw new ReportError(`${file}：${(error as Error).message}`)
    }
    return this.write(report, { overwrite: options.force === true, forceBackup: true, reason: 'add' })
  }

  /** The backups of a report, newest first, each with the change that replaced it. */
  async history(unit: string, year: number): Promise<BackupInfo[]> {
    await this.recovered()
    const slug = await this.resolveSlug(unit)
    const backups = await this.guard(listBackups(this.fs, this.paths.backupFolder(slug, year)), this.paths.backupFolder(slug, year))
    if (backups.length === 0 && !(await this.exists(this.paths.report(slug, year)))) throw notFound(unit, year)
    return backups
  }

  /** Makes a backup the current version again; the current version is backed up first. */
  async restore(unit: string, year: number, backupId: string): Promise<SavedReport> {
    const slug = await this.resolveSlug(unit)
    let read
    try {
      read = await readBackup(this.fs, this.paths.backupFolder(slug, year), backupId, this.migrations)
    } catch (error) {
      if (error instanceof ReportError) {
        throw new LibraryError(`备份 ${backupId} 已损坏，无法恢复（${error.message}）`, 'backupDamaged')
      }
      throw error
    }
    if (!read) throw new LibraryError(`找不到「${unit}」${year} 年度报告的备份 ${backupId}`, 'backupNotFound')
    const misplaced = misplacement(read.report, slug, year)
    if (misplaced) throw new LibraryError(`备份 ${backupId} 不能用于恢复：${misplaced}`, 'backupDamaged')
    return this.write(read.report, { overwrite: true, forceBackup: true, reason: 'restore' })
  }

  /** One earlier version of a report, to look at before restoring it. */
  async readVersion(unit: string, year: number, backupId: string): Promise<Report> {
    const slug = await this.resolveSlug(unit)
    let read
    try {
      read = await readBackup(this.fs, this.paths.backupFolder(slug, year), backupId, this.migrations)
    } catch (error) {
      if (error instanceof ReportError) throw new LibraryError(`备份 ${backupId} 已损坏，无法打开（${error.message}）`, 'backupDamaged')
      throw error
    }
    if (!read) throw new LibraryError(`找不到「${unit}」${year} 年度报告的备份 ${backupId}`, 'backupNotFound')
    return read.report
  }

  /** Moves a report and its backups to the recycle folder; `restoreRemoved` undoes it. */
  async remove(unit: string, year: number): Promise<RemovedReport> {
    const slug = await this.resolveSlug(unit)
    const path = this.paths.report(slug, year)
    return this.locked(slug, year, path, async () => {
      if (!(await this.exists(path))) throw notFound(unit, year)
      const current = await this.readQuietly(path)
      const manifest = {
        unit: current?.unit.name ?? unit.trim(),
        slug,
        level: current?.unit.level,
        year,
        removedAt: this.now().toISOString()
      }
      await this.mkdir(this.paths.recycle)
      return moveToRecycle(this.fs, this.paths.recycle, manifest, path, this.paths.backupFolder(slug, year), this.now())
    })
  }

  /** Removed reports that can still be restored, most recent first. */
  async listRemoved(): Promise<RemovedReport[]> {
    return this.guard(listRecycle(this.fs, this.paths.recycle), this.paths.recycle)
  }

  /** Puts a removed report back. An existing report of the same unit and year only with `force`. */
  async restoreRemoved(removalId: string, options: { force?: boolean } = {}): Promise<RestoredReport> {
    const folder = this.paths.removal(removalId)
    // The id becomes a path: only a well-formed one is looked up, nothing like "../reports".
    const manifest = parseTimeId(removalId) ? await readManifest(this.fs, this.paths.recycle, removalId) : undefined
    if (!manifest || !(await this.exists(join(folder, REPORT_FILE)))) {
      throw new LibraryError(`回收站中没有编号为 ${removalId} 的报告`, 'removedNotFound')
    }
    const slug = manifest.slug
    const path = this.paths.report(slug, manifest.year)
    const restored = await this.locked(slug, manifest.year, path, async () => {
      const current = await this.readCurrent(path)
      if (current && options.force !== true) throw exists(manifest.unit, manifest.year)
      const backupFolder = this.paths.backupFolder(slug, manifest.year)
      const backup = current ? await this.backUp(backupFolder, current, slug, manifest.year, true, 'undoRemove') : undefined
      await this.mkdir(this.paths.unitFolder(slug))
      // A rename, not a rewrite: the file comes back byte for byte, damaged or not.
      await this.guard(this.fs.rename(join(folder, REPORT_FILE), path), path)
      await this.fs.syncDir(this.paths.unitFolder(slug)).catch(() => undefined)
      await this.returnBackups(join(folder, BACKUPS_FOLDER), backupFolder)
      const result: RestoredReport = { unit: manifest.unit, year: manifest.year, path }
      if (backup) result.backup = backup
      return result
    })
    await this.fs.rm(folder, { recursive: true }).catch(() => undefined)
    return restored
  }

  /** Deletes every removed report for good (清空回收站); returns how many. */
  async emptyRecycle(): Promise<number> {
    return this.guard(purgeRecycle(this.fs, this.paths.recycle, () => true), this.paths.recycle)
  }

  /** Deletes for good the reports removed more than `days` days ago (on start; default setting 90). */
  async purgeRemoved(days: number): Promise<number> {
    const cutoff = this.now().getTime() - days * 86_400_000
    return this.guard(purgeRecycle(this.fs, this.paths.recycle, (removedAt) => removedAt.getTime() < cutoff), this.paths.recycle)
  }

  // ——— unit operations (unitChanges.ts): each one journaled, all-or-nothing, undoable ———

  /**
   * Renames a unit: every year of it, with their backups. Into a unit that already has reports,
   * this merges the two; where both have the same year, `keep` says which stays current (the other
   * becomes a version in its history) and without it the merge is refused (CollisionError).
   */
  async renameUnit(unit: string, newName: string, options: { keep?: KeepChoice } = {}): Promise<UnitOperation> {
    await this.recovered()
    const { slug, name, years, toUnit, kind } = await this.renamePlan(unit, newName)
    return this.changes.run(name, this.changes.renameRequests(slug, years, toUnit), kind, options.keep)
  }

  /** What `renameUnit` would do, changing nothing: merge or rename, and the years that collide. */
  async previewRename(unit: string, newName: string): Promise<UnitChangePreview> {
    await this.recovered()
    const { slug, name, years, toUnit, kind } = await this.renamePlan(unit, newName)
    return this.changes.preview(name, this.changes.renameRequests(slug, years, toUnit), kind)
  }

  /** Moves one report to another unit and/or year, with its backups. Collisions as in `renameUnit`. */
  async moveReport(unit: string, year: number, target: MoveTarget, options: { keep?: KeepChoice } = {}): Promise<UnitOperation> {
    await this.recovered()
    const { name, request } = await this.movePlan(unit, year, target)
    return this.changes.run(name, [request], 'move', options.keep)
  }

  async previewMove(unit: string, year: number, target: MoveTarget): Promise<UnitChangePreview> {
    await this.recovered()
    const { name, request } = await this.movePlan(unit, year, target)
    return this.changes.preview(name, [request], 'move')
  }

  /** Forgets how to undo unit operations older than `days` days (their reports stay as they are). */
  async pruneOperations(days: number): Promise<number> {
    const cutoff = this.now().getTime() - days * 86_400_000
    let pruned = 0
    for (const file of await this.readdir(this.paths.operations)) {
      const time = parseTimeId(file.replace(/\.json$/, ''))?.time
      if (!time || time.getTime() >= cutoff) continue
      await this.fs.rm(join(this.paths.operations, file)).catch(() => undefined)
      pruned++
    }
    return pruned
  }

  /** Unit operations that can still be undone, newest first. */
  async listOperations(): Promise<UnitOperation[]> {
    await this.recovered()
    return this.guard(this.changes.list(), this.paths.operations)
  }

  /** Undoes a unit operation (the newest when no id is given): every report goes back, with its backups. */
  async undoOperation(operationId?: string): Promise<UnitOperation> {
    await this.recovered()
    const id = operationId ?? (await this.changes.list())[0]?.id
    if (!id) throw new LibraryError('没有可撤销的单位操作', 'operationNotFound')
    return this.changes.undo(id)
  }

  /**
   * Finishes unit operations a killed process left decided but not done, and throws away those it
   * left undecided. Runs by itself before the first read of each library object; callable again.
   */
  async recover(): Promise<void> {
    for (const id of await this.readdir(this.paths.journal)) {
      if (!parseTimeId(id)) continue
      try {
        await withLock(this.fs, this.paths.locks, this.paths.journalLock(id), this.paths.root, { staleMs: this.options.staleLockMs, waitMs: 0 }, async () => {
          const plan = await this.journal.readPlan(id)
          if (!plan) return this.journal.discard(id)
          const places = plan.actions.flatMap((a) => reportPlace(a.do === 'place' ? a.to : a.path))
          return this.lockedMany(undefined, places, () => this.journal.carryOut(plan))
        })
      } catch (error) {
        // Another process is carrying it out right now (its lock is live): it is theirs to finish.
        if (error instanceof LibraryError && error.code === 'busy') continue
        throw error
      }
    }
  }

  /**
   * Copies a report to another year of the same unit (a plain copy; next-year drafting is core's).
   * What belongs to the original stays with it: the officer's reviews of its findings (they were
   * made on its figures and its year) and what its import saw in the source document.
   */
  async duplicate(unit: string, year: number, toYear: number, options: { force?: boolean } = {}): Promise<SavedReport> {
    const { report } = await this.open(unit, year)
    const { review: _review, imported: _imported, ...rest } = report
    const copy: Report = {
      ...rest,
      year: toYear,
      provenance: { source: `复制自 ${report.unit.name} ${year} 年度报告`, createdAt: this.now().toISOString() }
    }
    return this.write(copy, { overwrite: options.force === true })
  }

  // ——— internals ———

  private async write(report: Report, options: WriteOptions): Promise<SavedReport> {
    await this.recovered()
    const bytes = encodeReport(report)
    const slug = unitSlug(report.unit.name)
    const year = report.year
    const path = this.paths.report(slug, year)
    return this.locked(slug, year, path, async () => {
      const unitFolder = this.paths.unitFolder(slug)
      const backupFolder = this.paths.backupFolder(slug, year)
      await this.mkdir(unitFolder)
      // Holding the lock, any temp file of this report is a leftover of a killed write.
      await removeStrayTemps(this.fs, unitFolder, 0, (n) => isTempOf(n, `${year}.json`))
      await removeStrayTemps(this.fs, backupFolder, 0)
      const current = await this.readCurrent(path)
      if (current && !options.overwrite) throw exists(report.unit.name, year)
      const updatedAt = this.now().toISOString()
      if (current && Buffer.compare(current, bytes) === 0) return { report, path, updatedAt }
      const backup = current ? await this.backUp(backupFolder, current, slug, year, options.forceBackup === true, options.reason ?? 'save') : undefined
      await writeAtomic(this.fs, path, bytes)
      // Only now, with the new version in place, may old backups go.
      await rotateBackups(this.fs, backupFolder, this.options.keepBackups).catch(() => undefined)
      return backup ? { report, path, updatedAt, backup } : { report, path, updatedAt }
    })
  }

  /** Sets the current bytes aside, unless a recent good backup makes that unnecessary. */
  private async backUp(
    folder: string,
    current: Buffer,
    slug: string,
    year: number,
    force: boolean,
    reason: VersionReason
  ): Promise<BackupInfo | undefined> {
    const report = this.parseQuietly(current)
    const damaged = report === undefined || misplacement(report, slug, year) !== undefined
    if (!force && !damaged && this.options.backupIntervalMs > 0) {
      const [newest] = await listBackups(this.fs, folder)
      const age = newest ? this.now().getTime() - Date.parse(newest.time) : Infinity
      if (newest && !newest.damaged && age < this.options.backupIntervalMs) return undefined
    }
    return createBackup(this.fs, folder, current, damaged, this.now(), reason)
  }

  /** Moves backups out of a removal folder back into place, without replacing any with the same id. */
  private async returnBackups(from: string, to: string): Promise<void> {
    const files = await this.readdir(from)
    if (files.length === 0) return
    await this.mkdir(to)
    const taken = new Set(await this.readdir(to))
    for (const file of files) {
      if (!taken.has(file)) await this.fs.rename(join(from, file), join(to, file)).catch(() => undefined)
    }
    await rotateBackups(this.fs, to, this.options.keepBackups).catch(() => undefined)
  }

  /** One entry of `list`, read from disk. */
  private async describe(slug: string, year: number): Promise<LibraryEntry> {
    const path = this.paths.report(slug, year)
    const info = await this.fs.stat(path).catch(() => undefined)
    const base = { unit: slug, year, slug, path, updatedAt: new Date(info?.mtimeMs ?? 0).toISOString(), size: info?.size ?? 0 }
    let problem: string
    try {
      const read = await readReportFile(this.fs, path, this.migrations)
      if (!read) throw new ReportError('文件在读取时被移走')
      const misplaced = misplacement(read.report, slug, year)
      if (!misplaced) {
        const entry: LibraryEntry = { ...base, unit: read.report.unit.name, level: read.report.unit.level, status: 'ok' }
        if (read.migratedFrom !== undefined) entry.migratedFrom = read.migratedFrom
        return entry
      }
      problem = misplaced
    } catch (error) {
      problem = (error as Error).message
    }
    const good = await this.lastGood(slug, year)
    const entry: LibraryEntry = { ...base, status: 'damaged', problem }
    if (good) Object.assign(entry, { unit: good.report.unit.name, level: good.report.unit.level, lastGoodBackup: good.info })
    return entry
  }

  private async damaged(slug: string, year: number, reason: string): Promise<DamagedReportError> {
    const good = await this.lastGood(slug, year)
    return new DamagedReportError(this.paths.report(slug, year), reason, good?.info)
  }

  /** The newest backup that opens and belongs here: the one to offer for a damaged file. */
  private async lastGood(slug: string, year: number): Promise<GoodBackup | undefined> {
    const belongs = (report: Report) => misplacement(report, slug, year) === undefined
    return lastGoodBackup(this.fs, this.paths.backupFolder(slug, year), this.migrations, belongs).catch(() => undefined)
  }

  /**
   * The folder of a unit named by the caller. A name is normally turned into its slug; the folder
   * name itself is accepted too, so that a damaged report whose unit name cannot be read any more
   * (no backup, no sibling) can still be addressed as `list` shows it.
   */
  private async resolveSlug(unit: string): Promise<string> {
    const slug = unitSlug(unit)
    if (slug !== unit.trim() && HASHED_SLUG.test(unit.trim()) && (await this.exists(this.paths.unitFolder(unit.trim())))) {
      return unit.trim()
    }
    return slug
  }

  private locked<T>(slug: string, year: number, target: string, fn: () => Promise<T>): Promise<T> {
    const lockOptions = { staleMs: this.options.staleLockMs, waitMs: this.options.lockWaitMs }
    return withLock(this.fs, this.paths.locks, this.paths.lock(slug, year), target, lockOptions, fn)
  }

  /**
   * The locks of several reports (in one order for everyone, so that two operations never wait on
   * each other), inside the operation's own lock when it has an id.
   */
  private lockedMany<T>(operationId: string | undefined, places: readonly { slug: string; year: number }[], fn: () => Promise<T>): Promise<T> {
    const unique = new Map(places.map((p) => [this.paths.lock(p.slug, p.year), p] as const))
    const ordered = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const run = ordered.reduceRight<() => Promise<T>>(
      (inner, [, place]) => () => this.locked(place.slug, place.year, this.paths.report(place.slug, place.year), inner),
      fn
    )
    if (operationId === undefined) return run()
    const lockOptions = { staleMs: this.options.staleLockMs, waitMs: this.options.lockWaitMs }
    return withLock(this.fs, this.paths.locks, this.paths.journalLock(operationId), this.paths.root, lockOptions, run)
  }

  /** Runs `recover` once per library object; a failed recovery is tried again by the next call. */
  private recovered(): Promise<void> {
    this.recovery ??= this.recover().catch((error: unknown) => {
      this.recovery = undefined
      throw error
    })
    return this.recovery
  }

  private async renamePlan(unit: string, newName: string) {
    const slug = await this.resolveSlug(unit)
    const years = await this.yearsOf(slug)
    if (years.length === 0) throw new LibraryError(`资料库中没有单位「${unit.trim()}」`, 'notFound')
    const name = (await this.unitName(slug, years)) ?? unit.trim()
    const toUnit = cleanUnitName(newName).name
    if (toUnit === '') throw new LibraryError('新的单位名称不能为空', 'invalid')
    if (sameUnitName(toUnit, name) || unitSlug(toUnit) === slug) throw new LibraryError(`新名称与原名称「${name}」相同`, 'invalid')
    const kind = (await this.yearsOf(unitSlug(toUnit))).length > 0 ? ('merge' as const) : ('rename' as const)
    return { slug, name, years, toUnit, kind }
  }

  private async movePlan(unit: string, year: number, target: MoveTarget) {
    const slug = await this.resolveSlug(unit)
    if (!(await this.exists(this.paths.report(slug, year)))) throw notFound(unit, year)
    const name = (await this.unitName(slug, [year])) ?? unit.trim()
    const toUnit = cleanUnitName(target.toUnit).name
    if (toUnit === '') throw new LibraryError('目标单位名称不能为空', 'invalid')
    const toYear = target.toYear ?? year
    if (unitSlug(toUnit) === slug && toYear === year) throw new LibraryError(`「${name}」${year} 年度报告已在这里，无需移动`, 'invalid')
    return { name, request: { from: { slug, year }, to: { unit: toUnit, year: toYear } } }
  }

  /** The years a unit folder holds, newest first. */
  private async yearsOf(slug: string): Promise<number[]> {
    const files = await this.readdir(this.paths.unitFolder(slug)).catch(() => [])
    return files.flatMap((f) => {
      const year = YEAR_FILE.exec(f)?.[1]
      return year ? [Number(year)] : []
    }).sort((a, b) => b - a)
  }

  /** The unit's name as its reports spell it (the folder may be a hashed slug). */
  private async unitName(slug: string, years: readonly number[]): Promise<string | undefined> {
    for (const year of years) {
      const report = await this.readQuietly(this.paths.report(slug, year))
      if (report) return report.unit.name
    }
    return undefined
  }

  /** The current file's bytes, or undefined if there is none. */
  private async readCurrent(path: string): Promise<Buffer | undefined> {
    try {
      return await this.fs.readFile(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined
      throw describeFsError(error, path)
    }
  }

  private async readQuietly(path: string): Promise<Report | undefined> {
    const bytes = await this.readCurrent(path).catch(() => undefined)
    return bytes && this.parseQuietly(bytes)
  }

  private parseQuietly(bytes: Uint8Array): Report | undefined {
    try {
      return parseReportBytes(bytes, this.migrations).report
    } catch {
      return undefined
    }
  }

  private async exists(path: string): Promise<boolean> {
    return this.fs.stat(path).then(
      () => true,
      () => false
    )
  }

  private async readdir(path: string): Promise<string[]> {
    return this.guard(this.fs.readdir(path), path)
  }

  private async mkdir(path: string): Promise<void> {
    await this.guard(this.fs.mkdir(path), path)
  }

  /** Rewords an fs failure in Chinese, naming `path`. */
  private async guard<T>(promise: Promise<T>, path: string): Promise<T> {
    try {
      return await promise
    } catch (error) {
      throw describeFsError(error, path)
    }
  }
}

/** The report a journal path belongs to (reports/<slug>/<year>.json or backups/<slug>/<year>/…), to lock it. */
function reportPlace(path: string): { slug: string; year: number }[] {
  const [top, slug, file] = path.split('/')
  const year = top === 'reports' ? YEAR_FILE.exec(file ?? '')?.[1] : top === 'backups' ? file : undefined
  return slug && year && /^\d{4}$/.test(year) ? [{ slug, year: Number(year) }] : []
}

/** A slug made for a name that had to be changed: it ends in `~` and eight hex digits. */
const HASHED_SLUG = /~[0-9a-f]{8}$/

/** Why a file is not where its content says it belongs (copied or renamed by hand), if it is not. */
function misplacement(report: Report, slug: string, year: number): string | undefined {
  if (report.year !== year) return `文件内容是 ${report.year} 年度报告，与文件名 ${year}.json 不符`
  if (unitSlug(report.unit.name) !== slug) return `文件内容是「${report.unit.name}」的报告，与所在文件夹 ${slug} 不符`
  return undefined
}

function notFound(unit: string, year: number): LibraryError {
  return new LibraryError(`资料库中没有「${unit.trim()}」${year} 年度报告`, 'notFound')
}

function exists(unit: string, year: number): LibraryError {
  return new LibraryError(`资料库中已有「${unit.trim()}」${year} 年度报告`, 'exists')
}

/** Whether a backup id names a real time; the UI and CLI can check input before calling restore. */
export function isBackupId(id: string): boolean {
  return parseTimeId(id) !== undefined
}
