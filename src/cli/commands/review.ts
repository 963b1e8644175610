/**
 * `review 报告.json 编号 --check 理由 | --dismiss 理由 | --reopen`: marks one finding of a report
 * 已核实 or 忽略 with a reason, or opens it again — the same record the checks panel keeps in the
 * report (`report.review`). The finding is named by its key (`check --json`). Errors are refused with
 * exit code 1: they are fixed, not reviewed. A key the report has no finding for is refused and the
 * file left as it was; the report is written back atomically.
 */
import type { Command } from 'commander'
import { serializeReport, type ReviewMark } from '@core/report/report'
import { checkReport, markFinding, reopenFinding, ReviewError, ruleById, ruleName } from '@core/rules/index'
import type { ReviewedFinding } from '@core/rules/types'
import { writeFileAtomic } from '../../main/services/files'
import { CliError, type CliContext } from '../io'
import { loadReport } from '../reportFiles'
import { addSettingsOptions, loadRuleSettings, type SettingsOptions } from '../ruleSettings'

interface ReviewOptions extends SettingsOptions {
  check?: string
  dismiss?: string
  reopen?: boolean
  previous?: string
}

const DONE: Record<ReviewMark, string> = { checked: '已标为已核实', dismissed: '已忽略' }

/** Keys of the same rule offered when a key is not found (a typo, or a finding since fixed). */
const SIMILAR_SHOWN = 5

export function registerReview(program: Command, { io }: CliContext): void {
  const command = program
    .command('review')
    .description('把一项警告或提示标为已核实或忽略（写明理由，保存在报告中；相关数字变动时自动重新列出），或重新打开；错误不能忽略')
    .argument('<报告>', '年报 .json 文件（原地保存）')
    .argument('<编号>', '检查结果的编号（check --json 输出中的 key）')
    .option('--check <理由>', '标为已核实，如 --check "已与原文核对，原文确为空白"')
    .option('--dismiss <理由>', '忽略，如 --dismiss "法定表述，每年相同"')
    .option('--reopen', '重新打开（取消已核实或忽略）')
    .option('--previous <上年报告>', '上年年报 .json（与上年比对的检查需要它，与 check 时相同）')
  addSettingsOptions(command).action(async (path: string, key: string, options: ReviewOptions) => {
    const actions = [options.check !== undefined, options.dismiss !== undefined, options.reopen === true].filter(Boolean).length
    if (actions !== 1) throw new CliError('请指定 --check "理由"、--dismiss "理由" 或 --reopen 中的一项')
    const report = await loadReport(path)
    const previous = options.previous === undefined ? undefined : await loadReport(options.previous)
    const settings = await loadRuleSettings(options, io)
    const findings = checkReport(report, previous, settings)
    const finding = findings.find((f) => f.key === key)

    if (options.reopen) {
      if (report.review?.[key]) {
        await writeFileAtomic(path, serializeReport(reopenFinding(report, key)))
        io.out(`已重新打开${finding ? `：${describe(finding)}` : `「${key}」`}\n`)
        return
      }
      if (!finding) throw notFound(path, key, findings, previous !== undefined)
      io.out(`该项没有标为已核实或忽略，无需重新打开：${describe(finding)}\n`)
      return
    }

    if (!finding) throw notFound(path, key, findings, previous !== undefined)
    const status: ReviewMark = options.check !== undefined ? 'checked' : 'dismissed'
    const reason = options.check ?? options.dismiss ?? ''
    let next
    try {
      next = markFinding(report, finding, status, reason, new Date().toISOString())
    } catch (error) {
      if (error instanceof ReviewError) throw new CliError(error.message, finding.severity === 'error' ? 1 : 2)
      throw error
    }
    await writeFileAtomic(path, serializeReport(next))
    io.out(`${DONE[status]}：${describe(finding)}\n理由：${next.review![key]!.reason}\n`)
  })
}

function describe(finding: ReviewedFinding): string {
  return `${ruleName(finding.rule)}（${finding.rule}） ${finding.message}`
}

function notFound(path: string, key: string, findings: readonly ReviewedFinding[], hasPrevious: boolean): CliError {
  const rule = key.split(':')[0] ?? key
  const similar = findings.filter((f) => f.rule === rule).map((f) => `「${f.key}」`)
  const needsPrevious = !hasPrevious && ruleById(rule)?.reads.previous === true
  const hints = [
    needsPrevious ? '该项检查需用 --previous 指定上年报告' : '',
    similar.length ? `同一规则现有：${similar.slice(0, SIMILAR_SHOWN).join('、')}${similar.length > SIMILAR_SHOWN ? ' 等' : ''}` : '',
    '各项编号见 check --json 的 key'
  ].filter(Boolean)
  return new CliError(`${path} 中没有编号为「${key}」的检查结果，未做修改（${hints.join('；')}）`)
}
