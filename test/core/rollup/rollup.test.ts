/**
 * The roll-up of a year: statuses (reported, duplicate, 未报送), other years and unmatched reports
 * apart, sums with blanks marked incomplete, outliers against last year, the county's own report
 * against its units (a setting), the level a unit has in the list judging its report.
 */
import { describe, expect, it } from 'vitest'
import { CELLS, type CellId } from '@core/report/cells'
import type { Report } from '@core/report/report'
import {
  assembleRollup,
  rollupJson,
  summarizeReport,
  UnitMatcher,
  type ImportedReport,
  type RollupReport,
  type RollupUnit
} from '@core/rollup/index'
import { consistentReport, consistentValues, previousReport, withValues } from '../../support/reports'

const UNITS: RollupUnit[] = [
  { name: '城关镇', level: 'township', aliases: [] },
  { name: '东风乡', level: 'township', aliases: [] },
  { name: '县教育局', level: 'department', aliases: ['县教体局'] },
  { name: '示例县人民政府', level: 'other', aliases: [] }
]

function imported(report: Report, missing: string[] = []): ImportedReport {
  return { report, missing, unitCheck: { settled: true, candidates: [report.unit.name], evidence: [] } }
}

let nextId = 1
/** A report summarised as the service does: matched against the list, checked at the list's level. */
function summarised(report: Report, options: { file?: string; missing?: string[]; previous?: Report; units?: RollupUnit[] } = {}): RollupReport {
  const parsed = imported(report, options.missing)
  const units = options.units ?? UNITS
  const outcome = new UnitMatcher(units).match(parsed.missing.includes('单位名称') ? [] : [report.unit.name], { fileName: options.file })
  const unit = units.find((u) => u.name === outcome.match?.unit)
  const id = nextId++
  return summarizeReport({
    id,
    file: options.file ?? `${id}.docx`,
    parsed,
    ...(outcome.match ? { match: outcome.match } : {}),
    ...(outcome.ambiguous ? { ambiguous: outcome.ambiguous } : {}),
    ...(unit ? { unit } : {}),
    ...(options.previous ? { previous: options.previous } : {})
  })
}

const report = (unit: string, year = 2025): Report => consistentReport({ unit, year })
const VALUES = consistentValues()
const NEW_TOTAL: CellId = 't3.new.total'

describe('roll-up of a year', () => {
  const zhen = summarised(report('示例县城关镇人民政府'), { file: '城关镇.docx' })
  const edu = summarised(report('示例县教育局'), { file: 'jy.pdf' })
  const lastYear = summarised(report('东风乡人民政府', 2024), { file: '东风乡2024.docx' })
  const unknownYear = summarised(report('东风乡人民政府'), { file: 'dfx.txt', missing: ['报告年度'] })
  const stranger = summarised(report('示例县卫生健康局'), { file: 'wsj.html' })
  const result = assembleRollup({
    year: 2025,
    units: UNITS,
    reports: [zhen, edu, lastYear, unknownYear, stranger],
    unreadable: [{ id: 99, file: 'broken.docx', reason: 'Word 文件（.docx）已损坏或不完整，无法打开' }]
  })

  it('lists every unit with its status, and the units without a report as 未报送', () => {
    expect(result.units.map((s) => [s.unit.name, s.status, s.chosen?.file])).toEqual([
      ['城关镇', 'reported', '城关镇.docx'],
      ['东风乡', 'missing', undefined],
      ['县教育局', 'reported', 'jy.pdf'],
      ['示例县人民政府', 'missing', undefined]
    ])
    expect(result.missing).toEqual(['东风乡', '示例县人民政府'])
  })

  it('lists other years and unknown years apart, matched to their unit, never summed', () => {
    expect(result.otherYears.map((r) => [r.file, r.year, r.match?.unit])).toEqual([
      ['东风乡2024.docx', 2024, '东风乡'],
      ['dfx.txt', undefined, '东风乡']
    ])
    expect(result.units[1]!.otherYears.map((r) => r.file)).toEqual(['东风乡2024.docx', 'dfx.txt'])
  })

  it('keeps this year’s reports of no unit of the list apart, for matching by hand', () => {
    expect(result.unmatched.map((r) => r.file)).toEqual(['wsj.html'])
  })

  it('sums every cell over the units that reported', () => {
    expect(result.totals).toHaveLength(CELLS.length)
    for (const total of result.totals) {
      const v = VALUES[total.cell]
      expect(total).toEqual({ cell: total.cell, value: (v ?? 0) * 2, complete: true, blanks: 0, units: 2 })
    }
  })

  it('gives the JSON of `rollup --json`', () => {
    const json = rollupJson(result)
    expect(Object.keys(json)).toEqual(['year', 'reports', 'otherYears', 'unreadable', 'missing', 'totals'])
    expect(json.reports).toEqual([
      { file: '城关镇.docx', unit: '城关镇', level: '乡镇/街道', year: 2025, errors: 0, warnings: 0 },
      { file: 'jy.pdf', unit: '县教育局', level: '县级部门', year: 2025, errors: 0, warnings: 0 },
      { file: 'wsj.html', unit: '示例县卫生健康局', level: null, year: 2025, errors: 0, warnings: 0 }
    ])
    expect(json.otherYears.map((r) => [r.file, r.unit, r.year])).toEqual([
      ['东风乡2024.docx', '东风乡', 2024],
      ['dfx.txt', '东风乡', null]
    ])
    expect(json.unreadable).toEqual([{ file: 'broken.docx', reason: 'Word 文件（.docx）已损坏或不完整，无法打开' }])
    expect(json.missing).toEqual(['东风乡', '示例县人民政府'])
    expect(json.totals[0]).toEqual({ table: '表二', row: '规章', column: '本年制发件数', value: 0, complete: true })
    expect(json.totals.find((t) => t.table === '表三' && t.row === '一、本年新收政府信息公开申请数量' && t.column === '总计')).toEqual({
      table: '表三',
      row: '一、本年新收政府信息公开申请数量',
      column: '总计',
      value: VALUES[NEW_TOTAL]! * 2,
      complete: true
    })
  })
})

