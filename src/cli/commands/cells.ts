import type { Command } from 'commander'
import { applyCellUpdates, cellsToTsv, parseCellsTsv } from '../../core/report/tsv'
import { ReportError } from '../../core/report/report'
import { decodeText } from '../../core/text/decode'
import { readBoundedFile } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport, saveReport } from '../reportFiles'

/** A values file from Excel is small; this bounds a mistaken choice of file. */
const MAX_TSV_BYTES = 5 * 1024 * 1024

interface CellsOptions {
  set?: string
}

export function registerCells(program: Command, { io }: CliContext): void {
  program
    .command('cells')
    .description('列出表格全部数值（TSV：表、行、列、数值），或用 --set 从 TSV 写回')
    .argument('<报告>', '年报 .json 文件')
    .option('--set <文件>', '从 TSV 文件写入数值（每行：表<TAB>行<TAB>列<TAB>数值；数值留空表示空白；UTF-8、UTF-16 或 GBK 编码均可）')
    .action(async (path: string, options: CellsOptions) => {
      const report = await loadReport(path)
      if (options.set === undefined) {
        io.out(cellsToTsv(report))
        return
      }
      const bytes = await readBoundedFile(options.set, MAX_TSV_BYTES)
      try {
        const updates = parseCellsTsv(decodeText(bytes).text)
        await saveReport(path, applyCellUpdates(report, updates), { overwrite: true })
        io.out(`已写入 ${updates.length} 个单元格：${path}\n`)
      } catch (error) {
        if (error instanceof ReportError) throw new CliError(`${options.set}：${error.message}`)
        throw error
      }
    })
}
