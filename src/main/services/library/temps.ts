/** Stray temp files: left when a write was killed between creating the temp file and the rename. */
import { join } from 'node:path'
import { isTempName } from '../atomicWrite'
import type { LibraryFs } from '../fsAdapter'

/**
 * Removes temp files in `folder` that match `which` and are older than `olderThanMs` (0: all).
 * A young temp file may belong to a save in progress in another window, so it is left alone.
 * Best effort: cleaning up is never worth failing an open or a list for.
 */
export async function removeStrayTemps(
  fs: LibraryFs,
  folder: string,
  olderThanMs: number,
  which: (name: string) => boolean = isTempName
): Promise<void> {
  try {
    for (const name of await fs.readdir(folder)) {
      if (!isTempName(name) || !which(name)) continue
      const path = join(folder, name)
      const info = await fs.stat(path)
      if (olderThanMs === 0 || Date.now() - info.mtimeMs > olderThanMs) await fs.rm(path)
    }
  } catch {
    // Read-only media, a file removed meanwhile: nothing to do.
  }
}
