/**
 * The benchmark's report: every cell filled consistently and well over three pages of narrative
 * (a page of 3号 text holds 22 lines × 28 characters ≈ 600 characters).
 */
import type { Report } from '@core/report/report'
import { consistentReport } from '../test/support/reports'

const FILLER =
  '我镇坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读、平台建设等方面持续发力，不断提升政务公开工作质量和实效。'

export function fullReport(): Report {
  const report = consistentReport()
  const extra = Array.from({ length: 12 }, () => FILLER).join('\n')
  for (const id of ['overview', 'problems', 'other'] as const) {
    report.sections[id] = `${report.sections[id]}\n${extra}`
  }
  return report
}
