/**
 * The summary workbook opened and read back: every sheet, every figure as a number (blanks empty,
 * never 0), labels in official order, sum rows, incomplete sums marked, frozen headers, widths.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellsOf, LABEL_SEPARATOR } from '@core/report/cells'
import { quantity } from '@core/report/quantities'
import type { Report } from '@core/report/report'
import { TABLES } from '@core/report/tables'
import {
  allFindings,
  assembleRollup,
  summarizeReport,
  SUMMARY_FIGURES,
  UnitMatcher,
  type RollupResult,
  type RollupUnit
} from '@core/rollup/index'
import { writeWorkbook } from '../../../src/main/services/rollup/workbook'
import { consistentReport, withValues } from '../../support/reports'

const UNITS: RollupUnit[] = [
  { name: '城关镇', level: 'township', aliases: [] },
  { name: '东风乡', level: 'township', aliases: [] },
  { name: '县教育局', level: 'department', aliases: [] },
  { name: '县司法局', level: 'department', aliases: [] },
  { name: '示例县人民政府', level: 'other', aliases: [] }
]

let id = 0
function summarised(report: Report, file: string) {
  const matcher = new UnitMatcher(UNITS)
  const match = matcher.match([report.unit.name]).match
  const unit = UNITS.find((u) => u.name === match?.unit)
  return summarizeReport({
    id: id++,
    file,
    parsed: { report, missing: [], unitCheck: { settled: true, candidates: [report.unit.name], evidence: [] } },
    ...(match ? { match } : {}),
    ...(unit ? { unit } : {})
  })
}

let dir: string
let result: RollupResult
let book: ExcelJS.Workbook

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rollup-book-'))
  result = assembleRollup({
    year: 2025,
    units: UNITS,
    reports: [
      summarised(withValues(consistentReport({ unit: '城关镇人民政府' }), { 't2.fees.amount': 0.35 }), '城关镇.docx'),
      summarised(withValues(consistentReport({ unit: '东风乡人民政府' }), { 't2.fees.amount': 1.2, 't3.publication.natural': undefined, 't2.rules.issued': 2 }), '东风乡.pdf'),
      summarised(withValues(consistentReport({ unit: '东风乡' }), { 't3.new.total': 999 }), '东风乡（旧）.doc'),
      summarised(consistentReport({ unit: '示例县教育局', level: 'county' }), 'jy.txt'),
      summarised(consistentReport({ unit: '示例县人民政府', level: 'county' }), 'county.docx'),
      summarised(consistentReport({ unit: '县司法局', year: 2024, level: 'county' }), 'sf2024.docx'),
      summarised(consistentReport({ unit: '示例县档案馆', level: 'county' }), 'dag.docx')
    ],
    unreadable: [{ id: 50, file: '加密.pdf', reason: '该 PDF 已加密（需要密码才能打开），请先取消密码或导入未加密的版本' }],
    settings: { compareCells: ['t3.new.total'] }
  })
  await writeWorkbook(join(dir, 'summary.xlsx'), result)
  book = new ExcelJS.Workbook()
  await book.xlsx.readFile(join(dir, 'summary.xlsx'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A sheet's rows below its header, as values (null for empty cells). */
function body(name: string, headerRows: number): unknown[][] {
  const sheet = book.getWorksheet(name)!
  const out: unknown[][] = []
  for (let r = 2 + headerRows; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    out.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? null))
  }
  return out
}

const headerTexts = (name: string, row: number) => {
  const sheet = book.getWorksheet(name)!
  return Array.from({ length: sheet.columnCount }, (_, c) => sheet.getRow(row).getCell(c + 1).text)
}

