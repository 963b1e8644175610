import type { Command } from 'commander'
import { copyMeasure, type CopyMeasure } from '@core/report/copyMeasure'
import { REVIEW_STATUS_LABELS } from '@core/report/report'
import { SECTIONS, type SectionId } from '@core/report/sections'
import { checkReport, describeReview, notApplied, openCounts, reviewedCounts, ruleName, type RuleNotApplied } from '@core/rules/index'
import { SEVERITY_LABELS, type ReviewedFinding, type Severity } from '@core/rules/types'
import type { CliContext } from '../io'
import { loadReport } from '../reportFiles'
import { addSettingsOptions, loadRuleSettings, type SettingsOptions } from '../ruleSettings'

interface CheckOptions extends SettingsOptions {
  previous?: string
  json?: boolean
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'hint']

export function registerCheck(program: Command, { io, setExitCode }: CliContext): void {
  const command = program
    .command('check')
    .description('校验年报：表格勾稽关系、空白单元格、文字与表格一致性等；有错误时退出码为 1（已核实或忽略的不计）')
    .argument('<报告>', '年报 .json 文件')
    .option('--previous <上年报告>', '上年年报 .json，用于跨年核对（上年结转、现行有效件数）及与上年重复比例')
    .option('--json', '以 JSON 输出（每项含编号 key、状态 status：open/checked/dismissed、理由 reason）')
  addSettingsOptions(command).action(async (path: string, options: CheckOptions) => {
    const report = await loadReport(path)
    const previous = options.previous === undefined ? undefined : await loadReport(options.previous)
    const settings = await loadRuleSettings(options, io)
    const findings = checkReport(report, previous, settings)
    // What needs attention: errors, and warnings and hints not marked 已核实 or 忽略.
    const summary = openCounts(findings)
    const reviewed = reviewedCounts(findings)
    const copy = previous === undefined ? undefined : copyMeasure(report, previous)
    const skipped = notApplied(report)
    if (options.json) {
      const json = {
        unit: report.unit.name,
        year: report.year,
        summary,
        reviewed,
        findings: findings.map(findingJson),
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

/** A finding as `check --json` gives it: what it says, where, and where it stands with the officer. */
function findingJson(f: ReviewedFinding): Record<string, unknown> {
  return {
    key: f.key,
    rule: f.rule,
    name: ruleName(f.rule),
    severity: f.severity,
    status: f.status,
    ...(f.reason !== undefined ? { reason: f.reason } : {}),
    ...(f.reviewedAt !== undefined ? { reviewedAt: f.reviewedAt } : {}),
    ...(f.reopened ? { reopened: f.reopened } : {}),
    message: f.message,
    cells: f.cells,
    target: f.target,
    ...(f.origin ? { origin: f.origin } : {})
  }
}

function line(f: ReviewedFinding): string {
  return `${ruleName(f.rule)}（${f.rule}） ${f.message}`
}

function formatFindings(title: string, findings: readonly ReviewedFinding[], summary: Record<Severity, number>): string {
  const open = findings.filter((f) => f.status === 'open')
  const reviewed = findings.filter((f) => f.status !== 'open')
  const counts = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${summary[s]}`).join('，')
  const head = open.length === 0 ? `${title}：未发现${reviewed.length ? '待处理的' : ''}问题。` : `${title}：共 ${open.length} 项（${counts}）`
  const lines = open.map((f) => {
    const before = f.reopened ? `（曾${REVIEW_STATUS_LABELS[f.reopened.status]}${f.reopened.reason ? `：${f.reopened.reason}` : ''}；相关数字已变动，重新列出）` : ''
    return `[${SEVERITY_LABELS[f.severity]}] ${line(f)}${before}`
  })
  if (reviewed.length) {
    lines.push(`已核实或忽略 ${reviewed.length} 项（不计入上面的数量）：`)
    for (const f of reviewed) lines.push(`  [${describeReview({ status: f.status })}] ${line(f)}${f.reason ? ` —— 理由：${f.reason}` : ''}`)
  }
  if (open.some((f) => f.severity !== 'error')) lines.push('（警告和提示可用 review 命令标为已核实或忽略；各项编号见 check --json 的 key）')
  return `${[head, ...lines].join('\n')}\n`
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
