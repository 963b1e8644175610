/** The unit list kept in the library folder, and read from the .tsv or .xlsx an office keeps. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileError } from '../../../src/main/services/files'
import { readUnitListFile, UnitsStore } from '../../../src/main/services/rollup/unitsStore'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'units-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function xlsx(path: string, rows: (string | number | null)[][]): Promise<void> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('单位')
  for (const row of rows) sheet.addRow(row)
  await book.xlsx.writeFile(path)
}

describe('unit list files', () => {
  it('reads an .xlsx: the first worksheet, header skipped, aliases in later cells', async () => {
    await xlsx(join(dir, 'units.xlsx'), [
      ['单位名称', '层级', '别名'],
      ['城关镇', '乡镇', null],
      [null, null, null],
      ['县教育局', '县直部门', '县教体局', '县教育体育局']
    ])
    expect(await readUnitListFile(join(dir, 'units.xlsx'))).toEqual([
      { name: '城关镇', level: 'township', aliases: [] },
      { name: '县教育局', level: 'department', aliases: ['县教体局', '县教育体育局'] }
    ])
  })

  it('names the file and the row of a problem in an .xlsx', async () => {
    await xlsx(join(dir, 'units.xlsx'), [['城关镇', '乡镇'], ['县教育局', '']])
    await expect(readUnitListFile(join(dir, 'units.xlsx'))).rejects.toThrow(new FileError('units.xlsx：第 2 行：缺少层级（乡镇/街道、县级部门或其他）'))
  })

  it('reads a TSV saved by Excel as UTF-16 or by Notepad as GBK', async () => {
    const text = '城关镇\t乡镇/街道\r\n县教育局\t县级部门\r\n'
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    await writeFile(join(dir, 'units.txt'), utf16)
    expect((await readUnitListFile(join(dir, 'units.txt'))).map((u) => u.name)).toEqual(['城关镇', '县教育局'])
  })

  it('refuses an old .xls and a damaged .xlsx with what to do', async () => {
    await writeFile(join(dir, 'units.xls'), 'x')
    await expect(readUnitListFile(join(dir, 'units.xls'))).rejects.toThrow('请在 Excel/WPS 中另存为 .xlsx')
    await writeFile(join(dir, 'units.xlsx'), 'not a zip')
    await expect(readUnitListFile(join(dir, 'units.xlsx'))).rejects.toThrow('不是有效的 Excel 文件（.xlsx），可能已损坏：units.xlsx')
  })
})

describe('UnitsStore', () => {
  it('is empty without a file, writes units.json atomically, imports a list all or nothing', async () => {
    const store = new UnitsStore(join(dir, 'library'))
    expect(await store.load()).toEqual([])
    const saved = await store.save([{ name: ' 城关镇 ', level: 'township', aliases: ['城关镇政府'] }])
    expect(saved).toEqual([{ name: '城关镇', level: 'township', aliases: ['城关镇政府'] }])
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ kind: 'nianbao-units', version: 1 })
    await writeFile(join(dir, 'bad.tsv'), '东风乡\t乡镇\n东风乡人民政府\t乡镇\n')
    await expect(store.importFile(join(dir, 'bad.tsv'))).rejects.toThrow('bad.tsv：第 2 行：“东风乡人民政府”与第 1 行“东风乡”是同一个名称，无法区分')
    expect(await store.load()).toEqual(saved)
    expect((await readdir(join(dir, 'library'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('says so when the file is damaged, and leaves it', async () => {
    const store = new UnitsStore(dir)
    await writeFile(store.path, '{"kind":"nianbao-units"')
    await expect(store.load()).rejects.toThrow('不是有效的 JSON 文件')
    expect(await readFile(store.path, 'utf8')).toBe('{"kind":"nianbao-units"')
  })
})
