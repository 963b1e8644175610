import type { Command } from 'commander'
import { checkReport } from '../../core/rules/index'
import { SEVERITY_LABELS, type Finding, type Severity } from '../../core/rules/types'
import type { CliContext } from '../io'
import { loadReport } from '../reportFiles'

interface CheckOptions {
  previous?: string
  json?: boolean
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'hint']

export function registerCheck(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('check')
    .description('校验年报：表格勾稽关系、空白单元格、文字与表格一致性等；有错误时退出码为 1')
    .argument('<报告>', '年报 .json 文件')
    .option('--previous <上年报告>', '上年年报 .json，用于跨年核对（上年结转、现行有效件数）')
    .option('--json', '以 JSON 输出')
    .action(async (path: string, options: CheckOptions) => {
      const report = await loadReport(path)
      const previous = options.previous === undefined ? undefined : await loadReport(options.previous)
      const findings = checkReport(report, previous)
      const summary = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<
        Severity,
        number
      >
      if (options.json) {
        io.out(`${JSON.stringify({ unit: report.unit.name, year: report.year, summary, findings }, null, 2)}\n`)
      } else {
        io.out(formatFindings(`${report.unit.name} ${report.year} 年度报告`, findings, summary))
      }
      if (summary.error > 0) setExitCode(1)
    })
}

function formatFindings(title: string, findings: readonly Finding[], summary: Record<Severity, number>): string {
  const counts = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${summary[s]}`).join('，')
  if (findings.length === 0) return `${title}：未发现问题。\n`
  const lines = findings.map((f) => `[${SEVERITY_LABELS[f.severity]}] ${f.rule} ${f.message}`)
  return `${title}：共 ${findings.length} 项（${counts}）\n${lines.join('\n')}\n`
}
