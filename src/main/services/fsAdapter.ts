/**
 * The few file operations atomic writes and the report library need, behind one interface so that tests can make any of
 * them fail (full disk, read-only folder, a process killed half-way) without touching the real disk's
 * permissions — tests run as root, where chmod does not block writes.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'

export interface WritableFile {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface FileInfo {
  size: number
  mtimeMs: number
  isDirectory(): boolean
}

export interface LibraryFs {
  readFile(path: string): Promise<Buffer>
  stat(path: string): Promise<FileInfo>
  /** Names in a folder; a missing folder reads as empty, since the library creates folders lazily. */
  readdir(path: string): Promise<string[]>
  mkdir(path: string): Promise<void>
  /** `wx` creates a new file and fails if it exists. */
  open(path: string, flags: 'wx'): Promise<WritableFile>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options?: { recursive?: boolean }): Promise<void>
  /** Flushes a folder's entries (the rename) to disk, where the platform can. */
  syncDir(path: string): Promise<void>
  /** Sets a file's modification time to now (a lock's heartbeat). */
  touch(path: string): Promise<void>
}

/** Codes by which a platform says it cannot fsync a folder (Windows cannot open one). */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF', 'ENOTSUP', 'ENOSYS'])

export const nodeFs: LibraryFs = {
  readFile: (path) => readFile(path),
  stat: (path) => stat(path),
  async readdir(path) {
    try {
      return await readdir(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
  },
  mkdir: async (path) => {
    await mkdir(path, { recursive: true })
  },
  open: (path, flags) => open(path, flags),
  rename: (from, to) => rename(from, to),
  rm: (path, options) => rm(path, { force: true, recursive: options?.recursive ?? false }),
  touch: async (path) => {
    const now = new Date()
    await utimes(path, now, now)
  },
  async syncDir(path) {
    let handle
    try {
      handle = await open(path, 'r')
      await handle.sync()
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error
    } finally {
      await handle?.close()
    }
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' ? code : undefined
}
