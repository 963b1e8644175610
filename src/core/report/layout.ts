/**
 * The official merged grid of each table, derived from its definition in `tables.ts`.
 *
 * The DOCX export draws this grid and the editor shows it, so both match the template's merges
 * without spelling a label or a span a second time. Spans follow from the depth of the row and
 * column trees: a row label that has no sub-rows stretches over the label columns its deeper
 * siblings need, a column label without sub-columns stretches down over the header rows below it.
 * Adding a row or a column to the definition therefore just works.
 *
 * Convention: a merged cell appears once, in the row of its top-left corner, with its spans;
 * the positions it covers are omitted from the rows below and to the right.
 */
import { cellId, leaves, type CellId } from './cells'
import type {
  ColumnDef,
  HeaderNode,
  MatrixTable,
  RowDef,
  SectionBlock,
  SectionsTable,
  StripTable,
  TableDef,
  TableId,
  ValueKind
} from './tables'

/** Width of the GB/T 9704 type area (156 mm) in twips; every table fills it. */
export const TABLE_WIDTH = 8844

export type LayoutCellKind = 'caption' | 'label' | 'corner' | 'value'

export interface LayoutCell {
  kind: LayoutCellKind
  /** The label as printed, without its note; empty for value cells. */
  text: string
  /** Official line breaks inside the cell (商业⏎企业). */
  lines?: readonly string[]
  /** Explanatory suffix the template sets in 楷体. */
  note?: string
  colSpan: number
  rowSpan: number
  /** Value cells only. */
  cellId?: CellId
  valueKind?: ValueKind
  align: 'left' | 'center'
}

export interface LayoutRow {
  cells: LayoutCell[]
  /**
   * Pagination hint: keep this row on the same page as the next one (header rows, a caption and
   * its block, the sub-rows of one merged label). The editor ignores it.
   */
  keepWithNext: boolean
}

export interface TableLayout {
  table: TableId
  /** Twips; they add up to the table width. */
  columnWidths: number[]
  /** Leading rows that form the column header, repeated when the table crosses a page. */
  headerRows: number
  rows: LayoutRow[]
}

// ---------------------------------------------------------------------------------------------
// Tree measures

function childrenOf<T extends HeaderNode>(node: T): readonly T[] {
  return (node.children as readonly T[] | undefined) ?? []
}

/** Number of levels of a forest (a flat list has depth 1). */
function depth(nodes: readonly HeaderNode[]): number {
  return nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((n) => depth(childrenOf(n))))
}

function leafCount(node: HeaderNode): number {
  const children = childrenOf(node)
  return children.length === 0 ? 1 : children.reduce((sum, c) => sum + leafCount(c), 0)
}

function leafTotal(nodes: readonly HeaderNode[]): number {
  return nodes.reduce((sum, n) => sum + leafCount(n), 0)
}

// ---------------------------------------------------------------------------------------------
// Cells

function labelCell(node: HeaderNode, align: LayoutCell['align'], colSpan: number, rowSpan: number): LayoutCell {
  const cell: LayoutCell = { kind: 'label', text: node.label, colSpan, rowSpan, align }
  if (node.lines) cell.lines = node.lines
  if (node.note) cell.note = node.note
  return cell
}

function valueCell(table: TableId, row: string, column: ColumnDef, colSpan = 1): LayoutCell {
  return {
    kind: 'value',
    text: '',
    colSpan,
    rowSpan: 1,
    cellId: cellId(table, row, column.key),
    valueKind: column.kind ?? 'count',
    align: 'center'
  }
}

/** A cell with its grid position, before the rows are assembled. */
interface Placed {
  row: number
  column: number
  cell: LayoutCell
}

/**
 * A column forest drawn as header cells from header row `top` down to row `bottom` (exclusive),
 * starting at grid column `left`: a node sits on the row of its level and spans its leaves; a
 * leaf stretches down to the last header row.
 */
function columnHeader(columns: readonly ColumnDef[], top: number, bottom: number, left: number): Placed[] {
  let column = left
  return columns.flatMap((node) => {
    const children = childrenOf(node)
    const here: Placed = {
      row: top,
      column,
      cell: labelCell(node, 'center', leafCount(node), children.length ? 1 : bottom - top)
    }
    const below = children.length ? columnHeader(children, top + 1, bottom, column) : []
    column += leafCount(node)
    return [here, ...below]
  })
}

