/**
 * Which view the officer is on, which report is open, and where in it the officer asked to look (a
 * finding clicked in the checks panel, a mark listed in the export dialog). Views move the officer
 * on through these actions rather than by setting the view directly, so that a view is never shown
 * without what it needs (the editor without a report, the import view without a file read).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CellId } from '@core/report/cells'
import type { Finding, JumpTarget } from '@core/rules'
import type { ImportPreview } from '../api/types'

export type ViewName = 'library' | 'rollup' | 'import' | 'editor' | 'preview' | 'settings' | 'help'

export const VIEW_LABELS: Record<ViewName, string> = {
  library: '资料库',
  rollup: '汇总',
  import: '导入',
  editor: '编辑',
  preview: '预览',
  settings: '设置',
  help: '帮助'
}

export interface OpenReport {
  unit: string
  year: number
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

export const useNavigationStore = defineStore('navigation', () => {
  const view = ref<ViewName>('library')
  /** The report open in the editor and preview. */
  const unit = ref<string | null>(null)
  const year = ref<number | null>(null)
  /** What the last import recognised, waiting for the officer to review and accept. */
  const pendingImport = shallowRef<ImportPreview | null>(null)
  /**
   * Counts openings of a report. The editor's in-memory copy belongs to one opening
   * (`editorSession`): the preview and export may use it — it can be ahead of the last autosave —
   * but a report opened again from the library, or replaced behind the editor's back (import,
   * restore), is read afresh.
   */
  const session = ref(0)
  const editorSession = ref<number | null>(null)

  const openReport = computed<OpenReport | null>(() =>
    unit.value !== null && year.value !== null ? { unit: unit.value, year: year.value } : null
  )

  /** The views the officer can switch to now, in tab order. */
  const available = computed<ViewName[]>(() => {
    const views: ViewName[] = ['library']
    if (pendingImport.value) views.push('import')
    if (openReport.value) views.push('editor', 'preview')
    // 汇总 (the county's roll-up of its units' reports) after the report's own views.
    views.push('rollup')
    views.push('settings')
    views.push('help')
    return views
  })

  function go(target: ViewName): void {
    if (available.value.includes(target)) view.value = target
  }

  function showLibrary(): void {
    view.value = 'library'
  }

  function showImport(preview: ImportPreview): void {
    pendingImport.value = preview
    view.value = 'import'
  }

  /** The import is done (accepted or abandoned): its tab goes away. */
  function finishImport(): void {
    pendingImport.value = null
    if (view.value === 'import') view.value = 'library'
  }

  function open(unitName: string, reportYear: number): void {
    unit.value = unitName
    year.value = reportYear
    session.value += 1
    view.value = 'editor'
  }

  /** The library's copy of (unit, year) changed outside the editor: read it again when next shown. */
  function invalidate(unitName: string, reportYear: number): void {
    if (unit.value === unitName && year.value === reportYear) session.value += 1
  }

  /**
   * Reports were renamed, merged or moved in the library: the open one, if among them, is followed
   * to its new place and read again there (its old place no longer exists).
   */
  function relocate(moves: readonly { fromUnit: string; fromYear: number; toUnit: string; toYear: number }[]): void {
    const move = moves.find((m) => m.fromUnit === unit.value && m.fromYear === year.value)
    if (!move) return
    unit.value = move.toUnit
    year.value = move.toYear
    session.value += 1
  }

  /** The editor now holds the open report of the current opening. */
  function editorLoaded(): void {
    editorSession.value = session.value
  }

  /** The open report was deleted or renamed away: nothing to edit any more. */
  function close(): void {
    unit.value = null
    year.value = null
    if (view.value === 'editor' || view.value === 'preview') view.value = 'library'
  }

  // ---------------------------------------------------------------------------------------------
  // Where to look in the editor: the grid, the text and the 落款 each watch `focusRequest`.

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

  return {
    view,
    unit,
    year,
    pendingImport,
    session,
    editorSession,
    openReport,
    available,
    go,
    showLibrary,
    showImport,
    finishImport,
    open,
    invalidate,
    relocate,
    editorLoaded,
    close,
    focusRequest,
    focusFinding,
    focusCell,
    clearFocus,
    focusWhenShown,
    applyDeferredFocus
  }
})