describe('sums with blanks', () => {
  it('a cell blank in one unit is summed over the others and marked incomplete; blank everywhere stays blank', () => {
    const a = summarised(withValues(report('城关镇'), { 't2.fees.amount': 0.35, 't2.license.decisions': undefined, 't2.penalty.decisions': undefined }))
    const b = summarised(withValues(report('东风乡'), { 't2.fees.amount': 1.2, 't2.penalty.decisions': undefined }))
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [a, b], unreadable: [] })
    const total = (cell: CellId) => result.totals.find((t) => t.cell === cell)
    expect(total('t2.fees.amount')).toEqual({ cell: 't2.fees.amount', value: 1.55, complete: true, blanks: 0, units: 2 })
    expect(total('t2.license.decisions')).toEqual({ cell: 't2.license.decisions', value: VALUES['t2.license.decisions'], complete: false, blanks: 1, units: 2 })
    expect(total('t2.penalty.decisions')).toEqual({ cell: 't2.penalty.decisions', complete: false, blanks: 2, units: 2 })
    expect(rollupJson(result).totals.find((t) => t.row === '行政处罚')).toEqual({
      table: '表二',
      row: '行政处罚',
      column: '本年处理决定数量',
      value: null,
      complete: false
    })
  })

  it('with no report at all, no total is complete', () => {
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [], unreadable: [] })
    expect(result.totals.every((t) => !t.complete && t.value === undefined && t.units === 0)).toBe(true)
    expect(result.missing).toEqual(UNITS.map((u) => u.name))
  })
})

describe('duplicates', () => {
  const clean = summarised(report('城关镇'), { file: 'a/城关镇.docx' })
  const broken = summarised(withValues(report('城关镇人民政府'), { [NEW_TOTAL]: 999 }), { file: 'b/城关镇.pdf' })

  it('two files of one unit and year: both listed, the one without errors summed until the officer chooses', () => {
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [broken, clean], unreadable: [] })
    const status = result.units[0]!
    expect(status.status).toBe('duplicate')
    expect(status.reports.map((r) => r.file)).toEqual(['b/城关镇.pdf', 'a/城关镇.docx'])
    expect(status.chosen?.file).toBe('a/城关镇.docx')
    expect(status.chosenBy).toBe('auto')
    expect(result.totals.find((t) => t.cell === NEW_TOTAL)?.value).toBe(VALUES[NEW_TOTAL])
    expect(rollupJson(result).reports.map((r) => [r.file, r.errors > 0])).toEqual([
      ['a/城关镇.docx', false],
      ['b/城关镇.pdf', true]
    ])
  })

  it('the officer’s choice is summed', () => {
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [broken, clean], unreadable: [], choices: { chosen: { 城关镇: broken.id } } })
    expect(result.units[0]!.chosen?.file).toBe('b/城关镇.pdf')
    expect(result.units[0]!.chosenBy).toBe('officer')
    expect(result.totals.find((t) => t.cell === NEW_TOTAL)?.value).toBe(999)
  })
})

