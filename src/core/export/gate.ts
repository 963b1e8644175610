/**
 * The export gate: the app's own marks never reach a published document. A mark is text the app
 * put into the narrative for the officer to deal with — 【待更新：12】 and 【待填写】 of a carried-over
 * draft (report/marks.ts), 【乱码】 where an import could not recover a character. With any left,
 * only a draft (marked 草稿 on every page) can be exported; `buildDocx` refuses anything else.
 */
import { GARBLED_MARK } from '../import/normalize/mojibake'
import { findMarks } from '../report/marks'
import { ReportError, type Report } from '../report/report'
import { SECTIONS, sectionDef, type SectionId } from '../report/sections'

export type MarkKind = 'stale' | 'fill' | 'garbled'

/** How each kind is named to the officer, by the mark's own words. */
export const MARK_KIND_LABELS: Record<MarkKind, string> = { stale: '待更新', fill: '待填写', garbled: '乱码' }

export interface AppMark {
  kind: MarkKind
  /** UTF-16 offsets into the text. */
  start: number
  end: number
  /** The mark as it stands in the text. */
  text: string
}

export interface ReportMark extends AppMark {
  section: SectionId
}

/** Every app mark of a text, in reading order. */
export function findAppMarks(text: string): AppMark[] {
  const out: AppMark[] = findMarks(text).map((m) => ({
    kind: m.figure === undefined ? 'fill' : 'stale',
    start: m.start,
    end: m.end,
    text: text.slice(m.start, m.end)
  }))
  for (let at = text.indexOf(GARBLED_MARK); at >= 0; at = text.indexOf(GARBLED_MARK, at + GARBLED_MARK.length)) {
    out.push({ kind: 'garbled', start: at, end: at + GARBLED_MARK.length, text: GARBLED_MARK })
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Every app mark of the report's six sections, in reading order. */
export function reportMarks(report: Report): ReportMark[] {
  return SECTIONS.flatMap(({ id }) => findAppMarks(report.sections[id]).map((m) => ({ ...m, section: id })))
}

/** `【待更新】23 处、【待填写】2 处`. */
export function describeMarkKinds(marks: readonly AppMark[]): string {
  const kinds = (Object.keys(MARK_KIND_LABELS) as MarkKind[])
    .map((kind) => [kind, marks.filter((m) => m.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
  return kinds.map(([kind, n]) => `【${MARK_KIND_LABELS[kind]}】${n} 处`).join('、')
}

/** `一、总体情况 12 处，五、存在的主要问题及改进情况 3 处`. */
export function describeMarkPlaces(marks: readonly ReportMark[]): string {
  return SECTIONS.map(({ id }) => [id, marks.filter((m) => m.section === id).length] as const)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${sectionDef(id).heading} ${n} 处`)
    .join('，')
}

/** One sentence: how many marks remain and where. */
export function describeMarks(marks: readonly ReportMark[]): string {
  return `报告中还有 ${marks.length} 处待处理的标记（${describeMarkKinds(marks)}），位于${describeMarkPlaces(marks)}`
}

/** A normal export refused because marks remain; the message says how many and where. */
export class MarksRemainError extends ReportError {
  override name = 'MarksRemainError'
  constructor(readonly marks: readonly ReportMark[]) {
    super(`${describeMarks(marks)}；请改写并删除标记后再导出，或导出草稿`)
  }
}

/** Throws MarksRemainError unless the report is free of app marks. */
export function assertNoMarks(report: Report): void {
  const marks = reportMarks(report)
  if (marks.length > 0) throw new MarksRemainError(marks)
}
