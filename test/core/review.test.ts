/**
 * Findings reviewed and kept: every finding has a key of its own that survives edits elsewhere; a
 * warning or hint marked 已核实 or 忽略 stays so across re-checks until what it is about changes, and
 * then is open again by itself; errors are never marked; reports of before keep their dismissed hints.
 */
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { nextYearDraft } from '@core/report/nextYear'
import { parseReport, ReportError, serializeReport, toReport, type Report } from '@core/report/report'
import { SECTION_IDS } from '@core/report/sections'
import {
  checkReport,
  markFinding,
  openCounts,
  reopenFinding,
  ReviewError,
  reviewedCounts,
  type ReviewedFinding
} from '@core/rules/index'
import { readDocumentFile } from '../../src/main/services/readers/index'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))
const AT = '2026-01-20T09:05:00.000Z'

const byRule = (findings: readonly ReviewedFinding[], rule: string): ReviewedFinding[] => findings.filter((f) => f.rule === rule)
const one = (report: Report, rule: string, previous?: Report): ReviewedFinding => {
  const found = byRule(checkReport(report, previous), rule)
  expect(found).toHaveLength(1)
  return found[0]!
}
const mark = (report: Report, finding: ReviewedFinding, status: 'checked' | 'dismissed' = 'dismissed', reason = '已核对'): Report =>
  markFinding(report, finding, status, reason, AT)
const statusOf = (report: Report, key: string, previous?: Report): ReviewedFinding | undefined =>
  checkReport(report, previous).find((f) => f.key === key)

/** Real reports and their drafts: many rules, many quoted spans. */
const REAL = ['same-report/report.docx', 'legacy/xiamei-2016.txt', 'wild/format-2019.html', 'wild/labels-broken.html', 'dumps/pingtan-2015-page-dump.txt']
const real: { name: string; report: Report; previous?: Report }[] = []

beforeAll(async () => {
  for (const path of REAL) {
    const report = recognizeReport(await readDocumentFile(fixture(path)), { source: path }).report
    const draft = nextYearDraft(report, { createdAt: '2000-01-01T00:00:00.000Z' }).report
    real.push({ name: path, report }, { name: `${path} → draft`, report: draft, previous: report })
  }
}, 120_000)

describe('stable keys', () => {
  it('gives every finding of real reports and their drafts a key of its own', () => {
    let total = 0
    for (const { name, report, previous } of real) {
      const keys = checkReport(report, previous).map((f) => f.key)
      total += keys.length
      expect(new Set(keys).size, name).toBe(keys.length)
      for (const key of keys) {
        expect(key.length, key).toBeGreaterThan(0)
        expect(key.length, key).toBeLessThan(120)
      }
    }
    expect(total).toBeGreaterThan(30)
  })

  it('keeps every key when a paragraph is added at the start of each section', () => {
    for (const { name, report, previous } of real) {
      const before = checkReport(report, previous).map((f) => f.key).sort()
      const sections = { ...report.sections }
      for (const id of SECTION_IDS) if (sections[id].trim()) sections[id] = `另有说明如下。\n${sections[id]}`
      const after = checkReport({ ...report, sections }, previous).map((f) => f.key).sort()
      expect(after, name).toEqual(before)
    }
  })

  it('keys a text finding by the words it quotes, not where they are', () => {
    const draft = real.find((r) => r.name === 'same-report/report.docx → draft')!
    const spans = checkReport(draft.report, draft.previous).filter((f) => f.target.kind === 'section' && f.target.start !== undefined)
    expect(spans.length).toBeGreaterThan(3)
    for (const f of spans) {
      if (f.target.kind !== 'section' || f.target.start === undefined) continue
      const quote = draft.report.sections[f.target.section].slice(f.target.start, f.target.end).replace(/\s+/g, '')
      if (f.key.startsWith(`${f.rule}:${f.target.section}:`)) expect(f.key).toContain(quote.slice(0, 10))
    }
  })

  it('two findings quoting the same words in different sentences keep their own keys and reviews', () => {
    const text = '2024年，我镇开展政务公开培训。\n2024年，我镇更新公开目录。'
    const report = withSection(consistentReport(), 'problems', `${consistentReport().sections.problems}\n${text}`)
    const years = byRule(checkReport(report), 'YEAR')
    expect(years).toHaveLength(2)
    expect(years[0]!.key).not.toBe(years[1]!.key)
    // The second is dismissed; the first is fixed: the second stays dismissed, nothing moves to it.
    const reviewed = mark(report, years[1]!)
    const fixed = withSection(reviewed, 'problems', reviewed.sections.problems.replace('2024年，我镇开展', '2025年，我镇开展'))
    const after = byRule(checkReport(fixed), 'YEAR')
    expect(after.map((f) => [f.key, f.status])).toEqual([[years[1]!.key, 'dismissed']])
    // The other way round: the first dismissed, the second fixed — the first stays dismissed.
    const first = mark(report, years[0]!)
    const fixedSecond = withSection(first, 'problems', first.sections.problems.replace('2024年，我镇更新', '2025年，我镇更新'))
    expect(byRule(checkReport(fixedSecond), 'YEAR').map((f) => [f.key, f.status])).toEqual([[years[0]!.key, 'dismissed']])
  })
})

