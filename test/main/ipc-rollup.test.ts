/**
 * The `rollup:*` routes as the renderer calls them: the unit list (saved, imported from a .tsv,
 * refused when two units cannot be told apart), a folder chosen in the (fake) dialog rolled up by
 * the worker pool with its status, a report matched by hand (its name remembered as an alias), one
 * of two files chosen, a report opened read-only, dropped files, the workbook exported; no path of
 * this computer in any answer.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseUnitsTsv } from '@core/rollup/unitList'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'
import { ROLLUP_EXPECTED, writeRollupFolder } from '../support/rollupFolder'

let main: TestMain
let dir: string
let inbox: string
let tsv: string

beforeAll(async () => {
  main = await createTestMain()
  dir = await mkdtemp(join(tmpdir(), 'ipc-rollup-'))
  inbox = join(dir, 'inbox')
  tsv = join(dir, '单位名单.tsv')
  await writeFile(tsv, await writeRollupFolder(inbox))
})
afterAll(async () => {
  await main.dispose()
  await rm(dir, { recursive: true, force: true })
})

describe('rollup routes', () => {
  it('the unit list: empty at first, imported from a .tsv chosen in the dialog, a list with two same names refused', async () => {
    expect(await ok(main.api.rollup.units())).toEqual({ units: [] })
    main.dialogs.answerNext('unitList', tsv)
    const imported = await ok(main.api.rollup.importUnits())
    expect(imported).toEqual(parseUnitsTsv(await readFile(tsv, 'utf8')))
    expect((await ok(main.api.rollup.units())).units).toEqual(imported)
    const error = await refused(main.api.rollup.saveUnits({ units: [...imported!, { name: '城关镇人民政府', level: 'township', aliases: [] }] }))
    expect(error.message).toContain('“城关镇人民政府”与第 1 个单位“城关镇”是同一个名称，无法区分')
    main.dialogs.answerNext('unitList', null)
    expect(await ok(main.api.rollup.importUnits())).toBeNull()
  })

  it('rolls up the folder the dialog chose, in the worker pool; status while it runs', async () => {
    expect(await ok(main.api.rollup.view({}))).toBeNull()
    main.dialogs.answerNext('rollupFolder', inbox)
    const seen: number[] = []
    const pending = ok(main.api.rollup.start({ source: 'folder', year: 2025 }))
    const poll = setInterval(() => void ok(main.api.rollup.status()).then((s) => s.running && seen.push(s.done)), 20)
    const view = (await pending)!
    clearInterval(poll)
    expect(seen.length).toBeGreaterThan(0)
    expect(await ok(main.api.rollup.status())).toEqual({ running: false, done: 0, total: 0 })
    expect(view.source).toBe('inbox')
    expect(view.year).toBe(2025)
    expect(view.years[0]).toBe(2025)
    expect(view.missing).toEqual(ROLLUP_EXPECTED.missing)
    expect(view.unmatched.map((r) => r.file)).toEqual(ROLLUP_EXPECTED.unmatched)
    expect(view.unreadable.map((u) => u.file).sort()).toEqual([...ROLLUP_EXPECTED.unreadable].sort())
    const zhen = view.units.find((u) => u.unit.name === '城关镇')!
    expect(zhen).toMatchObject({ status: 'reported', statusText: '已报送', own: false })
    expect(zhen.reports[0]).toMatchObject({ file: '城关镇/年报.docx', year: 2025, filled: 200, figures: { new: expect.any(Number), fees: 0 } })
    // No path of this computer reaches the page.
    expect(JSON.stringify(view)).not.toContain(dir)
    expect(JSON.stringify(view)).not.toContain(tmpdir())
  })

  it('matches an unmatched report by hand and remembers its name as an alias', async () => {
    const before = (await ok(main.api.rollup.view({})))!
    const archive = before.unmatched[0]!
    const view = await ok(main.api.rollup.match({ report: archive.id, unit: '县人民政府办公室', remember: true }))
    expect(view.unmatched).toEqual([])
    const office = view.units.find((u) => u.unit.name === '县人民政府办公室')!
    expect(office.status).toBe('reported')
    expect(office.reports[0]!.match).toEqual({ unit: '县人民政府办公室', method: 'hand', via: '示例县档案馆' })
    expect(view.missing).not.toContain('县人民政府办公室')
    expect((await ok(main.api.rollup.units())).units.find((u) => u.name === '县人民政府办公室')?.aliases).toEqual(['示例县档案馆'])
    expect((await refused(main.api.rollup.match({ report: archive.id, unit: '不存在的单位' }))).message).toBe('单位名单中没有“不存在的单位”')
  })

  it('shows a unit’s two files side by side and sums the one chosen', async () => {
    const view = (await ok(main.api.rollup.view({})))!
    const twice = view.units.find((u) => u.status === 'duplicate')!
    expect(twice.reports.map((r) => r.file)).toEqual(ROLLUP_EXPECTED.duplicate.files)
    const other = twice.reports.find((r) => r.id !== twice.chosen)!
    const chosen = await ok(main.api.rollup.choose({ unit: twice.unit.name, report: other.id }))
    const after = chosen.units.find((u) => u.unit.name === twice.unit.name)!
    expect(after).toMatchObject({ chosen: other.id, chosenBy: 'officer' })
    expect(after.statusText).toBe(`重复报送 2 份，已选用“${other.file}”`)
    expect((await refused(main.api.rollup.choose({ unit: '城关镇', report: other.id }))).message).toBe('这份报告不属于该单位，请重新选择')
  })

  it('opens a report read-only with every finding on it', async () => {
    const view = (await ok(main.api.rollup.view({})))!
    const township = view.units.find((u) => u.unit.name === ROLLUP_EXPECTED.regulation.unit)!
    const detail = await ok(main.api.rollup.report({ report: township.chosen! }))
    expect(detail.report.unit.name).toBe('示例县新化镇人民政府')
    expect(Object.keys(detail.report.values)).toHaveLength(200)
    expect(detail.findings.map((f) => f.rule)).toContain('P6')
    expect(detail.findings.find((f) => f.rule === 'P6')).toMatchObject({ name: '规章件数', place: '表二「规章」「本年制发件数」' })
    expect(detail.brief.match).toMatchObject({ unit: '新华镇', method: 'similar' })
  })

  it('another year of the same reports, without reading them again', async () => {
    const view = (await ok(main.api.rollup.view({ year: 2024 })))!
    expect(view.year).toBe(2024)
    expect(view.units.find((u) => u.unit.name === '县卫生健康委员会')?.status).toBe('reported')
    expect((await ok(main.api.rollup.view({ year: 2025 })))!.year).toBe(2025)
  })

  it('follows 设置: the county’s own report compared with its units when cells are named', async () => {
    const { settings } = await ok(main.api.settings.get())
    await ok(main.api.settings.save({ settings: { ...settings, local: { ...settings.local, rollup: { compareCells: ['t3.new.total'] } } } }))
    const view = (await ok(main.api.rollup.view({})))!
    expect(view.comparison).toBeUndefined()
    expect(view.comparisonProblem).toBe('本级单位“示例县人民政府”未报送本年度报告，未与所属单位合计核对')
    // The county's own report is that of 县人民政府办公室 for this test: named in 设置.
    await ok(main.api.settings.save({ settings: { ...settings, local: { ...settings.local, rollup: { compareCells: ['t3.new.total'], ownUnit: '县人民政府办公室' } } } }))
    const compared = (await ok(main.api.rollup.view({})))!
    expect(compared.comparison?.unit).toBe('县人民政府办公室')
    expect(compared.comparison?.cells.map((c) => [c.cell, c.agrees])).toEqual([['t3.new.total', false]])
    expect(compared.units.find((u) => u.unit.name === '县人民政府办公室')).toMatchObject({ own: true, statusText: '已报送（本级）' })
    await ok(main.api.settings.save({ settings }))
    expect((await ok(main.api.rollup.view({})))!.comparison).toBeUndefined()
  })

  it('exports the workbook to the path the dialog chose', async () => {
    main.dialogs.answerNext('workbook', join(main.exportDir, '汇总'))
    const exported = (await ok(main.api.rollup.exportWorkbook()))!
    expect(exported.fileName).toBe('汇总.xlsx')
    expect(main.dialogs.opened.at(-1)).toEqual({ kind: 'workbook', defaultName: '2025年度政府信息公开工作年度报告汇总.xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(main.exportDir, '汇总.xlsx'))
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '表二', '表三', '表四', '问题清单', '未报送', '其他文件'])
  })

  it('rolls up dropped files, staged in batches', async () => {
    const files = [
      { name: '年报.docx', bytes: (await readFile(join(inbox, '城关镇/年报.docx'))).toString('base64') },
      { name: '年报.docx', bytes: (await readFile(join(inbox, 'scj.docx'))).toString('base64') }
    ]
    expect(await ok(main.api.rollup.stage({ files: [files[0]!] }))).toBe(1)
    expect(await ok(main.api.rollup.stage({ files: [files[1]!] }))).toBe(2)
    const view = (await ok(main.api.rollup.start({ source: 'dropped', year: 2025 })))!
    expect(view.source).toBe('拖入的文件')
    expect(view.units.filter((u) => u.status === 'reported').map((u) => [u.unit.name, u.reports[0]!.file])).toEqual([
      ['城关镇', '年报.docx'],
      ['县市场监督管理局', '年报.docx']
    ])
    expect((await refused(main.api.rollup.start({ source: 'dropped', year: 2025 }))).message).toBe('还没有拖入任何文件')
  })

  it('refuses a dropped file name with a path in it', async () => {
    const error = await refused(main.api.rollup.stage({ files: [{ name: '../x.docx', bytes: '' }] }))
    expect(error.code).toBe('INVALID_INPUT')
  })
})
