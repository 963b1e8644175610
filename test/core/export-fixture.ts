/** A fully filled report for the export tests and previews: every cell a distinct value. */
import { CELLS, type CellId } from '@core/report/cells'
import { createReport, type Report } from '@core/report/report'
import { SECTION_IDS } from '@core/report/sections'

/** Distinct per cell: counts 1, 2, 3, … in reading order; the amount has six decimals. */
export function distinctValues(): Partial<Record<CellId, number>> {
  return Object.fromEntries(CELLS.map((c, i) => [c.id, c.kind === 'amount' ? 0.123456 : i + 1]))
}

const SAMPLE_PARAGRAPHS = [
  '（一）主动公开情况。2025年，本镇通过政府网站、政务新媒体和公开栏主动公开政府信息共计326条，其中政策文件12件、工作动态158条、财政预决算信息9条，公开内容及时、准确、完整。',
  '（二）依申请公开工作。严格落实《中华人民共和国政府信息公开条例》有关规定，规范受理、审查、处理、答复、归档等各环节，全年依法按时答复申请，未发生逾期答复情况。',
  '1.加强组织领导。镇党委、镇政府高度重视政务公开工作，成立了以镇长为组长的政务公开工作领导小组，明确专人负责，形成了主要领导亲自抓、分管领导具体抓、工作人员抓落实的工作格局。'
]

export function fullReport(overrides: Partial<Report> = {}): Report {
  const base = createReport({ unit: '示例县示例镇人民政府', year: 2025 })
  return {
    ...base,
    document: { publishedOn: '2026-01-09' },
    sections: Object.fromEntries(SECTION_IDS.map((id) => [id, SAMPLE_PARAGRAPHS.join('\n')])) as Report['sections'],
    values: distinctValues(),
    ...overrides
  }
}
