/**
 * File access for the CLI and the main process: bounded reads and atomic writes, with errors
 * worded for the officer. Node-only; never imports electron.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeAtomic } from './atomicWrite'
import { describeFsError, FileError } from './fileErrors'
import { nodeFs, type LibraryFs } from './fsAdapter'

export { describeFsError, FileError } from './fileErrors'

/** A report JSON is a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024

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
 * Writes a file so that readers see either the old content or the new, never a half-written one
 * (temp file in the same folder, fsync, rename, folder fsync: see atomicWrite.ts).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: LibraryFs = nodeFs): Promise<void> {
  // The one failure worth its own words: the folder chosen does not exist (any more).
  if (!(await fileExists(dirname(path)))) throw new FileError(`保存位置不存在：${dirname(path)}`)
  await writeAtomic(fs, path, data)
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
