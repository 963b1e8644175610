/**
 * Next-year figures for `npm run bench`: building the draft from a full report, and the
 * copy-from-last-year measure on two full reports — warm (last year's sentences already prepared,
 * as on every keystroke in the editor) and cold (last year's report seen for the first time).
 */
import { copyMeasure } from '@core/report/copyMeasure'
import { nextYearDraft } from '@core/report/nextYear'
import { fullReport } from './fixtures'
import { formatTiming, measure } from './measure'

export async function benchNextYear(): Promise<string[]> {
  const report = fullReport()
  const previous = { ...fullReport(), year: report.year - 1 }
  const draft = await measure('下一年草稿 next-year', 500, () => nextYearDraft(report))
  const warm = await measure('与上年重复比例（上年已预处理）', 2000, () => copyMeasure(report, previous))
  // A fresh sections object is a cache miss: last year's sentences are prepared again each run.
  const cold = await measure('与上年重复比例（含上年预处理）', 2000, () =>
    copyMeasure(report, { ...previous, sections: { ...previous.sections } })
  )
  return [formatTiming(draft, 20), formatTiming(warm, 5), formatTiming(cold, 5)]
}
