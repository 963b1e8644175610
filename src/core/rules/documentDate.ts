/**
 * DATE: the 成文日期 the 落款 prints. A report is not finished until the officer has set it (it is
 * the day the document is signed off, which only they know), and a day that is not in the calendar
 * or falls inside the year reported on is most likely a slip.
 */
import { isCalendarDate } from '../report/report'
import type { Finding, Rule } from './types'

function finding(message: string): Finding {
  return { rule: 'DATE', severity: 'warning', message, cells: [], target: { kind: 'document', field: 'date' } }
}

export const DOCUMENT_DATE_RULE: Rule = {
  id: 'DATE',
  severity: 'warning',
  title: '落款应有成文日期',
  reads: { document: true },
  evaluate({ report }) {
    // An imported report is last year's as published: its date is whatever the document printed, and
    // a date the import could not find is an import gap (listed in the import review), not a slip.
    if (report.imported) return []
    const date = report.document.publishedOn
    if (date === undefined) return [finding('尚未设置成文日期：请在正文末尾的“落款”处选择日期，导出的落款才有日期')]
    if (!isCalendarDate(date)) return [finding(`成文日期 ${date} 不是有效的日期，请在“落款”处重新选择`)]
    if (Number(date.slice(0, 4)) <= report.year) {
      return [finding(`成文日期 ${date} 在报告年度（${report.year} 年）结束之前，年度报告应在次年成文，请核对`)]
    }
    return []
  }
}
