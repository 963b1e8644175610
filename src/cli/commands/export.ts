import type { Command } from 'commander'
import { buildDocx } from '@core/export/docx'
import { MarksRemainError } from '@core/export/gate'
import { reportPrint, withGiven, type PrintOptions } from '@core/export/print'
import { exportSettings } from '@core/settings'
import { writeFileAtomic } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport } from '../reportFiles'
import { addSettingsOptions, loadRegionProfile, type SettingsOptions } from '../ruleSettings'

interface ExportOptions extends SettingsOptions {
  output: string
  keepBlank?: boolean
  signature?: boolean
  level3Bold?: boolean
  dateStyle?: PrintOptions['dateStyle']
  signatureAlign?: PrintOptions['signatureAlign']
  draft?: boolean
  commonFonts?: boolean
}

const DATE_STYLES = ['arabic', 'chinese'] as const
const ALIGNS = ['gbt9704', 'right'] as const

/** A value from a short list, refused in Chinese (commander's own message is English). */
function choice<T extends string>(option: string, allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T
    throw new CliError(`${option} 的取值应为 ${allowed.join(' 或 ')}：${value}`)
  }
}

/**
 * Which print options win: those given here, then the report's own (what the officer last exported
 * with, or what 设置 gave it when it was created), then `--library`/`--settings`, then the national
 * defaults — the order the app's export dialog follows (core/export/print.ts).
 */
export function registerExport(program: Command, { io }: CliContext): void {
  const command = program
    .command('export')
    .description('导出为符合国家格式和 GB/T 9704 版式的 Word 文档（.docx）；正文中还有【待更新】【待填写】等标记时只能导出草稿')
    .argument('<报告>', '年报 .json 文件')
    .requiredOption('-o, --output <文件>', '导出的 .docx 文件')
    .option('--keep-blank', '空白单元格保持空白（默认按报告的选择，通常填 0）')
    .option('--no-signature', '不加落款（单位名称和日期）')
    .option('--level3-bold', '三级标题（“1.”）加粗')
    .option('--no-level3-bold', '三级标题不加粗（GB/T 9704）')
    .option('--date-style <写法>', '落款日期：arabic（2026年1月20日，GB/T 9704）或 chinese（二〇二六年一月二十日）', choice('--date-style', DATE_STYLES))
    .option('--signature-align <位置>', '落款位置：gbt9704（右空二字，日期再右移二字）或 right（右对齐）', choice('--signature-align', ALIGNS))
    .option('--draft', '导出草稿：每页页眉标“草稿”，正文中的标记以黄色突出显示，不得公开发布')
    .option('--common-fonts', '使用常见字体（仿宋、黑体、楷体、宋体）代替仿宋_GB2312、方正小标宋简体、楷体_GB2312')
  addSettingsOptions(command, 'print').action(async (path: string, options: ExportOptions) => {
    if (!/\.docx$/i.test(options.output)) throw new CliError(`导出文件应以 .docx 结尾：${options.output}`)
    const report = await loadReport(path)
    const profile = await loadRegionProfile(options, io)
    const print = withGiven(reportPrint(report, profile && exportSettings(profile)), {
      blankCells: options.keepBlank ? 'blank' : undefined,
      // Commander sets `signature` true unless --no-signature: only `false` was asked for.
      signature: options.signature === false ? false : undefined,
      level3Bold: options.level3Bold,
      dateStyle: options.dateStyle,
      signatureAlign: options.signatureAlign
    })
    let bytes: Uint8Array
    try {
      bytes = await buildDocx(report, { ...print, draft: options.draft === true, fonts: options.commonFonts ? 'common' : 'official' })
    } catch (error) {
      // Like `check` with errors: exit 1, the report is not ready; nothing is written.
      if (error instanceof MarksRemainError) throw new CliError(`${path}：${error.message}（--draft）`, 1)
      throw error
    }
    await writeFileAtomic(options.output, bytes)
    io.out(`${options.draft ? '已导出草稿' : '已导出'}：${options.output}\n`)
  })
}
