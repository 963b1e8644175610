import { describe, expect, it } from 'vitest'
import { createReport } from '@core/report/report'
import { CELLS } from '@core/report/cells'
import { checkReport, RULES, runRules, type Finding, type Rule } from '@core/rules/index'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'

const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'BLANK', 'X1', 'X2', 'P1', 'P3', 'FIGURES', 'ITEMS', 'P5', 'P6', 'YEAR', 'OUTDATED', 'STALE', 'REMEDY', 'COPY', 'P2', 'DEADLINE', 'FORMAT', 'DATE']

describe('the rule list', () => {
  it('has every rule once, as data with a Chinese title and what it reads', () => {
    expect(RULES.map((r) => r.id)).toEqual(RULE_IDS)
    for (const rule of RULES) {
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/)
      expect((rule.reads.cells?.length ?? 0) + (rule.reads.sections?.length ?? 0) + (rule.reads.document ? 1 : 0)).toBeGreaterThan(0)
    }
  })

  it.each([
    ['R1', 'error'],
    ['R2', 'error'],
    ['R3', 'error'],
    ['R4', 'error'],
    ['R5', 'error'],
    ['BLANK', 'warning'],
    ['X1', 'warning'],
    ['X2', 'warning'],
    ['P1', 'warning'],
    ['P3', 'warning'],
    ['FIGURES', 'warning'],
    ['ITEMS', 'warning'],
    ['P5', 'warning'],
    ['P6', 'warning'],
    ['YEAR', 'warning'],
    ['OUTDATED', 'warning'],
    ['STALE', 'warning'],
    ['REMEDY', 'warning'],
    ['COPY', 'warning'],
    ['P2', 'warning'],
    ['DEADLINE', 'warning'],
    ['FORMAT', 'hint'],
    ['DATE', 'warning']
  ])('%s is an %s', (id, severity) => {
    expect(RULES.find((r) => r.id === id)?.severity).toBe(severity)
  })

  it('marks only the cross-year rules as reading last year', () => {
    expect(RULES.filter((r) => r.reads.previous).map((r) => r.id)).toEqual(['X1', 'X2', 'COPY', 'P2'])
  })
})

describe('the consistent fixture', () => {
  it('fills all 200 cells and is deterministic', () => {
    const report = consistentReport()
    expect(Object.keys(report.values)).toHaveLength(CELLS.length)
    expect(CELLS).toHaveLength(200)
    expect(consistentReport()).toEqual(report)
  })

  it('passes every check, alone and against its previous year', () => {
    const report = consistentReport()
    expect(checkReport(report)).toEqual([])
    expect(checkReport(report, previousReport(report))).toEqual([])
  })

  it('passes for other years and county level too', () => {
    const report = consistentReport({ year: 2023, level: 'county', unit: '示例县人民政府办公室' })
    expect(checkReport(report, previousReport(report))).toEqual([])
  })
})

describe('checkReport', () => {
  it('lists errors, then warnings, then hints, keeping rule order within a severity', () => {
    const report = withSection(
      withValues(consistentReport(), { 't4.review.total': 3, 't2.rules.issued': 1, 't3.public.natural': undefined }),
      'other',
      '无。'
    )
    const findings = checkReport(report)
    const severities = findings.map((f) => f.severity)
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)))
    expect(findings.map((f) => f.rule)).toEqual(['R2', 'R3', 'R4', 'BLANK', 'P3', 'P5', 'P6'])
  })

  it('runs the cross-year rules only when last year is given', () => {
    const report = withValues(consistentReport(), { 't3.carried.natural': 9 })
    expect(checkReport(report).some((f) => f.rule === 'X1')).toBe(false)
    expect(checkReport(report, previousReport(report)).some((f) => f.rule === 'X1')).toBe(true)
  })

  it('puts hints last', () => {
    const hint: Rule = {
      id: 'H',
      severity: 'hint',
      title: '提示',
      reads: { sections: ['overview'] },
      evaluate: () => [{ rule: 'H', severity: 'hint', message: '提示', cells: [], target: { kind: 'section', section: 'overview' } }]
    }
    const report = withValues(consistentReport(), { 't4.review.total': 3 })
    expect(runRules([hint, ...RULES], report).map((f: Finding) => f.severity)).toEqual(['error', 'warning', 'hint'])
  })

  it('on a new, empty report only asks for the blanks, the fee statement and the 成文日期', () => {
    const report = createReport({ unit: '某某镇人民政府', year: 2025 })
    expect(checkReport(report).map((f) => f.rule)).toEqual(['BLANK', 'BLANK', 'BLANK', 'P3', 'DATE'])
  })

  it('DATE asks for the 成文日期 until it is set, and flags an impossible or too early one', () => {
    const report = createReport({ unit: '某某镇人民政府', year: 2025 })
    const date = (publishedOn?: string) =>
      checkReport({ ...report, document: publishedOn ? { publishedOn } : {} }).filter((f) => f.rule === 'DATE')
    const [unset] = date()
    expect(unset).toMatchObject({ severity: 'warning', target: { kind: 'document', field: 'date' } })
    expect(unset?.message).toContain('尚未设置成文日期')
    expect(date('2026-01-20')).toEqual([])
    expect(date('2026-02-30')[0]?.message).toContain('不是有效的日期')
    expect(date('2025-06-01')[0]?.message).toContain('结束之前')
  })

  it('does not change the report', () => {
    const report = withValues(consistentReport(), { 't4.review.total': 3 })
    const copy = structuredClone(report)
    checkReport(report, previousReport(report))
    expect(report).toEqual(copy)
  })
})

function rank(severity: string): number {
  return ['error', 'warning', 'hint'].indexOf(severity)
}

describe('rule names', () => {
  it('gives every rule of the engine a short Chinese name', async () => {
    const { RULES, ruleName } = await import('@core/rules/index')
    for (const rule of RULES) expect(ruleName(rule.id)).toMatch(/^[\u4e00-\u9fff]{2,6}$/)
  })
})
