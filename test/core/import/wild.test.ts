/**
 * Reports as real sites publish them, through the real pipeline (readDocument / readPastedText →
 * recognizeReport). The fixtures under test/fixtures/wild imitate what officers bring:
 *  - cms-word-paste.gbk.html: a CMS page in GB2312 with navigation, breadcrumb, a metadata table
 *    (索引号/发布机构/生成日期/文号/名称), share and footer chrome, and the three tables pasted from
 *    Word (every run in <font>, numbers split across runs, &nbsp;, <o:p> leftovers, header labels in
 *    several <p>, 表三's 总计 header spanning an empty column the data rows split differently),
 *    表二's row printed “规范性文件”, zero cells left empty, a wrong 总计, a whole row left blank;
 *  - layout-table-site.gbk.html: the same article on an old site laid out in one big table;
 *  - browser-copy.cells.txt: the same report copied as text, every cell on its own line;
 *  - browser-copy.dashes.txt: that copy from a site that prints empty cells as “—”;
 *  - browser-copy.tabs.txt: the same page copied from Chrome, table rows as tab-separated cells;
 *  - browser-copy.run-together.txt: a copy where each 表三 row's figures run together, 表二's rows
 *    keep spaces, 表四's 15 figures stand on one line and the header rows lost their spaces;
 *  - format-2019.html: a 2020 report in the 2019 format (表二 (一)(五)(六)(八)(九), 表三 （六）其他处理
 *    undivided, 三、本年度办理结果 over 20 rows);
 *  - format-2019.utf8-declared-gb2312.html: the same page with a stale gb2312 declaration over UTF-8 bytes;
 *  - labels-broken.html / labels-broken.paste.txt: a 2021-format city report whose labels are broken
 *    by spaces and line breaks, sub-rows numbered “1、”, row titles printed one character per
 *    line, a page number row and the header repeated inside 表三, figures in the millions with
 *    thousands separators and a 收费 amount with six decimals;
 *  - stats-table-split-table4.html: that report with a statistics table of its own before 表二
 *    (rows like “行政许可信息 1,204”) and 表四 printed as two tables (行政复议; 行政诉讼).
 * Every printed figure must come back exactly as printed, blanks stay blank (and are said), nothing
 * is invented.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import type { ImportedValue, ParsedReport } from '@core/import/types'
import { CELLS, type CellId } from '@core/report/cells'
import { readDocument, readPastedText } from '../../../src/main/services/readers/index'

const fixture = (name: string) => new URL(`../../fixtures/wild/${name}`, import.meta.url)

async function importFile(name: string): Promise<ParsedReport> {
  const bytes = readFileSync(fixture(name))
  expect(bytes.length).toBeLessThan(50 * 1024)
  const read = await readDocument({ bytes, name })
  return recognizeReport(read, { source: name })
}

function importPaste(name: string): ParsedReport {
  return recognizeReport(readPastedText(readFileSync(fixture(name), 'utf8')), { source: name })
}

type Row = readonly (number | null)[]
const T3_COLUMNS = ['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total'] as const
const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const
const T4_GROUPS = ['review', 'direct', 'afterReview'] as const

/** Expected cells: null (or absent) = printed blank, must stay blank. */
function expected(t2: Record<string, number | null>, t3: Record<string, Row>, t4: Row): Map<CellId, number | undefined> {
  const out = new Map<CellId, number | undefined>()
  for (const [key, value] of Object.entries(t2)) out.set(`t2.${key}` as CellId, value ?? undefined)
  for (const [row, values] of Object.entries(t3)) T3_COLUMNS.forEach((c, i) => out.set(`t3.${row}.${c}` as CellId, values[i] ?? undefined))
  T4_GROUPS.forEach((g, gi) => T4_COLUMNS.forEach((c, ci) => out.set(`t4.${g}.${c}` as CellId, t4[gi * 5 + ci] ?? undefined)))
  return out
}

