/**
 * This year's draft from last year's report (pure). What carries by rule is carried; nothing stale
 * is kept by accident:
 *  - year + 1; unit and print settings kept; the document number and publication date cleared
 *    (both are per year);
 *  - 表三 二、上年结转 ← last year's 四、结转下年度继续办理, column by column, where it was filled;
 *  - 表二 现行有效件数 of last year kept as `baseline`, so that 制发/废止 give this year's figure
 *    (the X2 check reads it when last year's report is not at hand);
 *  - every other figure blank, not 0, until the officer enters it;
 *  - the narrative carried over with the report year moved on and every figure marked 【待更新：…】,
 *    except where the figure states a quantity already in the tables (上年结转): it takes that figure;
 *  - section 五 opened with last year's problems as a checklist to answer (上年问题整改情况).
 * Works on reports of every generation: a pre-2019 import simply has fewer figures to carry.
 */
import { CARRIED_CELLS, cellId, type CellId } from './cells'
import { CARRIED_ROW, rowHeading } from './tables'
import { SECTION_IDS, type SectionId } from './sections'
import type { Report } from './report'
import { checklistSpan, extractProblems, formatChecklist } from './checklist'
import { markFigures, moveYears } from './carryText'
import { findMarks } from './marks'
import { resolveLinkedMarks } from './markLinks'
import { STALE_YEAR_RULE } from '../rules/staleYears'

export interface NextYearOptions {
  /** Stamped as the draft's creation time (the function itself reads no clock). */
  createdAt?: string
}

export type InForceRow = 'rules' | 'normative'
const IN_FORCE_ROWS: readonly InForceRow[] = ['rules', 'normative']

export interface NextYearNotes {
  /** 表三 二、上年结转 cells filled from last year's 四、结转下年度继续办理. */
  carriedCells: CellId[]
  /** Last year's 现行有效件数 kept as this year's baseline, by row (only those filled). */
  baseline: Partial<Record<InForceRow, number>>
  /** Years moved on in the narrative. */
  movedYears: number
  /** Every 待更新 mark in the draft's narrative, with its place. */
  marks: { section: SectionId; start: number; end: number; figure: string }[]
  /** Marks replaced at once by a figure carried into the tables (“上年结转3件”), by quantity. */
  linked: { section: SectionId; quantity: string; figure: string; value: string }[]
  /** Last year's problems, as listed in the checklist at the top of section 五. */
  checklist: string[]
  /** Things the officer should know, in Chinese (e.g. nothing to carry). */
  warnings: string[]
}

export interface NextYearDraft {
  report: Report
  notes: NextYearNotes
}

/** Per column of 表三: this year's 二、上年结转 and last year's 四、结转下年度继续办理. */
const CARRY_PAIRS = CARRIED_CELLS.map((c) => ({ current: c.id, previous: c.carriedFrom }))

function carriedValues(last: Report): Partial<Record<CellId, number>> {
  const values: Partial<Record<CellId, number>> = {}
  for (const pair of CARRY_PAIRS) {
    const value = last.values[pair.previous]
    if (value !== undefined) values[pair.current] = value
  }
  return values
}

function inForceBaseline(last: Report): Partial<Record<InForceRow, number>> {
  const baseline: Partial<Record<InForceRow, number>> = {}
  for (const row of IN_FORCE_ROWS) {
    const value = last.values[cellId('t2', row, 'inForce')]
    if (value !== undefined) baseline[row] = value
  }
  return baseline
}

/**
 * A last-year year the YEAR check would still flag in the moved text: moved as well, so that the
 * draft starts with no stale-year warning of its own (the two readings of “this year” agree).
 */
function moveFlaggedYears(report: Report, fromYear: number): number {
  let moved = 0
  const from = String(fromYear)
  for (const finding of STALE_YEAR_RULE.evaluate({ report })) {
    const target = finding.target
    if (target.kind !== 'section' || target.start === undefined || target.end === undefined) continue
    const text = report.sections[target.section]
    const span = text.slice(target.start, target.end)
    if (!span.includes(from)) continue
    moved += span.split(from).length - 1
    report.sections[target.section] = text.slice(0, target.start) + span.replaceAll(from, String(fromYear + 1)) + text.slice(target.end)
  }
  return moved
}

/**
 * Last year's section 五 without its own checklist: those answers were about the year before, and
 * its problems are read from the text that follows.
 */
function withoutChecklist(text: string): string {
  const span = checklistSpan(text)
  return span ? (text.slice(0, span.start) + text.slice(span.end)).replace(/^\s+/, '') : text
}

export function nextYearDraft(last: Report, options: NextYearOptions = {}): NextYearDraft {
  const year = last.year + 1
  const lastProblems = withoutChecklist(last.sections.problems)
  const values = carriedValues(last)
  const baseline = inForceBaseline(last)
  const report: Report = {
    schemaVersion: last.schemaVersion,
    unit: { ...last.unit },
    year,
    document: {},
    sections: { ...last.sections, problems: lastProblems },
    values,
    settings: { ...last.settings },
    ...(Object.keys(baseline).length ? { baseline: { year: last.year, inForce: baseline } } : {}),
    provenance: {
      source: `由 ${last.year} 年度报告生成`,
      ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt })
    }
  }

  let movedYears = 0
  for (const id of SECTION_IDS) {
    const moved = moveYears(report.sections[id], last.year)
    report.sections[id] = moved.text
    movedYears += moved.moved
  }
  movedYears += moveFlaggedYears(report, last.year)
  for (const id of SECTION_IDS) report.sections[id] = markFigures(report.sections[id]).text
  // A mark standing for a quantity already filled (上年结转, carried from last year) takes its figure now.
  const linked = resolveLinkedMarks(report.sections, report.values)
  report.sections = linked.sections

  const checklist = extractProblems(lastProblems)
  const carriedProblems = report.sections.problems
  report.sections.problems = carriedProblems.trim()
    ? `${formatChecklist(checklist)}\n${carriedProblems}`
    : formatChecklist(checklist)

  const marks = SECTION_IDS.flatMap((section) =>
    findMarks(report.sections[section])
      .filter((m) => m.figure !== undefined)
      .map((m) => ({ section, start: m.start, end: m.end, figure: m.figure! }))
  )
  const warnings: string[] = []
  if (CARRY_PAIRS.every((pair) => last.values[pair.previous] === undefined)) {
    warnings.push(`上年报告未填写表三“${CARRIED_ROW.from.label}”，本年“${rowHeading(CARRIED_ROW.row)}”需手工填写`)
  }
  if (IN_FORCE_ROWS.some((row) => baseline[row] === undefined)) {
    warnings.push('上年报告表二“现行有效件数”不全，本年现行有效件数无法据以核对')
  }
  if (checklist.length === 0) {
    warnings.push('未能从上年报告第五部分识别出所列问题，请对照上年报告手工列出整改情况')
  }
  return {
    report,
    notes: {
      carriedCells: Object.keys(values) as CellId[],
      baseline,
      movedYears,
      marks,
      linked: linked.resolved.map((m) => ({ section: m.section, quantity: m.quantity.id, figure: m.figure, value: m.value })),
      checklist,
      warnings
    }
  }
}
