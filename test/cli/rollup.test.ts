/** `rollup` end to end: a county's inbox → the JSON of issue 14, the summary, the workbook. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CELLS, LABEL_SEPARATOR } from '@core/report/cells'
import { defaultSettings } from '@core/settings'
import { SettingsStore } from '../../src/main/services/settings'
import { UnitsStore } from '../../src/main/services/rollup/unitsStore'
import { parseUnitsTsv } from '@core/rollup/unitList'
import { ROLLUP_EXPECTED, writeRollupFolder } from '../support/rollupFolder'
import { runCaptured } from '../support/cli'

const cli = (...argv: string[]) => runCaptured(argv)

let dir: string
let inbox: string
let unitsFile: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-rollup-'))
  inbox = join(dir, 'inbox')
  unitsFile = join(dir, 'units.tsv')
  await writeFile(unitsFile, await writeRollupFolder(inbox))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('rollup', () => {
  it('--json prints year, reports, otherYears, unreadable, missing and totals with the labels of `cells`', async () => {
    const run = await cli('rollup', inbox, '--year', '2025', '--units', unitsFile, '--json')
    expect(run.code).toBe(0)
    const json = JSON.parse(run.out)
    expect(Object.keys(json)).toEqual(['year', 'reports', 'otherYears', 'unreadable', 'missing', 'totals'])
    expect(json.year).toBe(2025)
    for (const r of [...json.reports, ...json.otherYears]) expect(Object.keys(r)).toEqual(['file', 'unit', 'level', 'year', 'errors', 'warnings'])
    const reports = Object.fromEntries(json.reports.map((r: { file: string; unit: string }) => [r.file, r.unit]))
    for (const [unit, file] of Object.entries(ROLLUP_EXPECTED.reported)) expect(reports[file]).toBe(unit)
    for (const file of ROLLUP_EXPECTED.duplicate.files) expect(reports[file]).toBe(ROLLUP_EXPECTED.duplicate.unit)
    expect(json.reports.find((r: { file: string }) => r.file === '新化镇.docx')).toEqual({
      file: '新化镇.docx',
      unit: '新华镇',
      level: '乡镇/街道',
      year: 2025,
      errors: 0,
      warnings: expect.any(Number)
    })
    expect(json.reports.find((r: { file: string }) => r.file === '档案馆.docx')).toMatchObject({ unit: '示例县档案馆', level: null })
    expect(json.otherYears).toEqual([{ file: '县卫健委2024.pdf', unit: '县卫生健康委员会', level: '县级部门', year: 2024, errors: expect.any(Number), warnings: expect.any(Number) }])
    expect(json.unreadable.map((u: { file: string }) => u.file).sort()).toEqual([...ROLLUP_EXPECTED.unreadable].sort())
    for (const u of json.unreadable) expect(u.reason).toMatch(/[\u4e00-\u9fff]/)
    expect(json.missing).toEqual(ROLLUP_EXPECTED.missing)
    expect(json.totals).toHaveLength(CELLS.length)
    json.totals.forEach((t: Record<string, unknown>, i: number) => {
      const cell = CELLS[i]!
      expect(Object.keys(t)).toEqual(['table', 'row', 'column', 'value', 'complete'])
      expect([t.table, t.row, t.column]).toEqual([cell.tableName, cell.rowPath.join(LABEL_SEPARATOR), cell.columnPath.join(LABEL_SEPARATOR)])
    })
    expect(json.totals.find((t: { row: string; column: string }) => t.row === '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物' && t.column === '自然人').complete).toBe(false)
  })

  it('prints a summary in Chinese and writes the workbook', async () => {
    const output = join(dir, '汇总.xlsx')
    const run = await cli('rollup', inbox, '--year', '2025', '--units', unitsFile, '-o', output)
    expect(run.code).toBe(0)
    expect(run.out).toContain('2025 年度汇总：单位 10 个，已报送 7 个，未报送 3 个（重复报送 1 个）；其他年度 1 份，未匹配 1 份，无法读取 3 个。')
    expect(run.out).toContain(`未报送：${ROLLUP_EXPECTED.missing.join('、')}`)
    expect(run.out).toContain('请核对匹配：新化镇.docx（“示例县新化镇人民政府”）→ 新华镇（名称相近，请核对）')
    expect(run.out).toContain(`已写入汇总表：${output}`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(output)
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '表二', '表三', '表四', '问题清单', '未报送', '其他文件'])
    // Refuses to overwrite it without --force.
    const again = await cli('rollup', inbox, '--year', '2025', '-o', output)
    expect(again.code).toBe(2)
    expect(again.err).toMatch(/^错误：文件已存在.*--force/)
  })

  it('reads the unit list and the comparison setting from --library', async () => {
    const library = join(dir, 'library')
    await new UnitsStore(library).save(parseUnitsTsv(await readFile(unitsFile, 'utf8')))
    const settings = defaultSettings()
    await new SettingsStore(library).save({ ...settings, local: { ...settings.local, rollup: { compareCells: ['t3.new.total'] } } })
    const run = await cli('rollup', inbox, '--year', '2025', '--library', library)
    expect(run.code).toBe(0)
    expect(run.out).toContain('未报送：县卫生健康委员会、县人民政府办公室、示例县人民政府')
    expect(run.out).toContain('本级单位“示例县人民政府”未报送本年度报告，未与所属单位合计核对')
  })

  it('without a unit list, each report’s unit is its own and nothing is 未报送', async () => {
    const run = await cli('rollup', inbox, '--year', '2025', '--json')
    const json = JSON.parse(run.out)
    expect(json.missing).toEqual([])
    expect(json.reports.find((r: { file: string }) => r.file === '档案馆.docx')).toMatchObject({ unit: '示例县档案馆', level: '县级部门' })
  })

  it.each([
    [['--units', 'missing.tsv'], '找不到文件'],
    [['--year', '二〇二五'], '无效的年份'],
    [['--compare', 't9.x.y'], '未知单元格“t9.x.y”'],
    [['-o', 'summary.csv'], '汇总表应为 .xlsx 文件']
  ])('refuses %j in one Chinese line', async (args, message) => {
    const argv = ['rollup', inbox, ...(args.includes('--year') ? [] : ['--year', '2025']), ...args]
    const run = await cli(...argv)
    expect(run.code).toBe(2)
    expect(run.err).toContain(message)
    expect(run.err.split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('a unit list with a problem names its line', async () => {
    const bad = join(dir, 'bad.tsv')
    await writeFile(bad, '城关镇\t乡镇\n东风乡\t村委会\n')
    const run = await cli('rollup', inbox, '--year', '2025', '--units', bad)
    expect(run.code).toBe(2)
    expect(run.err).toBe('错误：bad.tsv：第 2 行：层级“村委会”无法识别，应为乡镇/街道、县级部门或其他\n')
  })

  it('a folder that does not exist is one line', async () => {
    const run = await cli('rollup', join(dir, 'nowhere'), '--year', '2025')
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/^错误：找不到文件：/)
  })
})
