/**
 * OUTDATED: content out of date for the report year beyond the years themselves (YEAR). Text
 * carried over from last year's report keeps last year's yearly documents and last year's political
 * phrases; the draft leaves them as they are (a title is cited as it was issued, and only the officer
 * knows which document applies this year), so they are flagged, never rewritten:
 *  - yearly documents of a past year: 《…关于编制公布2021年政府信息公开工作年度报告有关事项的通知》,
 *    《××省2018年政务公开工作要点》, “按照2023年政务公开工作要点”;
 *  - political phrases whose time has passed: “党的十九大和十九届历次全会精神” after the 二十大,
 *    “二十届二中、三中全会精神” once the 四中全会 has been held (politicalPhrases.ts).
 * A sentence that refers back on purpose (“对照《2023年度报告》所列问题”) is left alone.
 */
import { SECTION_IDS, type SectionId } from '../report/sections'
import type { Finding, Rule } from './types'
import { sectionLabel, spanStart } from './format'
import { parseCount } from '../text/chinese'
import { stalePhrase } from './politicalPhrases'
import { boundaryAfter, boundaryBefore, CLAUSE_STOPS, SENTENCE_STOPS } from './textScan'

/** Documents issued for one year: a past year's is not this year's basis. */
const YEARLY_DOCUMENT = /工作要点|年度报告|年报|任务分解|重点任务|工作任务|工作安排|工作计划|要点实施方案/
/** A year in a title or phrase, not the end of a span (2021—2025年). */
const YEAR_IN_TITLE = /(?<![0-9０-９—–\-－~～至到])([12][0-9]{3})年度?/g
const TITLE = /《[^《》\n]*》/g
/** 工作要点 named without 《》: “按照2023年政务公开工作要点要求”. */
const BARE_KEY_POINTS = /(?<![0-9—–\-－~～至到《])([12][0-9]{3})年度?[^，,。；;《》\n]{0,16}?工作要点(?![^《\n]*》)/g
/** The sentence refers back on purpose. */
const REFERENCE_CUE = /上一?年|去年|针对|整改|对照|较|相比|以来|回顾/

function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(boundaryBefore(text, start, SENTENCE_STOPS), boundaryAfter(text, end, SENTENCE_STOPS))
}

function finding(section: SectionId, start: number, end: number, message: string): Finding {
  return { rule: 'OUTDATED', severity: 'warning', message, cells: [], target: { kind: 'section', section, start, end } }
}

function pastYear(source: string, reportYear: number): number | undefined {
  let found: number | undefined
  for (const match of source.matchAll(YEAR_IN_TITLE)) {
    const year = Number(match[1])
    if (year < reportYear && year > 1990) found = year
    else return undefined
  }
  return found
}

function yearlyDocuments(section: SectionId, text: string, reportYear: number, out: Finding[]): void {
  const reported: [number, number][] = []
  for (const match of text.matchAll(TITLE)) {
    const title = match[0]
    if (!YEARLY_DOCUMENT.test(title)) continue
    const year = pastYear(title, reportYear)
    if (year === undefined) continue
    const end = match.index + title.length
    if (REFERENCE_CUE.test(sentenceAround(text, match.index, end))) continue
    reported.push([match.index, end])
    out.push(
      finding(
        section,
        match.index,
        end,
        `${sectionLabel(section)}引用的${title}是 ${year} 年的年度文件，本报告为 ${reportYear} 年度，请核实是否应改为本年度的文件`
      )
    )
  }
  for (const match of text.matchAll(BARE_KEY_POINTS)) {
    const year = Number(match[1])
    const end = match.index + match[0].length
    if (year >= reportYear || reported.some(([s, e]) => match.index < e && end > s)) continue
    if (REFERENCE_CUE.test(sentenceAround(text, match.index, end))) continue
    out.push(
      finding(
        section,
        match.index,
        end,
        `${sectionLabel(section)}中的“${match[0]}”是 ${year} 年的工作要点，本报告为 ${reportYear} 年度，请核实`
      )
    )
  }
}

const ORDINAL = '(二十[一二三四五六七八九]?|十[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)'
/** 党的十九大, 十九次全国代表大会. */
const CONGRESS = new RegExp(`${ORDINAL}(?:大|次全国代表大会|次党代会)`, 'g')
/** 十九届历次全会, 二十届二中、三中全会, 十九届六中全会. */
const PLENUMS = new RegExp(`${ORDINAL}届(历次|(?:[一二三四五六七八九]中(?:全会)?[、和及与]?)+)全会`, 'g')
const SPIRIT = '精神'
/** How far before 精神 the meetings may be named, within the clause. */
const SPIRIT_REACH = 40

interface Mention {
  start: number
  end: number
  congress: number
  plenums: number[] | 'all'
}

function mentionsIn(clause: string, offset: number): Mention[] {
  const out: Mention[] = []
  for (const match of clause.matchAll(CONGRESS)) {
    const congress = parseCount(match[1]!)
    if (congress !== undefined) out.push({ start: offset + match.index, end: offset + match.index + match[0].length, congress, plenums: [] })
  }
  for (const match of clause.matchAll(PLENUMS)) {
    const congress = parseCount(match[1]!)
    if (congress === undefined) continue
    const plenums =
      match[2] === '历次'
        ? 'all'
        : [...match[2]!.matchAll(/([一二三四五六七八九])中/g)].map((p) => parseCount(p[1]!)!).filter((n) => n !== undefined)
    out.push({ start: offset + match.index, end: offset + match.index + match[0].length, congress, plenums })
  }
  return out.sort((a, b) => a.start - b.start)
}

function politicalPhrases(section: SectionId, text: string, reportYear: number, out: Finding[]): void {
  for (let at = text.indexOf(SPIRIT); at >= 0; at = text.indexOf(SPIRIT, at + SPIRIT.length)) {
    const from = Math.max(boundaryBefore(text, at, CLAUSE_STOPS), at - SPIRIT_REACH)
    const mentions = mentionsIn(text.slice(from, at), from)
    if (mentions.length === 0) continue
    // 十九大 and 十九届历次全会 named together are one phrase; the plenums say which ones.
    const congresses = [...new Set(mentions.map((m) => m.congress))]
    for (const congress of congresses) {
      const own = mentions.filter((m) => m.congress === congress)
      const plenums = own.some((m) => m.plenums === 'all') ? 'all' : own.flatMap((m) => (m.plenums === 'all' ? [] : m.plenums))
      const stale = stalePhrase(congress, plenums, reportYear)
      if (!stale) continue
      const start = own[0]!.start
      const end = at + SPIRIT.length
      out.push(
        finding(
          section,
          start,
          end,
          `${sectionLabel(section)}中的“${text.slice(start, end)}”已不是 ${reportYear} 年度报告的表述（${stale.because}），请按本年度的提法核实`
        )
      )
    }
  }
}

export const OUTDATED_RULE: Rule = {
  id: 'OUTDATED',
  severity: 'warning',
  title: '正文不应沿用往年的年度文件和过时的提法',
  reads: { sections: SECTION_IDS },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const section of SECTION_IDS) {
      const text = report.sections[section]
      const found: Finding[] = []
      yearlyDocuments(section, text, report.year, found)
      politicalPhrases(section, text, report.year, found)
      found.sort((a, b) => spanStart(a) - spanStart(b))
      findings.push(...found)
    }
    return findings
  }
}
