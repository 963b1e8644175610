/**
 * Findings an import fault explains. When the import could not read a row, its cells are blank and
 * every sum through them breaks; when it read a figure with doubt (digits split by the tables'
 * arithmetic, a row printed under another name), a sum through it may break too. Such a finding
 * says where it comes from (「导入时未识别」/「导入时存疑」) and is a warning: the officer checks the
 * import against the source first, and is never told that a correct report does not add up.
 *
 * A cell stops counting as the import's once the officer has touched it: an unread cell once it is
 * filled, a doubtful one once its value is no longer the one read.
 */
import { describeCell, type CellId } from '../report/cells'
import type { Report } from '../report/report'
import type { Finding } from './types'

export interface ImportFaults {
  /** Cells the import could not read and that are still blank. */
  unread: ReadonlySet<CellId>
  /** Cells read with doubt whose value is still the one read. */
  flagged: ReadonlySet<CellId>
}

const NONE: ImportFaults = { unread: new Set(), flagged: new Set() }

export function importFaults(report: Report): ImportFaults {
  const imported = report.imported
  if (!imported?.unread?.length && !imported?.flagged?.length) return NONE
  return {
    unread: new Set((imported.unread ?? []).filter((id) => report.values[id] === undefined)),
    flagged: new Set((imported.flagged ?? []).filter((f) => report.values[f.cell] === f.value).map((f) => f.cell))
  }
}

export const IMPORT_LABELS: Readonly<Record<NonNullable<Finding['origin']>, string>> = {
  unread: '导入时未识别',
  flagged: '导入时存疑'
}

const LISTED = 3

function listCells(cells: readonly CellId[]): string {
  const shown = cells.slice(0, LISTED).map(describeCell).join('、')
  return cells.length > LISTED ? `${shown}等 ${cells.length} 个单元格` : shown
}

/** The finding labelled and softened when import faults explain it; unchanged otherwise. */
export function labelImportFault(finding: Finding, faults: ImportFaults): Finding {
  if (faults.unread.size === 0 && faults.flagged.size === 0) return finding
  const unread = finding.cells.filter((id) => faults.unread.has(id))
  const flagged = unread.length ? [] : finding.cells.filter((id) => faults.flagged.has(id))
  if (unread.length === 0 && flagged.length === 0) return finding
  const origin = unread.length ? 'unread' : 'flagged'
  const why = unread.length
    ? `${listCells(unread)}导入时未能识别（留空），可能是导入遗漏而非报告本身有误`
    : `${listCells(flagged)}导入时数值存疑，可能是导入误读而非报告本身有误`
  return {
    ...finding,
    severity: finding.severity === 'error' ? 'warning' : finding.severity,
    origin,
    message: `「${IMPORT_LABELS[origin]}」${finding.message}；${why}，请先对照原文核对导入结果`
  }
}
