/**
 * Earlier versions of one report: `<backup-id>.<reason>.json`, with `.damaged` before `.json` for a
 * version that was already unreadable when it was set aside (kept, since it is still the officer's
 * data). The reason (core/library/versions.ts) is part of the name, so it is written in the same
 * atomic step as the backup; backups made before reasons were recorded have none.
 * Rotation keeps the newest few and never the last good one away.
 */
import { join } from 'node:path'
import { isVersionReason, type VersionReason } from '@core/library/versions'
import type { Report } from '@core/report/report'
import { describeFsError } from '../files'
import { writeAtomic } from '../atomicWrite'
import type { BackupInfo } from './errors'
import type { LibraryFs } from '../fsAdapter'
import { parseReportBytes, readReportFile, type Migrations, type ReadReport } from './reportFile'
import { compareTimeIdsDesc, freeTimeId, parseTimeId, type ParsedTimeId } from './timeId'

export interface BackupEntry extends ParsedTimeId {
  id: string
  file: string
  damaged: boolean
  reason?: VersionReason
}

/** The file name of a backup. */
export function backupFileName(id: string, reason: VersionReason | undefined, damaged: boolean): string {
  return `${id}${reason ? `.${reason}` : ''}${damaged ? '.damaged' : ''}.json`
}

/** id[.reason][.damaged].json → its parts; undefined for any other file (temp files, strays). */
export function parseBackupFileName(file: string): BackupEntry | undefined {
  if (!file.endsWith('.json')) return undefined
  const parts = file.slice(0, -'.json'.length).split('.')
  const id = parts.shift()!
  const parsed = parseTimeId(id)
  if (!parsed) return undefined
  const damaged = parts.at(-1) === 'damaged'
  if (damaged) parts.pop()
  if (parts.length > 1) return undefined
  const reason = parts[0]
  if (reason !== undefined && !isVersionReason(reason)) return undefined
  return reason ? { ...parsed, id, file, damaged, reason } : { ...parsed, id, file, damaged }
}

export async function backupEntries(fs: LibraryFs, folder: string): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = []
  for (const file of await fs.readdir(folder)) {
    const entry = parseBackupFileName(file)
    if (entry) entries.push(entry)
  }
  return entries.sort(compareTimeIdsDesc)
}

/** The backups of one report, newest first. */
export async function listBackups(fs: LibraryFs, folder: string): Promise<BackupInfo[]> {
  const infos: BackupInfo[] = []
  for (const entry of await backupEntries(fs, folder)) {
    // A backup removed meanwhile (rotation by another window) is simply not listed.
    const size = await fs.stat(join(folder, entry.file)).then(
      (s) => s.size,
      () => undefined
    )
    if (size === undefined) continue
    const info: BackupInfo = { id: entry.id, time: entry.time.toISOString(), size, damaged: entry.damaged }
    if (entry.reason) info.reason = entry.reason
    infos.push(info)
  }
  return infos
}

/** Sets `bytes` (the version about to be replaced) aside as a new backup, with the reason it is replaced. */
export async function createBackup(
  fs: LibraryFs,
  folder: string,
  bytes: Uint8Array,
  damaged: boolean,
  now: Date,
  reason: VersionReason
): Promise<BackupInfo> {
  try {
    await fs.mkdir(folder)
  } catch (error) {
    throw describeFsError(error, folder)
  }
  const taken = new Set((await backupEntries(fs, folder)).map((e) => e.id))
  const id = freeTimeId(now, taken)
  await writeAtomic(fs, join(folder, backupFileName(id, reason, damaged)), bytes)
  return { id, time: now.toISOString(), size: bytes.length, damaged, reason }
}

/**
 * Keeps the newest `keep` backups, and the newest one set aside by each kind of change other than a
 * routine save (the version before an import, a restore, a merge…), so that a minute of autosaves
 * does not push those out of the history. If none kept is good, the newest good one is kept as well:
 * rotation must never remove the only version that can still be opened. Deletion is best effort —
 * a backup too many is harmless.
 */
export async function rotateBackups(fs: LibraryFs, folder: string, keep: number): Promise<void> {
  const entries = await backupEntries(fs, folder)
  const kept = new Set(entries.slice(0, Math.max(1, keep)))
  const reasons = new Set<string>()
  for (const entry of entries) {
    if (entry.reason === undefined || entry.reason === 'save' || reasons.has(entry.reason)) continue
    reasons.add(entry.reason)
    kept.add(entry)
  }
  if (![...kept].some((e) => !e.damaged)) {
    const lastGood = entries.find((e) => !e.damaged)
    if (lastGood) kept.add(lastGood)
  }
  for (const entry of entries) {
    if (!kept.has(entry)) await fs.rm(join(folder, entry.file)).catch(() => undefined)
  }
}

/** Reads one backup; undefined when there is no backup with this id. */
export async function readBackup(fs: LibraryFs, folder: string, id: string, migrations: Migrations): Promise<ReadReport | undefined> {
  const entry = (await backupEntries(fs, folder)).find((e) => e.id === id)
  return entry ? readReportFile(fs, join(folder, entry.file), migrations) : undefined
}

export interface GoodBackup {
  info: BackupInfo
  report: Report
}

/** The newest backup that really opens as a report (its name could claim so wrongly after bit rot) and is accepted. */
export async function lastGoodBackup(
  fs: LibraryFs,
  folder: string,
  migrations: Migrations,
  accept: (report: Report) => boolean = () => true
): Promise<GoodBackup | undefined> {
  for (const entry of await backupEntries(fs, folder)) {
    if (entry.damaged) continue
    try {
      const bytes = await fs.readFile(join(folder, entry.file))
      const { report } = parseReportBytes(bytes, migrations)
      if (!accept(report)) continue
      const info: BackupInfo = { id: entry.id, time: entry.time.toISOString(), size: bytes.length, damaged: false }
      if (entry.reason) info.reason = entry.reason
      return { info, report }
    } catch {
      // Try the next older one.
    }
  }
  return undefined
}