function expectValues(result: ParsedReport, want: Map<CellId, number | undefined>): void {
  const got = new Map(result.values.map((v) => [v.cell, v.value]))
  expect(CELLS.map((c) => [c.id, got.get(c.id)])).toEqual(CELLS.map((c) => [c.id, want.get(c.id)]))
  // The Report holds the same figures.
  for (const c of CELLS) expect([c.id, result.report.values[c.id]]).toEqual([c.id, want.get(c.id)])
}

const valueOf = (result: ParsedReport, cell: string): ImportedValue => result.values.find((v) => v.cell === cell)!

const B = null
/** The 2023 report of 东河县自然资源局 as its site prints it: empty zero cells, a wrong 总计 (55, parts 54). */
const EAST_T2 = {
  'rules.issued': B, 'rules.repealed': B, 'rules.inForce': 2,
  'normative.issued': 5, 'normative.repealed': 1, 'normative.inForce': 23,
  'license.decisions': 1286, 'penalty.decisions': 37, 'coercion.decisions': 4, 'fees.amount': 12.5
}
const EAST_T3: Record<string, Row> = {
  new: [45, 6, 0, 0, 1, 2, 55], carried: [3, 0, 0, 0, 0, 0, 3], public: [20, 3, 0, 0, 0, 1, 24], partial: [6, 1, 0, 0, 0, 0, 7],
  stateSecret: [0, 0, 0, B, B, 0, 0], lawForbids: [0, 0, 0, 0, 0, 0, 0], threeSafety: [1, 0, 0, 0, 0, 0, 1], thirdParty: [2, 0, 0, 0, 0, 0, 2],
  internalAffairs: [0, 0, 0, 0, 0, 0, 0], processInfo: [1, 0, 0, 0, 0, 0, 1], enforcementFile: [0, 0, 0, 0, 0, 0, 0], inquiry: [2, 0, 0, 0, 0, 0, 2],
  notHeld: [8, 1, 0, 0, 1, 0, 10], needsCreating: [1, 0, 0, 0, 0, 0, 1], stillUnclear: [0, 0, 0, 0, 0, 0, 0],
  petition: [3, 0, 0, 0, 0, 0, 3], repeated: [2, 0, 0, 0, 0, 0, 2], publication: [0, 0, 0, 0, 0, 0, 0], massRepeated: [0, 0, 0, 0, 0, 0, 0], confirmation: [0, 0, 0, 0, 0, 0, 0],
  noCorrection: [1, 0, 0, 0, 0, 0, 1], feeUnpaid: [B, B, B, B, B, B, B], otherReason: [0, 0, 0, 0, 0, 0, 0],
  resultTotal: [47, 5, 0, 0, 1, 1, 54], carryOver: [1, 1, 0, 0, 0, 1, 3]
}
const EAST_T4: Row = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

const SECTIONS = ['overview', 'proactive', 'requests', 'review', 'problems', 'other']

function expectEastIdentity(result: ParsedReport): void {
  expect(result.report.unit.name).toBe('东河县自然资源局')
  expect(result.report.year).toBe(2023)
  expect(result.generation).toBe('2021')
  expect(result.sections.filter((s) => s.section && s.heading).map((s) => s.section)).toEqual(SECTIONS)
  const narrative = Object.values(result.report.sections).join('\n')
  // Site chrome and the metadata table are not part of the report.
  for (const chrome of ['首页', '当前位置', '索引号', 'ICP', '版权所有', '相关链接', '分享到', '浏览次数', '第1页']) {
    expect(narrative).not.toContain(chrome)
  }
  expect(result.report.sections.problems).toContain('政策解读形式较为单一')
}

describe('a CMS page in GB2312 with the tables pasted from Word', () => {
  it('reads every printed figure as printed, the wrong 总计 included, and keeps blanks blank', async () => {
    const result = await importFile('cms-word-paste.gbk.html')
    expectEastIdentity(result)
    expectValues(result, expected(EAST_T2, EAST_T3, EAST_T4))
    expect(result.missing).toEqual([])
    // The wrong total is imported as printed, not repaired.
    expect(valueOf(result, 't3.new.total')).toMatchObject({ value: 55, confidence: 1, flags: [] })
    // 规范性文件 is today's 行政规范性文件, flagged for review.
    expect(valueOf(result, 't2.normative.inForce').flags).toEqual(['review'])
    expect(result.warnings).toEqual([
      '表二「规章」「本年制发件数、本年废止件数」空白，可能为 0，已留空',
      '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」「社会公益组织、法律服务机构」空白，可能为 0，已留空',
      '表三「三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」「自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计」空白，可能为 0，已留空'
    ])
  })
})

