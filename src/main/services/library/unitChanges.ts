/**
 * Rename a unit, merge it into another, move one report to another unit or year — and undo any of
 * them. Each is one journaled operation (journal.ts): prepared in full, then decided, then carried
 * out, so that a process killed at any point leaves either the library as it was or as it was
 * asked to become, with every report and every backup.
 *
 * A report's place is its content too (unit name and year are in the file; see `misplacement`), so
 * a moved report and its backups are rewritten under the new name and year. When the destination
 * already has a report of that year, the officer chooses which to keep; the other is kept as a
 * version in the history of the one kept, and the undo brings both back where they were.
 */
import { join, relative, sep } from 'node:path'
import { z } from 'zod'
import { ReportError, UNIT_LEVELS, type Report, type UnitLevel } from '@core/report/report'
import { describeFsError } from '../files'
import { errorCode, type LibraryFs } from '../fsAdapter'
import { backupEntries, backupFileName, type BackupEntry } from './backups'
import { LibraryError } from './errors'
import { Journal, sha256, type JournalAction } from './journal'
import { LibraryPaths, unitSlug } from './paths'
import { encodeReport, parseReportBytes, type Migrations } from './reportFile'
import { freeTimeId, parseTimeId } from './timeId'

/** Which report stays current when two would share a unit and year. */
export type Keep = 'moved' | 'existing'
/** One choice for every collision, or one per destination year. */
export type KeepChoice = Keep | Readonly<Record<number, Keep>>

export type UnitOperationKind = 'rename' | 'merge' | 'move'

export const OPERATION_LABELS: Record<UnitOperationKind, string> = { rename: '重命名单位', merge: '合并单位', move: '移动报告' }

/** What became of one report. */
export type MoveOutcome =
  /** Now at its new place. */
  | 'moved'
  /** At its new place; the report that was there is a version in its history. */
  | 'replaced'
  /** The report already at the new place stays; the moved one is a version in its history. */
  | 'setAside'

export interface Collision {
  /** The year both would have in the destination. */
  year: number
  moving: { unit: string; year: number; updatedAt: string }
  existing: { unit: string; year: number; updatedAt: string }
}

/** What an operation would do (preview) or did. */
export interface UnitOperation {
  id: string
  kind: UnitOperationKind
  /** ISO time. */
  at: string
  fromUnit: string
  toUnit: string
  moves: { fromYear: number; toYear: number; outcome: MoveOutcome }[]
}

export interface UnitChangePreview {
  kind: UnitOperationKind
  fromUnit: string
  toUnit: string
  moves: { fromYear: number; toYear: number }[]
  collisions: Collision[]
}

/** Refused because reports would collide and no choice was given: the collisions, to offer the choice. */
export class CollisionError extends LibraryError {
  override name = 'CollisionError'
  constructor(
    message: string,
    readonly collisions: Collision[]
  ) {
    super(message, 'collision')
  }
}

const placeSchema = z.object({
  unit: z.string().min(1),
  slug: z
    .string()
    .min(1)
    .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..'),
  year: z.number().int(),
  level: z.enum(UNIT_LEVELS).optional()
})

const timeIdSchema = z.string().refine((id) => parseTimeId(id) !== undefined)

const recordSchema = z.object({
  id: timeIdSchema,
  kind: z.enum(['rename', 'merge', 'move']),
  at: z.string(),
  fromUnit: z.string(),
  toUnit: z.string(),
  moves: z.array(
    z.object({
      from: placeSchema,
      to: placeSchema,
      outcome: z.enum(['moved', 'replaced', 'setAside']),
      /** replaced: the destination's former report; setAside: the moved report — a backup in the destination. */
      setAsideId: timeIdSchema.optional(),
      /** Backup ids at the origin → at the destination. */
      backups: z.array(z.object({ from: timeIdSchema, to: timeIdSchema }))
    })
  )
})

type OperationRecord = z.infer<typeof recordSchema>
type Place = z.infer<typeof placeSchema>

/** What the library lends the operations: its files, clock and locks. */
export interface ChangeContext {
  fs: LibraryFs
  paths: LibraryPaths
  journal: Journal
  now: () => Date
  migrations: Migrations
  /** Runs `fn` holding the locks of every report place given (and the operation's own). */
  locked<T>(operationId: string, places: readonly { slug: string; year: number }[], fn: () => Promise<T>): Promise<T>
}

