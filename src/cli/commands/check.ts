import type { Command } from 'commander'
import { copyMeasure, type CopyMeasure } from '../../core/report/copyMeasure'
import { SECTIONS, type SectionId } from '../../core/report/sections'
import { checkReport, notApplied, ruleName, type RuleNotApplied } from '../../core/rules/index'
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
    .option('--previous <上年报告>', '上年年报 .json，用于跨年核对（上年结转、现行有效件数）及与上年重复比例')
    .option('--json', '以 JSON 输出')
    .action(async (path: string, options: CheckOptions) => {
      const report = await loadReport(path)
      const previous = options.previous === undefined ? undefined : await loadReport(options.previous)
      const findings = checkReport(report, previous)
      const summary = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<
        Severity,
        number
      >
      const copy = previous === undefined ? undefined : copyMeasure(report, previous)
      const skipped = notApplied(report)
      if (options.json) {
        const json = {
          unit: report.unit.name,
          year: report.year,
          summary,
          findings,
          ...(skipped.length ? { notApplied: skipped } : {}),
          ...(copy ? { copy: copyJson(copy) } : {})
        }
        io.out(`${JSON.stringify(json, null, 2)}\n`)
      } else {
        io.out(formatFindings(`${report.unit.name} ${report.year} 年度报告`, findings, summary))
        if (skipped.length) io.out(formatNotApplied(skipped))
        if (copy && previous) io.out(formatCopy(copy, previous.year))
      }
      if (summary.error > 0) setExitCode(1)
    })
}

function formatFindings(title: string, findings: readonly Finding[], summary: Record<Severity, number>): string {
  const counts = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${summary[s]}`).join('，')
  if (findings.length === 0) return `${title}：未发现问题。\n`
  const lines = findings.map((f) => `[${SEVERITY_LABELS[f.severity]}] ${ruleName(f.rule)}（${f.rule}） ${f.message}`)
  return `${title}：共 ${findings.length} 项（${counts}）\n${lines.join('\n')}\n`
}

/** The checks the report's format generation did not have: said, so that silence is not read as a pass. */
function formatNotApplied(skipped: readonly RuleNotApplied[]): string {
  const reasons = [...new Set(skipped.map((s) => s.reason.replace(/，该项要求.*$/, '')))]
  return `未做的检查（${reasons.join('；')}）：${skipped.map((s) => `${s.rule} ${s.name}`).join('、')}\n`
}

/** Shares rounded to 3 decimals: enough for a percentage with one decimal. */
const round = (share: number): number => Math.round(share * 1000) / 1000

function copyJson(copy: CopyMeasure): { overall: number; sections: Record<SectionId, number> } {
  const sections = Object.fromEntries(SECTIONS.map((s) => [s.id, round(copy.sections[s.id].share)])) as Record<SectionId, number>
  return { overall: round(copy.overall), sections }
}

const percent = (share: number): string => `${(share * 100).toFixed(0)}%`

function formatCopy(copy: CopyMeasure, previousYear: number): string {
  const lines = SECTIONS.map((s) => {
    const part = copy.sections[s.id]
    return part.totalChars === 0 ? `  ${s.heading}：无正文` : `  ${s.heading}：${percent(part.share)}（${part.repeatedChars}/${part.totalChars} 字）`
  })
  return `与 ${previousYear} 年度报告重复的比例（逐句比对）：全文 ${percent(copy.overall)}\n${lines.join('\n')}\n`
}
