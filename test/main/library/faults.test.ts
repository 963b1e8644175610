/**
 * Interrupted writes lose nothing: a save, restore or removal killed at every single file operation,
 * a full disk, a read-only folder, a lock left by a dead process.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeReport, type Report } from '@core/report/report'
import { FileError } from '../../../src/main/services/files'
import { ReportLibrary, type LibraryOptions } from '../../../src/main/services/library'
import { consistentReport, withSection } from '../../support/reports'
import { backupFile, FaultyFs, tree, type Fault } from './faults'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'library-faults-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const UNIT = '示例县示例镇人民政府'
const version = (n: number): Report => withSection(consistentReport(), 'other', `第 ${n} 版`)
const currentPath = () => join(root, 'reports', UNIT, '2025.json')

function ticking(): () => Date {
  let t = Date.UTC(2026, 0, 20, 8, 0, 0)
  return () => new Date((t += 1000))
}

function library(fault?: Fault, options: LibraryOptions = {}): { lib: ReportLibrary; fs: FaultyFs } {
  const fs = new FaultyFs(fault)
  return { lib: new ReportLibrary(root, { fs, now: ticking(), lockWaitMs: 200, ...options }), fs }
}

/** Versions 1 and 2 saved: the current file is version 2, version 1 is a backup. */
async function twoVersions(): Promise<void> {
  const { lib } = library()
  await lib.save(version(1))
  await lib.save(version(2))
}

/** Which versions (第 n 版) can still be opened: the current file and every backup. */
async function goodVersions(lib: ReportLibrary): Promise<{ current?: string; backups: string[] }> {
  let current: string | undefined
  try {
    current = (await lib.open(UNIT, 2025)).report.sections.other
  } catch {
    current = undefined
  }
  const backups: string[] = []
  for (const b of await lib.history(UNIT, 2025).catch(() => [])) {
    const text = await readFile(await backupFile(root, UNIT, 2025, b.id), 'utf8')
    backups.push(/第 \d 版/.exec(text)?.[0] ?? '?')
  }
  return { current, backups }
}

async function fresh(): Promise<void> {
  await rm(root, { recursive: true, force: true })
  await mkdir(root)
}

/** How many file operations `op` makes on a library prepared by `prepare`. */
async function countCalls(prepare: () => Promise<void>, op: (lib: ReportLibrary) => Promise<unknown>): Promise<number> {
  await fresh()
  await prepare()
  const { lib, fs } = library()
  await op(lib)
  return fs.calls.length
}

