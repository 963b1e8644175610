/**
 * Reusable test reports. `consistentReport()` is a complete report in which every check passes:
 * all 200 cells filled, every sum holds, and the narrative quotes figures that agree with the tables.
 * It is deterministic (no clock, no randomness), so tests, CLI tests and benchmarks can rely on it.
 *
 * Its 上年结转 equals its 结转下年度 and its 行政规范性文件 制发 equals 废止, so the same builder
 * with `year - 1` is a matching previous report for the cross-year checks.
 */
import { cellId, type CellId } from '@core/report/cells'
import { createReport, type Report, type UnitLevel } from '@core/report/report'
import type { SectionId } from '@core/report/sections'

/** 表三 applicant columns other than 总计, in table order. */
export const T3_APPLICANTS = ['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg'] as const

/** 表三 outcome rows: one count per applicant column. */
const T3_OUTCOMES: Readonly<Record<string, readonly number[]>> = {
  public: [9, 3, 1, 1, 1, 1],
  partial: [3, 1, 0, 0, 1, 0],
  stateSecret: [0, 0, 0, 0, 0, 0],
  lawForbids: [1, 0, 0, 0, 0, 0],
  threeSafety: [0, 0, 0, 0, 0, 0],
  thirdParty: [1, 1, 0, 0, 0, 0],
  internalAffairs: [0, 0, 0, 0, 0, 0],
  processInfo: [1, 0, 0, 0, 0, 0],
  enforcementFile: [0, 0, 0, 0, 0, 0],
  inquiry: [1, 0, 0, 0, 0, 0],
  notHeld: [4, 1, 0, 0, 0, 1],
  needsCreating: [1, 0, 0, 0, 0, 0],
  stillUnclear: [1, 0, 0, 0, 0, 0],
  petition: [2, 0, 0, 0, 0, 0],
  repeated: [1, 0, 0, 0, 0, 0],
  publication: [0, 0, 0, 0, 0, 0],
  massRepeated: [0, 0, 0, 0, 0, 0],
  confirmation: [1, 0, 0, 0, 0, 0],
  noCorrection: [1, 0, 0, 0, 0, 0],
  feeUnpaid: [0, 0, 0, 0, 0, 0],
  otherReason: [0, 0, 0, 0, 0, 0]
}
/** Carried in from last year and carried over to next year: equal, so the report is its own predecessor. */
const T3_CARRIED: readonly number[] = [2, 1, 0, 0, 0, 0]
const T3_CARRY_OVER: readonly number[] = T3_CARRIED

/** 表四: 结果维持, 结果纠正, 其他结果, 尚未审结 per group. */
const T4_GROUPS: Readonly<Record<string, readonly number[]>> = {
  review: [1, 0, 0, 1],
  direct: [0, 0, 0, 1],
  afterReview: [0, 0, 0, 0]
}
const T4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const

