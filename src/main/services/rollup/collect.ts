/**
 * The files of a roll-up: a folder (with its sub-folders), a .zip, or files chosen or dropped. A .zip
 * is unpacked into a temporary folder first — checked against its directory before anything is
 * written, every entry written under a number (never under its own path: no entry can escape the
 * folder), names decoded as Windows writes them (GBK) unless the zip says UTF-8. Files that are not
 * reports (by extension) are listed with the reason, never silently dropped; what systems leave
 * beside documents (Thumbs.db, ~$ lock files) is skipped.
 */
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { describeFsError, FileError, formatBytes } from '../files'
import { isSystemFile, REPORT_EXTENSIONS, ROLLUP_LIMITS } from './limits'

/** One file to read: as the officer knows it, and where it is on disk. */
export interface RollupFile {
  /** The path within the folder or .zip (`/`-separated), or the file's name. */
  file: string
  path: string
}

export interface SkippedFile {
  file: string
  reason: string
}

export interface CollectedFiles {
  files: RollupFile[]
  /** Files not read, with why (not a report, too large, encrypted in the .zip…). */
  skipped: SkippedFile[]
  /** Removes what was unpacked. */
  cleanup(): Promise<void>
}

/** File names in the order a file manager shows them: 第2 before 第10. */
const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true })

export async function collectFiles(inputs: readonly string[], options: { tempRoot?: string } = {}): Promise<CollectedFiles> {
  const files: RollupFile[] = []
  const skipped: SkippedFile[] = []
  const temps: string[] = []
  const cleanup = async () => {
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })))
  }
  const room = () => {
    if (files.length + skipped.length > ROLLUP_LIMITS.maxFiles) {
      throw new FileError(`文件过多（超过 ${ROLLUP_LIMITS.maxFiles} 个），请分批汇总`)
    }
  }
  const unpack = async (path: string, shown: string) => {
    const folder = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'nianbao-rollup-zip-'))
    temps.push(folder)
    const unpacked = await unpackZip(path, shown, folder)
    files.push(...unpacked.files)
    skipped.push(...unpacked.skipped)
    room()
  }
  const add = async (path: string, shown: string) => {
    const extension = extname(shown).toLowerCase()
    if (extension === '.zip') await unpack(path, shown)
    else if (extension === '' || REPORT_EXTENSIONS.has(extension)) files.push({ file: shown, path })
    else skipped.push({ file: shown, reason: `不是年度报告文件（${extension} 文件），未读取` })
    room()
  }
  try {
    for (const input of inputs) {
      const info = await lstat(input).catch((error: unknown) => {
        throw describeFsError(error, input)
      })
      if (info.isDirectory()) {
        for (const path of await walk(input)) await add(path, relative(input, path).split(sep).join('/'))
      } else {
        await add(input, basename(input))
      }
    }
  } catch (error) {
    await cleanup()
    throw error
  }
  return { files, skipped, cleanup }
}

/** Every file under a folder, sub-folders first in name order, to the depth allowed. */
async function walk(root: string, depth = 0): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
    throw describeFsError(error, root)
  })
  const out: string[] = []
  for (const entry of entries.sort((a, b) => byName(a.name, b.name))) {
    if (isSystemFile(entry.name) || entry.isSymbolicLink()) continue
    const path = join(root, entry.name)
    if (entry.isDirectory()) {
      if (depth < ROLLUP_LIMITS.maxDepth) out.push(...(await walk(path, depth + 1)))
    } else if (entry.isFile()) {
      out.push(path)
    }
    if (out.length > ROLLUP_LIMITS.maxFiles) throw new FileError(`文件过多（超过 ${ROLLUP_LIMITS.maxFiles} 个），请分批汇总`)
  }
  return out
}

const ZIP_CORRUPT = (name: string) => `压缩包已损坏或不完整，无法解压：${name}`
const ZIP_BOMB = (name: string) => `压缩包解压后过大，可能已损坏或是恶意文件：${name}`

