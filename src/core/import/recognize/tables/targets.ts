/**
 * What a label can be recognised as: a row, a column or a caption of one of the three tables,
 * all derived from the table definitions (tables.ts) plus the 2019 labels (format2019.ts).
 * Each target carries the comparable forms of its label (“variants”) that the matcher tries.
 */
import { fullLabel } from '../../../report/cells'
import { TABLES, type HeaderNode, type RowDef, type TableDef, type TableId } from '../../../report/tables'
import { CAPTIONS_2019, COLUMNS_2019, ROWS_2019 } from './format2019'
import { normalizeLabel, stripNumbering } from './normalize'

export interface Variant {
  text: string
  /** Score of an exact match on this form: the bare form without numbering is less certain. */
  exact: number
  /** Whether a text containing this form (or contained in it) may match it. */
  containment: boolean
}

export type TargetKind = 'row' | 'column' | 'caption'

export interface Target {
  kind: TargetKind
  table: TableId
  /** Row key, column key, or for captions the 表二 block key (or the table id). */
  key: string
  /** 表二: the block the row or column belongs to (several for 2019 columns shared by blocks). */
  blocks: readonly string[]
  /** Rows: no sub-rows. */
  leaf: boolean
  /** Rows: keys of the enclosing groups, outermost first. */
  parents: readonly string[]
  /** Verbatim labels from the outermost group, for messages. */
  path: readonly string[]
  variants: readonly Variant[]
  /** A label of the 2019 format, not of today's. */
  from2019?: { to?: string; unmapped?: string; signed?: boolean }
}

function variants(label: string, extra: readonly string[] = []): Variant[] {
  const out: Variant[] = []
  const add = (text: string, exact: number, containment: boolean) => {
    if (text && !out.some((v) => v.text === text)) out.push({ text, exact, containment })
  }
  for (const form of [label, ...extra]) add(normalizeLabel(form), 1, true)
  // Sub-rows are distinctive without their number (属于国家秘密), but a bare form is short and
  // collides more easily (其他, 总计), so it scores below a full label and never by containment.
  for (const form of [label, ...extra]) {
    const bare = stripNumbering(normalizeLabel(form))
    if (bare.length >= 2) add(bare, 0.9, false)
  }
  return out
}

function childrenOf(node: HeaderNode): readonly HeaderNode[] {
  return node.children ?? []
}

function rowTargets(table: TableDef, rows: readonly RowDef[], blocks: readonly string[]): Target[] {
  const out: Target[] = []
  const walk = (nodes: readonly RowDef[], parents: readonly RowDef[]) => {
    for (const node of nodes) {
      const path = [...parents, node]
      const pathText = path.map(fullLabel).join('')
      // A row printed with its group's label in one cell: （三）不予公开1.属于国家秘密.
      const groupText = path.slice(-2).map((n) => n.label).join('')
      out.push({
        kind: 'row',
        table: table.id,
        key: node.key,
        blocks,
        leaf: childrenOf(node).length === 0,
        parents: parents.map((p) => p.key),
        path: path.map(fullLabel),
        variants: variants(node.label, [fullLabel(node), ...(parents.length ? [groupText, pathText] : [])])
      })
      walk(childrenOf(node) as readonly RowDef[], path)
    }
  }
  walk(rows, [])
  return out
}

function columnTargets(table: TableDef, columns: readonly HeaderNode[], blocks: readonly string[]): Target[] {
  // Group headers (法人或其他组织) are targets too: they mark a header line, not a value column.
  const all = (nodes: readonly HeaderNode[]): HeaderNode[] => nodes.flatMap((n) => [n, ...all(childrenOf(n))])
  return all(columns).map((node) => ({
    kind: 'column' as const,
    table: table.id,
    key: node.key,
    blocks,
    leaf: childrenOf(node).length === 0,
    parents: [],
    path: [node.label],
    variants: variants(node.label, node.lines ? [node.lines.join('')] : [])
  }))
}

function caption(table: TableId, key: string, label: string, blocks: readonly string[] = []): Target {
  return { kind: 'caption', table, key, blocks, leaf: true, parents: [], path: [label], variants: variants(label) }
}

function targetsOf(table: TableDef): Target[] {
  switch (table.layout) {
    case 'sections':
      return table.blocks.flatMap((block) => [
        caption(table.id, block.key, block.caption, [block.key]),
        caption(table.id, 'head', block.headLabel, [block.key]),
        ...rowTargets(table, block.rows, [block.key]),
        ...columnTargets(table, block.columns, [block.key])
      ])
    case 'matrix':
      return [
        caption(table.id, table.id, table.corner),
        caption(table.id, table.id, table.columnCaption),
        ...rowTargets(table, table.rows, []),
        ...columnTargets(table, table.columns, [])
      ]
    case 'strip':
      return [...rowTargets(table, table.rows, []), ...columnTargets(table, table.columns, [])]
  }
}

function targets2019(): Target[] {
  const base = { table: 't2' as const, leaf: true, parents: [] }
  return [
    ...ROWS_2019.map((row): Target => ({
      ...base,
      kind: 'row',
      key: row.to ?? `2019:${row.label}`,
      blocks: [row.block],
      path: [row.label],
      variants: variants(row.label),
      from2019: { ...(row.to ? { to: row.to } : {}), ...(row.unmapped ? { unmapped: row.unmapped } : {}) }
    })),
    ...COLUMNS_2019.map((column): Target => ({
      ...base,
      kind: 'column',
      key: column.to ?? `2019:${column.label}`,
      blocks: column.blocks,
      path: [column.label],
      variants: variants(column.label),
      from2019: {
        ...(column.to ? { to: column.to } : {}),
        ...(column.unmapped ? { unmapped: column.unmapped } : {}),
        ...(column.signed ? { signed: true } : {})
      }
    })),
    ...CAPTIONS_2019.map((c) => ({ ...caption('t2', c.block, c.label, [c.block]), from2019: {} }))
  ]
}

/** Every label the tables print, today's and the 2019 format's. */
export const TARGETS: readonly Target[] = [...TABLES.flatMap(targetsOf), ...targets2019()]
