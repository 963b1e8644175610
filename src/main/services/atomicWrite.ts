/**
 * The atomic write behind `writeFileAtomic` and the report library: temp file in the same folder,
 * fsync, rename over the target, then an fsync of the folder so that the rename itself survives a
 * power cut. It goes through an injectable fs so that tests can interrupt it at every step.
 */
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { describeFsError } from './fileErrors'
import type { LibraryFs } from './fsAdapter'

/** Temp files are named like those of `writeFileAtomic`, so stray ones of either are recognised. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name)
}

/** Whether `name` is a temp file left while writing `target` (the name of the file, not a path). */
export function isTempOf(name: string, target: string): boolean {
  return isTempName(name) && name.startsWith(`.${target}.`)
}

export async function writeAtomic(fs: LibraryFs, path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await fs.open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    // A half-written temp file is never read (see isTempName) but is not left lying around either.
    await fs.rm(temp).catch(() => undefined)
    throw describeFsError(error, path)
  }
  try {
    await fs.syncDir(folder)
  } catch (error) {
    throw describeFsError(error, path)
  }
}
