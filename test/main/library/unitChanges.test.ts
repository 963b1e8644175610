/**
 * Renaming, merging and moving units and reports in the library, and undoing each: every year and
 * every backup follows, collisions are refused until the officer chooses, and an undo puts back
 * exactly the files there were.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { LibraryError, ReportLibrary, unitSlug, type LibraryOptions } from '../../../src/main/services/library'
import { CollisionError } from '../../../src/main/services/library/unitChanges'
import { consistentReport, withSection } from '../../support/reports'
import { tree } from './faults'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'library-units-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

function ticking(start = Date.UTC(2026, 0, 20, 8, 0, 0)): () => Date {
  let t = start
  return () => new Date((t += 1000))
}

function library(options: LibraryOptions = {}): ReportLibrary {
  return new ReportLibrary(root, { now: ticking(), ...options })
}

const OLD = '标题:某某区人民政府'
const NEW = '某某区人民政府'

const report = (unit: string, year: number, text: string, level: Report['unit']['level'] = 'county'): Report =>
  withSection(consistentReport({ unit, year, level }), 'other', text)

/** Every file of the library with its content, except locks and temp files. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await tree(root)) {
    if (file.startsWith('locks/') || file.startsWith('operations/') || file.endsWith('.tmp')) continue
    out[file] = await readFile(join(root, file), 'utf8')
  }
  return out
}

/** Two years of the unit with the prefixed name, each saved three times (two backups each). */
async function twoYears(lib: ReportLibrary, unit = OLD): Promise<void> {
  for (const year of [2023, 2024]) for (let n = 1; n <= 3; n++) await lib.save(report(unit, year, `${year} 第 ${n} 版`))
}

describe('rename a unit', () => {
  it('moves every year and every backup under the new name, rewritten, and lists one unit', async () => {
    const lib = library()
    await twoYears(lib)
    const done = await lib.renameUnit(OLD, NEW)
    expect(done).toMatchObject({ kind: 'rename', fromUnit: OLD, toUnit: NEW })
    expect(done.moves.map((m) => [m.fromYear, m.toYear, m.outcome])).toEqual([
      [2024, 2024, 'moved'],
      [2023, 2023, 'moved']
    ])
    const units = await lib.list()
    expect(units.map((u) => [u.name, u.years.map((y) => [y.year, y.status])])).toEqual([
      [
        NEW,
        [
          [2024, 'ok'],
          [2023, 'ok']
        ]
      ]
    ])
    const opened = await lib.open(NEW, 2024)
    expect(opened.report.unit.name).toBe(NEW)
    expect(opened.report.sections.other).toBe('2024 第 3 版')
    await expect(lib.open(OLD, 2024)).rejects.toMatchObject({ code: 'notFound' })

    // The history came along, reasons and all, and every version restores under the new name.
    const history = await lib.history(NEW, 2023)
    expect(history.map((b) => b.reason)).toEqual(['save', 'save'])
    const restored = await lib.restore(NEW, 2023, history[1]!.id)
    expect(restored.report).toMatchObject({ unit: { name: NEW }, year: 2023 })
    expect(restored.report.sections.other).toBe('2023 第 1 版')
    expect(await tree(join(root, 'journal')).catch(() => [])).toEqual([])
  })

  it('tidies the new name (spaces) and refuses an empty or unchanged one, or a unit that does not exist', async () => {
    const lib = library()
    await twoYears(lib)
    await expect(lib.renameUnit(OLD, '   ')).rejects.toMatchObject({ code: 'invalid', message: '新的单位名称不能为空' })
    await expect(lib.renameUnit(OLD, ` ${OLD} `)).rejects.toMatchObject({ code: 'invalid' })
    await expect(lib.renameUnit('不存在的单位', NEW)).rejects.toMatchObject({ code: 'notFound', message: '资料库中没有单位「不存在的单位」' })
    const done = await lib.renameUnit(OLD, '  某某区　人民政府 ')
    expect(done.toUnit).toBe('某某区 人民政府')
  })

  it('refuses a unit with a damaged report, naming it, and changes nothing', async () => {
    const lib = library()
    await twoYears(lib)
    await writeFile(join(root, 'reports', unitSlug(OLD), '2023.json'), 'garbage')
    const before = await snapshot()
    await expect(lib.renameUnit(OLD, NEW)).rejects.toThrow(/2023 年度报告已损坏.*不能重命名单位：请先从备份恢复或删除它/)
    expect(await snapshot()).toEqual(before)
  })

  it('is undone exactly: the same files with the same bytes', async () => {
    const lib = library()
    await twoYears(lib)
    const before = await snapshot()
    const done = await lib.renameUnit(OLD, NEW)
    expect(await lib.listOperations()).toEqual([done])
    await lib.undoOperation(done.id)
    expect(await snapshot()).toEqual(before)
    expect(await lib.listOperations()).toEqual([])
    await expect(lib.undoOperation(done.id)).rejects.toMatchObject({ code: 'operationNotFound' })
  })

  it('undo takes along the edits and autosave backups made since', async () => {
    const lib = library()
    await twoYears(lib)
    const done = await lib.renameUnit(OLD, NEW)
    await lib.save(report(NEW, 2024, '改名后的修改'))
    await lib.undoOperation()
    const back = await lib.open(OLD, 2024)
    expect(back.report.sections.other).toBe('改名后的修改')
    expect(back.report.unit.name).toBe(OLD)
    expect((await lib.history(OLD, 2024)).map((b) => b.reason)).toEqual(['save', 'save', 'save'])
    expect(await lib.list()).toHaveLength(1)
    expect(done.id).toMatch(/^\d{8}T\d{9}Z$/)
  })

  it('refuses to undo when the old place was taken meanwhile, in Chinese', async () => {
    const lib = library()
    await twoYears(lib)
    await lib.renameUnit(OLD, NEW)
    await lib.save(report(OLD, 2023, '重新导入的'))
    const before = await snapshot()
    await expect(lib.undoOperation()).rejects.toThrow(`资料库中已有「${OLD}」2023 年度报告（操作之后新建），无法撤销；请先删除或移走它`)
    expect(await snapshot()).toEqual(before)
  })
})

