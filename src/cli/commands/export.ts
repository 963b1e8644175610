import type { Command } from 'commander'
import { buildDocx } from '../../core/export/docx'
import { MarksRemainError } from '../../core/export/gate'
import { writeFileAtomic } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport } from '../reportFiles'

interface ExportOptions {
  output: string
  keepBlank?: boolean
  signature?: boolean
  draft?: boolean
  commonFonts?: boolean
}

export function registerExport(program: Command, { io }: CliContext): void {
  program
    .command('export')
    .description('导出为符合国家格式和 GB/T 9704 版式的 Word 文档（.docx）；正文中还有【待更新】【待填写】等标记时只能导出草稿')
    .argument('<报告>', '年报 .json 文件')
    .requiredOption('-o, --output <文件>', '导出的 .docx 文件')
    .option('--keep-blank', '空白单元格保持空白（默认填 0）')
    .option('--no-signature', '不加落款（单位名称和日期）')
    .option('--draft', '导出草稿：每页页眉标“草稿”，正文中的标记以黄色突出显示，不得公开发布')
    .option('--common-fonts', '使用常见字体（仿宋、黑体、楷体、宋体）代替仿宋_GB2312、方正小标宋简体、楷体_GB2312')
    .action(async (path: string, options: ExportOptions) => {
      if (!/\.docx$/i.test(options.output)) throw new CliError(`导出文件应以 .docx 结尾：${options.output}`)
      const report = await loadReport(path)
      let bytes: Uint8Array
      try {
        bytes = await buildDocx(report, {
          blankCells: options.keepBlank ? 'blank' : report.settings.blankCells,
          signature: options.signature === false ? false : report.settings.signature,
          draft: options.draft === true,
          fonts: options.commonFonts ? 'common' : 'official'
        })
      } catch (error) {
        // Like `check` with errors: exit 1, the report is not ready; nothing is written.
        if (error instanceof MarksRemainError) throw new CliError(`${path}：${error.message}（--draft）`, 1)
        throw error
      }
      await writeFileAtomic(options.output, bytes)
      io.out(`${options.draft ? '已导出草稿' : '已导出'}：${options.output}\n`)
    })
}
