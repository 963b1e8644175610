/**
 * Precision on real reports. Every real report in test/fixtures is imported through the real readers
 * and recognizer, checked, carried into next year's draft and checked again (against the import);
 * each finding is listed in test/fixtures/findings-truth.json and judged true or false. This test
 * fails when a finding appears that nobody judged, when a finding judged false comes back, or when a
 * true finding the checks raise now disappears (a missed problem is what a reviewer then cites).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { nextYearDraft } from '@core/report/nextYear'
import type { Report } from '@core/report/report'
import { checkReport } from '@core/rules/index'
import { readDocumentFile, readPastedText } from '../../src/main/services/readers/index'

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))

/** The real reports: the pre-2019 seeds, a site's page dump, pages as sites publish them, one report in every file kind. */
const REPORTS = [
  'legacy/baizhang-2017.txt',
  'legacy/songzhuang-2016-traditional-webcopy.txt',
  'legacy/wangjiashan-2018.txt',
  'legacy/xiamei-2016.txt',
  'legacy/zhangcun-2011.txt',
  'dumps/pingtan-2015-page-dump.txt',
  'wild/cms-word-paste.gbk.html',
  'wild/layout-table-site.gbk.html',
  'wild/browser-copy.cells.txt',
  'wild/browser-copy.dashes.txt',
  'wild/browser-copy.tabs.txt',
  'wild/browser-copy.run-together.txt',
  'wild/format-2019.html',
  'wild/format-2019.utf8-declared-gb2312.html',
  'wild/labels-broken.html',
  'wild/labels-broken.paste.txt',
  'wild/stats-table-split-table4.html',
  'same-report/report.docx',
  'same-report/report.doc',
  'same-report/report.pdf',
  'same-report/report-split.pdf',
  'same-report/report.html',
  'same-report/report.mhtml'
] as const
/** Copies of a page pasted as text rather than opened as a file. */
const PASTED = new Set<string>(['wild/browser-copy.tabs.txt', 'wild/labels-broken.paste.txt'])

interface Judged {
  report: string
  stage: 'import' | 'draft'
  rule: string
  severity: string
  message: string
  verdict: boolean
  why?: string
  before: boolean
  after: boolean
}

const truth = JSON.parse(readFileSync(fixture('findings-truth.json'), 'utf8')) as { findings: Judged[] }
const key = (f: Pick<Judged, 'report' | 'stage' | 'rule' | 'severity' | 'message'>): string =>
  [f.report, f.stage, f.rule, f.severity, f.message].join(' | ')

async function importReport(path: string): Promise<Report> {
  const read = PASTED.has(path) ? readPastedText(readFileSync(fixture(path), 'utf8')) : await readDocumentFile(fixture(path))
  return recognizeReport(read, { source: path }).report
}

describe('findings on every real report and its next-year draft, each judged', () => {
  const raised: Judged[] = []
  beforeAll(async () => {
    for (const path of REPORTS) {
      const report = await importReport(path)
      const draft = nextYearDraft(report, { createdAt: '2000-01-01T00:00:00.000Z' }).report
      for (const [stage, findings] of [
        ['import', checkReport(report)],
        ['draft', checkReport(draft, report)]
      ] as const) {
        for (const f of findings) {
          raised.push({ report: path, stage, rule: f.rule, severity: f.severity, message: f.message, verdict: true, before: false, after: true })
        }
      }
    }
  }, 120_000)

  const judged = new Map(truth.findings.map((f) => [key(f), f]))

  it('raises no finding nobody judged', () => {
    expect(raised.filter((f) => !judged.has(key(f))).map(key)).toEqual([])
  })

  it('raises no finding judged false (no false alarm comes back)', () => {
    expect(raised.filter((f) => judged.get(key(f))?.verdict === false).map(key)).toEqual([])
  })

  it('still raises every true finding it raised when judged', () => {
    const now = new Set(raised.map(key))
    expect(truth.findings.filter((f) => f.after && !now.has(key(f))).map(key)).toEqual([])
  })

  it('the record: precision before and after, on the same reports', () => {
    const count = (when: 'before' | 'after') => {
      const listed = truth.findings.filter((f) => f[when])
      return { total: listed.length, false: listed.filter((f) => !f.verdict).length }
    }
    const before = count('before')
    const after = count('after')
    expect(before.false).toBeGreaterThan(0)
    expect(after).toEqual({ total: raised.length, false: 0 })
    for (const f of truth.findings.filter((f) => !f.verdict)) expect(f.why).toBeTruthy()
  })
})
