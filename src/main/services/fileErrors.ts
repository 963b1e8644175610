/** File problems worded in Chinese for the officer. Node-only; never imports electron. */

/** A file problem, already worded in Chinese for the user. */
export class FileError extends Error {
  override name = 'FileError'
}

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