describe('the same report on an old site laid out in tables (no classes on its navigation or footer cells)', () => {
  it('reads the same figures, and the footer cell (主办, ICP 备案号) stays out of the narrative', async () => {
    const result = await importFile('layout-table-site.gbk.html')
    const page = await importFile('cms-word-paste.gbk.html')
    expectEastIdentity(result)
    const figures = (r: ParsedReport) => r.values.map((v) => [v.cell, v.value, v.confidence, v.flags])
    expect(figures(result)).toEqual(figures(page))
    expect(result.warnings).toEqual(page.warnings)
    expect(result.report.sections.other).toBe('2023年，我局未收取政府信息公开信息处理费。')
  })
})

describe('the same report copied from a browser as text', () => {
  it('one cell per line: every printed figure, rows with lost blanks left blank and said', async () => {
    const result = await importFile('browser-copy.cells.txt')
    expectEastIdentity(result)
    // A copy drops empty cells: a row that lost some cannot be placed and stays blank.
    const want = expected(
      { ...EAST_T2, 'rules.inForce': B },
      { ...EAST_T3, stateSecret: [B, B, B, B, B, B, B] },
      EAST_T4
    )
    expectValues(result, want)
    expect(result.warnings).toEqual([
      '表二「规章」只有 1 个数值，应为 3 个，已留空',
      '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」只有 5 个数值，应为 7 个，已留空'
    ])
    expect(result.missing).toEqual([
      '表三「三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」'
    ])
  })

  it('one cell per line, empty cells printed “—”: every figure, and every blank said', async () => {
    const result = await importFile('browser-copy.dashes.txt')
    const page = await importFile('cms-word-paste.gbk.html')
    expectEastIdentity(result)
    expectValues(result, expected(EAST_T2, EAST_T3, EAST_T4))
    expect(result.warnings).toEqual(page.warnings)
    expect(result.missing).toEqual([])
  })

  it('pasted from Chrome (table rows as tab-separated cells, spans lost): every printed figure', () => {
    const result = importPaste('browser-copy.tabs.txt')
    expectEastIdentity(result)
    expectValues(result, expected(EAST_T2, EAST_T3, EAST_T4))
    expect(valueOf(result, 't3.new.total').value).toBe(55)
    expect(result.warnings).toEqual([
      '表二「规章」「本年制发件数、本年废止件数」空白，可能为 0，已留空',
      '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」「社会公益组织、法律服务机构」空白，可能为 0，已留空',
      '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」有 8 个数值单元格，多于 7 个，取最后 7 个，请核对'
    ])
    // The copy drops the trailing empty cells of the blank row: nothing to read, said as missing.
    expect(result.missing).toEqual([
      '表三「三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」'
    ])
  })

  it('figures run together: 表三 split by its own sums (flagged), 表四 on one line, header rows without spaces', async () => {
    const result = await importFile('browser-copy.run-together.txt')
    expectEastIdentity(result)
    const t3 = Object.fromEntries(Object.entries(EAST_T3).map(([k, row]) => [k, row.map((v) => v ?? 0)]))
    t3.new = [45, 6, 0, 0, 1, 2, 54]
    expectValues(result, expected({ ...EAST_T2, 'rules.issued': 0, 'rules.repealed': 0 }, t3, EAST_T4))
    expect(result.missing).toEqual([])
    for (const v of result.values.filter((v) => v.cell.startsWith('t3.'))) {
      expect(v.flags).toContain('split')
      expect(v.confidence).toBeLessThan(1)
    }
    for (const v of result.values.filter((v) => !v.cell.startsWith('t3.'))) expect([v.cell, v.flags]).toEqual([v.cell, []])
    expect(valueOf(result, 't2.fees.amount').value).toBe(12.5)
  })
})

