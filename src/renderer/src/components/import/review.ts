/**
 * What the import review shows beside the tables, as plain data: the values to check with their
 * reasons in words, the cells without a value grouped by row, and — before 确认导入 — the table
 * checks, each error told apart as an import fault (it involves a value the import did not read
 * cleanly, or a blank) or the source's own arithmetic (every value involved read as printed).
 */
import { countValues, needsReview, type ValueCounts } from '../../../../core/import/certainty'
import type { ImportedValue, Notice, NoticeGroup } from '../../../../core/import/types'
import { CELLS, cellDef, describeCell, LABEL_SEPARATOR, type CellId } from '../../../../core/report/cells'
import type { Report } from '../../../../core/report/report'
import { checkReport } from '../../../../core/rules'
import { FLAG_LABELS, METHOD_LABELS } from './uncertain'

export interface CheckItem {
  cell: CellId
  /** 表三「…」「自然人」 */
  label: string
  value: number
  /** Why it is to be checked, in words: method, flags, note. */
  reasons: string[]
  confidence: number
}

/** Values to check (not corrected yet), in table order. */
export function checkItems(values: readonly ImportedValue[], corrected: ReadonlySet<CellId>): CheckItem[] {
  const order = new Map(CELLS.map((c, i) => [c.id, i]))
  return values
    .filter((v) => needsReview(v) && !corrected.has(v.cell))
    .sort((a, b) => (order.get(a.cell) ?? 0) - (order.get(b.cell) ?? 0))
    .map((v) => ({
      cell: v.cell,
      label: describeCell(v.cell),
      value: v.value,
      confidence: v.confidence,
      reasons: [
        ...(v.method === 'read' ? [] : [METHOD_LABELS[v.method]]),
        ...v.flags.filter((f) => f !== 'review' || !v.note).map((f) => FLAG_LABELS[f]),
        ...(v.note ? [v.note] : [])
      ]
    }))
}

export interface MissingRow {
  /** 表三「（一）予以公开」 */
  label: string
  /** The cells of the row without a value; all of them when `whole`. */
  cells: CellId[]
  whole: boolean
  /** Column names of the missing cells when not the whole row. */
  columns: string[]
}

/** Cells without a value, grouped by row, in table order. */
export function missingRows(values: Partial<Record<CellId, number>>): MissingRow[] {
  const rows = new Map<string, { label: string; all: CellId[]; missing: CellId[]; columns: string[] }>()
  for (const c of CELLS) {
    const key = `${c.table}.${c.row}`
    const row = rows.get(key) ?? { label: `${c.tableName}「${c.rowPath.join(LABEL_SEPARATOR)}」`, all: [], missing: [], columns: [] }
    row.all.push(c.id)
    if (values[c.id] === undefined) {
      row.missing.push(c.id)
      row.columns.push(c.columnPath.join(LABEL_SEPARATOR))
    }
    rows.set(key, row)
  }
  return [...rows.values()]
    .filter((r) => r.missing.length)
    .map((r) => ({ label: r.label, cells: r.missing, whole: r.missing.length === r.all.length, columns: r.columns }))
}

/** The counts at the top: read directly, to check, without a value — corrections counted as read. */
export function reviewCounts(
  imported: readonly ImportedValue[],
  values: Partial<Record<CellId, number>>,
  corrected: ReadonlySet<CellId>
): ValueCounts {
  const present = new Set(CELLS.filter((c) => values[c.id] !== undefined).map((c) => c.id))
  const still = imported.filter((v) => present.has(v.cell) && !corrected.has(v.cell))
  const review = countValues(still, CELLS.length).review
  const missing = CELLS.length - present.size
  return { read: present.size - review, review, missing }
}

export interface TableIssue {
  message: string
  /** `import`: it involves a value the import did not read cleanly or a cell left blank. */
  cause: 'import' | 'source'
  cells: readonly CellId[]
}

/**
 * The table checks (R1–R5) on the report about to be stored, each error told apart: an error that
 * involves a blank cell, or a value derived, placed or doubtful and not yet corrected, may be the
 * import's fault and is said so; one among values all read as printed is the source's own.
 */
export function tableIssues(report: Report, imported: readonly ImportedValue[], corrected: ReadonlySet<CellId>): TableIssue[] {
  const byCell = new Map(imported.map((v) => [v.cell, v]))
  return checkReport(report)
    .filter((f) => f.severity === 'error' && /^R\d$/.test(f.rule))
    .map((f) => {
      const doubtful = f.cells.some((id) => {
        if (corrected.has(id)) return false
        if (report.values[id] === undefined) return true
        const value = byCell.get(id)
        return value !== undefined && needsReview(value)
      })
      return { message: f.message, cause: doubtful ? ('import' as const) : ('source' as const), cells: f.cells }
    })
}

export const NOTICE_GROUPS: Record<NoticeGroup, string> = {
  tables: '统计表',
  unit: '单位名称',
  layout: '版式与页面',
  text: '文字修复',
  file: '读取文件'
}

export interface NoticeGroupView {
  group: NoticeGroup
  title: string
  items: string[]
}

/** Notices grouped, the groups most likely to need action first. */
export function groupNotices(notices: readonly Notice[]): NoticeGroupView[] {
  const order: NoticeGroup[] = ['unit', 'tables', 'layout', 'text', 'file']
  return order
    .map((group) => ({ group, title: NOTICE_GROUPS[group], items: notices.filter((n) => n.group === group).map((n) => n.text) }))
    .filter((g) => g.items.length > 0)
}

/** A cell's short name for a list: the row's last label and the column. */
export function shortCell(id: CellId): string {
  const c = cellDef(id)
  return `${c.tableName}「${c.rowPath.at(-1)}」「${c.columnPath.at(-1)}」`
}