describe('merge two units', () => {
  it('joins the years of both under the existing unit, taking on its level', async () => {
    const lib = library()
    await lib.save(report(OLD, 2023, '旧名 2023', 'township'))
    await lib.save(report(NEW, 2024, '新名 2024', 'county'))
    const preview = await lib.previewRename(OLD, NEW)
    expect(preview).toMatchObject({ kind: 'merge', collisions: [], moves: [{ fromYear: 2023, toYear: 2023 }] })
    const done = await lib.renameUnit(OLD, NEW)
    expect(done.kind).toBe('merge')
    const [unit] = await lib.list()
    expect(unit!.name).toBe(NEW)
    expect(unit!.years.map((y) => y.year)).toEqual([2024, 2023])
    expect((await lib.open(NEW, 2023)).report.unit).toEqual({ name: NEW, level: 'county' })
  })

  it('refuses a merge where both have the same year until told which to keep, listing the years', async () => {
    const lib = library()
    await twoYears(lib)
    await lib.save(report(NEW, 2024, '新名 2024'))
    const before = await snapshot()
    const preview = await lib.previewRename(OLD, NEW)
    expect(preview.collisions.map((c) => [c.year, c.moving.unit, c.existing.unit])).toEqual([[2024, OLD, NEW]])
    const error = await lib.renameUnit(OLD, NEW).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CollisionError)
    expect((error as CollisionError).message).toBe(
      `「${NEW}」已有 2024 年度报告，与要移入的「${OLD}」的报告冲突：请选择保留哪一份（保留移入的，或保留原有的），另一份会保存为历史版本`
    )
    expect((error as CollisionError).collisions).toHaveLength(1)
    expect(await snapshot()).toEqual(before)
  })

  it('keeping the moved report: the one it replaces becomes a version in its history (合并), and undo brings both back', async () => {
    const lib = library()
    await twoYears(lib)
    await lib.save(report(NEW, 2024, '新名 2024'))
    const before = await snapshot()
    const done = await lib.renameUnit(OLD, NEW, { keep: 'moved' })
    expect(done.moves.find((m) => m.toYear === 2024)!.outcome).toBe('replaced')
    expect((await lib.open(NEW, 2024)).report.sections.other).toBe('2024 第 3 版')
    const history = await lib.history(NEW, 2024)
    const merged = history.find((b) => b.reason === 'merge')!
    expect((await lib.readVersion(NEW, 2024, merged.id)).sections.other).toBe('新名 2024')
    expect(history).toHaveLength(3)

    await lib.undoOperation(done.id)
    expect(await snapshot()).toEqual(before)
  })

  it('keeping the existing report: the moved one becomes a version in its history, and undo brings it back', async () => {
    const lib = library()
    await twoYears(lib)
    await lib.save(report(NEW, 2024, '新名 2024'))
    const before = await snapshot()
    const done = await lib.renameUnit(OLD, NEW, { keep: { 2024: 'existing' } })
    expect(done.moves.find((m) => m.toYear === 2024)!.outcome).toBe('setAside')
    expect((await lib.open(NEW, 2024)).report.sections.other).toBe('新名 2024')
    const setAside = (await lib.history(NEW, 2024)).find((b) => b.reason === 'merge')!
    const version = await lib.readVersion(NEW, 2024, setAside.id)
    expect(version).toMatchObject({ unit: { name: NEW }, year: 2024 })
    expect(version.sections.other).toBe('2024 第 3 版')
    // The officer can still make it current, as any version.
    expect((await lib.restore(NEW, 2024, setAside.id)).report.sections.other).toBe('2024 第 3 版')
    await lib.restore(NEW, 2024, (await lib.history(NEW, 2024)).find((b) => b.reason === 'restore')!.id)

    await lib.undoOperation(done.id)
    const after = await snapshot()
    // Back where it was; the restores made meanwhile stay in 新名's history.
    expect(Object.keys(after).filter((f) => f.startsWith(`reports/${unitSlug(OLD)}`))).toEqual(
      Object.keys(before).filter((f) => f.startsWith(`reports/${unitSlug(OLD)}`))
    )
    expect((await lib.open(OLD, 2024)).report.sections.other).toBe('2024 第 3 版')
    expect((await lib.open(NEW, 2024)).report.sections.other).toBe('新名 2024')
  })
})