describe('checks of each report and across units', () => {
  it('a township’s 规章 is flagged (P6) because the list says township, whatever the report’s name suggests', () => {
    const withRules = withValues(report('示例市城市管理委员会'), { 't2.rules.issued': 2 })
    const units: RollupUnit[] = [{ name: '示例市城市管理委员会', level: 'township', aliases: [] }]
    const asTownship = summarised({ ...withRules, unit: { ...withRules.unit, level: 'city' } }, { units })
    expect(asTownship.findings.map((f) => f.rule)).toContain('P6')
    expect(asTownship.findings.find((f) => f.rule === 'P6')).toMatchObject({
      name: '规章件数',
      severity: 'warning',
      place: '表二「规章」「本年制发件数」'
    })
    const asOther = summarised({ ...withRules, unit: { ...withRules.unit, level: 'city' } }, { units: [{ ...units[0]!, level: 'other' }] })
    expect(asOther.findings.map((f) => f.rule)).not.toContain('P6')
  })

  it('last year’s report from the library brings the cross-year checks (上年结转)', () => {
    const thisYear = withValues(report('城关镇'), { 't3.carried.natural': 5, 't3.carried.total': 6 })
    const withPrevious = summarised(thisYear, { previous: previousReport(report('城关镇')) })
    expect(withPrevious.findings.map((f) => f.rule)).toContain('X1')
    expect(withPrevious.previous?.year).toBe(2024)
    expect(summarised(thisYear).findings.map((f) => f.rule)).not.toContain('X1')
  })

  it('a report of another year than the library’s last year is not compared with it', () => {
    const r = summarised(report('城关镇'), { previous: previousReport(report('城关镇', 2020)) })
    expect(r.previous).toBeUndefined()
  })

  it('figures far from the unit’s previous year are outliers; ordinary changes are not', () => {
    const previous = previousReport(report('城关镇'))
    const jumped = withValues(report('城关镇'), { 't2.license.decisions': 2000, 't2.penalty.decisions': 60 })
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [summarised(jumped, { previous })], unreadable: [] })
    const outliers = result.units[0]!.findings.filter((f) => f.rule === 'OUTLIER')
    expect(outliers.map((f) => f.place)).toEqual(['表二「行政许可」「本年处理决定数量」'])
    expect(outliers[0]!.message).toBe('表二「行政许可」「本年处理决定数量」本年为 2000，2024 年为 156，约为上年的 12.8 倍，与上年相差悬殊，请核实')
    // Counted with the report's own warnings (the narrative's figures no longer agree with 行政许可: P5).
    const own = result.units[0]!.chosen!.findings.filter((f) => f.severity === 'warning').length
    expect(result.units[0]!.counts.warning).toBe(own + 1)
  })

  it('last year’s file in the same set is used when the library has none', () => {
    const before = summarised(withValues(report('东风乡', 2024), { 't2.penalty.decisions': 0 }))
    const now = summarised(withValues(report('东风乡'), { 't2.penalty.decisions': 48 }))
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [before, now], unreadable: [] })
    expect(result.units[1]!.findings.filter((f) => f.rule === 'OUTLIER').map((f) => f.message)).toEqual([
      '表二「行政处罚」「本年处理决定数量」本年为 48，2024 年为 0，与上年相差悬殊，请核实'
    ])
  })
})

