/**
 * The report open in the editor: its edits (as undoable commands), the live findings, the
 * autosave state, and where the officer asked to look (a finding clicked in the checks panel).
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
import { computed, reactive, ref, shallowReactive, shallowRef, watch } from 'vue'
import { BALANCES, type CellId } from '../../../core/report/cells'
import { copyMeasure, type CopyMeasure } from '../../../core/report/copyMeasure'
import { resolveLinkedMarks } from '../../../core/report/markLinks'
import type { Report, ReviewMark } from '../../../core/report/report'
import { SECTION_IDS, type SectionId } from '../../../core/report/sections'
import type { TableId } from '../../../core/report/tables'
import {
  checkReport,
  markFinding,
  notApplied as rulesNotApplied,
  openCounts,
  reopenFinding as withoutReview,
  SEVERITY_ORDER,
  type Finding,
  type JumpTarget,
  type ReviewedFinding,
  type RuleNotApplied,
  type Severity
} from '../../../core/rules'
import { notifyError } from '../utils/discrete'
import { useSettingsStore } from './settings'

/** Writes the report somewhere durable; may return the time written (LibraryClient.save does). */
export type SaveReport = (report: Report) => Promise<{ updatedAt?: string } | void>

export interface CellChange {
  cell: CellId
  value: number | undefined
}

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

/** Where the officer asked to look; `seq` changes on every request so clicking twice scrolls again. */
export interface FocusRequest {
  /** The rule of the finding clicked, when the request came from one. */
  rule?: string
  target: JumpTarget
  /** Cells to highlight besides the target (a sum's parts). */
  cells: readonly CellId[]
  seq: number
}

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed'

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

export const AUTOSAVE_DELAY_MS = 800
/** Typing pauses longer than this start a new undo step. */
const MERGE_WINDOW_MS = 1500
const UNDO_LIMIT = 200

export interface CellMark {
  severity: Severity
  messages: string[]
}

export interface FillTotalsResult {
  filled: number
  /** Totals typed by hand that do not match their parts: left alone, the R2/R3/R4 findings flag them. */
  disagreeing: number
}

const TOTAL_BALANCES = BALANCES.filter((b) => b.rule !== 'R1' && b.right.length === 1)

export function tableHasTotals(table: TableId): boolean {
  return TOTAL_BALANCES.some((b) => b.table === table)
}

/**
 * Blank totals of a table computed from their parts, inner totals first (the corner of 表三 sums
 * totals that may themselves be blank). A total none of whose parts is filled stays blank: blank is
 * not 0. Filled totals are never touched.
 */
export function totalsToFill(values: Report['values'], table: TableId): { changes: CellChange[]; disagreeing: number } {
  const balances = TOTAL_BALANCES.filter((b) => b.table === table)
  const byAnchor = new Map<CellId, (typeof balances)[number]>()
  for (const b of balances) if (!byAnchor.has(b.anchor)) byAnchor.set(b.anchor, b)
  const resolved = new Map<CellId, number | undefined>()
  const resolve = (cell: CellId, visiting: Set<CellId>): number | undefined => {
    const typed = values[cell]
    if (typed !== undefined) return typed
    if (resolved.has(cell)) return resolved.get(cell)
    const balance = byAnchor.get(cell)
    if (!balance || visiting.has(cell)) return undefined
    visiting.add(cell)
    let sum: number | undefined
    for (const part of balance.left) {
      const v = resolve(part, visiting)
      if (v !== undefined) sum = (sum ?? 0) + v
    }
    visiting.delete(cell)
    // Sums of 万元 amounts must not show binary noise.
    const value = sum === undefined ? undefined : Number(sum.toFixed(6))
    resolved.set(cell, value)
    return value
  }
  const changes: CellChange[] = []
  let disagreeing = 0
  for (const [anchor, balance] of byAnchor) {
    if (values[anchor] === undefined) {
      const value = resolve(anchor, new Set())
      if (value !== undefined) changes.push({ cell: anchor, value })
    } else if (balance.left.some((p) => values[p] !== undefined)) {
      const sum = balance.left.reduce((s, p) => s + (values[p] ?? 0), 0)
      if (Math.abs(sum - values[anchor]!) > 1e-9) disagreeing++
    }
  }
  return { changes, disagreeing }
}

function sameMark(a: CellMark, b: CellMark): boolean {
  return a.severity === b.severity && a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i])
}

function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

