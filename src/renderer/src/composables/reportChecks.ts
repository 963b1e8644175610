/**
 * The live checks of the report open in the editor: every finding with the officer's review, the
 * open ones, the rules the report's format did not have, the counts, the mark each cell shows, and
 * the shares of text copied from last year. Plain computeds over the report's shallow ref: an edit
 * replaces the report, and everything here recomputes the moment it is read (checkReport ≈ 0.1 ms).
 */
import { computed, type ShallowRef } from 'vue'
import type { CellId } from '@core/report/cells'
import { copyMeasure, type CopyMeasure } from '@core/report/copyMeasure'
import type { Report } from '@core/report/report'
import {
  checkReport,
  notApplied as rulesNotApplied,
  openCounts,
  SEVERITY_ORDER,
  type ReviewedFinding,
  type RuleNotApplied,
  type Severity
} from '@core/rules'
import { useSettingsStore } from '../stores/settings'

export interface CellMark {
  severity: Severity
  messages: string[]
}

function sameMark(a: CellMark, b: CellMark): boolean {
  return a.severity === b.severity && a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i])
}

export function useReportChecks(report: Readonly<ShallowRef<Report | null>>, previous: Readonly<ShallowRef<Report | undefined>>) {
  /** The region's settings the checks read (设置); the national defaults until they are loaded. */
  const settings = useSettingsStore()

  /** Every finding, with its key and the officer's review (open, 已核实, 忽略). */
  const allFindings = computed<ReviewedFinding[]>(() =>
    report.value ? checkReport(report.value, previous.value, settings.rules) : []
  )
  /** What the officer still has to look at: the counts, the marks on cells and text, the panel's groups. */
  const findings = computed<ReviewedFinding[]>(() => allFindings.value.filter((f) => f.status === 'open'))
  /** Findings marked 已核实 or 忽略 while their figures stay as they were: listed apart, collapsed. */
  const reviewedFindings = computed<ReviewedFinding[]>(() => allFindings.value.filter((f) => f.status !== 'open'))

  /** Rules the report is not judged by (its format generation did not have them), with the reason. */
  const notApplied = computed<RuleNotApplied[]>(() => (report.value ? rulesNotApplied(report.value) : []))

  const counts = computed<Record<Severity, number>>(() => openCounts(allFindings.value))

  /**
   * The mark each cell shows: findings whose target is the cell (the anchor of a wrong sum, the
   * first blank of a table). Related cells are highlighted only when the finding is focused, or
   * every part of a sum would be painted red.
   */
  const cellMarks = computed<ReadonlyMap<CellId, CellMark>>((previousMarks) => {
    const marks = new Map<CellId, CellMark>()
    for (const f of findings.value) {
      if (f.target.kind !== 'cell') continue
      const mark = marks.get(f.target.cell)
      if (!mark) marks.set(f.target.cell, { severity: f.severity, messages: [f.message] })
      else {
        mark.messages.push(f.message)
        if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(mark.severity)) mark.severity = f.severity
      }
    }
    // An unchanged mark keeps its object, so the cell showing it does not re-render.
    if (previousMarks) {
      for (const [cell, mark] of marks) {
        const before = previousMarks.get(cell)
        if (before && sameMark(before, mark)) marks.set(cell, before)
      }
    }
    return marks
  })

  /** Depends on the sections object only, so cell edits do not re-measure the text. */
  const sections = computed(() => report.value?.sections)
  const copyShares = computed<CopyMeasure | undefined>(() => {
    const current = report.value
    if (!sections.value || !current || !previous.value || previous.value.year >= current.year) return undefined
    return copyMeasure(current, previous.value)
  })

  return { allFindings, findings, reviewedFindings, notApplied, counts, cellMarks, copyShares }
}