interface Request {
  from: { slug: string; year: number }
  to: { unit: string; year: number }
}

/** A report read at its origin, ready to move. */
interface Source {
  request: Request
  report: Report
  bytes: Buffer
  updatedAt: string
}

export class UnitChanges {
  constructor(private readonly ctx: ChangeContext) {}

  /** Every year of `unit` to `toUnit` (a merge when `toUnit` has reports already). */
  renameRequests(slug: string, years: readonly number[], toUnit: string): Request[] {
    return years.map((year) => ({ from: { slug, year }, to: { unit: toUnit, year } }))
  }

  /** What the requests would do, reading only: the kind, the moves and the collisions. */
  async preview(fromUnit: string, requests: readonly Request[], kind: UnitOperationKind): Promise<UnitChangePreview> {
    const sources = await this.readSources(requests, kind)
    const collisions = await this.collisions(sources)
    return {
      kind,
      fromUnit,
      toUnit: requests[0]?.to.unit ?? '',
      moves: requests.map((r) => ({ fromYear: r.from.year, toYear: r.to.year })),
      collisions
    }
  }

  /** Carries the requests out as one operation; collisions need `keep`. */
  async run(fromUnit: string, requests: readonly Request[], kind: UnitOperationKind, keep?: KeepChoice): Promise<UnitOperation> {
    const id = await this.newId()
    const places = requests.flatMap((r) => [r.from, { slug: unitSlug(r.to.unit), year: r.to.year }])
    return this.ctx.locked(id, places, async () => {
      await this.claim(id)
      const sources = await this.readSources(requests, kind)
      const collisions = await this.collisions(sources)
      const unresolved = collisions.filter((c) => choose(keep, c.year) === undefined)
      if (unresolved.length > 0) throw collisionError(fromUnit, requests[0]!.to.unit, unresolved)
      const toLevel = await this.levelOf(unitSlug(requests[0]!.to.unit))
      const record: OperationRecord = { id, kind, at: this.ctx.now().toISOString(), fromUnit, toUnit: requests[0]!.to.unit, moves: [] }
      const staging = new Staging(this.ctx, id)
      await this.ctx.journal.begin(id)
      try {
        for (const source of sources) {
          const to: Place = { unit: source.request.to.unit, slug: unitSlug(source.request.to.unit), year: source.request.to.year }
          const from: Place = { unit: source.report.unit.name, slug: source.request.from.slug, year: source.request.from.year, level: source.report.unit.level }
          const moved = retarget(source.report, to.unit, to.year, toLevel ?? source.report.unit.level)
          record.moves.push(await this.stageMove(staging, source, from, to, moved, choose(keep, to.year), kind))
        }
      } catch (error) {
        await this.ctx.journal.discard(id).catch(() => undefined)
        throw error
      }
      await this.ctx.journal.commit({ id, actions: staging.actions(), record })
      return summarize(record)
    })
  }

  /** Finished operations that can still be undone, newest first. */
  async list(): Promise<UnitOperation[]> {
    const ids = (await this.ctx.fs.readdir(this.ctx.paths.operations))
      .map((file) => /^(.+)\.json$/.exec(file)?.[1])
      .filter((id): id is string => id !== undefined && parseTimeId(id) !== undefined)
      .sort()
      .reverse()
    const out: UnitOperation[] = []
    for (const id of ids) {
      const record = await this.readRecord(id)
      if (record) out.push(summarize(record))
    }
    return out
  }

  /** Puts every report of an operation back where it was, with its backups; refused if that place was taken meanwhile. */
  async undo(operationId: string): Promise<UnitOperation> {
    const record = await this.readRecord(operationId)
    if (!record) throw new LibraryError(`没有编号为 ${operationId} 的可撤销操作`, 'operationNotFound')
    const id = await this.newId()
    const places = record.moves.flatMap((m) => [m.from, m.to])
    return this.ctx.locked(id, places, async () => {
      await this.claim(id)
      // Read again under the locks: another process may have undone it meanwhile.
      const current = await this.readRecord(operationId)
      if (!current) throw new LibraryError(`没有编号为 ${operationId} 的可撤销操作`, 'operationNotFound')
      const staging = new Staging(this.ctx, id)
      await this.ctx.journal.begin(id)
      try {
        for (const move of [...current.moves].reverse()) await this.stageUndo(staging, current, move)
      } catch (error) {
        await this.ctx.journal.discard(id).catch(() => undefined)
        throw error
      }
      await this.ctx.journal.commit({ id, actions: staging.actions(), consumes: operationId })
      return summarize(current)
    })
  }

