/**
 * Which of the fonts the export names are installed: the system font folders are scanned and each
 * font file's own family names read (Chinese fonts carry their Chinese and English names in the
 * OpenType `name` table; file names say little — 仿宋_GB2312 ships as FangSong_GB2312.ttf,
 * SIMFANG.TTF is 仿宋, not 仿宋_GB2312). Only the table directory and the `name` table are read,
 * never a whole file, so a folder of several hundred fonts is scanned in well under a second.
 * Node-only; never imports electron.
 */
import { open, readdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { COMMON_FONT, FONT, type FontRole } from '@core/export/gbt9704'

/** The faces to look for: what the document names, and what else the font calls itself. */
const FONT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  仿宋_GB2312: ['FangSong_GB2312'],
  方正小标宋简体: ['FZXiaoBiaoSong-B05S'],
  黑体: ['SimHei'],
  楷体_GB2312: ['KaiTi_GB2312'],
  宋体: ['SimSun'],
  仿宋: ['FangSong'],
  楷体: ['KaiTi']
}

/** The official fonts the officer is told about, with the role each plays in the document. */
export const CHECKED_ROLES: readonly { role: FontRole; use: string }[] = [
  { role: 'body', use: '正文' },
  { role: 'title', use: '标题' },
  { role: 'heading1', use: '一级标题（一、）' },
  { role: 'heading2', use: '二级标题（（一））' }
]

export interface FontStatus {
  /** The official face, as the document names it. */
  font: string
  /** What it is used for, in Chinese. */
  use: string
  installed: boolean
  /** The common face the export names instead when the officer chooses the substitutes. */
  substitute: string
  substituteInstalled: boolean
}

/** The folders fonts are installed in, per system (per-user folders included). */
export function systemFontFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir()
  switch (platform) {
    case 'win32':
      return [
        join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts'),
        ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])
      ]
    case 'darwin':
      return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library/Fonts')]
    default:
      return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.fonts'), join(home, '.local/share/fonts')]
  }
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i
/** Folders nest (Linux: /usr/share/fonts/opentype/noto/…); a bound keeps a symlink loop harmless. */
const MAX_DEPTH = 6
/** A sane `name` table is a few KB; anything far larger is not read. */
const MAX_NAME_TABLE = 1 << 20

async function* fontFiles(folder: string, depth = 0): AsyncGenerator<string> {
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return // a folder that does not exist or cannot be read holds no fonts we can use
  }
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory() && depth < MAX_DEPTH) yield* fontFiles(path, depth + 1)
    else if (FONT_FILE.test(entry.name)) yield path
  }
}

type Read = (offset: number, length: number) => Promise<Buffer>

/** Family and full names (name ids 1, 4, 16) of one sfnt font at `offset` in the file. */
async function sfntNames(read: Read, offset: number): Promise<string[]> {
  const head = await read(offset, 12)
  if (head.length < 12) return []
  const tables = head.readUInt16BE(4)
  const directory = await read(offset + 12, tables * 16)
  for (let i = 0; i + 16 <= directory.length; i += 16) {
    if (directory.toString('latin1', i, i + 4) !== 'name') continue
    const length = directory.readUInt32BE(i + 12)
    if (length > MAX_NAME_TABLE) return []
    return parseNameTable(await read(directory.readUInt32BE(i + 8), length))
  }
  return []
}

const NAME_IDS = new Set([1, 4, 16])

/** Names in Unicode (platform 0, and Windows platform 3 with encodings 0, 1, 10): UTF-16BE. */
export function parseNameTable(table: Buffer): string[] {
  if (table.length < 6) return []
  const count = table.readUInt16BE(2)
  const strings = table.readUInt16BE(4)
  const names = new Set<string>()
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12
    if (at + 12 > table.length) break
    const platform = table.readUInt16BE(at)
    const encoding = table.readUInt16BE(at + 2)
    const nameId = table.readUInt16BE(at + 6)
    const length = table.readUInt16BE(at + 8)
    const start = strings + table.readUInt16BE(at + 10)
    if (!NAME_IDS.has(nameId) || start + length > table.length) continue
    const unicode = platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))
    if (!unicode) continue
    const bytes = Buffer.from(table.subarray(start, start + length))
    names.add(bytes.swap16().toString('utf16le').trim())
  }
  return [...names].filter(Boolean)
}

/** Every name the fonts in one file call themselves (a .ttc holds several fonts). */
export async function readFontNames(path: string): Promise<string[]> {
  const handle = await open(path, 'r')
  try {
    const read: Read = async (offset, length) => {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, offset)
      return buffer.subarray(0, bytesRead)
    }
    const head = await read(0, 12)
    if (head.toString('latin1', 0, 4) !== 'ttcf') return await sfntNames(read, 0)
    const fonts = Math.min(head.readUInt32BE(8), 64)
    const offsets = await read(12, fonts * 4)
    const names: string[] = []
    for (let i = 0; i + 4 <= offsets.length; i += 4) names.push(...(await sfntNames(read, offsets.readUInt32BE(i))))
    return names
  } catch {
    return [] // a damaged font file is simply not counted
  } finally {
    await handle.close()
  }
}

const normalise = (name: string): string => name.replace(/[\s_-]/g, '').toLowerCase()

/** The faces of `wanted` that some font in `folders` calls itself by. */
export async function findInstalledFonts(wanted: readonly string[], folders: readonly string[]): Promise<Set<string>> {
  const keys = new Map<string, string>()
  for (const face of wanted) for (const alias of [face, ...(FONT_ALIASES[face] ?? [])]) keys.set(normalise(alias), face)
  const found = new Set<string>()
  for (const folder of folders) {
    for await (const file of fontFiles(folder)) {
      for (const name of await readFontNames(file)) {
        const face = keys.get(normalise(name))
        if (face) found.add(face)
      }
      if (found.size === wanted.length) return found
    }
  }
  return found
}

export interface FontChecker {
  check(): Promise<FontStatus[]>
}

/** Checks the official fonts and their substitutes in the given folders (the system's by default). */
export function createFontChecker(folders: () => readonly string[] = () => systemFontFolders()): FontChecker {
  return {
    async check() {
      const faces = [...new Set(CHECKED_ROLES.flatMap(({ role }) => [FONT[role], COMMON_FONT[role]]))]
      const installed = await findInstalledFonts(faces, folders())
      return CHECKED_ROLES.map(({ role, use }) => ({
        font: FONT[role],
        use,
        installed: installed.has(FONT[role]),
        substitute: COMMON_FONT[role],
        substituteInstalled: installed.has(COMMON_FONT[role])
      }))
    }
  }
}