/** An entry's name: UTF-8 when the zip says so (or it is valid UTF-8), else GBK as Chinese Windows writes it. */
function entryName(entry: yauzl.Entry): string {
  const unicodePath = entry.extraFields.some((f) => f.id === 0x7075)
  if (entry.generalPurposeBitFlag & 0x800 || unicodePath) return entry.fileName
  const raw = entry.fileNameRaw
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return new TextDecoder('gb18030').decode(raw)
  }
}

function openZip(path: string, shown: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false }, (error, zip) =>
      error || !zip ? reject(new FileError(ZIP_CORRUPT(shown))) : resolve(zip)
    )
  })
}

/** Reads the directory, checking it before anything is unpacked. */
function readEntries(zip: yauzl.ZipFile, shown: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    let total = 0
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      total += entry.uncompressedSize
      if (entries.length > ROLLUP_LIMITS.maxZipEntries) return reject(new FileError(`压缩包中的文件过多（超过 ${ROLLUP_LIMITS.maxZipEntries} 个），请分批汇总：${shown}`))
      if (total > ROLLUP_LIMITS.maxZipBytes) return reject(new FileError(ZIP_BOMB(shown)))
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', () => reject(new FileError(ZIP_CORRUPT(shown))))
    zip.readEntry()
  })
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream))))
}

async function unpackZip(path: string, shown: string, folder: string): Promise<{ files: RollupFile[]; skipped: SkippedFile[] }> {
  const info = await lstat(path).catch((error: unknown) => {
    throw describeFsError(error, shown)
  })
  if (info.size === 0) return { files: [], skipped: [{ file: shown, reason: '压缩包是空的' }] }
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(path, shown)
  } catch (error) {
    return { files: [], skipped: [{ file: shown, reason: (error as Error).message }] }
  }
  const files: RollupFile[] = []
  const skipped: SkippedFile[] = []
  try {
    const entries = await readEntries(zip, shown)
    const named = entries
      .map((entry, index) => ({ entry, index, name: entryName(entry).replace(/\\/g, '/') }))
      .filter(({ name }) => !name.endsWith('/') && !name.split('/').some(isSystemFile))
      .sort((a, b) => byName(a.name, b.name))
    await mkdir(folder, { recursive: true })
    for (const { entry, index, name } of named) {
      const file = `${shown}/${name}`
      const extension = extname(name).toLowerCase()
      if (extension === '.zip') {
        skipped.push({ file, reason: '压缩包中的压缩包未解压，请先解压后再汇总' })
        continue
      }
      if (extension !== '' && !REPORT_EXTENSIONS.has(extension)) {
        skipped.push({ file, reason: `不是年度报告文件（${extension} 文件），未读取` })
        continue
      }
      if (entry.isEncrypted()) {
        skipped.push({ file, reason: '压缩包中的这个文件有密码保护，无法读取' })
        continue
      }
      if (entry.uncompressedSize > ROLLUP_LIMITS.maxFileBytes) {
        skipped.push({ file, reason: `文件过大（${formatBytes(entry.uncompressedSize)}），超过上限 ${formatBytes(ROLLUP_LIMITS.maxFileBytes)}` })
        continue
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
      if (entry.uncompressedSize > ROLLUP_LIMITS.zipRatioFloorBytes && ratio > ROLLUP_LIMITS.maxZipRatio) {
        skipped.push({ file, reason: '压缩比异常，可能是恶意文件，未解压' })
        continue
      }
      // Written under its number: an entry's own path (../../x) never decides where it goes.
      const target = join(folder, `${index}${extension}`)
      try {
        await pipeline(await entryStream(zip, entry), createWriteStream(target, { flags: 'wx' }))
        files.push({ file, path: target })
      } catch (error) {
        const tooLarge = /too many bytes|too few bytes/.test((error as Error).message)
        skipped.push({ file, reason: tooLarge ? ZIP_BOMB(shown) : `无法解压这个文件：${(error as Error).message.includes('ENOSPC') ? '磁盘空间不足' : '压缩包已损坏'}` })
      }
    }
  } catch (error) {
    if (error instanceof FileError) return { files, skipped: [...skipped, { file: shown, reason: error.message }] }
    throw error
  } finally {
    zip.close()
  }
  return { files, skipped }
}
