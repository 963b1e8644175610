/**
 * The settings file beside the library: defaults when missing, written atomically, a region profile
 * imported all or nothing, exported and read back; and what the app does on start (finish an
 * interrupted operation, purge the recycle folder after the days the settings say).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, NATIONAL_PROFILE, PROFILE_KIND } from '@core/settings'
import { FileError } from '../../src/main/services/files'
import { ReportLibrary } from '../../src/main/services/library'
import { SettingsStore } from '../../src/main/services/settings'
import { tidyLibraryOnStart } from '../../src/main/services/startup'
import { consistentReport } from '../support/reports'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('SettingsStore', () => {
  it('gives the national defaults without a file, and writes only when saved', async () => {
    const store = new SettingsStore(join(dir, 'library'))
    expect(await store.load()).toEqual({ settings: defaultSettings() })
    expect(await readdir(dir)).toEqual([])
    const saved = await store.save({ ...defaultSettings(), local: { recycleRetentionDays: 30 } })
    expect(saved.local.recycleRetentionDays).toBe(30)
    expect(JSON.parse(await readFile(join(dir, 'library', 'settings.json'), 'utf8'))).toMatchObject({ kind: 'nianbao-settings', local: { recycleRetentionDays: 30 } })
    expect((await store.load()).settings).toEqual(saved)
  })

  it('refuses to save invalid settings, naming the field, and keeps the file', async () => {
    const store = new SettingsStore(dir)
    await store.save(defaultSettings())
    const before = await readFile(store.path, 'utf8')
    const bad = { ...defaultSettings(), region: { ...NATIONAL_PROFILE, overviewCharLimit: 1.5 } }
    const error = await store.save(bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toBe('设置：「总体情况字数上限」应为整数')
    expect(await readFile(store.path, 'utf8')).toBe(before)
  })

  it('imports a county profile, keeping this computer’s options; an invalid one changes nothing', async () => {
    const store = new SettingsStore(dir)
    await store.save({ ...defaultSettings(), local: { recycleRetentionDays: 7 } })
    const good = join(dir, '县.json')
    await writeFile(good, JSON.stringify({ kind: PROFILE_KIND, version: 1, name: '某县要求', overviewCharLimit: 1200 }))
    const { settings, profile } = await store.importProfile(good)
    expect(profile).toMatchObject({ name: '某县要求', overviewCharLimit: 1200, copyRatioThreshold: 0.5 })
    expect(settings.local.recycleRetentionDays).toBe(7)
    const before = await readFile(store.path, 'utf8')

    const bad = join(dir, '坏.json')
    await writeFile(bad, JSON.stringify({ kind: PROFILE_KIND, version: 1, name: '某县要求', section6Items: [{ label: '要点', patterns: [] }] }))
    await expect(store.importProfile(bad)).rejects.toThrow('坏.json：「第六部分必须说明的事项」第 1 项的「关键词」至少要有一个')
    await writeFile(bad, '{ not json')
    await expect(store.importProfile(bad)).rejects.toThrow('坏.json：不是有效的 JSON 文件')
    expect(await readFile(store.path, 'utf8')).toBe(before)
  })

  it('exports the profile as a small file that imports back the same', async () => {
    const store = new SettingsStore(dir)
    await store.save({ ...defaultSettings(), region: { ...NATIONAL_PROFILE, name: '某市', overviewFigures: [{ label: '政策解读', patterns: ['解读…{n}篇'] }] } })
    const file = join(dir, 'out.json')
    await store.exportProfile(file)
    const text = await readFile(file, 'utf8')
    expect(text.length).toBeLessThan(1000)
    const other = new SettingsStore(join(dir, 'township'))
    const { settings } = await other.importProfile(file)
    expect(settings.region).toEqual((await store.load()).settings.region)
  })

  it('reads a damaged settings file as the defaults, saying so, and leaves it until saved', async () => {
    const store = new SettingsStore(dir)
    await writeFile(store.path, '{"kind": "nianbao-settings", "version": 1, "region": {"name": "x", "deadline": {"month": 13, "day": 1}}}')
    const loaded = await store.load()
    expect(loaded.settings).toEqual(defaultSettings())
    expect(loaded.problem).toBe(`设置文件 ${store.path}：「报送截止日期」的「月份」应在 1–12 之间；已暂用国家默认设置`)
    expect(await readFile(store.path, 'utf8')).toContain('"month": 13')
  })
})

describe('on start', () => {
  it('purges removals older than the retention days and keeps younger ones', async () => {
    let now = Date.UTC(2026, 0, 1)
    const library = new ReportLibrary(dir, { now: () => new Date(now) })
    const settings = new SettingsStore(dir)
    await settings.save({ ...defaultSettings(), local: { recycleRetentionDays: 30 } })
    await library.save(consistentReport({ year: 2023 }))
    await library.save(consistentReport({ year: 2024 }))
    await library.remove(consistentReport().unit.name, 2023)
    now += 40 * 86_400_000
    await library.remove(consistentReport().unit.name, 2024)
    now += 86_400_000
    const report = await tidyLibraryOnStart(library, settings)
    expect(report).toEqual({ purged: 1, prunedOperations: 0, problems: [] })
    expect((await library.listRemoved()).map((r) => r.year)).toEqual([2024])
  })
})