export const useReportStore = defineStore('report', () => {
  const report = shallowRef<Report | null>(null)
  /** Last year's report of the unit, when known: enables X1/X2/COPY/P2 and the copy shares. */
  const previous = shallowRef<Report | undefined>(undefined)
  let saveFn: SaveReport | undefined
  /** Whether edits are saved anywhere: the label says so when they are not. */
  const canSave = ref(false)

  // ---------------------------------------------------------------------------------------------
  // Findings

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
    cellMarks,
    (marks) => {
      for (const id of marksByCell.keys()) if (!marks.has(id)) marksByCell.delete(id)
      for (const [id, mark] of marks) if (marksByCell.get(id) !== mark) marksByCell.set(id, mark)
    },
    { flush: 'sync', immediate: true }
  )

  /** Depends on the sections object only, so cell edits do not re-measure the text. */
  const sections = computed(() => report.value?.sections)
  const copyShares = computed<CopyMeasure | undefined>(() => {
    const current = report.value
    if (!sections.value || !current || !previous.value || previous.value.year >= current.year) return undefined
    return copyMeasure(current, previous.value)
  })

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

  const undoStack = shallowRef<Command[]>([])
  const redoStack = shallowRef<Command[]>([])
  const canUndo = computed(() => undoStack.value.length > 0)
  const canRedo = computed(() => redoStack.value.length > 0)
  /** Set by `breakMerge` (a cell lost focus): the next edit starts a new undo step. */
  let mergeBroken = false

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
    markChanged()
  }

  /** The last step, when a command with this merge key at this time would merge into it. */
  function mergeTarget(mergeKey: string | undefined, at: number): Command | undefined {
    const last = undoStack.value.at(-1)
    return !mergeBroken && mergeKey !== undefined && last?.mergeKey === mergeKey && at - last.at < MERGE_WINDOW_MS ? last : undefined
  }

  function record(command: Command): void {
    const last = undoStack.value.at(-1)
    const merge = mergeTarget(command.mergeKey, command.at) !== undefined
    mergeBroken = false
    applySide(command, 'after')
    if (merge && last) {
      // Keep the first `before`, take the latest `after`.
      const merged: Command = {
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
      undoStack.value = [...undoStack.value.slice(0, -1), merged]
    } else {
      undoStack.value = [...undoStack.value, command].slice(-UNDO_LIMIT)
    }
    redoStack.value = []
  }

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
    mergeBroken = true
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
    mergeBroken = true
  }

  /** Opens a reviewed finding again (one undo step). */
  function reopenFinding(key: string): void {
    const current = report.value
    if (!current?.review || !(key in current.review)) return
    const next = withoutReview(current, key)
    record({ label: '重新打开', cells: [], sections: [], review: { before: current.review, after: next.review }, at: Date.now() })
    mergeBroken = true
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
    mergeBroken = true
    record({ label: '成文日期', cells: [], sections: [], document: { before: current.document, after }, at: Date.now() })
  }

  /** The print options the officer exported with, kept in the report (core/export/print.ts); one undo step. */
  function setPrintSettings(settings: Report['settings']): void {
    const current = report.value
    if (!current || JSON.stringify(current.settings) === JSON.stringify(settings)) return
    mergeBroken = true
    record({ label: '导出选项', cells: [], sections: [], settings: { before: current.settings, after: settings }, at: Date.now() })
  }

  function fillTotals(table: TableId): FillTotalsResult {
    if (!report.value) return { filled: 0, disagreeing: 0 }
    const { changes, disagreeing } = totalsToFill(report.value.values, table)
    return { filled: setCells(changes, '填入合计'), disagreeing }
  }

  function breakMerge(): void {
    mergeBroken = true
  }

  function undo(): boolean {
    const command = undoStack.value.at(-1)
    if (!command) return false
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, command]
    applySide(command, 'before')
    mergeBroken = true
    return true
  }

  function redo(): boolean {
    const command = redoStack.value.at(-1)
    if (!command) return false
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, command]
    applySide(command, 'after')
    mergeBroken = true
    return true
  }

  // ---------------------------------------------------------------------------------------------
  // Autosave

  /** Bumped on every change; a save covers the revision it started with. */
  let revision = 0
  let savedRevision = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | undefined
  const saveStatus = ref<SaveStatus>('idle')
  const savedAt = ref<Date | null>(null)
  const saveError = ref<string | null>(null)
  const dirty = ref(false)

  function markChanged(): void {
    revision++
    dirty.value = true
    if (saveStatus.value !== 'saving' && saveStatus.value !== 'failed') saveStatus.value = 'pending'
    scheduleSave()
  }

  function scheduleSave(): void {
    if (!saveFn) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void saveNow()
    }, AUTOSAVE_DELAY_MS)
  }

  /** Saves now if anything is unsaved; resolves when the report on disk is the current one (or a save failed). */
  async function saveNow(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
    }
    // One save at a time; the running one is followed by another if edits arrived meanwhile.
    if (inFlight) {
      await inFlight
      return saveNow()
    }
    const snapshot = report.value
    if (!saveFn || !snapshot || revision === savedRevision) return
    const covering = revision
    const save = saveFn
    saveStatus.value = 'saving'
    const run = (async () => {
      try {
        const result = await save(snapshot)
        savedRevision = Math.max(savedRevision, covering)
        savedAt.value = result?.updatedAt ? new Date(result.updatedAt) : new Date()
        saveError.value = null
        dirty.value = revision !== savedRevision
        saveStatus.value = dirty.value ? 'pending' : 'saved'
      } catch (error) {
        // The edit stays in memory and dirty; the next change (or 重试) saves it again.
        saveError.value = error instanceof Error ? error.message : String(error)
        saveStatus.value = 'failed'
      }
    })()
    inFlight = run
    await run
    if (inFlight === run) inFlight = undefined
    // Edits made while this save ran are saved by the next one.
    if (dirty.value && (saveStatus.value as SaveStatus) === 'pending') scheduleSave()
  }

  const saveLabel = computed(() => {
    switch (saveStatus.value) {
      case 'saving':
        return '正在保存…'
      case 'failed':
        return `保存失败：${saveError.value ?? '未知错误'}`
      case 'pending':
        return canSave.value ? '有未保存的修改' : '未连接保存（修改仅在本窗口）'
      case 'saved':
        return savedAt.value ? `已保存 ${formatClock(savedAt.value)}` : '已保存'
      default:
        return canSave.value ? '修改将自动保存' : ''
    }
  })

  // ---------------------------------------------------------------------------------------------
  // Focus requests from the checks panel

  const focusRequest = shallowRef<FocusRequest | null>(null)
  let focusSeq = 0

  function focusFinding(finding: Pick<Finding, 'target' | 'cells'> & { rule?: string }): void {
    focusRequest.value = { rule: finding.rule, target: finding.target, cells: finding.cells, seq: ++focusSeq }
  }

  function focusCell(cell: CellId): void {
    focusFinding({ target: { kind: 'cell', cell }, cells: [] })
  }

  function clearFocus(): void {
    focusRequest.value = null
  }

  /** A place asked for from outside the editor (the export dialog's list), shown once it is mounted. */
  let deferredFocus: JumpTarget | undefined
  function focusWhenShown(target: JumpTarget): void {
    deferredFocus = target
  }
  /** Called by the editor once mounted: goes to the place asked for while it was not shown. */
  function applyDeferredFocus(): void {
    const target = deferredFocus
    deferredFocus = undefined
    if (target) focusFinding({ target, cells: [] })
  }

  // ---------------------------------------------------------------------------------------------
  // Opening

  function open(next: Report, options: { previous?: Report; save?: SaveReport } = {}): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    // Unsaved edits of the report being replaced are still written, after any save in flight.
    const leaving = report.value
    const leavingSave = saveFn
    if (dirty.value && leaving && leavingSave) {
      void (inFlight ?? Promise.resolve())
        .then(() => leavingSave(leaving))
        .catch((error: unknown) => notifyError(`${leaving.unit.name} ${leaving.year} 年度报告保存失败`, error))
    }
    inFlight = undefined
    syncValues(report.value?.values, next.values)
    report.value = next
    previous.value = options.previous
    saveFn = options.save
    canSave.value = options.save !== undefined
    undoStack.value = []
    redoStack.value = []
    rejected.clear()
    focusRequest.value = null
    revision = 0
    savedRevision = 0
    dirty.value = false
    saveError.value = null
    savedAt.value = null
    saveStatus.value = 'idle'
    linkNotice.value = null
    // Marks whose cells were filled before the report was opened here take their figures now (undoable).
    const linked = linkedSections(next, next.values, undefined)
    if (linked.sections.length) {
      record({ label: '按表格数字改写正文', cells: [], sections: linked.sections, at: Date.now() })
      mergeBroken = true
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
    setSaver(options.save)
    focusRequest.value = null
  }

  function setPrevious(report: Report | undefined): void {
    previous.value = report
  }

  /** The save function can arrive after the report (the library wires it later). */
  function setSaver(save: SaveReport | undefined): void {
    saveFn = save
    canSave.value = save !== undefined
    if (save && dirty.value) scheduleSave()
  }

  function valueOf(cell: CellId): number | undefined {
    return report.value?.values[cell]
  }

  return {
    report,
    previous,
    findings,
    allFindings,
    reviewedFindings,
    notApplied,
    counts,
    cellMarks,
    cellValues,
    marksByCell,
    copyShares,
    rejected,
    canUndo,
    canRedo,
    saveStatus,
    saveLabel,
    savedAt,
    saveError,
    dirty,
    focusRequest,
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
    saveNow,
    focusFinding,
    focusCell,
    clearFocus,
    focusWhenShown,
    applyDeferredFocus
  }
})
