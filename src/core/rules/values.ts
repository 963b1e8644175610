/** R5 (each value is a valid number of its kind) and BLANK (a blank cell is not a 0). */
import { CELLS, describeCell, type CellDef, type CellId } from '../report/cells'
import type { Report } from '../report/report'
import { TABLES, type ValueKind } from '../report/tables'
import type { Finding, Rule, Severity } from './types'
import { CELLS_NEW_IN_2021, tablesGeneration } from './applicability'
import { IMPORT_LABELS, importFaults } from './importFaults'

/** The template gives no rounding rule for 万元; six places is what real reports use at most. */
export const MAX_AMOUNT_DECIMALS = 6

/** Decimal places as the value was typed (the shortest round-trip form), exponent form included. */
export function decimalPlaces(v: number): number {
  const text = String(v)
  const exp = text.indexOf('e')
  const mantissa = exp < 0 ? text : text.slice(0, exp)
  const dot = mantissa.indexOf('.')
  const places = dot < 0 ? 0 : mantissa.length - dot - 1
  return exp < 0 ? places : Math.max(0, places - Number(text.slice(exp + 1)))
}

interface ValueCheck {
  kinds: readonly ValueKind[]
  severity: Severity
  fails(v: number): boolean
  problem: string
}

/**
 * First failing check wins, so a cell gets one finding. The extra decimals are only a warning:
 * the value is legal, it just looks like a slip of the keyboard.
 */
const VALUE_CHECKS: readonly ValueCheck[] = [
  { kinds: ['count', 'amount'], severity: 'error', fails: (v) => !Number.isFinite(v), problem: '不是有效数字' },
  { kinds: ['count'], severity: 'error', fails: (v) => v < 0, problem: '件数不能为负数' },
  { kinds: ['amount'], severity: 'error', fails: (v) => v < 0, problem: '金额不能为负数' },
  { kinds: ['count'], severity: 'error', fails: (v) => !Number.isInteger(v), problem: '件数应为整数' },
  {
    kinds: ['amount'],
    severity: 'warning',
    fails: (v) => decimalPlaces(v) > MAX_AMOUNT_DECIMALS,
    problem: `小数位超过 ${MAX_AMOUNT_DECIMALS} 位，请核实是否录入有误`
  }
]

const CHECKS_BY_KIND: Record<ValueKind, readonly ValueCheck[]> = {
  count: VALUE_CHECKS.filter((c) => c.kinds.includes('count')),
  amount: VALUE_CHECKS.filter((c) => c.kinds.includes('amount'))
}

function checkValue(def: CellDef, v: number): Finding | undefined {
  const failed = CHECKS_BY_KIND[def.kind].find((check) => check.fails(v))
  if (!failed) return undefined
  return {
    rule: 'R5',
    severity: failed.severity,
    message: `${describeCell(def.id)}为 ${String(v)}，${failed.problem}`,
    cells: [def.id],
    target: { kind: 'cell', cell: def.id }
  }
}

export const VALUE_RULE: Rule = {
  id: 'R5',
  severity: 'error',
  title: '件数应为非负整数，收费金额应为非负数',
  reads: { cells: CELLS.map((c) => c.id) },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const def of CELLS) {
      const v = report.values[def.id]
      if (v === undefined) continue
      const finding = checkValue(def, v)
      if (finding) findings.push(finding)
    }
    return findings
  }
}

const TABLE_CELLS = TABLES.map((table) => ({
  id: table.id,
  name: table.name,
  cells: CELLS.filter((c) => c.table === table.id).map((c) => c.id)
}))

/** What happens to blanks on export, by the report's setting. */
const BLANK_EXPORT: Record<Report['settings']['blankCells'], string> = {
  zero: '导出时将按 0 输出（可在导出对话框中选择“保留空白”）',
  blank: '导出时将保留空白（可在导出对话框中改为填 0）'
}

export const BLANK_RULE: Rule = {
  id: 'BLANK',
  severity: 'warning',
  since: '2019',
  about: 'tables',
  handlesImport: true,
  title: '表格中有未填写的单元格（空白不等于 0）',
  reads: { cells: CELLS.map((c) => c.id) },
  evaluate({ report }) {
    const findings: Finding[] = []
    // A 2019-format report has no cells the 2021 format added: their being blank is no fault.
    const exists = tablesGeneration(report) === '2019' ? (id: CellId) => !CELLS_NEW_IN_2021.has(id) : () => true
    const { unread } = importFaults(report)
    for (const table of TABLE_CELLS) {
      const blanks: CellId[] = table.cells.filter((id) => report.values[id] === undefined && exists(id))
      // Cells the import could not read are said apart: the source may well have had figures there.
      const notRead = blanks.filter((id) => unread.has(id))
      const printed = blanks.filter((id) => !unread.has(id))
      if (notRead.length) {
        findings.push({
          rule: 'BLANK',
          severity: 'warning',
          origin: 'unread',
          // The first blank moves as cells are filled: the key is the table's.
          key: `BLANK:${table.id}:unread`,
          message:
            `「${IMPORT_LABELS.unread}」${table.name}有 ${notRead.length} 个单元格导入时未能识别（首个为${describeCell(notRead[0]!)}），` +
            '请对照原文补录；原文确为空白的，空白不等于 0',
          cells: notRead,
          target: { kind: 'cell', cell: notRead[0]! }
        })
      }
      const first = printed[0]
      if (first === undefined) continue
      findings.push({
        rule: 'BLANK',
        severity: 'warning',
        key: `BLANK:${table.id}`,
        message:
          `${table.name}有 ${printed.length} 个单元格未填写（首个为${describeCell(first)}）；` +
          `空白不等于 0，${BLANK_EXPORT[report.settings.blankCells]}`,
        cells: printed,
        target: { kind: 'cell', cell: first }
      })
    }
    return findings
  }
}
