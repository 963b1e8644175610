/**
 * File access for the CLI and the main process: bounded reads and atomic writes, with errors
 * worded for the officer. Node-only; never imports electron.
 */
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A file problem, already worded in Chinese for the user. */
export class FileError extends Error {
  override name = 'FileError'
}

/** A report JSON is a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024

const ERRNO_MESSAGES: Record<string, (path: string) => string> = {
  ENOENT: (p) => `找不到文件：${p}`,
  EISDIR: (p) => `这是一个文件夹，不是文件：${p}`,
  ENOTDIR: (p) => `路径无效（上级不是文件夹）：${p}`,
  EACCES: (p) => `没有权限访问：${p}`,
  EPERM: (p) => `没有权限访问：${p}`,
  EROFS: (p) => `磁盘或文件夹是只读的，无法写入：${p}`,
  ENOSPC: (p) => `磁盘空间不足，无法写入：${p}`,
  EMFILE: () => '打开的文件过多，请稍后重试',
  EBUSY: (p) => `文件正被其他程序占用：${p}`
}

/** Turns a Node fs error into a FileError with a Chinese message. */
export function describeFsError(error: unknown, path: string): FileError {
  if (error instanceof FileError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = code ? ERRNO_MESSAGES[code]?.(path) : undefined
  return new FileError(message ?? `无法访问文件：${path}`)
}

export async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new FileError(`这是一个文件夹，不是文件：${path}`)
    if (info.size > maxBytes) {
      throw new FileError(`文件过大（${formatBytes(info.size)}），超过上限 ${formatBytes(maxBytes)}：${path}`)
    }
    return await readFile(path)
  } catch (error) {
    throw describeFsError(error, path)
  }
}

export async function readReportText(path: string): Promise<string> {
  const bytes = await readBoundedFile(path, MAX_REPORT_BYTES)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FileError(`不是 UTF-8 编码的年报文件：${path}`)
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} 字节`
}

/**
 * Writes a file so that readers see either the old content or the new, never a half-written one:
 * temp file in the same folder, fsync, rename over the target. The temp file is removed on failure.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FileError(`保存位置不存在：${dirname(path)}`)
    }
    throw describeFsError(error, path)
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
