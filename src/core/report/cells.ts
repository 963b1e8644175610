/**
 * The value cells of the three tables, derived from the table definitions: ids, label paths,
 * value kinds, and the arithmetic relations between them.
 */
import {
  TABLES,
  type ColumnDef,
  type HeaderNode,
  type RowDef,
  type TableDef,
  type TableId,
  type ValueKind
} from './tables'

/** `t3.stateSecret.natural`: table id, row key, column key. Keys are unique within a table. */
export type CellId = `${TableId}.${string}.${string}`

export interface CellDef {
  id: CellId
  table: TableId
  tableName: string
  row: string
  column: string
  /** Labels from the outermost group to the row itself (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密). */
  rowPath: readonly string[]
  columnPath: readonly string[]
  kind: ValueKind
  /** For a cell filled by rule from last year's report: the cell of last year's report it takes. */
  carriedFrom?: CellId
}

export const LABEL_SEPARATOR = ' / '

export function cellId(table: TableId, row: string, column: string): CellId {
  return `${table}.${row}.${column}`
}

/** The full label of a node as printed, note included. */
export function fullLabel(node: HeaderNode): string {
  return node.label + (node.note ?? '')
}

export interface Leaf<T extends HeaderNode> {
  node: T
  path: readonly T[]
}

export function leaves<T extends HeaderNode>(nodes: readonly T[], parents: readonly T[] = []): Leaf<T>[] {
  return nodes.flatMap((node) => {
    const path = [...parents, node]
    const children = node.children as readonly T[] | undefined
    return children?.length ? leaves(children, path) : [{ node, path }]
  })
}

function buildCells(table: TableDef): CellDef[] {
  const make = (row: Leaf<RowDef>, column: Leaf<ColumnDef>): CellDef => ({
    id: cellId(table.id, row.node.key, column.node.key),
    table: table.id,
    tableName: table.name,
    row: row.node.key,
    column: column.node.key,
    rowPath: row.path.map(fullLabel),
    columnPath: column.path.map(fullLabel),
    kind: column.node.kind ?? 'count',
    ...(row.node.carriedFrom ? { carriedFrom: cellId(table.id, row.node.carriedFrom, column.node.key) } : {})
  })
  if (table.layout === 'sections') {
    return table.blocks.flatMap((block) => {
      const columns = leaves(block.columns)
      return leaves(block.rows).flatMap((row) => columns.map((column) => make(row, column)))
    })
  }
  const columns = leaves(table.columns)
  return leaves(table.rows).flatMap((row) => columns.map((column) => make(row, column)))
}

/** Every value cell of every table, in reading order (table, row, column). */
export const CELLS: readonly CellDef[] = TABLES.flatMap(buildCells)

/** This year's cells filled by rule from last year's report, each with the cell it takes. */
export const CARRIED_CELLS: readonly (CellDef & { carriedFrom: CellId })[] = CELLS.filter(
  (c): c is CellDef & { carriedFrom: CellId } => c.carriedFrom !== undefined
)

const CELL_BY_ID = new Map<string, CellDef>(CELLS.map((c) => [c.id, c]))

export function isCellId(id: string): id is CellId {
  return CELL_BY_ID.has(id)
}

export function cellDef(id: CellId): CellDef {
  const def = CELL_BY_ID.get(id)
  if (!def) throw new Error(`unknown cell ${id}`)
  return def
}

export function cellsOf(table: TableId): CellDef[] {
  return CELLS.filter((c) => c.table === table)
}

/** `表三 · 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 · 自然人` — how messages name a cell. */
export function describeCell(id: CellId): string {
  const c = cellDef(id)
  return `${c.tableName}「${c.rowPath.join(LABEL_SEPARATOR)}」「${c.columnPath.join(LABEL_SEPARATOR)}」`
}

/** `sum(left) = sum(right)` between cells; the arithmetic rules evaluate these. */
export interface Balance {
  rule: 'R1' | 'R2' | 'R3' | 'R4'
  table: TableId
  /** Cells on the side of the parts. */
  left: readonly CellId[]
  /** Cells on the side of the total(s). */
  right: readonly CellId[]
  /** The cell a reader should look at first when it does not add up. */
  anchor: CellId
}

/** Leaves of the group a total node sits in, other than the total itself. */
function partsOfTotal<T extends HeaderNode>(roots: readonly T[], total: Leaf<T>): Leaf<T>[] {
  const parent = total.path[total.path.length - 2]
  const group = (parent?.children as readonly T[] | undefined) ?? roots
  return leaves(group, total.path.slice(0, -1)).filter((leaf) => leaf.node !== total.node)
}

function buildBalances(table: TableDef): Balance[] {
  if (table.layout === 'sections') return []
  const rows = leaves(table.rows)
  const columns = leaves(table.columns)
  const id = (row: string, column: string) => cellId(table.id, row, column)
  /**
   * Each total leaf along one axis gives, for every leaf across, total = sum of the other leaves of
   * its group. `at(along, across)` turns the pair into a cell id.
   */
  const totals = <T extends HeaderNode, U extends HeaderNode>(
    roots: readonly T[],
    along: readonly Leaf<T>[],
    across: readonly Leaf<U>[],
    at: (along: string, across: string) => CellId
  ): Balance[] =>
    along
      .filter((total) => total.node.totalOf)
      .flatMap((total) => {
        const parts = partsOfTotal(roots, total)
        return across.map((other) => {
          const anchor = at(total.node.key, other.node.key)
          return {
            rule: total.node.totalOf!,
            table: table.id,
            left: parts.map((p) => at(p.node.key, other.node.key)),
            right: [anchor],
            anchor
          }
        })
      })
  const out: Balance[] = [
    // A total column: for every row, total = sum of the other columns of its group.
    ...totals(table.columns, columns, rows, (column, row) => id(row, column)),
    // A total row: for every column, total = sum of the other rows of its group.
    ...totals(table.rows, rows, columns, id)
  ]
  if (table.layout === 'matrix') {
    for (const identity of table.identities) {
      for (const column of columns) {
        out.push({
          rule: identity.rule,
          table: table.id,
          left: identity.left.map((r) => id(r, column.node.key)),
          right: identity.right.map((r) => id(r, column.node.key)),
          anchor: id(identity.right[0]!, column.node.key)
        })
      }
    }
  }
  return out
}

export const BALANCES: readonly Balance[] = TABLES.flatMap(buildBalances)
