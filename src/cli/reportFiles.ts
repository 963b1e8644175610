/** Reading and writing report files for the CLI: bounded, validated, atomic. */
import { parseReport, serializeReport, type Report } from '@core/report/report'
import { FileError, fileExists, readReportText, writeFileAtomic } from '../main/services/files'
import { CliError } from './io'

export async function loadReport(path: string): Promise<Report> {
  const text = await readReportText(path)
  try {
    return parseReport(text)
  } catch (error) {
    throw new CliError(`${path}：${(error as Error).message}`)
  }
}

export async function saveReport(path: string, report: Report, options: { overwrite: boolean }): Promise<void> {
  if (!options.overwrite && (await fileExists(path))) {
    throw new FileError(`文件已存在：${path}（如需覆盖，请加 --force）`)
  }
  await writeFileAtomic(path, serializeReport(report))
}
