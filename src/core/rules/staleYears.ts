/**
 * YEAR: years in the narrative that do not fit the report year. Two mistakes are common:
 *  (a) a year after the report year (a typo, or text written for next year's report);
 *  (b) last year's year left in text copied from last year's report (“2024年，我镇…” in the 2025 report).
 * Years in 《…》 titles, document numbers (〔2024〕12号, never followed by 年) and comparisons
 * (“较2024年增长”) are references to other years on purpose and are left alone.
 */
import { SECTION_IDS, type SectionId } from '../report/sections'
import type { Finding, Rule } from './types'
import { sectionLabel } from './format'
import { boundaryAfter, boundaryBefore, CLAUSE_STOPS, digitValue, insideTitle, SENTENCE_STOPS } from './textScan'

/**
 * Phrases that always mean the report year: any earlier year in them is stale. Sticky, tried at the
 * year's first digit; `before` is what must precede the year.
 */
interface ReportYearPhrase {
  pattern: RegExp
  before?: string
}

const REPORT_YEAR_PHRASES: readonly ReportYearPhrase[] = [
  // 本报告所列数据统计期限为2024年1月1日至（2024年）12月31日
  { pattern: /[12１２][0-9０-９]{3}年[1１]月[1１]日(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(?:[12１２][0-9０-９]{3}年)?(?:12|１２)月(?:31|３１)日/y },
  // 2024年度政府信息公开工作年度报告
  { pattern: /[12１２][0-9０-９]{3}年度?政府信息公开(?:工作)?(?:年度)?报告/y },
  // 截至2024年12月31日（表二的数据核定时间点）
  { pattern: /[12１２][0-9０-９]{3}年(?:12|１２)月(?:31|３１)日/y, before: '截至' }
]

const YEAR_CHAR = '年'

/**
 * The year written right before the 年 at `at` (four digits, 1xxx or 2xxx, not part of a longer
 * number), or undefined. Looking for 年 first is much faster than a regex over every character.
 */
function yearBefore(text: string, at: number): number | undefined {
  const start = at - 4
  if (start < 0 || (start > 0 && digitValue(text.charCodeAt(start - 1)) >= 0)) return undefined
  let year = 0
  for (let i = start; i < at; i++) {
    const digit = digitValue(text.charCodeAt(i))
    if (digit < 0) return undefined
    year = year * 10 + digit
  }
  return year >= 1000 && year < 3000 ? year : undefined
}

/** Where a copied “last year” shows: at the start of a clause, followed by one of these. */
const CLAUSE_OPENING_FOLLOW = /年度?(?:，|,|、|以来|全年|共|我|本|全|各)/y
/** Anywhere in a clause: “我镇2024年共收到…”. */
const TALLY_FOLLOW = /年度?(?:全年)?共/y
/** What may precede a clause-initial year: indentation and list numbering (（一）, 1.). */
const CLAUSE_OPENING_PREFIX = /^[\s\u3000]*(?:[（(][一二三四五六七八九十0-9０-９]+[）)]|[一二三四五六七八九十]+、|[0-9０-９]+[.、．])?[\s\u3000]*$/

/** The clause compares with or refers back to another year: the year is meant. */
const REFERENCE_CUE = /[较比]|上年|去年|上一年|前年|同期|针对|整改|指出/
/** The sentence is about plans: next year's year is meant. */
const FORWARD_CUE = /将|计划|下一步|继续|进一步|力争|拟|预计|争取|明年/
/** Next year's January–March is when the report itself is published. */
const PUBLICATION_FOLLOW = /年(?:[0０]?[1-3１-３]|[一二三])月/y
const PUBLICATION_CUE = /发布|公布|印发|报送|编制/
/** The end of a span (2021—2025年) or a target (到2035年) is not a date of this report. */
const RANGE_OR_TARGET_BEFORE = /[—–\-－~～至到]/

interface YearContext {
  section: SectionId
  text: string
  year: number
  reportYear: number
  start: number
}

function stickyAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at
  return pattern.test(text)
}

function finding(ctx: YearContext, end: number, message: string): Finding {
  return {
    rule: 'YEAR',
    severity: 'warning',
    message,
    cells: [],
    target: { kind: 'section', section: ctx.section, start: ctx.start, end }
  }
}

function staleMessage(ctx: YearContext, quote: string): string {
  const which = ctx.year === ctx.reportYear - 1 ? '上年' : '往年'
  return `${sectionLabel(ctx.section)}中的“${quote}”疑似沿用${which}年份（本报告为 ${ctx.reportYear} 年度），请核实`
}

