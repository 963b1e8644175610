/**
 * The report open in the editor: its edits (as undoable commands, kept by useUndoHistory), the
 * values and marks each cell of the grid reads, and the autosave state (useAutosave). The live
 * findings are useReportChecks'; where the officer asked to look is the navigation store's; which
 * totals a table can fill is core's (report/totals).
 *
 * The report is kept immutable: every edit replaces it (and only the changed part: `values` or
 * `sections`), so `findings` is a plain computed over one shallow ref — no deep watchers — and it
 * recomputes synchronously the moment it is read after an edit. checkReport costs about 0.1 ms.
 *
 * Saving is injected (`open(report, { save })`): the view wires it to the library client, tests
 * pass a fake. Nothing is ever dropped: an edit made while a save runs, or after a save failed,
 * is saved by the next attempt.
 */
import { defineStore } from 'pinia'
import { reactive, shallowReactive, shallowRef, watch } from 'vue'
import type { CellId } from '@core/report/cells'
import { resolveLinkedMarks } from '@core/report/markLinks'
import type { Report, ReviewMark } from '@core/report/report'
import { SECTION_IDS, type SectionId } from '@core/report/sections'
import type { TableId } from '@core/report/tables'
import { totalsToFill, type CellChange } from '@core/report/totals'
import { markFinding, reopenFinding as withoutReview, type ReviewedFinding } from '@core/rules'
import { useAutosave, type SaveDocument } from '../composables/autosave'
import { useReportChecks, type CellMark } from '../composables/reportChecks'
import { useUndoHistory } from '../composables/undoHistory'
import { notifyError } from '../utils/discrete'
import { useNavigationStore } from './navigation'

export { AUTOSAVE_DELAY_MS, type SaveStatus } from '../composables/autosave'
export { tableHasTotals, totalsToFill, type CellChange } from '@core/report/totals'
export type { CellMark } from '../composables/reportChecks'

/** Writes the report somewhere durable; may return the time written (LibraryClient.save does). */
export type SaveReport = SaveDocument<Report>

/** One undo step: the cells and sections it changed, before and after. */
interface Command {
  label: string
  cells: { cell: CellId; before: number | undefined; after: number | undefined }[]
  sections: { section: SectionId; before: string; after: string }[]
  /** The document block (成文日期), when the command changed it. */
  document?: { before: Report['document']; after: Report['document'] }
  /** The officer's reviews of findings, when the step changed them. */
  review?: { before: Report['review']; after: Report['review'] }
  /** The print options (blank cells, 三级标题, 落款), when the export dialog kept new ones. */
  settings?: { before: Report['settings']; after: Report['settings'] }
  /** Consecutive edits with the same key (typing in one cell or one section) merge into one step. */
  mergeKey?: string
  at: number
}

/** A value the officer typed that is not a number of the cell's kind: shown in the cell, never written. */
export interface RejectedEntry {
  raw: string
  message: string
}

/**
 * 【待更新】 marks the last step replaced by the tables' figures (markLinks.ts): shown to the officer,
 * undone with the step. `seq` changes on every step that replaced some.
 */
export interface LinkNotice {
  count: number
  /** A few of the replacements as the text now reads (“上年结转3件”). */
  examples: string[]
  seq: number
}

export interface FillTotalsResult {
  filled: number
  /** Totals typed by hand that do not match their parts: left alone, the R2/R3/R4 findings flag them. */
  disagreeing: number
}

