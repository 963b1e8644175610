/**
 * Removed reports go to `<root>/recycle/<removal-id>/`, with their backups, so that a removal can be
 * undone. Every step is a rename within the library folder: at no point is a report only in memory.
 */
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { UNIT_LEVELS } from '@core/report/report'
import { describeFsError } from '../files'
import { writeAtomic } from '../atomicWrite'
import type { LibraryFs } from '../fsAdapter'
import { compareTimeIdsDesc, freeTimeId, parseTimeId } from './timeId'

export interface RemovedReport {
  /** Pass to `restoreRemoved` to undo. */
  id: string
  unit: string
  year: number
  removedAt: string
}

const manifestSchema = z.object({
  unit: z.string().min(1),
  /** The unit's folder: the slug of `unit`, or the folder a report with an unreadable name came from. */
  slug: z
    .string()
    .regex(/^[^\\/]+$/)
    .refine((s) => s !== '.' && s !== '..'),
  level: z.enum(UNIT_LEVELS).optional(),
  year: z.number().int(),
  removedAt: z.string()
})

export type RemovalManifest = z.infer<typeof manifestSchema>

export const MANIFEST_FILE = 'manifest.json'
export const REPORT_FILE = 'report.json'
export const BACKUPS_FOLDER = 'backups'

/**
 * Moves a report file and its backup folder into a new removal folder. The manifest is written
 * first, so a removal interrupted half-way is still listed and can be undone.
 */
export async function moveToRecycle(
  fs: LibraryFs,
  recycle: string,
  manifest: RemovalManifest,
  reportPath: string,
  backupFolder: string,
  now: Date
): Promise<RemovedReport> {
  const taken = new Set(await fs.readdir(recycle))
  const id = freeTimeId(now, taken)
  const folder = join(recycle, id)
  try {
    await fs.mkdir(folder)
  } catch (error) {
    throw describeFsError(error, folder)
  }
  await writeAtomic(fs, join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  try {
    await fs.rename(reportPath, join(folder, REPORT_FILE))
  } catch (error) {
    await fs.rm(folder, { recursive: true }).catch(() => undefined)
    throw describeFsError(error, reportPath)
  }
  try {
    await fs.rename(backupFolder, join(folder, BACKUPS_FOLDER))
  } catch {
    // No backups yet is normal; if the move fails they stay where they are, which loses nothing.
  }
  await fs.syncDir(folder).catch(() => undefined)
  await fs.syncDir(dirname(reportPath)).catch(() => undefined)
  return { id, unit: manifest.unit, year: manifest.year, removedAt: manifest.removedAt }
}

export async function readManifest(fs: LibraryFs, recycle: string, id: string): Promise<RemovalManifest | undefined> {
  try {
    const bytes = await fs.readFile(join(recycle, id, MANIFEST_FILE))
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Removed reports, most recently removed first. */
export async function listRecycle(fs: LibraryFs, recycle: string): Promise<RemovedReport[]> {
  const ids = (await fs.readdir(recycle)).flatMap((id) => {
    const parsed = parseTimeId(id)
    return parsed ? [{ id, ...parsed }] : []
  })
  const removed: RemovedReport[] = []
  for (const { id } of ids.sort(compareTimeIdsDesc)) {
    const manifest = await readManifest(fs, recycle, id)
    // A removal killed before the report was moved has nothing to undo (the report never left).
    const moved = await fs.stat(join(recycle, id, REPORT_FILE)).then(
      () => true,
      () => false
    )
    if (manifest && moved) removed.push({ id, unit: manifest.unit, year: manifest.year, removedAt: manifest.removedAt })
  }
  return removed
}

/**
 * Deletes for good the removals whose time (their id) `due` accepts; returns how many. The report
 * goes first, so a purge cut short leaves nothing that lists as restorable but is not whole.
 */
export async function purgeRecycle(fs: LibraryFs, recycle: string, due: (removedAt: Date) => boolean): Promise<number> {
  let purged = 0
  for (const id of await fs.readdir(recycle)) {
    const parsed = parseTimeId(id)
    if (!parsed || !due(parsed.time)) continue
    const folder = join(recycle, id)
    await fs.rm(join(folder, REPORT_FILE))
    await fs.rm(folder, { recursive: true })
    purged++
  }
  return purged
}
