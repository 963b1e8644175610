/**
 * R1–R4: the sums inside the tables. The relations themselves are not written here: they come from
 * BALANCES, which cells.ts derives from the table definitions. This module only says how each family
 * is titled and worded, and evaluates every relation with one function.
 */
import { BALANCES, CARRIED_CELLS, cellDef, describeCell, LABEL_SEPARATOR, type Balance, type CellId } from '../report/cells'
import type { Finding, Rule } from './types'
import { formatNumber, formatValue, sameNumber, someFilled, sumOf, type Values } from './format'

type BalanceRule = Balance['rule']

interface Presentation {
  title: string
  /** What the parts of a total are, in the message “… 应为 N（parts），实为 M”. */
  parts: string
}

const PRESENTATION: Record<BalanceRule, Presentation> = {
  R1: { title: '表三各列：本年新收＋上年结转＝办理结果总计＋结转下年度继续办理', parts: '' },
  R2: { title: '表三各行：总计＝自然人＋各类法人或其他组织', parts: '自然人与各类法人或其他组织之和' },
  R3: { title: '表三各列：（七）总计＝各项办理结果之和', parts: '各项办理结果之和' },
  R4: { title: '表四：总计＝结果维持＋结果纠正＋其他结果＋尚未审结', parts: '结果维持、结果纠正、其他结果、尚未审结之和' }
}

/**
 * One wrong cell should give one finding, not one per relation that happens to contain it. Two cases:
 *  - some cells anchor two relations (the corner of 表三 is a row and a column total; （七）总计 is in
 *    R1 and R3). When both blame the anchor for the same value, the earlier family here reports it,
 *    because a plain sum tells the officer what to type;
 *  - a relation built on another relation's total (R3 over the 总计 column adds up the row totals)
 *    breaks whenever that total is wrong. While the lower relation is broken, it is the one reported.
 * Totals in the tables nest without cycles, so something is always reported while a sum is off.
 */
const PRECEDENCE: readonly BalanceRule[] = ['R3', 'R2', 'R4', 'R1']

interface Relation {
  balance: Balance
  /** Every cell of the relation: highlighted together. */
  cells: readonly CellId[]
  /**
   * The cells the officer fills in this year: while all are blank the relation is “not filled in
   * yet”, even if a figure carried from last year (上年结转) already stands in it — so a fresh draft
   * does not open with errors.
   */
  typed: readonly CellId[]
  /** Cells on the anchor's side other than the anchor: the anchor should be sum(left) − sum(these). */
  besideAnchor: readonly CellId[]
  /** Relations on the same anchor that report first (see PRECEDENCE). */
  outranking: Relation[]
  /** Relations whose anchor is one of this relation's other cells: when broken, they explain this one. */
  builtOn: Relation[]
  message(values: Values, implied: number): string
}

function rowName(id: CellId): string {
  return `「${cellDef(id).rowPath.join(LABEL_SEPARATOR)}」`
}

/** Wording for a total cell: “表三「…」「…」应为 12（各项办理结果之和），实为 11”. */
function totalMessage(balance: Balance): Relation['message'] {
  const anchor = describeCell(balance.anchor)
  const parts = PRESENTATION[balance.rule].parts
  return (values, implied) =>
    `${anchor}应为 ${formatNumber(implied)}（${parts}），实为 ${formatValue(values[balance.anchor])}`
}

/** Wording for an identity between rows (R1), per column: both sums, named by their rows. */
function identityMessage(balance: Balance): Relation['message'] {
  const first = cellDef(balance.anchor)
  const head = `${first.tableName}「${first.columnPath.join(LABEL_SEPARATOR)}」列：`
  const leftNames = balance.left.map(rowName).join('与')
  const rightNames = balance.right.map(rowName).join('与')
  return (values) =>
    `${head}${leftNames}之和为 ${formatNumber(sumOf(values, balance.left))}，` +
    `${rightNames}之和为 ${formatNumber(sumOf(values, balance.right))}，两者应相等`
}

const CARRIED = new Set<CellId>(CARRIED_CELLS.map((c) => c.id))

function prepare(balance: Balance): Relation {
  const cells = [...balance.left, ...balance.right]
  const typed = cells.filter((id) => !CARRIED.has(id))
  return {
    balance,
    cells,
    typed: typed.length ? typed : cells,
    besideAnchor: balance.right.filter((id) => id !== balance.anchor),
    outranking: [],
    builtOn: [],
    message: balance.right.length === 1 ? totalMessage(balance) : identityMessage(balance)
  }
}

const RELATIONS: readonly Relation[] = BALANCES.map(prepare)

for (const relation of RELATIONS) {
  const rank = PRECEDENCE.indexOf(relation.balance.rule)
  relation.outranking = RELATIONS.filter(
    (other) =>
      other !== relation &&
      other.balance.anchor === relation.balance.anchor &&
      PRECEDENCE.indexOf(other.balance.rule) < rank
  )
  relation.builtOn = RELATIONS.filter(
    (other) => other.balance.anchor !== relation.balance.anchor && relation.cells.includes(other.balance.anchor)
  )
}

/**
 * The value the relation implies for its anchor when it does not hold; undefined when it holds or
 * when none of its cells is filled yet (blank cells are the BLANK rule's business).
 */
function impliedAnchor(relation: Relation, values: Values): number | undefined {
  if (!someFilled(values, relation.typed)) return undefined
  const { left, right } = relation.balance
  const leftSum = sumOf(values, left)
  if (sameNumber(leftSum, sumOf(values, right))) return undefined
  return leftSum - sumOf(values, relation.besideAnchor)
}

function evaluateRelations(relations: readonly Relation[], rule: BalanceRule, values: Values): Finding[] {
  const findings: Finding[] = []
  for (const relation of relations) {
    const implied = impliedAnchor(relation, values)
    if (implied === undefined) continue
    const explained =
      relation.builtOn.some((other) => impliedAnchor(other, values) !== undefined) ||
      relation.outranking.some((other) => {
        const theirs = impliedAnchor(other, values)
        return theirs !== undefined && sameNumber(theirs, implied)
      })
    if (explained) continue
    findings.push({
      rule,
      severity: 'error',
      message: relation.message(values, implied),
      cells: relation.cells,
      target: { kind: 'cell', cell: relation.balance.anchor }
    })
  }
  return findings
}

function balanceRule(rule: BalanceRule): Rule {
  const relations = RELATIONS.filter((r) => r.balance.rule === rule)
  return {
    id: rule,
    severity: 'error',
    // The tables these sums are about came with the 2019 format; pre-2019 figures map only approximately.
    since: '2019',
    about: 'tables',
    title: PRESENTATION[rule].title,
    reads: { cells: [...new Set(relations.flatMap((r) => r.cells))] },
    evaluate: (ctx) => evaluateRelations(relations, rule, ctx.report.values)
  }
}

export const ARITHMETIC_RULES: readonly Rule[] = (['R1', 'R2', 'R3', 'R4'] as const).map(balanceRule)
