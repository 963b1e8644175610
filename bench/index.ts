/**
 * `npm run bench`: speed figures on a full report (all 200 cells filled, about three pages of text).
 * Targets from the foundation issue: check < 1 ms, export < 100 ms warm.
 */
import { buildDocx } from '@core/export/docx'
import type { Report } from '@core/report/report'
import { checkReport, markFinding } from '@core/rules/index'
import { NATIONAL_PROFILE, ruleSettings } from '@core/settings'
import { fullReport } from './fixtures'
import { formatTiming, measure } from './measure'

const report = fullReport()
const previous = { ...fullReport(), year: report.year - 1 }
const textChars = Object.values(report.sections).join('').length
const filled = Object.keys(report.values).length

console.log(`报告：${report.unit.name} ${report.year} 年，${filled} 个单元格已填，正文 ${textChars} 字`)
console.log(formatTiming(await measure('校验 check', 2000, () => checkReport(report)), 1))
console.log(formatTiming(await measure('校验 check（含上年对照）', 2000, () => checkReport(report, previous)), 1))
// With a region's settings (figures 总体情况 must state, items of 第六部分) and every finding reviewed.
const settings = ruleSettings({
  ...NATIONAL_PROFILE,
  name: '某某市要求',
  overviewFigures: [
    { label: '本年制发行政规范性文件', cell: 't2.normative.issued', patterns: ['制发…规范性文件{n}件'] },
    { label: '现行有效行政规范性文件', cell: 't2.normative.inForce', patterns: ['现行有效…规范性文件{n}件'] },
    { label: '政策解读', patterns: ['解读…{n}篇'] }
  ],
  section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点'] }]
})
const flaggedValues = { ...report.values }
delete flaggedValues['t3.stateSecret.research']
const flagged: Report = { ...report, values: flaggedValues, document: {} }
let reviewed = flagged
for (const f of checkReport(flagged, previous, settings)) {
  if (f.severity !== 'error') reviewed = markFinding(reviewed, f, 'checked', '已核实', '2026-01-20T00:00:00.000Z')
}
console.log(formatTiming(await measure('校验 check（含地区配置，各项已核实）', 2000, () => checkReport(reviewed, previous, settings)), 1))
console.log(formatTiming(await measure('导出 export .docx', 40, () => buildDocx(report)), 100))

const { benchImport } = await import('./import')
for (const line of await benchImport()) console.log(line)

const { benchImportLargest } = await import('./importLargest')
for (const line of await benchImportLargest()) console.log(line)

const { benchRollup } = await import('./rollup')
for (const line of await benchRollup()) console.log(line)

const { benchLibrary } = await import('./library')
for (const line of await benchLibrary()) console.log(line)

const { benchNextYear } = await import('./nextYear')
for (const line of await benchNextYear()) console.log(line)

const { benchRenderer } = await import('./renderer')
for (const line of await benchRenderer()) console.log(line)

const { benchOcr } = await import('./ocr')
for (const line of await benchOcr()) console.log(line)