describe('reviews kept in the report', () => {
  const blanks = (): Report =>
    withValues(consistentReport(), { 't3.stateSecret.research': undefined, 't3.stateSecret.welfare': undefined })

  it('a warning marked 已核实 stays so across re-checks and unrelated edits', () => {
    const report = blanks()
    const blank = byRule(checkReport(report), 'BLANK')[0]!
    expect(blank.key).toBe('BLANK:t3')
    const checked = mark(report, blank, 'checked', '原文确为空白')
    expect(statusOf(checked, 'BLANK:t3')).toMatchObject({ status: 'checked', reason: '原文确为空白', reviewedAt: AT })
    // Unrelated: another table's cell, another section's text.
    const edited = withSection(withValues(checked, { 't4.review.upheld': undefined }), 'problems', `新增一段。\n${checked.sections.problems}`)
    expect(statusOf(edited, 'BLANK:t3')?.status).toBe('checked')
    expect(openCounts(checkReport(edited)).warning).toBe(openCounts(checkReport(withSection(withValues(report, { 't4.review.upheld': undefined }), 'problems', `新增一段。\n${report.sections.problems}`))).warning - 1)
  })

  it('opens again by itself when the cells it is about change, saying how it had been marked', () => {
    const report = blanks()
    const checked = mark(report, one(report, 'BLANK'), 'checked', '原文确为空白')
    const filled = withValues(checked, { 't3.stateSecret.research': 0 })
    const again = statusOf(filled, 'BLANK:t3')!
    expect(again.status).toBe('open')
    expect(again.reopened).toEqual({ status: 'checked', reason: '原文确为空白', at: AT })
    // Back to the figures it was reviewed with: the review holds again.
    expect(statusOf(withValues(filled, { 't3.stateSecret.research': undefined }), 'BLANK:t3')?.status).toBe('checked')
  })

  it('a figure quoted in the text (P5): kept while the table stays, open again when its cell changes', () => {
    const report = withValues(consistentReport(), { 't2.license.decisions': 150 })
    const p5 = one(report, 'P5')
    expect(p5.cells).toEqual(['t2.license.decisions'])
    const dismissed = mark(report, p5, 'dismissed', '许可数含跨年办结件')
    const elsewhere = withSection(dismissed, 'proactive', `全年主动公开信息326条。${dismissed.sections.proactive}`)
    expect(statusOf(elsewhere, p5.key)?.status).toBe('dismissed')
    const changed = withValues(elsewhere, { 't2.license.decisions': 151 })
    expect(statusOf(changed, p5.key)).toMatchObject({ status: 'open', reopened: { status: 'dismissed', reason: '许可数含跨年办结件' } })
  })

  it('a cross-year finding (X1) opens again when last year’s figure changes', () => {
    const report = withValues(consistentReport(), { 't3.carried.natural': 9, 't3.carried.total': 10 })
    const previous = previousReport(consistentReport())
    const x1 = byRule(checkReport(report, previous), 'X1').find((f) => f.cells.includes('t3.carried.natural'))!
    const checked = mark(report, x1, 'checked', '上年报告印错')
    expect(statusOf(checked, x1.key, previous)?.status).toBe('checked')
    const lastYear = withValues(previous, { 't3.carryOver.natural': 3 })
    expect(statusOf(checked, x1.key, lastYear)?.status).toBe('open')
  })

  it('a whole-text finding (COPY) is kept while the share stays the same', () => {
    const report = consistentReport()
    const previous = { ...previousReport(report), sections: { ...report.sections } }
    const copy = one(report, 'COPY', previous)
    expect(copy.key).toBe('COPY')
    const dismissed = mark(report, copy, 'dismissed', '法定表述，每年相同')
    expect(statusOf(dismissed, 'COPY', previous)?.status).toBe('dismissed')
    const rewritten = withSection(dismissed, 'overview', '本年度，我镇全面推进政务公开，重新梳理公开目录，逐项核对主动公开事项，并按季度开展自查评估。')
    expect(statusOf(rewritten, 'COPY', previous)?.status).toBe('open')
  })

  it('never marks an error, and ignores a review of an error written by hand', () => {
    const report = withValues(consistentReport(), { 't3.resultTotal.natural': 999 })
    const error = checkReport(report).find((f) => f.severity === 'error')!
    expect(() => markFinding(report, error, 'dismissed', '不改', AT)).toThrow(ReviewError)
    expect(() => markFinding(report, error, 'dismissed', '不改', AT)).toThrow(/是错误，不能忽略，请改正/)
    const forged: Report = { ...report, review: { [error.key]: { status: 'dismissed', reason: '不改', at: AT, fingerprint: error.fingerprint } } }
    expect(statusOf(forged, error.key)?.status).toBe('open')
    expect(openCounts(checkReport(forged)).error).toBe(openCounts(checkReport(report)).error)
  })

  it('asks for a reason, and reopening removes the record', () => {
    const report = blanks()
    const blank = one(report, 'BLANK')
    expect(() => markFinding(report, blank, 'checked', '   ', AT)).toThrow(/请写明理由/)
    expect(() => markFinding(report, blank, 'checked', '理'.repeat(201), AT)).toThrow(/不能超过 200 个字/)
    const checked = markFinding(report, blank, 'checked', '  原文\n确为空白 ', AT)
    expect(checked.review).toEqual({ 'BLANK:t3': { status: 'checked', reason: '原文 确为空白', at: AT, fingerprint: blank.fingerprint } })
    expect(report.review).toBeUndefined()
    const reopened = reopenFinding(checked, 'BLANK:t3')
    expect('review' in reopened).toBe(false)
    expect(statusOf(reopened, 'BLANK:t3')?.status).toBe('open')
    expect(reopenFinding(report, 'BLANK:t3')).toBe(report)
  })

  it('counts open findings by severity; reviewed ones apart', () => {
    const report = withSection(blanks(), 'overview', '2025年，我镇通过政府网站主动公开政府信息326条。')
    const findings = checkReport(report)
    const hint = findings.find((f) => f.severity === 'hint')!
    const reviewed = mark(mark(report, findings.find((f) => f.rule === 'BLANK')!, 'checked'), hint)
    const after = checkReport(reviewed)
    const before = openCounts(findings)
    expect(openCounts(after)).toEqual({ error: before.error, warning: before.warning - 1, hint: before.hint - 1 })
    expect(reviewedCounts(after)).toEqual({ checked: 1, dismissed: 1 })
    expect(after).toHaveLength(findings.length)
  })
})