describe('a 2020 report in the 2019 format, saved as .html', () => {
  it('maps 表二 and （六）其他处理 as spec §2.1 says, every mapped value flagged', async () => {
    const result = await importFile('format-2019.html')
    expect(result.report.unit.name).toBe('南湖区教育局')
    expect(result.report.year).toBe(2020)
    expect(result.generation).toBe('2019')
    const t3: Record<string, Row> = {
      new: [38, 4, 0, 1, 0, 1, 44], carried: [2, 0, 0, 0, 0, 0, 2], public: [15, 2, 0, 0, 0, 1, 18], partial: [3, 0, 0, 0, 0, 0, 3],
      stateSecret: [0, 0, 0, 0, 0, 0, 0], lawForbids: [1, 0, 0, 0, 0, 0, 1], threeSafety: [0, 0, 0, 0, 0, 0, 0], thirdParty: [1, 0, 0, 0, 0, 0, 1],
      internalAffairs: [0, 0, 0, 0, 0, 0, 0], processInfo: [2, 0, 0, 0, 0, 0, 2], enforcementFile: [0, 0, 0, 0, 0, 0, 0], inquiry: [1, 0, 0, 0, 0, 0, 1],
      notHeld: [9, 1, 0, 1, 0, 0, 11], needsCreating: [1, 0, 0, 0, 0, 0, 1], stillUnclear: [1, 0, 0, 0, 0, 0, 1],
      petition: [2, 0, 0, 0, 0, 0, 2], repeated: [1, 0, 0, 0, 0, 0, 1], publication: [0, 0, 0, 0, 0, 0, 0], massRepeated: [0, 0, 0, 0, 0, 0, 0], confirmation: [0, 0, 0, 0, 0, 0, 0],
      otherReason: [2, 1, 0, 0, 0, 0, 3], resultTotal: [39, 4, 0, 1, 0, 1, 45], carryOver: [1, 0, 0, 0, 0, 0, 1]
    }
    // 本年新制作数量 → 本年制发件数, 处理决定数量 → 本年处理决定数量; nothing else of 表二 has a target.
    const t2 = { 'rules.issued': 0, 'normative.issued': 4, 'license.decisions': 1045, 'penalty.decisions': 26, 'coercion.decisions': 2 }
    expectValues(result, expected(t2, t3, [2, 0, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]))
    for (const cell of Object.keys(t2)) {
      const v = valueOf(result, `t2.${cell}`)
      expect(v.flags).toContain('mapped-2019')
      expect(v.confidence).toBeLessThan(1)
    }
    for (const c of T3_COLUMNS) {
      expect(valueOf(result, `t3.otherReason.${c}`).flags).toEqual(['mapped-2019'])
      expect(valueOf(result, `t3.otherReason.${c}`).confidence).toBeLessThan(1)
    }
    expect(valueOf(result, 't3.new.total')).toMatchObject({ confidence: 1, flags: [] })
    // What the 2019 format cannot fill is accounted for, not reported missing.
    expect(result.missing).toEqual([])
    const warnings = result.warnings.join('\n')
    expect(warnings).toContain('表二「政府集中采购」（2019 年格式）属第二十条第（九）项')
    expect(warnings).toContain('表二「其他对外管理服务事项」（2019 年格式）')
    expect(warnings).toContain('表二「行政事业性收费」：2019 年格式没有“本年收费金额（单位：万元）”栏目，留空')
    expect(warnings).toContain('表三「三、本年度办理结果 / （六）其他处理」未分项')
    // The dropped figures are not imported anywhere.
    expect(result.values.map((v) => v.value)).not.toContain(251.3)
    expect(result.values.map((v) => v.value)).not.toContain(356)
  })
})

describe('a page whose <meta> declares gb2312 but whose bytes are UTF-8 (a CMS template kept after the move)', () => {
  it('is read as UTF-8: the same report as the correctly declared page', async () => {
    const wrong = await importFile('format-2019.utf8-declared-gb2312.html')
    const right = await importFile('format-2019.html')
    expect(wrong.report.unit.name).toBe('南湖区教育局')
    expect(wrong.values).toEqual(right.values)
    expect(wrong.missing).toEqual(right.missing)
    expect(wrong.report.sections).toEqual(right.report.sections)
  })
})