  // ——— one move ———

  private async stageMove(
    staging: Staging,
    source: Source,
    from: Place,
    to: Place,
    moved: Report,
    keep: Keep | undefined,
    kind: UnitOperationKind
  ): Promise<OperationRecord['moves'][number]> {
    const { paths } = this.ctx
    const fromBackups = paths.backupFolder(from.slug, from.year)
    const toBackups = paths.backupFolder(to.slug, to.year)
    const taken = new Set((await this.entries(toBackups)).map((e) => e.id))
    const backups = await staging.carryBackups(fromBackups, toBackups, await this.entries(fromBackups), taken, to, undefined)
    const toPath = paths.report(to.slug, to.year)
    const existing = await this.readBytes(toPath)
    const movedBytes = encodeReport(moved)
    let outcome: MoveOutcome = 'moved'
    let setAsideId: string | undefined
    if (existing && keep === 'existing') {
      setAsideId = freeTimeId(this.ctx.now(), taken)
      await staging.place(movedBytes, join(toBackups, backupFileName(setAsideId, kind, false)), 'backup')
      outcome = 'setAside'
    } else {
      if (existing) {
        setAsideId = freeTimeId(this.ctx.now(), taken)
        const damaged = !this.opens(existing, to)
        await staging.place(existing, join(toBackups, backupFileName(setAsideId, kind, damaged)), 'backup')
        outcome = 'replaced'
      }
      await staging.place(movedBytes, toPath, 'current')
    }
    staging.remove(paths.report(from.slug, from.year), source.bytes)
    const entry: OperationRecord['moves'][number] = { from, to, outcome, backups }
    if (setAsideId) entry.setAsideId = setAsideId
    return entry
  }

  private async stageUndo(staging: Staging, record: OperationRecord, move: OperationRecord['moves'][number]): Promise<void> {
    const { paths } = this.ctx
    const { from, to } = move
    const fromPath = paths.report(from.slug, from.year)
    const toPath = paths.report(to.slug, to.year)
    const toBackups = paths.backupFolder(to.slug, to.year)
    const fromBackups = paths.backupFolder(from.slug, from.year)
    if (await this.readBytes(fromPath)) {
      throw new LibraryError(`资料库中已有「${from.unit}」${from.year} 年度报告（操作之后新建），无法撤销；请先删除或移走它`, 'exists')
    }
    const entries = await this.entries(toBackups)
    const byId = new Map(entries.map((e) => [e.id, e]))
    const setAside = move.setAsideId ? byId.get(move.setAsideId) : undefined
    if (move.outcome !== 'moved' && !setAside) {
      throw new LibraryError(`「${to.unit}」${to.year} 年度报告的历史中已没有操作时留下的版本，无法撤销`, 'operationNotFound')
    }
    const after = Date.parse(record.at)
    const mapped = new Map(move.backups.map((b) => [b.to, b.from]))
    // Backups that go back: those that came along, and versions of the moved report saved since.
    const going = entries.filter((e) =>
      move.outcome === 'moved' ? true : e.id !== move.setAsideId && (mapped.has(e.id) || (move.outcome === 'replaced' && e.time.getTime() >= after))
    )
    const taken = new Set((await this.entries(fromBackups)).map((e) => e.id))
    await staging.carryBackups(toBackups, fromBackups, going, taken, from, mapped)

    if (move.outcome === 'setAside') {
      const bytes = await this.readFile(join(toBackups, setAside!.file))
      await staging.place(this.rewrite(bytes, from, `「${to.unit}」${to.year} 年度报告的历史版本`), fromPath, 'current')
      staging.remove(join(toBackups, setAside!.file), bytes)
      return
    }
    const current = await this.readBytes(toPath)
    if (!current) throw new LibraryError(`资料库中已没有「${to.unit}」${to.year} 年度报告，无法撤销`, 'notFound')
    await staging.place(this.rewrite(current, from, `「${to.unit}」${to.year} 年度报告`), fromPath, 'current')
    if (move.outcome === 'replaced') {
      const bytes = await this.readFile(join(toBackups, setAside!.file))
      await staging.place(bytes, toPath, 'current')
      staging.remove(join(toBackups, setAside!.file), bytes)
    } else {
      staging.remove(toPath, current)
    }
  }

  // ——— reading ———