describe('the review record in the report file', () => {
  it('reads an older report’s dismissed hints as reviews, and writes them back as such', () => {
    const report = withSection(consistentReport(), 'overview', '2025年，我镇通过政府网站主动公开政府信息326条。')
    const json = JSON.parse(serializeReport(report)) as Record<string, unknown>
    const old = { ...json, dismissed: ['FORMAT:overview-topics', 'FORMAT:no-longer-raised'] }
    const read = parseReport(JSON.stringify(old))
    expect(read.review).toEqual({
      'FORMAT:overview-topics': { status: 'dismissed', reason: '' },
      'FORMAT:no-longer-raised': { status: 'dismissed', reason: '' }
    })
    expect('dismissed' in read).toBe(false)
    expect(statusOf(read, 'FORMAT:overview-topics')?.status).toBe('dismissed')
    const written = serializeReport(read)
    expect(JSON.parse(written)).not.toHaveProperty('dismissed')
    expect(parseReport(written)).toEqual(read)
  })

  it('keeps a key reviewed since over the same key in the old list', () => {
    const json = JSON.parse(serializeReport(consistentReport())) as Record<string, unknown>
    const both = { ...json, dismissed: ['FORMAT:title'], review: { 'FORMAT:title': { status: 'checked', reason: '已改', at: AT } } }
    expect(toReport(both).review).toEqual({ 'FORMAT:title': { status: 'checked', reason: '已改', at: AT } })
  })

  it('round-trips a review through the file', () => {
    const report = withValues(consistentReport(), { 't3.stateSecret.research': undefined })
    const reviewed = mark(report, one(report, 'BLANK'), 'checked', '原文确为空白')
    const back = parseReport(serializeReport(reviewed))
    expect(back.review).toEqual(reviewed.review)
    expect(statusOf(back, 'BLANK:t3')?.status).toBe('checked')
  })

  it.each([
    ['an unknown status', { 'BLANK:t3': { status: 'ok', reason: '' } }],
    ['a reason far too long', { 'BLANK:t3': { status: 'checked', reason: '理'.repeat(201) } }],
    ['no reason', { 'BLANK:t3': { status: 'checked' } }]
  ])('refuses %s in one Chinese sentence', (_name, review) => {
    const json = { ...(JSON.parse(serializeReport(consistentReport())) as object), review }
    expect(() => toReport(json)).toThrow(ReportError)
    expect(() => toReport(json)).toThrow(/^年报文件内容有误：.*（位置：review\.BLANK:t3/)
  })

  it('a report without reviews has no field for them', () => {
    const text = serializeReport(consistentReport())
    expect(JSON.parse(text)).not.toHaveProperty('review')
    expect(parseReport(text).review).toBeUndefined()
  })
})