describe('a 2021-format city report with broken labels, vertical titles and a page break inside 表三', () => {
  const t2 = {
    'rules.issued': 0, 'rules.repealed': 1, 'rules.inForce': 15, 'normative.issued': 12, 'normative.repealed': 3, 'normative.inForce': 186,
    'license.decisions': 1234567, 'penalty.decisions': 2045318, 'coercion.decisions': 3276, 'fees.amount': 3456.123456
  }
  const t3: Record<string, Row> = {
    new: [1203, 45, 3, 2, 17, 9, 1279], carried: [56, 2, 0, 0, 1, 0, 59], public: [512, 20, 1, 1, 6, 3, 543], partial: [88, 5, 0, 0, 2, 1, 96],
    stateSecret: [3, 0, 0, 0, 0, 0, 3], lawForbids: [5, 0, 0, 0, 0, 0, 5], threeSafety: [2, 0, 0, 0, 0, 0, 2], thirdParty: [11, 1, 0, 0, 0, 0, 12],
    internalAffairs: [7, 0, 0, 0, 0, 0, 7], processInfo: [9, 1, 0, 0, 1, 0, 11], enforcementFile: [4, 0, 0, 0, 0, 0, 4], inquiry: [21, 1, 0, 0, 0, 0, 22],
    notHeld: [310, 10, 1, 0, 4, 2, 327], needsCreating: [40, 2, 0, 0, 1, 0, 43], stillUnclear: [12, 0, 0, 0, 0, 0, 12],
    petition: [60, 1, 0, 1, 1, 1, 64], repeated: [33, 0, 0, 0, 0, 0, 33], publication: [2, 0, 0, 0, 0, 0, 2], massRepeated: [15, 0, 0, 0, 0, 0, 15], confirmation: [6, 0, 0, 0, 0, 0, 6],
    noCorrection: [25, 1, 0, 0, 1, 0, 27], feeUnpaid: [0, 0, 0, 0, 0, 0, 0], otherReason: [8, 0, 0, 0, 1, 0, 9],
    resultTotal: [1173, 42, 2, 2, 17, 7, 1243], carryOver: [86, 5, 1, 0, 1, 2, 95]
  }
  const t4: Row = [12, 3, 1, 2, 18, 5, 1, 0, 3, 9, 2, 0, 0, 1, 3]

  it('stats-table-split-table4.html: a statistics table of the narrative before 表二 and 表四 printed as two tables', async () => {
    const result = await importFile('stats-table-split-table4.html')
    expectValues(result, expected(t2, t3, t4))
    expect(result.missing).toEqual([])
    // The look-alike rows (行政许可信息, 行政处罚信息) lose to 表二's own rows.
    expect(valueOf(result, 't2.license.decisions')).toMatchObject({ value: 1234567, confidence: 1, flags: [] })
    expect(result.warnings).toEqual([
      '表二中有一行数字（1,884）行标签“合计”无法识别，未导入',
      '表二「行政许可」「本年处理决定数量」出现两次，数值不同（1204 与 1234567），保留标签相符的 1234567',
      '表二「行政处罚」「本年处理决定数量」出现两次，数值不同（356 与 2045318），保留标签相符的 2045318'
    ])
  })

  for (const [name, load] of [
    ['labels-broken.html', () => importFile('labels-broken.html')],
    ['labels-broken.paste.txt (pasted, one cell per line)', async () => importPaste('labels-broken.paste.txt')]
  ] as const) {
    it(`${name}: all 200 values exactly, nothing missing`, async () => {
      const result = await load()
      expect(result.report.unit.name).toBe('西江市市场监督管理局')
      expect(result.report.year).toBe(2022)
      expect(result.generation).toBe('2021')
      expectValues(result, expected(t2, t3, t4))
      expect(result.values).toHaveLength(200)
      expect(result.missing).toEqual([])
      expect(result.warnings.filter((w) => w.startsWith('表'))).toEqual([])
      expect(valueOf(result, 't2.fees.amount').value).toBe(3456.123456)
      expect(result.report.sections.problems).toContain('基层市场监管所')
    })
  }
})
