/**
 * What the import review shows beside the tables, as plain data: the values to check with their
 * reasons in words, the cells without a value grouped by row, and — before 确认导入 — the table
 * checks, each error told apart as an import fault (it involves a value the import did not read
 * cleanly, or a blank) or the source's own arithmetic (every value involved read as printed).
 */
import { countValues, needsReview, type ValueCounts } from '@core/import/certainty'
import type { ImportedValue, Notice, NoticeGroup } from '@core/import/types'
import { CELLS, cellDef, LABEL_SEPARATOR, type CellId } from '@core/report/cells'
import type { Report } from '@core/report/report'
import { checkReport } from '@core/rules'
import { FLAG_LABELS, METHOD_LABELS } from './uncertain'

export interface CheckItem {
  /** The first cell of the entry: where a click goes. */
  cell: CellId
  /** All cells of the entry: one value, or the values of a row that share one reason. */
  cells: CellId[]
  /** 表三「…」「自然人」, or 表三「…」 for a whole row's values. */
  label: string
  values: number[]
  /** Why it is to be checked, in words. */
  reasons: string[]
  confidence: number
}

/** The reasons of a value in words: its note says why; otherwise its method and flags. */
function reasonsOf(v: ImportedValue): string[] {
  if (v.note) {
    const mapped = v.flags.filter((f) => f === 'mapped-2019' || f === 'approximate').map((f) => FLAG_LABELS[f])
    return [...mapped.filter((m) => !v.note!.includes(m.slice(0, 6))), v.note]
  }
  return [...(v.method === 'read' ? [] : [METHOD_LABELS[v.method]]), ...v.flags.map((f) => FLAG_LABELS[f])]
}

/**
 * Values to check (not corrected yet), in table order; the values of one row that share one reason
 * (a row split from run-together digits, a row placed by structure) are one entry.
 */
export function checkItems(values: readonly ImportedValue[], corrected: ReadonlySet<CellId>): CheckItem[] {
  const order = new Map(CELLS.map((c, i) => [c.id, i]))
  const out: CheckItem[] = []
  const rowOf = (id: CellId) => id.split('.').slice(0, 2).join('.')
  for (const v of values
    .filter((x) => needsReview(x) && !corrected.has(x.cell))
    .sort((a, b) => (order.get(a.cell) ?? 0) - (order.get(b.cell) ?? 0))) {
    const reasons = reasonsOf(v)
    const last = out.at(-1)
    if (last && rowOf(last.cell) === rowOf(v.cell) && last.reasons.join('|') === reasons.join('|')) {
      last.cells.push(v.cell)
      last.values.push(v.value)
      last.confidence = Math.min(last.confidence, v.confidence)
      const c = cellDef(v.cell)
      last.label = `${c.tableName}「${c.rowPath.at(-1)}」`
      continue
    }
    out.push({ cell: v.cell, cells: [v.cell], label: shortCell(v.cell), values: [v.value], reasons, confidence: v.confidence })
  }
  return out
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