describe('the county’s own report against the sum of its units (a setting, off by default)', () => {
  const zhen = summarised(report('城关镇'))
  const dong = summarised(report('东风乡'))
  const county = summarised(withValues(report('示例县人民政府'), { [NEW_TOTAL]: VALUES[NEW_TOTAL]! * 2 + 1, 't2.license.decisions': VALUES['t2.license.decisions']! * 2 }))

  it('is not made without cells to compare', () => {
    const result = assembleRollup({ year: 2025, units: UNITS, reports: [zhen, dong, county], unreadable: [] })
    expect(result.comparison).toBeUndefined()
    expect(result.units.some((s) => s.own)).toBe(false)
    // The county's report is then a unit like the others.
    expect(result.totals.find((t) => t.cell === NEW_TOTAL)?.value).toBe(VALUES[NEW_TOTAL]! * 4 + 1)
  })

  it('compares the cells named, finds the county by its name, and leaves it out of those cells’ totals', () => {
    const result = assembleRollup({
      year: 2025,
      units: UNITS,
      reports: [zhen, dong, county],
      unreadable: [],
      settings: { compareCells: [NEW_TOTAL, 't2.license.decisions'] }
    })
    expect(result.comparison).toEqual({
      unit: '示例县人民政府',
      cells: [
        { cell: 't2.license.decisions', own: VALUES['t2.license.decisions']! * 2, sum: VALUES['t2.license.decisions']! * 2, complete: true, agrees: true },
        { cell: NEW_TOTAL, own: VALUES[NEW_TOTAL]! * 2 + 1, sum: VALUES[NEW_TOTAL]! * 2, complete: true, agrees: false }
      ]
    })
    const own = result.units.find((s) => s.own)!
    expect(own.unit.name).toBe('示例县人民政府')
    expect(own.findings.filter((f) => f.rule === 'AGREE').map((f) => f.message)).toEqual([
      `本级报告表三「一、本年新收政府信息公开申请数量」「总计」为 ${VALUES[NEW_TOTAL]! * 2 + 1}，所属单位合计为 ${VALUES[NEW_TOTAL]! * 2}，按设置两者应一致，请核实`
    ])
    expect(result.totals.find((t) => t.cell === NEW_TOTAL)?.value).toBe(VALUES[NEW_TOTAL]! * 2)
    // Cells not compared: the county's own figures are a unit's like any other.
    expect(result.totals.find((t) => t.cell === 't2.penalty.decisions')?.value).toBe(VALUES['t2.penalty.decisions']! * 3)
  })

  it('says why when the county’s own unit cannot be told or has not reported', () => {
    const two = [...UNITS, { name: '示例区人民政府', level: 'other' as const, aliases: [] }]
    expect(assembleRollup({ year: 2025, units: two, reports: [zhen], unreadable: [], settings: { compareCells: [NEW_TOTAL] } }).comparisonProblem).toBe(
      '单位名单中有 2 个可能的本级单位（示例县人民政府、示例区人民政府），请在设置中指定，未与所属单位合计核对'
    )
    expect(assembleRollup({ year: 2025, units: UNITS, reports: [zhen], unreadable: [], settings: { compareCells: [NEW_TOTAL] } }).comparisonProblem).toBe(
      '本级单位“示例县人民政府”未报送本年度报告，未与所属单位合计核对'
    )
    expect(
      assembleRollup({ year: 2025, units: UNITS, reports: [zhen], unreadable: [], settings: { compareCells: [NEW_TOTAL], ownUnit: '某县政府' } })
        .comparisonProblem
    ).toBe('设置中的本级单位“某县政府”不在单位名单中，未与所属单位合计核对')
  })
})

describe('without a unit list', () => {
  it('each report’s unit is its own; the same unit written two ways is one unit with two files', () => {
    const a = summarised(report('示例县城关镇人民政府'), { units: [] })
    const b = summarised(report('城关镇'), { units: [] })
    const c = summarised(report('示例县教育局'), { units: [] })
    const old = summarised(report('城关镇', 2024), { units: [] })
    const other = summarised(report('示例县文旅局', 2024), { units: [] })
    const result = assembleRollup({ year: 2025, reports: [a, b, c, old, other], unreadable: [] })
    expect(result.listed).toBe(false)
    expect(result.units.map((s) => [s.unit.name, s.unit.level, s.status, s.reports.length])).toEqual([
      ['示例县城关镇人民政府', 'township', 'duplicate', 2],
      ['示例县教育局', 'department', 'reported', 1]
    ])
    expect(result.missing).toEqual([])
    expect(result.otherYears.map((r) => r.match?.unit)).toEqual(['示例县城关镇人民政府', undefined])
  })
})