describe('summary workbook', () => {
  it('has the sheets 汇总, one per table, 问题清单, 未报送 and 其他文件, headers frozen', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '表二', '表三', '表四', '问题清单', '未报送', '其他文件'])
    for (const sheet of book.worksheets) {
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen
      expect(view.state).toBe('frozen')
      expect(view.ySplit).toBeGreaterThanOrEqual(2)
      expect(view.xSplit).toBeGreaterThanOrEqual(1)
      expect(sheet.getColumn(1).width).toBeGreaterThan(10)
      // Printed on A4 landscape, the header rows repeated on every page.
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: `2:${view.ySplit}` })
    }
  })

  it('汇总: one row per unit with level, status, file, counts and the main figures, then the sum row', () => {
    expect(headerTexts('汇总', 2)).toEqual(['单位', '层级', '状态', '文件', '错误', '警告', '提示', ...SUMMARY_FIGURES.map((q) => quantity(q).label)])
    const rows = body('汇总', 1)
    expect(rows).toHaveLength(UNITS.length + 1)
    expect(rows.map((r) => r.slice(0, 2))).toEqual([...UNITS.map((u) => [u.name, { township: '乡镇/街道', department: '县级部门', other: '其他' }[u.level]]), ['合计（4 个单位）', null]])
    expect(rows[1]![2]).toBe('重复报送 2 份，暂用“东风乡.pdf”')
    expect(rows[3]![2]).toBe('未报送；有 2024 年度的报告')
    expect(rows[4]![2]).toBe('已报送（本级）')
    result.units.forEach((status, i) => {
      const row = rows[i]!
      expect(row[3]).toBe(status.chosen?.file ?? null)
      expect(row.slice(4, 7)).toEqual(status.chosen ? [status.counts.error, status.counts.warning, status.counts.hint] : [null, null, null])
      SUMMARY_FIGURES.forEach((id, j) => {
        const q = quantity(id)
        const cells = q.cells.map((c) => status.chosen?.values[c])
        const expected = status.chosen && cells.every((v) => v !== undefined) ? Number(cells.reduce<number>((a, b) => a + b!, 0).toFixed(6)) : null
        expect(row[7 + j]).toBe(expected)
      })
    })
  })

  it('a sheet per table: every unit’s cells in official label order, numbers as numbers, blanks empty, then the sum and blank counts', () => {
    const summed = result.units.filter((s) => s.chosen)
    for (const table of TABLES) {
      const cells = cellsOf(table.id)
      // Row labels over their columns (merged), column labels under them.
      const top = headerTexts(table.name, 2).slice(2)
      expect(top).toEqual(cells.map((c) => c.rowPath.join(LABEL_SEPARATOR)))
      expect(headerTexts(table.name, 3).slice(2)).toEqual(cells.map((c) => c.columnPath.join(LABEL_SEPARATOR)))
      const rows = body(table.name, 2)
      expect(rows).toHaveLength(summed.length + 2)
      summed.forEach((status, i) => {
        expect(rows[i]![0]).toBe(status.unit.name)
        cells.forEach((c, j) => expect(rows[i]![2 + j]).toBe(status.chosen!.values[c.id] ?? null))
      })
      const sum = rows[summed.length]!
      const blanks = rows[summed.length + 1]!
      expect(sum[0]).toBe('合计')
      cells.forEach((c, j) => {
        const total = result.totals.find((t) => t.cell === c.id)!
        expect(sum[2 + j]).toBe(total.value ?? null)
        expect(blanks[2 + j]).toBe(total.blanks)
      })
    }
  })

  it('marks an incomplete sum, and amounts keep their decimals', () => {
    const sheet = book.getWorksheet('表三')!
    const cells = cellsOf('t3')
    const column = 3 + cells.findIndex((c) => c.id === 't3.publication.natural')
    const sumRow = sheet.getRow(2 + 2 + result.units.filter((s) => s.chosen).length)
    expect((sumRow.getCell(column).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2B3')
    expect((sumRow.getCell(column - 1).fill as ExcelJS.FillPattern).fgColor?.argb).not.toBe('FFFFF2B3')
    const fees = body('表二', 2).map((r) => r[2 + cellsOf('t2').findIndex((c) => c.id === 't2.fees.amount')])
    expect(fees.slice(0, 2)).toEqual([0.35, 1.2])
    expect(fees).toContain(1.55)
  })

  it('the county’s own report is left out of the compared cell’s sum', () => {
    const total = result.totals.find((t) => t.cell === 't3.new.total')!
    expect(total.units).toBe(3)
    expect(result.comparison?.cells[0]).toMatchObject({ cell: 't3.new.total', agrees: false })
  })

  it('问题清单: every finding of the reports summed and unmatched, with unit, file and place', () => {
    const rows = body('问题清单', 1)
    const expected = [
      ...result.units.filter((s) => s.chosen).flatMap((s) => allFindings(s.chosen!).map((f) => [s.unit.name, s.chosen!.file, f.rule, f.place, f.message])),
      ...result.unmatched.flatMap((r) => allFindings(r).map((f) => [`${r.names[0]}（未匹配）`, r.file, f.rule, f.place, f.message]))
    ]
    expect(rows.map((r) => [r[0], r[2], r[5], r[6], r[7]])).toEqual(expected)
    expect(rows.some((r) => r[5] === 'P6' && r[0] === '东风乡')).toBe(true)
    expect(rows.some((r) => r[5] === 'AGREE' && r[0] === '示例县人民政府')).toBe(true)
  })

  it('未报送 and 其他文件: the units without a report, and every file not summed with why', () => {
    expect(body('未报送', 1)).toEqual([['县司法局', '县级部门', '2024：sf2024.docx']])
    expect(body('其他文件', 1)).toEqual([
      ['dag.docx', '未匹配单位', '示例县档案馆', 2025, '单位名单中没有这个单位，未计入合计'],
      ['sf2024.docx', '其他年度', '县司法局', 2024, '未计入合计'],
      ['加密.pdf', '无法读取', null, null, '该 PDF 已加密（需要密码才能打开），请先取消密码或导入未加密的版本']
    ])
  })
})