describe('move one report', () => {
  it('to another unit and year, with its backups; undone exactly', async () => {
    const lib = library()
    await twoYears(lib)
    await lib.save(report(NEW, 2022, '新名 2022'))
    const before = await snapshot()
    const preview = await lib.previewMove(OLD, 2023, { toUnit: NEW, toYear: 2021 })
    expect(preview).toMatchObject({ kind: 'move', collisions: [], moves: [{ fromYear: 2023, toYear: 2021 }] })
    const done = await lib.moveReport(OLD, 2023, { toUnit: NEW, toYear: 2021 })
    expect(done).toMatchObject({ kind: 'move', fromUnit: OLD, toUnit: NEW, moves: [{ fromYear: 2023, toYear: 2021, outcome: 'moved' }] })
    const moved = await lib.open(NEW, 2021)
    expect(moved.report).toMatchObject({ unit: { name: NEW }, year: 2021 })
    expect(moved.report.sections.other).toBe('2023 第 3 版')
    expect(await lib.history(NEW, 2021)).toHaveLength(2)
    expect((await lib.list()).map((u) => [u.name, u.years.map((y) => y.year)])).toEqual([
      [OLD, [2024]],
      [NEW, [2022, 2021]]
    ])
    await lib.undoOperation(done.id)
    expect(await snapshot()).toEqual(before)
  })

  it('to another year of the same unit, refusing a move onto itself and a taken year without a choice', async () => {
    const lib = library()
    await twoYears(lib)
    await expect(lib.moveReport(OLD, 2023, { toUnit: OLD })).rejects.toMatchObject({ code: 'invalid' })
    await expect(lib.moveReport(OLD, 2023, { toUnit: OLD, toYear: 2024 })).rejects.toBeInstanceOf(CollisionError)
    await lib.moveReport(OLD, 2023, { toUnit: OLD, toYear: 2022 })
    expect((await lib.list())[0]!.years.map((y) => y.year)).toEqual([2024, 2022])
    await expect(lib.moveReport(OLD, 2019, { toUnit: NEW })).rejects.toBeInstanceOf(LibraryError)
  })
})

describe('recycle folder', () => {
  it('empties it, and purges only removals older than the given days', async () => {
    let now = Date.UTC(2026, 0, 1)
    const lib = new ReportLibrary(root, { now: () => new Date(now) })
    await lib.save(report(NEW, 2023, 'a'))
    await lib.save(report(NEW, 2024, 'b'))
    await lib.remove(NEW, 2023)
    now += 100 * 86_400_000
    await lib.remove(NEW, 2024)
    now += 86_400_000
    expect(await lib.purgeRemoved(90)).toBe(1)
    expect((await lib.listRemoved()).map((r) => r.year)).toEqual([2024])
    expect(await lib.emptyRecycle()).toBe(1)
    expect(await lib.listRemoved()).toEqual([])
    expect(await tree(join(root, 'recycle'))).toEqual([])
  })
})
