import type { Command } from 'commander'
import { startingPrint } from '@core/export/print'
import { createReport, UNIT_LEVELS, UNIT_LEVEL_LABELS, type UnitLevel } from '@core/report/report'
import { exportSettings } from '@core/settings'
import { CliError, type CliContext } from '../io'
import { saveReport } from '../reportFiles'
import { parseYear } from '../options'
import { addSettingsOptions, loadRegionProfile, type SettingsOptions } from '../ruleSettings'

interface NewOptions extends SettingsOptions {
  unit: string
  year: string
  level?: string
  output: string
  force?: boolean
}

export function registerNew(program: Command, { io }: CliContext): void {
  const command = program
    .command('new')
    .description('新建一份空白年报')
    .requiredOption('--unit <名称>', '单位名称，如“某某镇人民政府”')
    .requiredOption('--year <年份>', '报告年度，如 2025')
    .option('--level <级别>', `单位级别：${UNIT_LEVELS.map((l) => `${l}（${UNIT_LEVEL_LABELS[l]}）`).join('、')}；默认按名称推断`)
    .requiredOption('-o, --output <文件>', '保存到的 .json 文件')
    .option('--force', '覆盖已存在的文件')
  addSettingsOptions(command, 'create').action(async (options: NewOptions) => {
    if (options.unit.trim() === '') throw new CliError('单位名称不能为空')
    const level = options.level === undefined ? undefined : parseLevel(options.level)
    const profile = await loadRegionProfile(options, io)
    const created = createReport({ unit: options.unit, year: parseYear(options.year), level })
    // A new report starts from 设置's print options (core/export/print.ts).
    const report = profile ? { ...created, settings: startingPrint(exportSettings(profile)) } : created
    await saveReport(options.output, report, { overwrite: options.force === true })
    io.out(`已新建 ${report.unit.name} ${report.year} 年度报告（${UNIT_LEVEL_LABELS[report.unit.level]}）：${options.output}\n`)
  })
}

function parseLevel(value: string): UnitLevel {
  const match = UNIT_LEVELS.find((l) => l === value || UNIT_LEVEL_LABELS[l] === value)
  if (!match) throw new CliError(`无效的单位级别“${value}”，可选：${UNIT_LEVELS.join('、')}`)
  return match
}
