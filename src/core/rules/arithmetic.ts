/**
 * R1–R4: the sums inside the tables. The relations themselves are not written here: they come from
 * BALANCES, which cells.ts derives from the table definitions, and so do their titles: each family
 * is worded from the nodes it is declared on. This module evaluates every relation with one function.
 */
import { BALANCES, CARRIED_CELLS, cellDef, describeCell, LABEL_SEPARATOR, type Balance, type CellId } from '../report/cells'
import { rowByKey, shortLabel, TABLES, type HeaderNode, type TableDef } from '../report/tables'
import type { Finding, Rule } from './types'
import { formatNumber, formatValue, sameNumber, someFilled, sumOf, type Values } from './format'

type BalanceRule = Balance['rule']

interface Presentation {
  title: string
  /** What the parts of a total are, in the message “… 应为 N（parts），实为 M”. */
  parts: string
}

/** Two parts are joined with 与, more with 、. */
const listed = (names: readonly string[]) => names.join(names.length === 2 ? '与' : '、')

/**
 * A family declared on a total node (`totalOf`): a total column holds for every row (表三各行; 表四's
 * groups stand side by side, so plainly 表四), a total row for every column. The parts are the
 * total's siblings: a group among them is 各类…; a total row sums 各项 of its parent group.
 */
function totalPresentation(table: TableDef, axis: 'rows' | 'columns', total: HeaderNode, parent: HeaderNode | undefined, siblings: readonly HeaderNode[]): Presentation {
  if (axis === 'rows') {
    const parts = `各项${parent ? shortLabel(parent) : ''}之和`
    return { title: `${table.name}各列：${total.label}＝${parts}`, parts }
  }
  const names = siblings.filter((n) => n !== total).map((n) => (n.children?.length ? `各类${n.label}` : n.label))
  const scope = table.layout === 'matrix' ? '各行' : ''
  return { title: `${table.name}${scope}：${total.label}＝${names.join('＋')}`, parts: `${listed(names)}之和` }
}

function presentations(): Record<BalanceRule, Presentation> {
  const out: Partial<Record<BalanceRule, Presentation>> = {}
  for (const table of TABLES) {
    if (table.layout === 'sections') continue
    for (const axis of ['rows', 'columns'] as const) {
      const walk = (nodes: readonly HeaderNode[], parent: HeaderNode | undefined) => {
        for (const node of nodes) {
          if (node.totalOf) out[node.totalOf] ??= totalPresentation(table, axis, node, parent, nodes)
          walk(node.children ?? [], node)
        }
      }
      walk(table[axis], undefined)
    }
    if (table.layout === 'matrix') {
      for (const { rule, left, right } of table.identities) {
        const side = (keys: readonly string[]) => keys.map((key) => shortLabel(rowByKey(table, key))).join('＋')
        out[rule] ??= { title: `${table.name}各列：${side(left)}＝${side(right)}`, parts: '' }
      }
    }
  }
  return out as Record<BalanceRule, Presentation>
}

const PRESENTATION = presentations()

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