/** (a) A year after the report year; undefined when the context explains it. */
function futureYear(ctx: YearContext): Finding | undefined {
  const { text, start, year, reportYear } = ctx
  const sentenceStart = boundaryBefore(text, start, SENTENCE_STOPS)
  if (insideTitle(text, start, sentenceStart)) return undefined
  if (start > 0 && RANGE_OR_TARGET_BEFORE.test(text.charAt(start - 1))) return undefined
  const end = start + 5
  if (year === reportYear + 1) {
    if (stickyAt(PUBLICATION_FOLLOW, text, start + 4)) return undefined
    const sentence = text.slice(sentenceStart, boundaryAfter(text, start, SENTENCE_STOPS))
    if (FORWARD_CUE.test(sentence) || PUBLICATION_CUE.test(sentence)) return undefined
  }
  const after = year === reportYear + 1 ? '，且不是工作计划或发布日期的表述' : ''
  return finding(
    ctx,
    end,
    `${sectionLabel(ctx.section)}中的“${text.slice(start, end)}”晚于报告年度（${reportYear} 年）${after}，请核实是否笔误`
  )
}

/** A reference to another year on purpose: inside a title or in a comparing clause. */
function isReference(text: string, start: number, end: number): boolean {
  const sentenceStart = boundaryBefore(text, start, SENTENCE_STOPS)
  if (insideTitle(text, start, sentenceStart)) return true
  const clause = text.slice(boundaryBefore(text, start, CLAUSE_STOPS), boundaryAfter(text, end, CLAUSE_STOPS))
  return REFERENCE_CUE.test(clause)
}

/** (b) Last year's year where the text speaks of this year. */
function lastYear(ctx: YearContext): Finding | undefined {
  const { text, start } = ctx
  const afterDigits = start + 4
  const clauseStart = boundaryBefore(text, start, CLAUSE_STOPS)
  const opensClause =
    stickyAt(CLAUSE_OPENING_FOLLOW, text, afterDigits) &&
    CLAUSE_OPENING_PREFIX.test(text.slice(clauseStart, start))
  if (!opensClause && !stickyAt(TALLY_FOLLOW, text, afterDigits)) return undefined
  const end = start + 5
  if (isReference(text, start, end)) return undefined
  return finding(ctx, end, staleMessage(ctx, text.slice(start, end)))
}

/** The end of the report-year phrase starting at the year at `start`, if there is one. */
function reportYearPhraseEnd(text: string, start: number): number | undefined {
  for (const phrase of REPORT_YEAR_PHRASES) {
    if (phrase.before && !text.startsWith(phrase.before, start - phrase.before.length)) continue
    phrase.pattern.lastIndex = start
    if (phrase.pattern.test(text)) return phrase.pattern.lastIndex
  }
  return undefined
}

/** The statistical period starting at `start` (…年1月1日…至…年12月31日), with the years it names. */
const PERIOD = /([12１２][0-9０-９]{3})年[1１]月[1１]日(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(?:([12１２][0-9０-９]{3})年)?(?:12|１２)月(?:31|３１)日/y

function periodAt(text: string, start: number): { end: number; years: number[] } | undefined {
  PERIOD.lastIndex = start
  const match = PERIOD.exec(text)
  if (!match) return undefined
  const years = [match[1]!, match[2]].filter((y): y is string => y !== undefined).map((y) => yearBefore(y + YEAR_CHAR, 4)!)
  return { end: PERIOD.lastIndex, years }
}

function periodMessage(ctx: YearContext, quote: string): string {
  return `${sectionLabel(ctx.section)}中的统计期限“${quote}”起止年份与报告年度（${ctx.reportYear} 年）不符，请核实`
}

function scanSection(section: SectionId, text: string, reportYear: number, out: Finding[]): void {
  // A phrase already reported covers the years inside it (2024年1月1日至2024年12月31日 is one finding).
  let coveredUntil = 0
  for (let at = text.indexOf(YEAR_CHAR); at >= 0; at = text.indexOf(YEAR_CHAR, at + 1)) {
    const year = yearBefore(text, at)
    const start = at - 4
    if (year === undefined || start < coveredUntil) continue
    const ctx: YearContext = { section, text, year, reportYear, start }
    const period = periodAt(text, start)
    if (period && year >= reportYear && !isReference(text, start, period.end)) {
      // The statistical period must start and end in the report year (“自2024年1月1日起至2023年12月31日止”).
      coveredUntil = period.end
      const wrong = period.years.filter((y) => y !== reportYear)
      if (wrong.length) out.push(finding(ctx, period.end, periodMessage(ctx, text.slice(start, period.end))))
      continue
    }
    if (year < reportYear) {
      const end = reportYearPhraseEnd(text, start)
      if (end !== undefined && !isReference(text, start, end)) {
        out.push(finding(ctx, end, staleMessage(ctx, text.slice(start, end))))
        coveredUntil = end
        continue
      }
    }
    const result = year > reportYear ? futureYear(ctx) : year === reportYear - 1 ? lastYear(ctx) : undefined
    if (result) out.push(result)
  }
}

export const STALE_YEAR_RULE: Rule = {
  id: 'YEAR',
  severity: 'warning',
  title: '正文年份应与报告年度相符',
  reads: { sections: SECTION_IDS },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const section of SECTION_IDS) scanSection(section, report.sections[section], report.year, findings)
    return findings
  }
}