  private async readSources(requests: readonly Request[], kind: UnitOperationKind): Promise<Source[]> {
    const sources: Source[] = []
    for (const request of requests) {
      const { slug, year } = request.from
      const path = this.ctx.paths.report(slug, year)
      const bytes = await this.readBytes(path)
      if (!bytes) throw new LibraryError(`资料库中没有「${slug}」${year} 年度报告`, 'notFound')
      let report: Report
      try {
        report = parseReportBytes(bytes, this.ctx.migrations).report
        if (report.year !== year || unitSlug(report.unit.name) !== slug) throw new ReportError('文件内容与所在位置不符')
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        throw new LibraryError(`「${slug}」${year} 年度报告已损坏（${why}），不能${OPERATION_LABELS[kind]}：请先从备份恢复或删除它`, 'damaged')
      }
      const info = await this.ctx.fs.stat(path)
      sources.push({ request, report, bytes, updatedAt: new Date(info.mtimeMs).toISOString() })
    }
    return sources
  }

  private async collisions(sources: readonly Source[]): Promise<Collision[]> {
    const out: Collision[] = []
    for (const { request, report, updatedAt } of sources) {
      const path = this.ctx.paths.report(unitSlug(request.to.unit), request.to.year)
      const info = await this.ctx.fs.stat(path).catch(() => undefined)
      if (!info) continue
      out.push({
        year: request.to.year,
        moving: { unit: report.unit.name, year: request.from.year, updatedAt },
        existing: { unit: request.to.unit, year: request.to.year, updatedAt: new Date(info.mtimeMs).toISOString() }
      })
    }
    return out
  }

  /** The level of a unit that already has reports (moved reports take it on), if any opens. */
  private async levelOf(slug: string): Promise<UnitLevel | undefined> {
    for (const file of await this.ctx.fs.readdir(this.ctx.paths.unitFolder(slug))) {
      const year = /^(\d{4})\.json$/.exec(file)?.[1]
      if (!year) continue
      const bytes = await this.readBytes(this.ctx.paths.report(slug, Number(year)))
      const report = bytes && this.parse(bytes)
      if (report) return report.unit.level
    }
    return undefined
  }

  private async readRecord(id: string): Promise<OperationRecord | undefined> {
    if (!parseTimeId(id)) return undefined
    const bytes = await this.readBytes(this.ctx.paths.operationRecord(id))
    if (!bytes) return undefined
    try {
      const parsed = recordSchema.safeParse(JSON.parse(bytes.toString('utf8')))
      return parsed.success && parsed.data.id === id ? parsed.data : undefined
    } catch {
      return undefined
    }
  }

  private async entries(folder: string): Promise<BackupEntry[]> {
    try {
      return await backupEntries(this.ctx.fs, folder)
    } catch (error) {
      throw describeFsError(error, folder)
    }
  }

  private async readBytes(path: string): Promise<Buffer | undefined> {
    try {
      return await this.ctx.fs.readFile(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined
      throw describeFsError(error, path)
    }
  }

  private async readFile(path: string): Promise<Buffer> {
    const bytes = await this.readBytes(path)
    if (!bytes) throw new LibraryError(`文件在操作过程中被移走：${path}`, 'notFound')
    return bytes
  }

  private parse(bytes: Uint8Array): Report | undefined {
    try {
      return parseReportBytes(bytes, this.ctx.migrations).report
    } catch {
      return undefined
    }
  }

  private opens(bytes: Uint8Array, place: Place): boolean {
    const report = this.parse(bytes)
    return report !== undefined && report.year === place.year && unitSlug(report.unit.name) === place.slug
  }

  /** A report's bytes under another name and year; `what` names it if it cannot be read. */
  private rewrite(bytes: Uint8Array, place: Place, what: string): Buffer {
    const report = this.parse(bytes)
    if (!report) throw new LibraryError(`${what}已损坏，无法撤销：请先从备份恢复它`, 'damaged')
    return encodeReport(retarget(report, place.unit, place.year, place.level ?? report.unit.level))
  }

  /** Two processes that picked the same id in the same millisecond: the second one tries again later. */
  private async claim(id: string): Promise<void> {
    const used = (await this.readBytes(this.ctx.paths.operationRecord(id))) !== undefined
    const staged = await this.ctx.fs.stat(this.ctx.journal.folder(id)).then(
      () => true,
      () => false
    )
    if (used || staged) throw new LibraryError('资料库正由另一个窗口或程序修改，请稍后重试', 'busy')
  }

  /** An id for an operation not used by a journal or a record. */
  private async newId(): Promise<string> {
    const taken = new Set([
      ...(await this.ctx.fs.readdir(this.ctx.paths.journal).catch(() => [])),
      ...(await this.ctx.fs.readdir(this.ctx.paths.operations).catch(() => [])).map((f) => f.replace(/\.json$/, ''))
    ])
    return freeTimeId(this.ctx.now(), taken)
  }
}

/** Collects an operation's staged files and the actions that put them in place and remove what they replace. */
class Staging {
  private index = 0
  private readonly backups: JournalAction[] = []
  private readonly currents: JournalAction[] = []
  private readonly removals: JournalAction[] = []

