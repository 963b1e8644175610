/** The reports the kill test's child saves, and how a version is written into one. */
import type { Report } from '@core/report/report'
import { consistentReport, withSection } from '../test/support/reports'

/** Two units, two years of one of them: several files and lock names in play at once. */
export const KILL_REPORTS: readonly Report[] = [
  consistentReport(),
  consistentReport({ year: 2024 }),
  consistentReport({ unit: '某市交通运输局', year: 2025, level: 'city' })
]

const MARK = /^第 (\d+) 版/

/** The report with its version in 其他事项, plus some bulk so that a write takes a moment. */
export function killVersion(base: Report, version: number): Report {
  return withSection(base, 'other', `第 ${version} 版\n${'本年度持续推进政务公开标准化规范化建设。'.repeat(200)}`)
}

/** The version a saved report carries, or undefined. */
export function versionOf(report: Report): number | undefined {
  const match = MARK.exec(report.sections.other)
  return match ? Number(match[1]) : undefined
}
