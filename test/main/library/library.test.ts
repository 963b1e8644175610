import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeReport, type Report } from '@core/report/report'
import { DamagedReportError, LibraryError, ReportLibrary, unitSlug, type LibraryOptions } from '../../../src/main/services/library'
import { consistentReport, withSection } from '../../support/reports'
import { backupFile } from './faults'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'library-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A clock that moves on a second per call, so backup ids are distinct and ordered. */
function ticking(start = Date.UTC(2026, 0, 20, 8, 0, 0)): () => Date {
  let t = start
  return () => new Date((t += 1000))
}

function library(options: LibraryOptions = {}): ReportLibrary {
  return new ReportLibrary(root, { now: ticking(), ...options })
}

const UNIT = '示例县示例镇人民政府'
const version = (n: number, base: Report = consistentReport()): Report => withSection(base, 'other', `第 ${n} 版`)

describe('save, open and list', () => {
  it('round-trips a report and files it by unit and year', async () => {
    const lib = library()
    const report = consistentReport()
    const saved = await lib.save(report)
    expect(saved.path).toBe(join(root, 'reports', UNIT, '2025.json'))
    expect(saved.backup).toBeUndefined()
    const opened = await lib.open(UNIT, 2025)
    expect(opened.report).toEqual(report)
    expect(opened.migratedFrom).toBeUndefined()
    expect(await readFile(saved.path, 'utf8')).toBe(serializeReport(report))
  })

  it('lists units with their years, newest first, with level and update time', async () => {
    const lib = library()
    await lib.save(consistentReport({ year: 2024 }))
    await lib.save(consistentReport({ year: 2025 }))
    await lib.save(consistentReport({ unit: '某市交通运输局', year: 2025, level: 'city' }))
    const units = await lib.list()
    expect(units.map((u) => [u.name, u.level, u.years.map((y) => y.year)])).toEqual([
      ['某市交通运输局', 'city', [2025]],
      ['示例县示例镇人民政府', 'township', [2025, 2024]]
    ])
    const entry = units[1]!.years[0]!
    expect(entry.status).toBe('ok')
    expect(Date.now() - Date.parse(entry.updatedAt)).toBeLessThan(60_000)
    expect(entry.size).toBeGreaterThan(1000)
  })

  it('refuses to save a report it could not open again, writing nothing', async () => {
    const lib = library()
    const bad = { ...consistentReport(), year: 1999 }
    await expect(lib.save(bad)).rejects.toThrow('年份应在 2008–2100 之间')
    expect(await readdir(root)).toEqual([])
  })

  it('lists an empty or missing library as empty', async () => {
    expect(await new ReportLibrary(join(root, 'nothing-here')).list()).toEqual([])
  })

  it('says in Chinese that a report is not in the library', async () => {
    const error = await library().open(UNIT, 2019).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LibraryError)
    expect(error).toMatchObject({ code: 'notFound', message: `资料库中没有「${UNIT}」2019 年度报告` })
  })

  it('files unit names with characters Windows forbids, keeping the Chinese', async () => {
    const lib = library()
    const names = ['某县"数据:资源"局', '某县<数据>资源局?', '某县 数据/资源\\局|*', 'CON', '某县政府办公室. ']
    for (const unit of names) await lib.save(consistentReport({ unit }))
    const folders = await readdir(join(root, 'reports'))
    expect(folders).toHaveLength(names.length)
    for (const folder of folders) expect(folder).not.toMatch(/[<>:"/\\|?*]|[. ]$|^con$/i)
    expect(folders).toContain(unitSlug('某县"数据:资源"局'))
    expect(unitSlug('某县"数据:资源"局')).toMatch(/^某县_数据_资源_局~[0-9a-f]{8}$/)
    for (const unit of names) expect((await lib.open(unit, 2025)).report.unit.name).toBe(unit.trim())
    expect((await lib.list()).map((u) => u.name).sort()).toEqual(names.map((n) => n.trim()).sort())
  })
})

describe('backups', () => {
  it('backs up the replaced version on each save and keeps the newest five', async () => {
    const lib = library()
    for (let n = 1; n <= 8; n++) await lib.save(version(n))
    const history = await lib.history(UNIT, 2025)
    expect(history).toHaveLength(5)
    const contents = await Promise.all(
      history.map(async (b) => (await readFile(await backupFile(root, UNIT, 2025, b.id), 'utf8')).match(/第 \d 版/)?.[0])
    )
    expect(contents).toEqual(['第 7 版', '第 6 版', '第 5 版', '第 4 版', '第 3 版'])
    expect(history[0]).toMatchObject({ damaged: false })
    expect(history[0]!.id).toMatch(/^\d{8}T\d{9}Z$/)
    expect(Date.parse(history[0]!.time)).toBeGreaterThan(Date.parse(history[1]!.time))
    expect(history[0]!.size).toBeGreaterThan(1000)
  })

  it('does not back up a save that changes nothing', async () => {
    const lib = library()
    await lib.save(version(1))
    await lib.save(version(1))
    expect(await lib.history(UNIT, 2025)).toEqual([])
  })

  it('backs up at most once per interval when asked to (autosave)', async () => {
    const lib = library({ backupIntervalMs: 60_000 })
    for (let n = 1; n <= 5; n++) await lib.save(version(n))
    expect(await lib.history(UNIT, 2025)).toHaveLength(1)
    // Replacing by an import is not routine: the replaced version is always kept.
    await lib.save(version(6), { forceBackup: true })
    expect(await lib.history(UNIT, 2025)).toHaveLength(2)
    expect((await lib.history(UNIT, 2025))[0]?.size).toBeGreaterThan(0)
  })

  it('restores an older version and backs up the current one first', async () => {
    const lib = library()
    for (let n = 1; n <= 3; n++) await lib.save(version(n))
    const [v2, v1] = await lib.history(UNIT, 2025)
    const restored = await lib.restore(UNIT, 2025, v1!.id)
    expect(restored.report.sections.other).toBe('第 1 版')
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 1 版')
    const history = await lib.history(UNIT, 2025)
    expect(history.map((b) => b.id)).toEqual([restored.backup!.id, v2!.id, v1!.id])
    expect((await lib.restore(UNIT, 2025, restored.backup!.id)).report.sections.other).toBe('第 3 版')
  })

  it('refuses an unknown backup id in Chinese', async () => {
    const lib = library()
    await lib.save(version(1))
    await expect(lib.restore(UNIT, 2025, '20200101T000000000Z')).rejects.toThrow(`找不到「${UNIT}」2025 年度报告的备份 20200101T000000000Z`)
  })
})

describe('damaged files', () => {
  it('reports a damaged file by name, offers its last good backup, and restores from it', async () => {
    const lib = library()
    await lib.save(version(1))
    await lib.save(version(2))
    const path = join(root, 'reports', UNIT, '2025.json')
    await writeFile(path, '{"schemaVersion": 1, "unit": {"name": "示例')
    const [backup] = await lib.history(UNIT, 2025)

    const error = await lib.open(UNIT, 2025).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DamagedReportError)
    const damaged = error as DamagedReportError
    expect(damaged.message).toContain(`报告文件已损坏：${path}`)
    expect(damaged.message).toContain('不是有效的 JSON')
    expect(damaged.message).toContain(`备份 ${backup!.id}`)
    expect(damaged.lastGoodBackup).toEqual(backup)

    const [unit] = await lib.list()
    expect(unit!.name).toBe(UNIT)
    expect(unit!.years[0]).toMatchObject({ status: 'damaged', lastGoodBackup: backup })
    expect(unit!.years[0]!.problem).toContain('JSON')

    const restored = await lib.restore(UNIT, 2025, backup!.id)
    expect(restored.report.sections.other).toBe('第 1 版')
    expect(restored.backup).toMatchObject({ damaged: true })
    // The damaged file is kept among the backups, marked as such; it is still the officer's data.
    const files = await readdir(join(root, 'backups', UNIT, '2025'))
    expect(files).toContain(`${restored.backup!.id}.restore.damaged.json`)
    expect((await lib.list())[0]!.years[0]!.status).toBe('ok')
  })

  it('reports a file that fails validation, and one without any backup', async () => {
    const lib = library()
    await lib.save(version(1))
    const path = join(root, 'reports', UNIT, '2025.json')
    const doc = JSON.parse(await readFile(path, 'utf8')) as { values: Record<string, unknown> }
    doc.values['t3.public.natural'] = 'nine'
    await writeFile(path, JSON.stringify(doc))
    const error = (await lib.open(UNIT, 2025).catch((e: unknown) => e)) as DamagedReportError
    expect(error.message).toMatch(/^报告文件已损坏：.*年报文件内容有误.*；没有可用的备份$/)
    expect(error.lastGoodBackup).toBeUndefined()
  })

  it('takes a file whose content belongs elsewhere as damaged', async () => {
    const lib = library()
    await lib.save(version(1))
    const dir = join(root, 'reports', UNIT)
    await writeFile(join(dir, '2023.json'), await readFile(join(dir, '2025.json')))
    await expect(lib.open(UNIT, 2023)).rejects.toThrow('文件内容是 2025 年度报告，与文件名 2023.json 不符')
    expect((await lib.list())[0]!.years.map((y) => [y.year, y.status])).toEqual([
      [2025, 'ok'],
      [2023, 'damaged']
    ])
  })

  it('lets a damaged report whose unit name is lost be addressed by its folder, as list shows it', async () => {
    const lib = library()
    const unit = '某县"数据:资源"局'
    await lib.save(consistentReport({ unit }))
    const slug = unitSlug(unit)
    await writeFile(join(root, 'reports', slug, '2025.json'), 'garbage')
    const [listed] = await lib.list()
    expect(listed!.name).toBe(slug)
    await expect(lib.open(listed!.name, 2025)).rejects.toBeInstanceOf(DamagedReportError)
    const removed = await lib.remove(listed!.name, 2025)
    expect(await lib.list()).toEqual([])
    await lib.restoreRemoved(removed.id)
    expect((await lib.list()).map((u) => [u.slug, u.years[0]!.status])).toEqual([[slug, 'damaged']])
  })

  it('never restores a backup that belongs to another year (a file copied in by hand)', async () => {
    const lib = library()
    await lib.save(version(1))
    const dir = join(root, 'reports', UNIT)
    await writeFile(join(dir, '2023.json'), await readFile(join(dir, '2025.json')))
    const saved = await lib.save(consistentReport({ year: 2023 }))
    expect(saved.backup).toMatchObject({ damaged: true })
    await expect(lib.restore(UNIT, 2023, saved.backup!.id)).rejects.toThrow(
      `备份 ${saved.backup!.id} 不能用于恢复：文件内容是 2025 年度报告，与文件名 2023.json 不符`
    )
  })

  it('rotation keeps the last good backup even when newer ones are damaged', async () => {
    const lib = library({ keepBackups: 2 })
    await lib.save(version(1))
    const path = join(root, 'reports', UNIT, '2025.json')
    for (let n = 2; n <= 4; n++) {
      await lib.save(version(n))
      await writeFile(path, 'garbage')
    }
    await lib.save(version(5))
    const history = await lib.history(UNIT, 2025)
    expect(history.map((b) => b.damaged)).toEqual([true, true, false])
    const good = history[2]!
    expect((await lib.restore(UNIT, 2025, good.id)).report.sections.other).toBe('第 1 版')
  })
})