/** 表二, per cell. 规章 is 0: a township makes none. */
const T2_VALUES: Readonly<Partial<Record<CellId, number>>> = {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.inForce': 0,
  't2.normative.issued': 2,
  't2.normative.repealed': 2,
  't2.normative.inForce': 14,
  't2.license.decisions': 156,
  't2.penalty.decisions': 48,
  't2.coercion.decisions': 5,
  't2.fees.amount': 0
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

/** All 200 values, every identity (R1–R4) holding. */
export function consistentValues(): Partial<Record<CellId, number>> {
  const values: Partial<Record<CellId, number>> = {}
  const setRow = (row: string, counts: readonly number[]) => {
    T3_APPLICANTS.forEach((column, i) => (values[cellId('t3', row, column)] = counts[i] ?? 0))
    values[cellId('t3', row, 'total')] = sum(counts)
  }
  const outcomeRows = Object.values(T3_OUTCOMES)
  const resultTotal = T3_APPLICANTS.map((_, i) => sum(outcomeRows.map((row) => row[i] ?? 0)))
  // 一 + 二 = 三（七） + 四, solved for 一.
  const fresh = resultTotal.map((total, i) => total + (T3_CARRY_OVER[i] ?? 0) - (T3_CARRIED[i] ?? 0))
  setRow('new', fresh)
  setRow('carried', T3_CARRIED)
  for (const [row, counts] of Object.entries(T3_OUTCOMES)) setRow(row, counts)
  setRow('resultTotal', resultTotal)
  setRow('carryOver', T3_CARRY_OVER)
  for (const [group, counts] of Object.entries(T4_GROUPS)) {
    T4_OUTCOMES.forEach((column, i) => (values[cellId('t4', group, column)] = counts[i] ?? 0))
    values[cellId('t4', group, 'total')] = sum(counts)
  }
  return { ...values, ...T2_VALUES }
}

function total(values: Partial<Record<CellId, number>>, ...ids: CellId[]): number {
  return sum(ids.map((id) => values[id] ?? 0))
}

/** Six sections of plausible narrative that quote the tables' figures correctly. */
function narrative(unit: string, year: number, values: Partial<Record<CellId, number>>): Record<SectionId, string> {
  const t3 = (row: string) => values[cellId('t3', row, 'total')] ?? 0
  const group = (rows: readonly string[]) => sum(rows.map(t3))
  const withheld = group(['stateSecret', 'lawForbids', 'threeSafety', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'inquiry'])
  const unable = group(['notHeld', 'needsCreating', 'stillUnclear'])
  const notProcessed = group(['petition', 'repeated', 'publication', 'massRepeated', 'confirmation'])
  const otherHandling = group(['noCorrection', 'feeUnpaid', 'otherReason'])
  const review = values['t4.review.total'] ?? 0
  const litigation = total(values, 't4.direct.total', 't4.afterReview.total')
  const t2 = (row: string, column: string) => values[cellId('t2', row, column)] ?? 0
  return {
    overview: [
      `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。本报告所列数据统计期限为${year}年1月1日至${year}年12月31日。本报告电子版可在示例县人民政府门户网站“政府信息公开”专栏下载。`,
      `${year}年，${unit}坚持以公开为常态、不公开为例外，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，全年通过政府网站、政务新媒体和村（社区）公开栏主动公开政府信息326条，较${year - 1}年增长12%。`,
      `（一）依申请公开。畅通当面、信函、网络等申请渠道，本年度共收到政府信息公开申请${t3('new')}件，上年结转${t3('carried')}件，均在法定期限内答复或依法结转，答复率100%。`,
      '（二）政府信息管理。严格执行公开前保密审查制度，落实“三审三校”，全年未发生泄密事件。',
      '（三）平台建设。优化政府网站信息公开专栏，及时更新法定主动公开内容，确保栏目内容准确、完整。',
      '（四）监督保障。将政务公开工作纳入年度绩效考核并开展社会评议，组织业务培训2次，全年未发生因政务公开工作引起的责任追究情况。'
    ].join('\n'),
    proactive: `本年度制发行政规范性文件${t2('normative', 'issued')}件，废止${t2('normative', 'repealed')}件，现行有效${t2('normative', 'inForce')}件；办理行政许可事项${t2('license', 'decisions')}件，作出行政处罚决定${t2('penalty', 'decisions')}件、行政强制决定${t2('coercion', 'decisions')}件。`,
    requests: [
      `本年度新收政府信息公开申请${t3('new')}件，上年结转${t3('carried')}件。`,
      `其中予以公开${t3('public')}件，部分公开${t3('partial')}件，不予公开${withheld}件，无法提供${unable}件，不予处理${notProcessed}件，其他处理${otherHandling}件，结转下年度继续办理${t3('carryOver')}件。`
    ].join('\n'),
    review: `本年度因政府信息公开工作被申请行政复议${review}件，其中结果维持1件、尚未审结1件；被提起行政诉讼${litigation}件，目前尚未审结。`,
    problems: [
      '（一）存在的主要问题。一是政策解读形式较为单一，图解、视频等解读方式运用不足；二是部分村（社区）公开栏更新不够及时。',
      '（二）改进情况。针对上年度报告指出的问题，已开展专项整改并全部完成。',
      `${year + 1}年，我镇将进一步丰富政策解读形式，加强对村（社区）公开栏的日常检查，持续提升政务公开工作质量。`
    ].join('\n'),
    other: [
      '本年度未收取信息处理费。',
      `本年度共办理人大代表建议3件、政协提案2件，办理结果均已公开。本报告于${year + 1}年1月发布。`
    ].join('\n')
  }
}

export interface ReportOptions {
  unit?: string
  year?: number
  level?: UnitLevel
}

/** A complete, consistent report: no rule finds anything in it (with or without its predecessor). */
export function consistentReport(options: ReportOptions = {}): Report {
  const unit = options.unit ?? '示例县示例镇人民政府'
  const year = options.year ?? 2025
  const base = createReport({ unit, year, level: options.level ?? 'township' })
  const values = consistentValues()
  return {
    ...base,
    document: { publishedOn: `${year + 1}-01-20` },
    sections: narrative('我镇', year, values),
    values,
    provenance: { source: 'test/support/reports.ts', createdAt: `${year + 1}-01-20T00:00:00.000Z` }
  }
}

/**
 * Last year's narrative, worded differently: this year's consistent report is then no copy of last
 * year's (the COPY and P2 checks), as in a report written afresh.
 */
function previousNarrative(year: number): Record<SectionId, string> {
  return {
    overview: `${year}年，我镇围绕政务公开重点任务，完善公开目录，规范发布流程，政务公开工作有序推进。`,
    proactive: '主动公开政府信息的具体数据见下表。',
    requests: '依申请公开的具体数据见下表。',
    review: '政府信息公开行政复议、行政诉讼的具体数据见下表。',
    problems: '（一）存在的主要问题。一是公开内容更新不够及时；二是工作人员业务能力有待提升。\n（二）改进情况。将加强业务培训，建立定期更新机制。',
    other: `${year}年，我镇未收取信息处理费。`
  }
}

/** The consistent report of the year before: a matching `previous` for the cross-year checks. */
export function previousReport(report: Report = consistentReport()): Report {
  const previous = consistentReport({ unit: report.unit.name, year: report.year - 1, level: report.unit.level })
  return { ...previous, sections: previousNarrative(previous.year) }
}

/** A copy with some values changed; `undefined` makes a cell blank. */
export function withValues(report: Report, patch: Partial<Record<CellId, number | undefined>>): Report {
  const values = { ...report.values }
  for (const [id, value] of Object.entries(patch) as [CellId, number | undefined][]) {
    if (value === undefined) delete values[id]
    else values[id] = value
  }
  return { ...report, values }
}

/** A copy with one section's text replaced. */
export function withSection(report: Report, section: SectionId, text: string): Report {
  return { ...report, sections: { ...report.sections, [section]: text } }
}
