import type { Command } from 'commander'
import { startingPrint } from '@core/export/print'
import { cellDef } from '@core/report/cells'
import { nextYearDraft, type NextYearDraft } from '@core/report/nextYear'
import { sectionDef } from '@core/report/sections'
import { CARRIED_ROW, rowByKey, rowHeading, shortLabel, TABLE_2 } from '@core/report/tables'
import { exportSettings } from '@core/settings'
import type { CliContext } from '../io'
import { loadReport, saveReport } from '../reportFiles'
import { addSettingsOptions, loadRegionProfile, type SettingsOptions } from '../ruleSettings'

interface NextYearOptions extends SettingsOptions {
  output: string
  force?: boolean
}

const IN_FORCE_ROWS = ['rules', 'normative'] as const

export function registerNextYear(program: Command, { io }: CliContext): void {
  const command = program
    .command('next-year')
    .description('由上年年报生成本年草稿：年度顺延、结转数字带入、正文数字标“待更新”、列出上年问题整改清单')
    .argument('<上年报告>', '上年年报 .json 文件')
    .requiredOption('-o, --output <文件>', '保存草稿的 .json 文件')
    .option('--force', '覆盖已存在的文件')
  addSettingsOptions(command, 'create').action(async (path: string, options: NextYearOptions) => {
    const last = await loadReport(path)
    const profile = await loadRegionProfile(options, io)
    const draft = nextYearDraft(last, { createdAt: new Date().toISOString() })
    // With settings given, the draft's print options are 设置's (core/export/print.ts); without, last year's.
    if (profile) draft.report.settings = startingPrint(exportSettings(profile))
    await saveReport(options.output, draft.report, { overwrite: options.force === true })
    io.out(nextYearSummary(last.year, draft, options.output))
  })
}

/** A few Chinese lines: what was carried, what is marked, what is left to write. */
export function nextYearSummary(lastYear: number, { report, notes }: NextYearDraft, output: string): string {
  const baseline = IN_FORCE_ROWS.filter((row) => notes.baseline[row] !== undefined).map(
    (row) => `${rowByKey(TABLE_2, row).label} ${notes.baseline[row]} 件`
  )
  const carried = notes.carriedCells.map((id) => `${cellDef(id).columnPath.at(-1)} ${report.values[id]}`)
  const lines = [
    `已由 ${report.unit.name} ${lastYear} 年度报告生成 ${report.year} 年度草稿：${output}`,
    `  带入数字：${carried.length ? `表三“${rowHeading(CARRIED_ROW.row)}”${carried.length} 项（${carried.join('，')}）` : `无（上年未填“${shortLabel(CARRIED_ROW.from)}”）`}`,
    `  现行有效件数基数：${baseline.length ? baseline.join('，') : '无'}（本年现行有效件数 = 基数 + 本年制发 − 本年废止）`,
    `  正文年份顺延：${notes.movedYears} 处；待更新数字：${notes.marks.length} 处，以“【待更新：原数字】”标出，请逐一改为本年数字` +
      '（表述表格数字的，填表后自动换成表格数字）',
    ...(notes.linked.length ? [`  已按带入的表格数字改写正文：${notes.linked.length} 处（如“${notes.linked[0]!.figure}”→“${notes.linked[0]!.value}”）`] : []),
    `  上年问题整改清单：${notes.checklist.length} 条，列于「${sectionDef('problems').heading}」开头，“【待填写】”处请写明整改情况`,
    '  其余数字均为空白（不是 0），请按本年实际填写。',
    ...notes.warnings.map((w) => `  注意：${w}`)
  ]
  return `${lines.join('\n')}\n`
}
