/**
 * `set`: the document's own fields — 成文日期 (printed in the 落款), the unit's name, the 文号 —
 * changed in place. Every option is checked before anything is written; the file is replaced
 * atomically, so a bad value changes nothing.
 */
import type { Command } from 'commander'
import { isCalendarDate, type Report } from '@core/report/report'
import { CliError, type CliContext } from '../io'
import { loadReport, saveReport } from '../reportFiles'
import { formatDate, parseDate } from '@core/text/chinese'

interface SetOptions {
  date?: string
  unit?: string
  number?: string
}

/** `2026-01-20`, `2026-1-20`, `2026/1/20`, `2026.1.20`, `2026年1月20日` or `二〇二六年一月二十日` → `2026-01-20`. */
export function parseDateOption(value: string): string {
  const iso = parseDate(value)
  if (!iso || !isCalendarDate(iso)) throw new CliError(`无效的日期“${value}”，应写作 YYYY-MM-DD，如 2026-01-20`)
  return iso
}

export function registerSet(program: Command, { io }: CliContext): void {
  program
    .command('set')
    .description('设置成文日期、单位名称或文号（落款打印单位名称和成文日期）')
    .argument('<报告>', '年报 .json 文件（原地修改）')
    .option('--date <日期>', '成文日期，如 2026-01-20；空字符串表示清除')
    .option('--unit <名称>', '单位名称')
    .option('--number <文号>', '文号，如“某政办〔2026〕3号”；空字符串表示清除')
    .action(async (path: string, options: SetOptions) => {
      if (options.date === undefined && options.unit === undefined && options.number === undefined) {
        throw new CliError('请至少给出 --date、--unit、--number 之一')
      }
      // Every value is checked before the file is read for writing: one bad option changes nothing.
      const date = options.date === undefined || options.date.trim() === '' ? options.date : parseDateOption(options.date)
      const unit = options.unit?.trim()
      if (unit === '') throw new CliError('单位名称不能为空')
      if (unit !== undefined && unit.length > 200) throw new CliError('单位名称过长（不超过 200 字）')
      const number = options.number?.trim()
      const report = await loadReport(path)
      const document: Report['document'] = { ...report.document }
      if (date !== undefined) {
        if (date.trim() === '') delete document.publishedOn
        else document.publishedOn = date
      }
      if (number !== undefined) {
        if (number === '') delete document.number
        else document.number = number
      }
      const next: Report = { ...report, document, unit: unit === undefined ? report.unit : { ...report.unit, name: unit } }
      await saveReport(path, next, { overwrite: true })
      const said = [
        date === undefined ? '' : document.publishedOn ? `成文日期 ${formatDate(document.publishedOn)}` : '成文日期已清除',
        unit === undefined ? '' : `单位名称“${unit}”`,
        number === undefined ? '' : document.number ? `文号“${document.number}”` : '文号已清除'
      ].filter(Boolean)
      io.out(`已设置 ${said.join('，')}：${path}\n`)
    })
}