/** Rows from placed cells, each row's cells in grid order. */
function assemble(count: number, placed: readonly Placed[], keepWithNext: boolean): LayoutRow[] {
  return Array.from({ length: count }, (_, row) => ({
    cells: placed
      .filter((p) => p.row === row)
      .sort((a, b) => a.column - b.column)
      .map((p) => p.cell),
    keepWithNext
  }))
}

// ---------------------------------------------------------------------------------------------
// Widths

/** Equal columns, rounded; the last one takes the rounding remainder (8844 / 15 → 590 × 14 + 584). */
export function equalWidths(count: number, total = TABLE_WIDTH): number[] {
  const each = Math.round(total / count)
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? each : total - each * (count - 1)))
}

/**
 * 表三: value columns of a fixed width wide enough for a 4-digit count in 五号; the outer label
 * columns only hold a few characters per line (三、本年度办理结果 stands vertically); the innermost
 * label column takes what is left. Official proportions: 685 | 830 | 2989 | 7 × 620.
 */
const MATRIX_VALUE_WIDTH = 620
const MATRIX_OUTER_LABEL_WIDTHS = [685, 830]

function matrixWidths(labelColumns: number, valueColumns: number, total = TABLE_WIDTH): number[] {
  const outer = Array.from(
    { length: labelColumns - 1 },
    (_, i) => MATRIX_OUTER_LABEL_WIDTHS[i] ?? MATRIX_OUTER_LABEL_WIDTHS.at(-1) ?? 0
  )
  const values = Array.from({ length: valueColumns }, () => MATRIX_VALUE_WIDTH)
  const used = [...outer, ...values].reduce((a, b) => a + b, 0)
  return [...outer, total - used, ...values]
}

// ---------------------------------------------------------------------------------------------
// The three layout kinds

/**
 * 表二: for each block a caption row over the whole width, a header row (信息内容 + the block's
 * columns; fewer columns than the grid share its width), then the block's rows.
 */
function sectionsLayout(table: SectionsTable): TableLayout {
  const valueColumns = Math.max(...table.blocks.map((b) => leafTotal(b.columns)))
  const width = 1 + valueColumns
  const blockRows = (block: SectionBlock): LayoutRow[] => {
    const columns = leaves(block.columns).map((l) => l.node)
    // Spread the grid's value columns over the block's columns; the last one takes the rest.
    const share = Math.floor(valueColumns / columns.length)
    const spans = columns.map((_, i) => (i < columns.length - 1 ? share : valueColumns - share * (columns.length - 1)))
    const caption: LayoutCell = { kind: 'caption', text: block.caption, colSpan: width, rowSpan: 1, align: 'center' }
    const head: LayoutCell[] = [
      { kind: 'label', text: block.headLabel, colSpan: 1, rowSpan: 1, align: 'center' },
      ...columns.map((c, i) => labelCell(c, 'center', spans[i] ?? 1, 1))
    ]
    const body = leaves(block.rows).map(({ node }): LayoutCell[] => {
      const own = node.columns
      return [
        labelCell(node, 'left', 1, 1),
        ...columns.map((c, i): LayoutCell =>
          // A row without a value in this column still takes its place in the grid, empty.
          own && !own.includes(c.key)
            ? { kind: 'label', text: '', colSpan: spans[i] ?? 1, rowSpan: 1, align: 'center' }
            : valueCell(table.id, node.key, c, spans[i] ?? 1)
        )
      ]
    })
    const rows = [[caption], head, ...body]
    // A block is short: keep its caption, header and rows on one page.
    return rows.map((cells, i) => ({ cells, keepWithNext: i < rows.length - 1 }))
  }
  return {
    table: table.id,
    columnWidths: equalWidths(width),
    headerRows: 0, // each block has its own header: repeating the first one would mislabel the rest
    rows: table.blocks.flatMap(blockRows)
  }
}

/**
 * 表三: a corner over the label columns × header rows, the column caption (申请人情况) over the
 * value columns, the column tree below it; then one row per leaf row, each row label placed on
 * the first row it covers.
 */
