/**
 * DEADLINE: the 成文日期 against the 报送截止日期. 《政府信息公开条例》第五十条 has every body publish
 * its report for the year before 1 月 31 日; a region may set an earlier day for its offices to send
 * theirs up (设置 → 报送截止日期). A report written in the app dated after that day is most likely
 * a slip of the date, or late: either way the officer should know before it is sent. Imported
 * reports are left alone: they were published long ago, and their date is only what was printed.
 * An unset or impossible date is the DATE rule's business.
 */
import type { Rule } from './types'
import { NATIONAL_PROFILE } from '../settings'
import { settingsSource } from './requiredFigures'

const pad = (n: number): string => String(n).padStart(2, '0')

export const DEADLINE_RULE: Rule = {
  id: 'DEADLINE',
  severity: 'warning',
  title: '成文日期不应晚于报送截止日期',
  reads: { document: true },
  evaluate({ report, settings }) {
    const date = report.document.publishedOn
    if (date === undefined || report.imported) return []
    const { month, day } = settings?.deadline ?? NATIONAL_PROFILE.deadline
    const year = report.year + 1
    const deadline = `${year}-${pad(month)}-${pad(day)}`
    if (date <= deadline) return []
    const national = month === NATIONAL_PROFILE.deadline.month && day === NATIONAL_PROFILE.deadline.day
    const basis = national ? '《政府信息公开条例》第五十条：每年 1 月 31 日前公布上一年度的年度报告' : `${settingsSource(settings)}规定的报送截止日期`
    return [
      {
        rule: 'DEADLINE',
        severity: 'warning',
        message: `成文日期 ${date} 晚于 ${year} 年 ${month} 月 ${day} 日（${basis}），请核对日期，并按时报送`,
        cells: [],
        target: { kind: 'document', field: 'date' },
        concerns: `${date}/${deadline}`
      }
    ]
  }
}
