/** How the reviewed findings are counted in a line, in the checks panel and the export dialog alike. */
import { REVIEW_STATUS_LABELS, type ReviewMark } from '@core/report/report'
import { reviewedCounts } from '@core/rules/review'
import type { ReviewedFinding } from '@core/rules/types'

/** “已核实 2 条、已忽略 1 条” (a status none has is left out). */
export function reviewedSummary(findings: readonly Pick<ReviewedFinding, 'status'>[]): string {
  const counts = reviewedCounts(findings)
  return (Object.keys(counts) as ReviewMark[])
    .filter((status) => counts[status] > 0)
    .map((status) => `${REVIEW_STATUS_LABELS[status]} ${counts[status]} 条`)
    .join('、')
}
