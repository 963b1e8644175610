/**
 * `npm run bench`: speed figures on a full report (all 200 cells filled, about three pages of text).
 * Targets from the foundation issue: check < 1 ms, export < 100 ms warm.
 */
import { buildDocx } from '../src/core/export/docx'
import { checkReport } from '../src/core/rules/index'
import { fullReport } from './fixtures'
import { formatTiming, measure } from './measure'

const report = fullReport()
const previous = { ...fullReport(), year: report.year - 1 }
const textChars = Object.values(report.sections).join('').length
const filled = Object.keys(report.values).length

console.log(`报告：${report.unit.name} ${report.year} 年，${filled} 个单元格已填，正文 ${textChars} 字`)
console.log(formatTiming(await measure('校验 check', 2000, () => checkReport(report)), 1))
console.log(formatTiming(await measure('校验 check（含上年对照）', 2000, () => checkReport(report, previous)), 1))
console.log(formatTiming(await measure('导出 export .docx', 40, () => buildDocx(report)), 100))

const { benchImport } = await import('./import')
for (const line of await benchImport()) console.log(line)

const { benchImportLargest } = await import('./importLargest')
for (const line of await benchImportLargest()) console.log(line)

const { benchLibrary } = await import('./library')
for (const line of await benchLibrary()) console.log(line)

const { benchNextYear } = await import('./nextYear')
for (const line of await benchNextYear()) console.log(line)

const { benchRenderer } = await import('./renderer')
for (const line of await benchRenderer()) console.log(line)
