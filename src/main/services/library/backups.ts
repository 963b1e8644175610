/**
 * Earlier versions of one report: `<backup-id>.json`, or `<backup-id>.damaged.json` for a version that
 * was already unreadable when it was set aside (kept, since it is still the officer's data).
 * Rotation keeps the newest few and never the last good one away.
 */
import { join } from 'node:path'
import type { Report } from '../../../core/report/report'
import { describeFsError } from '../files'
import { writeAtomic } from '../atomicWrite'
import type { BackupInfo } from './errors'
import type { LibraryFs } from '../fsAdapter'
import { parseReportBytes, readReportFile, type Migrations, type ReadReport } from './reportFile'
import { compareTimeIdsDesc, freeTimeId, parseTimeId, type ParsedTimeId } from './timeId'

const BACKUP_FILE = /^(.+?)(\.damaged)?\.json$/

interface BackupEntry extends ParsedTimeId {
  id: string
  file: string
  damaged: boolean
}

async function backupEntries(fs: LibraryFs, folder: string): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = []
  for (const file of await fs.readdir(folder)) {
    const match = BACKUP_FILE.exec(file)
    const parsed = match ? parseTimeId(match[1]!) : undefined
    if (match && parsed) entries.push({ ...parsed, id: match[1]!, file, damaged: match[2] !== undefined })
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
    if (size !== undefined) infos.push({ id: entry.id, time: entry.time.toISOString(), size, damaged: entry.damaged })
  }
  return infos
}

/** Sets `bytes` (the version about to be replaced) aside as a new backup. */
export async function createBackup(fs: LibraryFs, folder: string, bytes: Uint8Array, damaged: boolean, now: Date): Promise<BackupInfo> {
  try {
    await fs.mkdir(folder)
  } catch (error) {
    throw describeFsError(error, folder)
  }
  const taken = new Set((await backupEntries(fs, folder)).map((e) => e.id))
  const id = freeTimeId(now, taken)
  await writeAtomic(fs, join(folder, `${id}${damaged ? '.damaged' : ''}.json`), bytes)
  return { id, time: now.toISOString(), size: bytes.length, damaged }
}

/**
 * Keeps the newest `keep` backups. If none of those is good, the newest good one is kept as well:
 * rotation must never remove the only version that can still be opened. Deletion is best effort —
 * a backup too many is harmless.
 */
export async function rotateBackups(fs: LibraryFs, folder: string, keep: number): Promise<void> {
  const entries = await backupEntries(fs, folder)
  const kept = entries.slice(0, Math.max(1, keep))
  const older = entries.slice(kept.length)
  const goodKept = kept.some((e) => !e.damaged)
  const lastGood = goodKept ? undefined : older.find((e) => !e.damaged)
  for (const entry of older) {
    if (entry !== lastGood) await fs.rm(join(folder, entry.file)).catch(() => undefined)
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
      return { info: { id: entry.id, time: entry.time.toISOString(), size: bytes.length, damaged: false }, report }
    } catch {
      // Try the next older one.
    }
  }
  return undefined
}