  constructor(
    private readonly ctx: ChangeContext,
    private readonly id: string
  ) {}

  async place(bytes: Uint8Array, target: string, kind: 'backup' | 'current'): Promise<void> {
    const staged = await this.ctx.journal.stage(this.id, this.index++, bytes)
    const action: JournalAction = { do: 'place', staged, to: this.relative(target) }
    ;(kind === 'backup' ? this.backups : this.currents).push(action)
  }

  remove(path: string, bytes: Uint8Array): void {
    this.removals.push({ do: 'remove', path: this.relative(path), sha256: sha256(bytes) })
  }

  /**
   * Backups of one folder carried to another under the destination's name and year, keeping their
   * ids (or, on undo, the ids they had before: `preferred`) unless taken. Returns old id → new id.
   */
  async carryBackups(
    fromFolder: string,
    toFolder: string,
    entries: readonly BackupEntry[],
    taken: Set<string>,
    to: Place,
    preferred: ReadonlyMap<string, string> | undefined
  ): Promise<{ from: string; to: string }[]> {
    const mapping: { from: string; to: string }[] = []
    for (const entry of entries) {
      const bytes = await this.ctx.fs.readFile(join(fromFolder, entry.file)).catch((error: unknown) => {
        throw describeFsError(error, join(fromFolder, entry.file))
      })
      let out: Uint8Array = bytes
      let damaged = entry.damaged
      if (!damaged) {
        try {
          out = encodeReport(retarget(parseReportBytes(bytes, this.ctx.migrations).report, to.unit, to.year, to.level))
        } catch {
          // Unreadable though not marked so (bit rot): carried as it is, marked damaged.
          damaged = true
        }
      }
      const wanted = preferred?.get(entry.id) ?? entry.id
      const time = parseTimeId(wanted)?.time ?? entry.time
      const id = taken.has(wanted) ? freeTimeId(time, taken) : wanted
      taken.add(id)
      await this.place(out, join(toFolder, backupFileName(id, entry.reason, damaged)), 'backup')
      this.remove(join(fromFolder, entry.file), bytes)
      mapping.push({ from: entry.id, to: id })
    }
    return mapping
  }

  /** Backups first, then current files, then removals: nothing goes before its copy is in place. */
  actions(): JournalAction[] {
    return [...this.backups, ...this.currents, ...this.removals]
  }

  private relative(path: string): string {
    return relative(this.ctx.paths.root, path).split(sep).join('/')
  }
}

/** A report under another unit name and year; the level follows the destination unit's. */
function retarget(report: Report, unit: string, year: number, level: UnitLevel | undefined): Report {
  return { ...report, unit: { name: unit, level: level ?? report.unit.level }, year }
}

function choose(keep: KeepChoice | undefined, year: number): Keep | undefined {
  if (keep === undefined) return undefined
  return typeof keep === 'string' ? keep : keep[year]
}

function collisionError(fromUnit: string, toUnit: string, collisions: readonly Collision[]): CollisionError {
  const years = collisions.map((c) => c.year).join('、')
  return new CollisionError(
    `「${toUnit}」已有 ${years} 年度报告，与要移入的「${fromUnit}」的报告冲突：请选择保留哪一份（保留移入的，或保留原有的），另一份会保存为历史版本`,
    [...collisions]
  )
}

function summarize(record: OperationRecord): UnitOperation {
  return {
    id: record.id,
    kind: record.kind,
    at: record.at,
    fromUnit: record.fromUnit,
    toUnit: record.toUnit,
    moves: record.moves.map((m) => ({ fromYear: m.from.year, toYear: m.to.year, outcome: m.outcome }))
  }
}
