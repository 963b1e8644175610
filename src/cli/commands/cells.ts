import type { Command } from 'commander'
import { applyCellUpdates, cellsToTsv, parseCellsTsv } from '@core/report/tsv'
import { ReportError, type Report } from '@core/report/report'
import { fillAllTotals } from '@core/report/totals'
import { decodeText } from '@core/text/decode'
import { readBoundedFile } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport, saveReport } from '../reportFiles'

/** A values file from Excel is small; this bounds a mistaken choice of file. */
const MAX_TSV_BYTES = 5 * 1024 * 1024

interface CellsOptions {
  set?: string
  fillTotals?: boolean
}

export function registerCells(program: Command, { io }: CliContext): void {
  program
    .command('cells')
    .description('列出表格全部数值（TSV：表、行、列、数值），或用 --set 从 TSV 写回、--fill-totals 填入空白的合计')
    .argument('<报告>', '年报 .json 文件')
    .option('--set <文件>', '从 TSV 文件写入数值（每行：表<TAB>行<TAB>列<TAB>数值；数值留空表示空白；UTF-8、UTF-16 或 GBK 编码均可）')
    .option('--fill-totals', '填入空白的合计（表三、表四的总计由各项相加，与桌面程序的“填入合计”相同；已填写的合计不改）')
    .action(async (path: string, options: CellsOptions) => {
      const report = await loadReport(path)
      if (options.set === undefined && !options.fillTotals) {
        io.out(cellsToTsv(report))
        return
      }
      let next: Report = report
      const said: string[] = []
      if (options.set !== undefined) {
        const bytes = await readBoundedFile(options.set, MAX_TSV_BYTES)
        try {
          const updates = parseCellsTsv(decodeText(bytes).text)
          next = applyCellUpdates(next, updates)
          said.push(`已写入 ${updates.length} 个单元格`)
        } catch (error) {
          if (error instanceof ReportError) throw new CliError(`${options.set}：${error.message}`)
          throw error
        }
      }
      if (options.fillTotals) {
        const { values, filled, disagreeing } = fillAllTotals(next.values)
        next = { ...next, values }
        said.push(`已填入 ${filled} 个空白的合计`)
        if (disagreeing) said.push(`${disagreeing} 个已填写的合计与各项之和不符，未改动（check 会指出）`)
      }
      await saveReport(path, next, { overwrite: true })
      io.out(`${said.join('；')}：${path}\n`)
    })
}