function matrixLayout(table: MatrixTable): TableLayout {
  const labelColumns = depth(table.rows)
  const valueColumns = leafTotal(table.columns)
  const captionRows = table.columnCaption ? 1 : 0
  const headerRows = captionRows + depth(table.columns)
  const placed: Placed[] = [
    {
      row: 0,
      column: 0,
      cell: { kind: 'corner', text: table.corner, colSpan: labelColumns, rowSpan: headerRows, align: 'center' }
    },
    ...columnHeader(table.columns, captionRows, headerRows, labelColumns)
  ]
  if (table.columnCaption) {
    placed.push({
      row: 0,
      column: labelColumns,
      cell: { kind: 'caption', text: table.columnCaption, colSpan: valueColumns, rowSpan: 1, align: 'center' }
    })
  }
  const header = assemble(headerRows, placed, true)

  const columns = leaves(table.columns).map((l) => l.node)
  const body: LayoutRow[] = []
  // A group's label is carried down to the group's first leaf row, where its merge starts.
  const walk = (nodes: readonly RowDef[], level: number, pending: LayoutCell[]): void => {
    for (const node of nodes) {
      const children = childrenOf(node)
      const label = labelCell(node, 'left', children.length ? 1 : labelColumns - level, leafCount(node))
      if (children.length === 0) {
        const values = columns.map((c) => valueCell(table.id, node.key, c))
        body.push({ cells: [...pending, label, ...values], keepWithNext: false })
      } else {
        const first = body.length
        walk(children, level + 1, [...pending, label])
        // Keep the rows of an innermost merged label ((三)不予公开 1–8) on one page: LibreOffice
        // splits a vertically merged cell's text across a page break. Outer groups
        // (三、本年度办理结果, 22 rows) may break, or the table would leave half a page empty.
        if (children.every((c) => childrenOf(c).length === 0)) {
          body.slice(first, -1).forEach((row) => (row.keepWithNext = true))
        }
      }
      pending = []
    }
  }
  walk(table.rows, 0, [])

  return {
    table: table.id,
    columnWidths: matrixWidths(labelColumns, valueColumns),
    headerRows,
    rows: [...header, ...body]
  }
}

/**
 * 表四: the row tree becomes column groups (行政复议 | 行政诉讼 → 未经复议直接起诉, 复议后起诉), each
 * leaf group repeating the column tree below it, over a single row of values. A group label
 * without sub-groups keeps one row; its columns stretch down to the last header row.
 */
function stripLayout(table: StripTable): TableLayout {
  const perGroup = leafTotal(table.columns)
  const headerRows = depth(table.rows) + depth(table.columns)
  const placed: Placed[] = []
  const place = (nodes: readonly RowDef[], level: number, left: number): void => {
    let column = left
    for (const node of nodes) {
      const children = childrenOf(node)
      const span = leafCount(node) * perGroup
      placed.push({ row: level, column, cell: labelCell(node, 'center', span, 1) })
      if (children.length) place(children, level + 1, column)
      else placed.push(...columnHeader(table.columns, level + 1, headerRows, column))
      column += span
    }
  }
  place(table.rows, 0, 0)
  const header = assemble(headerRows, placed, true)
  const columns = leaves(table.columns).map((l) => l.node)
  const values = leaves(table.rows).flatMap(({ node }) => columns.map((c) => valueCell(table.id, node.key, c)))
  return {
    table: table.id,
    columnWidths: equalWidths(perGroup * leaves(table.rows).length),
    headerRows,
    rows: [...header, { cells: values, keepWithNext: false }]
  }
}

const BUILDERS: { [K in TableDef['layout']]: (table: Extract<TableDef, { layout: K }>) => TableLayout } = {
  sections: sectionsLayout,
  matrix: matrixLayout,
  strip: stripLayout
}

export function tableLayout(table: TableDef): TableLayout {
  const build = BUILDERS[table.layout] as (t: TableDef) => TableLayout
  return build(table)
}

/**
 * Each row's cells with their grid column: the placement that a reader of the layout
 * (the editor grid, tests) needs, honouring cells covered from the rows above.
 */
export function placeCells(layout: TableLayout): { row: number; column: number; cell: LayoutCell }[] {
  const covered: boolean[][] = layout.rows.map(() => [])
  const out: { row: number; column: number; cell: LayoutCell }[] = []
  layout.rows.forEach((row, r) => {
    let column = 0
    for (const cell of row.cells) {
      while (covered[r]?.[column]) column += 1
      out.push({ row: r, column, cell })
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        for (let dc = 0; dc < cell.colSpan; dc += 1) {
          const line = covered[r + dr]
          if (line) line[column + dc] = true
        }
      }
      column += cell.colSpan
    }
  })
  return out
}