export const useReportStore = defineStore('report', () => {
  const report = shallowRef<Report | null>(null)
  /** Last year's report of the unit, when known: enables X1/X2/COPY/P2 and the copy shares. */
  const previous = shallowRef<Report | undefined>(undefined)
  const navigation = useNavigationStore()

  // ---------------------------------------------------------------------------------------------
  // Findings, the marks they put on cells, and the copy shares

  const checks = useReportChecks(report, previous)

  /**
   * Per-cell views of the values and marks for the grid: a cell reading `cellValues.get(id)` is
   * only notified when its own entry changes, so an edit re-renders one cell, not two hundred.
   */
  const cellValues = shallowReactive(new Map<CellId, number>())
  const marksByCell = shallowReactive(new Map<CellId, CellMark>())

  function syncValues(before: Report['values'] | undefined, after: Report['values'] | undefined): void {
    if (before === after) return
    for (const id of Object.keys(before ?? {}) as CellId[]) if (after?.[id] === undefined) cellValues.delete(id)
    for (const [id, v] of Object.entries(after ?? {}) as [CellId, number][]) {
      if (cellValues.get(id) !== v) cellValues.set(id, v)
    }
  }

  // Synchronous, so the marks are current in the same tick as the edit (the grid reads them next frame).
  watch(
    checks.cellMarks,
    (marks) => {
      for (const id of marksByCell.keys()) if (!marks.has(id)) marksByCell.delete(id)
      for (const [id, mark] of marks) if (marksByCell.get(id) !== mark) marksByCell.set(id, mark)
    },
    { flush: 'sync', immediate: true }
  )

  // ---------------------------------------------------------------------------------------------
  // Values typed but refused

  const rejected = reactive(new Map<CellId, RejectedEntry>())

  function reject(cell: CellId, entry: RejectedEntry): void {
    rejected.set(cell, entry)
  }

  function clearRejected(cell: CellId): void {
    rejected.delete(cell)
  }

  // ---------------------------------------------------------------------------------------------
  // Commands, undo and redo

  function applySide(command: Command, side: 'before' | 'after'): void {
    const current = report.value
    if (!current) return
    let next = current
    if (command.cells.length) {
      const values = { ...current.values }
      for (const change of command.cells) {
        const v = change[side]
        if (v === undefined) delete values[change.cell]
        else values[change.cell] = v
        rejected.delete(change.cell)
      }
      next = { ...next, values }
    }
    if (command.sections.length) {
      const texts = { ...current.sections }
      for (const change of command.sections) texts[change.section] = change[side]
      next = { ...next, sections: texts }
    }
    if (command.review) {
      const review = command.review[side]
      if (review && Object.keys(review).length) next = { ...next, review }
      else {
        const { review: _dropped, ...rest } = next
        next = rest
      }
    }
    if (command.document) next = { ...next, document: command.document[side] }
    if (command.settings) next = { ...next, settings: command.settings[side] }
    syncValues(current.values, next.values)
    report.value = next
    autosave.changed()
  }

  /** Keep the first `before`, take the latest `after`. */
  function mergeCommands(last: Command, command: Command): Command {
    return {
      ...last,
      at: command.at,
      cells: last.cells.map((c) => {
        // A cell cleared while typing has `after: undefined`: take it as is, do not fall back.
        const latest = command.cells.find((n) => n.cell === c.cell)
        return latest ? { ...c, after: latest.after } : c
      }),
      sections: [
        ...last.sections.map((s) => {
          const latest = command.sections.find((n) => n.section === s.section)
          return latest ? { ...s, after: latest.after } : s
        }),
        ...command.sections.filter((n) => !last.sections.some((s) => s.section === n.section))
      ]
    }
  }

  const history = useUndoHistory<Command>({ apply: applySide, merge: mergeCommands })
  const { canUndo, canRedo, record, mergeTarget, breakMerge, undo, redo } = history

  const linkNotice = shallowRef<LinkNotice | null>(null)
  let linkSeq = 0

  /**
   * The section edits that go with new values: every 【待更新】 mark standing for a quantity whose
   * cells are now all filled takes the table's figure (markLinks.ts). While keystrokes in one cell
   * merge into one step, the marks are resolved from the text as it was before that step, so typing
   * “4”, “42” leaves “42”, and clearing the cell brings the mark back.
   */
  function linkedSections(
    current: Report,
    values: Report['values'],
    merging: Command | undefined
  ): { sections: Command['sections']; count: number; examples: string[] } {
    const base = { ...current.sections }
    for (const change of merging?.sections ?? []) base[change.section] = change.before
    const { sections: resolved, resolved: marks } = resolveLinkedMarks(base, values)
    // A section the merged step touched stays in it even when unchanged now: its `after` must follow.
    const touched = (id: SectionId): boolean => merging?.sections.some((c) => c.section === id) ?? false
    const sections = SECTION_IDS.filter((id) => resolved[id] !== current.sections[id] || touched(id)).map((id) => ({
      section: id,
      before: current.sections[id],
      after: resolved[id]
    }))
    const examples = [...new Set(marks.map((m) => `${m.quantity.label}：${m.value}`))].slice(0, 3)
    return { sections, count: marks.length, examples }
  }

  /** Sets cells as one undo step (a paste, a fill); unchanged cells are left out. */
  function setCells(changes: readonly CellChange[], label: string, mergeKey?: string): number {
    const current = report.value
    if (!current) return 0
    const cells = changes
      .filter((c) => current.values[c.cell] !== c.value)
      .map((c) => ({ cell: c.cell, before: current.values[c.cell], after: c.value }))
    for (const c of changes) rejected.delete(c.cell)
    if (cells.length === 0) return 0
    const at = Date.now()
    const values = { ...current.values }
    for (const c of cells) {
      if (c.after === undefined) delete values[c.cell]
      else values[c.cell] = c.after
    }
    const linked = linkedSections(current, values, mergeTarget(mergeKey, at))
    record({ label, cells, sections: linked.sections, mergeKey, at })
    if (linked.count) linkNotice.value = { count: linked.count, examples: linked.examples, seq: ++linkSeq }
    return cells.length
  }

  /** Typing in one cell: consecutive keystrokes in the same cell are one undo step. */
  function setCell(cell: CellId, value: number | undefined): void {
    setCells([{ cell, value }], '输入', `cell:${cell}`)
  }

  /** Adds a ready sentence as a paragraph of its own at the end of a section: one undo step. */
  function insertSentence(section: SectionId, sentence: string): void {
    const current = report.value
    if (!current || !sentence.trim()) return
    const before = current.sections[section]
    const after = before.trim() ? `${before.replace(/\s+$/, '')}\n${sentence}` : sentence
    record({ label: '插入表述', cells: [], sections: [{ section, before, after }], at: Date.now() })
    breakMerge()
  }

  /**
   * Marks a warning or a hint 已核实 or 忽略 with the officer's reason (kept in the report, one undo
   * step). Throws ReviewError, worded for the officer, for an error or an empty reason.
   */
  function reviewFinding(finding: ReviewedFinding, status: ReviewMark, reason: string): void {
    const current = report.value
    if (!current) return
    const next = markFinding(current, finding, status, reason, new Date().toISOString())
    const label = status === 'checked' ? '标为已核实' : '忽略'
    record({ label, cells: [], sections: [], review: { before: current.review, after: next.review }, at: Date.now() })
    breakMerge()
  }

  /** Opens a reviewed finding again (one undo step). */
  function reopenFinding(key: string): void {
    const current = report.value
    if (!current?.review || !(key in current.review)) return
    const next = withoutReview(current, key)
    record({ label: '重新打开', cells: [], sections: [], review: { before: current.review, after: next.review }, at: Date.now() })
    breakMerge()
  }

  function clearLinkNotice(): void {
    linkNotice.value = null
  }

  function setSection(section: SectionId, text: string): void {
    const current = report.value
    if (!current || current.sections[section] === text) return
    record({
      label: '编辑正文',
      cells: [],
      sections: [{ section, before: current.sections[section], after: text }],
      mergeKey: `section:${section}`,
      at: Date.now()
    })
  }

  /** The 成文日期 (YYYY-MM-DD), or undefined to clear it; one undo step. */
  function setPublishedOn(date: string | undefined): void {
    const current = report.value
    if (!current || current.document.publishedOn === date) return
    const after: Report['document'] = { ...current.document }
    if (date === undefined) delete after.publishedOn
    else after.publishedOn = date
    breakMerge()
    record({ label: '成文日期', cells: [], sections: [], document: { before: current.document, after }, at: Date.now() })
  }

  /** The print options the officer exported with, kept in the report (core/export/print.ts); one undo step. */
  function setPrintSettings(settings: Report['settings']): void {
    const current = report.value
    if (!current || JSON.stringify(current.settings) === JSON.stringify(settings)) return
    breakMerge()
    record({ label: '导出选项', cells: [], sections: [], settings: { before: current.settings, after: settings }, at: Date.now() })
  }

  function fillTotals(table: TableId): FillTotalsResult {
    if (!report.value) return { filled: 0, disagreeing: 0 }
    const { changes, disagreeing } = totalsToFill(report.value.values, table)
    return { filled: setCells(changes, '填入合计'), disagreeing }
  }

  // ---------------------------------------------------------------------------------------------
  // Autosave

  const autosave = useAutosave<Report>({
    current: () => report.value,
    onLeftBehind: (leaving, error) => notifyError(`${leaving.unit.name} ${leaving.year} 年度报告保存失败`, error)
  })

  // ---------------------------------------------------------------------------------------------
  // Opening

  function open(next: Report, options: { previous?: Report; save?: SaveReport } = {}): void {
    // Unsaved edits of the report being replaced are still written, after any save in flight.
    autosave.replace(options.save)
    syncValues(report.value?.values, next.values)
    report.value = next
    previous.value = options.previous
    history.clear()
    rejected.clear()
    navigation.clearFocus()
    linkNotice.value = null
    // Marks whose cells were filled before the report was opened here take their figures now (undoable).
    const linked = linkedSections(next, next.values, undefined)
    if (linked.sections.length) {
      record({ label: '按表格数字改写正文', cells: [], sections: linked.sections, at: Date.now() })
      breakMerge()
      linkNotice.value = { count: linked.count, examples: linked.examples, seq: ++linkSeq }
    }
  }

  /**
   * The editor shown again on the report it already holds (back from the preview): the edits, the
   * undo history and the save state stay; only last year's report and the save are taken afresh.
   * A report read again from the library is a new object and goes through `open`, which resets.
   */
  function resume(options: { previous?: Report; save?: SaveReport } = {}): void {
    previous.value = options.previous
    autosave.setSaver(options.save)
    navigation.clearFocus()
  }

  function setPrevious(report: Report | undefined): void {
    previous.value = report
  }

  /** The save function can arrive after the report (the library wires it later). */
  function setSaver(save: SaveReport | undefined): void {
    autosave.setSaver(save)
  }

  function valueOf(cell: CellId): number | undefined {
    return report.value?.values[cell]
  }

  return {
    report,
    previous,
    findings: checks.findings,
    allFindings: checks.allFindings,
    reviewedFindings: checks.reviewedFindings,
    notApplied: checks.notApplied,
    counts: checks.counts,
    cellMarks: checks.cellMarks,
    cellValues,
    marksByCell,
    copyShares: checks.copyShares,
    rejected,
    canUndo,
    canRedo,
    saveStatus: autosave.status,
    saveLabel: autosave.label,
    savedAt: autosave.savedAt,
    saveError: autosave.error,
    dirty: autosave.dirty,
    linkNotice,
    open,
    resume,
    setPrevious,
    setSaver,
    valueOf,
    setCell,
    setCells,
    setSection,
    insertSentence,
    reviewFinding,
    reopenFinding,
    clearLinkNotice,
    setPublishedOn,
    setPrintSettings,
    fillTotals,
    breakMerge,
    undo,
    redo,
    reject,
    clearRejected,
    saveNow: autosave.saveNow
  }
})
