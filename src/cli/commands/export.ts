import type { Command } from 'commander'
import { buildDocx } from '../../core/export/docx'
import { writeFileAtomic } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport } from '../reportFiles'

interface ExportOptions {
  output: string
  keepBlank?: boolean
  signature?: boolean
}

export function registerExport(program: Command, { io }: CliContext): void {
  program
    .command('export')
    .description('导出为符合国家格式和 GB/T 9704 版式的 Word 文档（.docx）')
    .argument('<报告>', '年报 .json 文件')
    .requiredOption('-o, --output <文件>', '导出的 .docx 文件')
    .option('--keep-blank', '空白单元格保持空白（默认填 0）')
    .option('--no-signature', '不加落款（单位名称和日期）')
    .action(async (path: string, options: ExportOptions) => {
      if (!/\.docx$/i.test(options.output)) throw new CliError(`导出文件应以 .docx 结尾：${options.output}`)
      const report = await loadReport(path)
      const bytes = await buildDocx(report, {
        blankCells: options.keepBlank ? 'blank' : report.settings.blankCells,
        signature: options.signature === false ? false : report.settings.signature
      })
      await writeFileAtomic(options.output, bytes)
      io.out(`已导出：${options.output}\n`)
    })
}