describe('schema migration', () => {
  /** A made-up version 0: the same document without `settings`. */
  const migrations = { 0: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 1, settings: { blankCells: 'blank', signature: false } }) }

  async function writeV0(): Promise<string> {
    const { settings: _settings, ...v0 } = { ...consistentReport(), schemaVersion: 0 }
    const dir = join(root, 'reports', UNIT)
    await mkdir(dir, { recursive: true })
    const path = join(dir, '2025.json')
    await writeFile(path, JSON.stringify(v0))
    return path
  }

  it('opens an older version migrated, and upgrades the file only on save, keeping the original as a backup', async () => {
    const path = await writeV0()
    const before = await readFile(path, 'utf8')
    const lib = library({ migrations })
    const opened = await lib.open(UNIT, 2025)
    expect(opened.migratedFrom).toBe(0)
    expect(opened.report.schemaVersion).toBe(1)
    expect(opened.report.settings).toEqual({ blankCells: 'blank', signature: false })
    expect((await lib.list())[0]!.years[0]).toMatchObject({ status: 'ok', migratedFrom: 0 })
    expect(await readFile(path, 'utf8')).toBe(before)

    const saved = await lib.save(opened.report)
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ schemaVersion: 1 })
    expect(await readFile(join(root, 'backups', UNIT, '2025', `${saved.backup!.id}.save.json`), 'utf8')).toBe(before)
    expect((await lib.open(UNIT, 2025)).migratedFrom).toBeUndefined()
  })

  it('without a migration for it, an old version is reported, not guessed at', async () => {
    await writeV0()
    await expect(library().open(UNIT, 2025)).rejects.toThrow(/报告文件已损坏.*无法识别的格式版本 0/)
  })

  it('a file from a newer program is reported as such', async () => {
    const lib = library()
    await lib.save(version(1))
    const path = join(root, 'reports', UNIT, '2025.json')
    await writeFile(path, JSON.stringify({ ...consistentReport(), schemaVersion: 9 }))
    await expect(lib.open(UNIT, 2025)).rejects.toThrow('请升级本程序')
  })
})