describe('what a finding is about', () => {
  it('P6: kept while the 规章 figures are the same, open again when one changes', () => {
    const report = withValues(consistentReport(), { 't2.rules.issued': 1, 't2.rules.inForce': 1 })
    const p6 = one(report, 'P6')
    expect(p6.key).toBe('P6')
    const checked = mark(report, p6, 'checked', '本镇受托起草，已核实')
    expect(statusOf(withValues(checked, { 't2.license.decisions': 157, 't3.new.natural': 23 }), 'P6')?.status).toBe('checked')
    expect(statusOf(withValues(checked, { 't2.rules.inForce': 2 }), 'P6')?.status).toBe('open')
  })

  it('a hint about a heading as printed is kept whatever else the section says', () => {
    const report: Report = { ...consistentReport(), imported: { generation: '2021', headings: { requests: '三、依申请公开情况' } } }
    const hint = byRule(checkReport(report), 'FORMAT').find((f) => f.key === 'FORMAT:heading:requests')!
    const dismissed = mark(report, hint, 'dismissed', '按省里模板印制')
    const edited = withSection(dismissed, 'requests', `${dismissed.sections.requests}\n补充说明。`)
    expect(statusOf(edited, 'FORMAT:heading:requests')?.status).toBe('dismissed')
  })
})