describe('a process killed during a write', () => {
  it('save: at every step, the old version or the new one opens, and the old one is never lost', async () => {
    const steps = await countCalls(twoVersions, (lib) => lib.save(version(3)))
    expect(steps).toBeGreaterThan(15)
    for (let kill = 0; kill < steps; kill++) {
      await fresh()
      await twoVersions()
      const { lib } = library((_, i) => (i === kill ? 'kill' : undefined))
      await lib.save(version(3)).catch(() => undefined)

      // The next start of the app: a new library on the real disk.
      const next = new ReportLibrary(root, { staleTempMs: 0 })
      const { current, backups } = await goodVersions(next)
      expect(['第 2 版', '第 3 版'], `step ${kill}`).toContain(current)
      expect(backups, `step ${kill}`).toContain('第 1 版')
      if (current === '第 3 版') expect(backups, `step ${kill}`).toContain('第 2 版')
      const listed = await next.list()
      expect(listed.flatMap((u) => u.years.map((y) => y.status)), `step ${kill}`).toEqual(['ok'])

      // Stray temp files are ignored by list and open, and gone after the next save.
      await next.save(version(4))
      expect((await tree(root)).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')), `step ${kill}`).toEqual([])
      expect((await next.open(UNIT, 2025)).report.sections.other).toBe('第 4 版')
    }
  })

  it('restore: at every step, a good current version and every version stay', async () => {
    let oldest = ''
    const prepare = async () => {
      await twoVersions()
      oldest = (await new ReportLibrary(root).history(UNIT, 2025))[0]!.id
    }
    const steps = await countCalls(prepare, (lib) => lib.restore(UNIT, 2025, oldest))
    for (let kill = 0; kill < steps; kill++) {
      await fresh()
      await prepare()
      const { lib } = library((_, i) => (i === kill ? 'kill' : undefined))
      // Killed after the new version was in place, the operation may even report success.
      await lib.restore(UNIT, 2025, oldest).catch(() => undefined)
      const { current, backups } = await goodVersions(new ReportLibrary(root))
      expect(['第 1 版', '第 2 版'], `step ${kill}`).toContain(current)
      expect([current, ...backups], `step ${kill}`).toEqual(expect.arrayContaining(['第 1 版', '第 2 版']))
    }
  })

  it('remove: at every step, the report is either in place or in the recycle folder, and can be brought back', async () => {
    const steps = await countCalls(twoVersions, (lib) => lib.remove(UNIT, 2025))
    for (let kill = 0; kill < steps; kill++) {
      await fresh()
      await twoVersions()
      const { lib } = library((_, i) => (i === kill ? 'kill' : undefined))
      await lib.remove(UNIT, 2025).catch(() => undefined)
      const next = new ReportLibrary(root)
      const inPlace = (await next.list()).length === 1
      if (!inPlace) {
        const [removed] = await next.listRemoved()
        expect(removed, `step ${kill}`).toBeDefined()
        await next.restoreRemoved(removed!.id)
      }
      expect((await next.open(UNIT, 2025)).report.sections.other, `step ${kill}`).toBe('第 2 版')
    }
  })
})

describe('a full disk', () => {
  it('says so in Chinese and keeps the old version, whichever write fails', async () => {
    await twoVersions()
    const before = await readFile(currentPath(), 'utf8')
    // The first write is the backup of version 2; the second is version 3 itself.
    for (const failing of [1, 2]) {
      let writes = 0
      const { lib } = library((call) => (call.op === 'write' && ++writes === failing ? 'ENOSPC' : undefined))
      const error = await lib.save(version(3)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(FileError)
      expect((error as Error).message).toMatch(/^磁盘空间不足，无法写入：/)
      expect(await readFile(currentPath(), 'utf8')).toBe(before)
      expect((await tree(root)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    }
    const { backups } = await goodVersions(new ReportLibrary(root))
    expect(backups).toContain('第 1 版')
  })
})

describe('a read-only folder', () => {
  it.each([
    ['EROFS', /^磁盘或文件夹是只读的，无法写入：/],
    ['EACCES', /^没有权限访问：/]
  ])('%s: says so in Chinese, changes nothing, and still opens and lists', async (code, message) => {
    await twoVersions()
    const before = await tree(root)
    const readOnly = new Set(['open', 'mkdir', 'rename', 'rm'])
    const { lib } = library((call) => (readOnly.has(call.op) ? code : undefined))
    await expect(lib.save(version(3))).rejects.toThrow(message)
    await expect(lib.remove(UNIT, 2025)).rejects.toThrow(message)
    const [backup] = await lib.history(UNIT, 2025)
    await expect(lib.restore(UNIT, 2025, backup!.id)).rejects.toThrow(message)
    expect(await tree(root)).toEqual(before)
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 2 版')
    expect((await lib.list())[0]!.years[0]!.status).toBe('ok')
  })
})

describe('stray temp files and locks', () => {
  it('ignores a young temp file (maybe another window saving) and removes an old one on list', async () => {
    await twoVersions()
    const temp = join(root, 'reports', UNIT, '.2025.json.0123456789ab.tmp')
    await writeFile(temp, '{"half": ')
    const lib = new ReportLibrary(root)
    expect((await lib.list())[0]!.years.map((y) => y.status)).toEqual(['ok'])
    expect(await readdir(join(root, 'reports', UNIT))).toContain('.2025.json.0123456789ab.tmp')
    const old = new Date(Date.now() - 3_600_000)
    await utimes(temp, old, old)
    await lib.list()
    expect(await readdir(join(root, 'reports', UNIT))).toEqual(['2025.json'])
  })

  it('waits for a lock held by a live writer and gives up in Chinese, losing nothing', async () => {
    await twoVersions()
    // Held by a live process other than this one: the parent of the test runner.
    await writeFile(join(root, 'locks', `${UNIT}@2025.lock`), JSON.stringify({ pid: process.ppid }))
    const { lib } = library()
    await expect(lib.save(version(3))).rejects.toThrow(`该报告正由另一个窗口或程序保存，请稍后重试：${currentPath()}`)
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 2 版')
  })

  it('breaks a lock left by a dead process: an old one, or one whose process is gone', async () => {
    await twoVersions()
    const lock = join(root, 'locks', `${UNIT}@2025.lock`)
    await writeFile(lock, '{}')
    const old = new Date(Date.now() - 3_600_000)
    await utimes(lock, old, old)
    const { lib } = library()
    await lib.save(version(3))
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 3 版')
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 12345 }))
    await lib.save(version(4))
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 4 版')
  })

  it('serialises saves of the same report within one process', async () => {
    const { lib } = library()
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => lib.save(version(n))))
    const { current, backups } = await goodVersions(lib)
    expect([current, ...backups].sort()).toEqual(['第 1 版', '第 2 版', '第 3 版', '第 4 版', '第 5 版', '第 6 版'])
  })

  it('writes exactly what serializeReport gives', async () => {
    const { lib } = library()
    await lib.save(version(1))
    expect(await readFile(currentPath(), 'utf8')).toBe(serializeReport(version(1)))
  })
})
