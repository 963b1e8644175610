/**
 * One change at a time per report. Inside a process, a promise chain per key; across processes
 * (the app and the CLI on the same folder), a lock file created exclusively.
 *
 * The lock guards only the order of steps, never the data: every step is itself atomic, so a lock
 * left behind by a killed process costs a short wait (it goes stale), not a report.
 *
 * A holder proves it is alive by its heartbeat, not by its process id: while it holds the lock it
 * touches the file every staleMs / 4, and a lock not touched for staleMs is stale whoever wrote it.
 * A process id can be reused by an unrelated live process after the writer was killed; that only
 * ever shortens the wait (a dead id breaks the lock at once), it never extends it past staleMs.
 * Works the same on Windows (mtime is all it needs). Each lock also names a random owner id, so
 * that a holder never mistakes another's lock for its own.
 */
import { randomBytes } from 'node:crypto'
import { describeFsError } from '../files'
import { LibraryError } from './errors'
import { errorCode, type LibraryFs } from '../fsAdapter'

export interface LockOptions {
  /** A lock file whose heartbeat stopped this long ago was left by a dead process and is broken. */
  staleMs: number
  /** How long to wait for another process before giving up (longer than staleMs). */
  waitMs: number
}

const chains = new Map<string, Promise<unknown>>()

/** Runs `fn` after every earlier call with the same key in this process has finished. */
async function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = chains.get(key) ?? Promise.resolve()
  const run = before.then(fn, fn)
  const settled = run.then(
    () => undefined,
    () => undefined
  )
  chains.set(key, settled)
  try {
    return await run
  } finally {
    if (chains.get(key) === settled) chains.delete(key)
  }
}

async function acquire(fs: LibraryFs, lockPath: string, target: string, options: LockOptions): Promise<void> {
  const deadline = Date.now() + options.waitMs
  for (;;) {
    let handle
    try {
      handle = await fs.open(lockPath, 'wx')
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw describeFsError(error, target)
    }
    if (handle) {
      try {
        const owner = randomBytes(8).toString('hex')
        await handle.writeFile(JSON.stringify({ pid: process.pid, owner, at: new Date().toISOString() }))
        await handle.close()
        return
      } catch (error) {
        // A lock we could not finish writing (full disk) must not stay behind and block the next try.
        await handle.close().catch(() => undefined)
        await fs.rm(lockPath).catch(() => undefined)
        throw describeFsError(error, target)
      }
    }
    if (await isStale(fs, lockPath, options.staleMs)) {
      await fs.rm(lockPath).catch(() => undefined)
      continue
    }
    if (Date.now() >= deadline) {
      throw new LibraryError(`该报告正由另一个窗口或程序保存，请稍后重试：${target}`, 'busy')
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** A lock file still without its content after this long was left by a writer killed right after creating it. */
const UNFINISHED_LOCK_MS = 1000

/**
 * A lock is stale when its heartbeat stopped (not touched for staleMs), or at once when the process
 * that wrote it is gone. Our own pid means a leftover too: within this process, callers are already
 * serialised before they reach the file.
 */
async function isStale(fs: LibraryFs, lockPath: string, staleMs: number): Promise<boolean> {
  const info = await fs.stat(lockPath).catch(() => undefined)
  if (!info) return false
  const age = Date.now() - info.mtimeMs
  if (age > staleMs) return true
  const pid = await fs
    .readFile(lockPath)
    .then((bytes) => (JSON.parse(bytes.toString('utf8')) as { pid?: unknown }).pid)
    .catch(() => undefined)
  if (typeof pid !== 'number') return age > UNFINISHED_LOCK_MS
  return pid === process.pid || !isAlive(pid)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

/** Runs `fn` holding the lock of one report. `target` names the report in messages. */
export async function withLock<T>(
  fs: LibraryFs,
  locksFolder: string,
  lockPath: string,
  target: string,
  options: LockOptions,
  fn: () => Promise<T>
): Promise<T> {
  return serialized(lockPath, async () => {
    try {
      await fs.mkdir(locksFolder)
    } catch (error) {
      throw describeFsError(error, target)
    }
    await acquire(fs, lockPath, target, options)
    // The heartbeat: a slow save (a full disk's fsync, a USB stick) keeps its lock for as long as it runs.
    const heartbeat = setInterval(() => void fs.touch(lockPath).catch(() => undefined), Math.max(10, options.staleMs / 4))
    heartbeat.unref()
    try {
      return await fn()
    } finally {
      clearInterval(heartbeat)
      await fs.rm(lockPath).catch(() => undefined)
    }
  })
}