describe('add, duplicate, remove', () => {
  it('imports a report file, refusing to replace an existing one unless forced', async () => {
    const lib = library()
    const file = join(root, 'in.json')
    await writeFile(file, serializeReport(version(1)))
    const added = await lib.add(file)
    expect(added.path).toBe(join(root, 'reports', UNIT, '2025.json'))
    await writeFile(file, serializeReport(version(2)))
    await expect(lib.add(file)).rejects.toMatchObject({ code: 'exists', message: `资料库中已有「${UNIT}」2025 年度报告` })
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 1 版')
    const forced = await lib.add(file, { force: true })
    expect(forced.backup).toBeDefined()
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 2 版')
  })

  it('names the file it cannot import', async () => {
    const file = join(root, 'bad.json')
    await writeFile(file, '{}')
    await expect(library().add(file)).rejects.toThrow(`${file}：不是年报文件`)
  })

  it('duplicates a report to another year', async () => {
    const lib = library()
    await lib.save(version(1))
    const copy = await lib.duplicate(UNIT, 2025, 2026)
    expect(copy.report.year).toBe(2026)
    expect(copy.report.provenance?.source).toBe(`复制自 ${UNIT} 2025 年度报告`)
    expect((await lib.open(UNIT, 2026)).report.sections).toEqual(version(1).sections)
    await expect(lib.duplicate(UNIT, 2025, 2026)).rejects.toMatchObject({ code: 'exists' })
  })

  it('leaves the original’s reviews and import facts with it when duplicating', async () => {
    const lib = library()
    const original: Report = {
      ...version(1),
      review: { 'P1:overview': { status: 'checked', reason: '原文如此', at: '2026-01-20T08:00:00.000Z', fingerprint: '1200/1000' } },
      imported: { generation: '2021', title: `${UNIT}2025年政府信息公开工作年度报告`, unread: ['t3.new.natural'] }
    }
    await lib.save(original)
    const copy = await lib.duplicate(UNIT, 2025, 2026)
    for (const saved of [copy.report, (await lib.open(UNIT, 2026)).report]) {
      expect(saved).not.toHaveProperty('review')
      expect(saved).not.toHaveProperty('imported')
      expect(saved.values).toEqual(original.values)
      expect(saved.settings).toEqual(original.settings)
    }
    const kept = (await lib.open(UNIT, 2025)).report
    expect(kept.review).toEqual(original.review)
    expect(kept.imported).toEqual(original.imported)
  })

  it('removes a report with its backups to the recycle folder, and undoes it', async () => {
    const lib = library()
    await lib.save(version(1))
    await lib.save(version(2))
    const removed = await lib.remove(UNIT, 2025)
    expect(removed).toMatchObject({ unit: UNIT, year: 2025 })
    expect(await lib.list()).toEqual([])
    await expect(lib.open(UNIT, 2025)).rejects.toMatchObject({ code: 'notFound' })
    expect(await lib.listRemoved()).toEqual([removed])
    expect(await readdir(join(root, 'recycle', removed.id))).toEqual(['backups', 'manifest.json', 'report.json'])

    const restored = await lib.restoreRemoved(removed.id)
    expect(restored).toEqual({ unit: UNIT, year: 2025, path: join(root, 'reports', UNIT, '2025.json') })
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 2 版')
    expect(await lib.history(UNIT, 2025)).toHaveLength(1)
    expect(await lib.listRemoved()).toEqual([])
    await expect(lib.restoreRemoved(removed.id)).rejects.toMatchObject({ code: 'removedNotFound' })
  })

  it('does not let an undo replace a report saved meanwhile, unless forced (which backs it up)', async () => {
    const lib = library()
    await lib.save(version(1))
    const removed = await lib.remove(UNIT, 2025)
    await lib.save(version(2))
    await expect(lib.restoreRemoved(removed.id)).rejects.toMatchObject({ code: 'exists' })
    const restored = await lib.restoreRemoved(removed.id, { force: true })
    expect((await lib.open(UNIT, 2025)).report.sections.other).toBe('第 1 版')
    expect((await lib.restore(UNIT, 2025, restored.backup!.id)).report.sections.other).toBe('第 2 版')
  })

  it('removes a damaged report too (under the name asked for)', async () => {
    const lib = library()
    await lib.save(version(1))
    await writeFile(join(root, 'reports', UNIT, '2025.json'), 'garbage')
    const removed = await lib.remove(UNIT, 2025)
    expect(removed.unit).toBe(UNIT)
    await lib.restoreRemoved(removed.id)
    await expect(lib.open(UNIT, 2025)).rejects.toBeInstanceOf(DamagedReportError)
  })
})
