/**
 * Saving a document while the officer works on it: a save a short while after the last change,
 * one save at a time, and nothing ever dropped — an edit made while a save runs, or after a save
 * failed, is saved by the next attempt, and the unsaved edits of a document being replaced are
 * still written. The save itself is injected (the library client in the app, a fake in tests).
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'

/** Writes the document somewhere durable; may return the time written (LibraryClient.save does). */
export type SaveDocument<T> = (document: T) => Promise<{ updatedAt?: string } | void>

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed'

export const AUTOSAVE_DELAY_MS = 800

export interface AutosaveOptions<T> {
  /** The document as it is now. */
  current(): T | null | undefined
  /** Told when the unsaved edits of a document being replaced could not be written. */
  onLeftBehind(document: T, error: unknown): void
  delayMs?: number
}

export interface Autosave<T> {
  status: Ref<SaveStatus>
  savedAt: Ref<Date | null>
  error: Ref<string | null>
  dirty: Ref<boolean>
  /** Whether edits are saved anywhere: the label says so when they are not. */
  canSave: Ref<boolean>
  /** “已保存 09:05”, “正在保存…”, “保存失败：…”. */
  label: ComputedRef<string>
  /** The document changed: saved after the delay. */
  changed(): void
  /** Saves now if anything is unsaved; resolves when the saved document is the current one (or a save failed). */
  saveNow(): Promise<void>
  /** The save function can arrive after the document (the library wires it later). */
  setSaver(save: SaveDocument<T> | undefined): void
  /** Another document takes this one's place: its unsaved edits are written, then the state starts afresh. */
  replace(save: SaveDocument<T> | undefined): void
}

function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

export function useAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS
  let saveFn: SaveDocument<T> | undefined
  /** Bumped on every change; a save covers the revision it started with. */
  let revision = 0
  let savedRevision = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | undefined
  const status = ref<SaveStatus>('idle')
  const savedAt = ref<Date | null>(null)
  const error = ref<string | null>(null)
  const dirty = ref(false)
  const canSave = ref(false)

  function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  function schedule(): void {
    if (!saveFn) return
    stopTimer()
    timer = setTimeout(() => {
      timer = undefined
      void saveNow()
    }, delay)
  }

  function changed(): void {
    revision++
    dirty.value = true
    if (status.value !== 'saving' && status.value !== 'failed') status.value = 'pending'
    schedule()
  }

  async function saveNow(): Promise<void> {
    stopTimer()
    // One save at a time; the running one is followed by another if edits arrived meanwhile.
    if (inFlight) {
      await inFlight
      return saveNow()
    }
    const snapshot = options.current()
    if (!saveFn || !snapshot || revision === savedRevision) return
    const covering = revision
    const save = saveFn
    status.value = 'saving'
    const run = (async () => {
      try {
        const result = await save(snapshot)
        savedRevision = Math.max(savedRevision, covering)
        savedAt.value = result?.updatedAt ? new Date(result.updatedAt) : new Date()
        error.value = null
        dirty.value = revision !== savedRevision
        status.value = dirty.value ? 'pending' : 'saved'
      } catch (failure) {
        // The edit stays in memory and dirty; the next change (or 重试) saves it again.
        error.value = failure instanceof Error ? failure.message : String(failure)
        status.value = 'failed'
      }
    })()
    inFlight = run
    await run
    if (inFlight === run) inFlight = undefined
    // Edits made while this save ran are saved by the next one.
    if (dirty.value && (status.value as SaveStatus) === 'pending') schedule()
  }

  function setSaver(save: SaveDocument<T> | undefined): void {
    saveFn = save
    canSave.value = save !== undefined
    if (save && dirty.value) schedule()
  }

  function replace(save: SaveDocument<T> | undefined): void {
    stopTimer()
    const leaving = options.current()
    const leavingSave = saveFn
    if (dirty.value && leaving && leavingSave) {
      void (inFlight ?? Promise.resolve()).then(() => leavingSave(leaving)).catch((failure: unknown) => options.onLeftBehind(leaving, failure))
    }
    inFlight = undefined
    saveFn = save
    canSave.value = save !== undefined
    revision = 0
    savedRevision = 0
    dirty.value = false
    error.value = null
    savedAt.value = null
    status.value = 'idle'
  }

  const label = computed(() => {
    switch (status.value) {
      case 'saving':
        return '正在保存…'
      case 'failed':
        return `保存失败：${error.value ?? '未知错误'}`
      case 'pending':
        return canSave.value ? '有未保存的修改' : '未连接保存（修改仅在本窗口）'
      case 'saved':
        return savedAt.value ? `已保存 ${formatClock(savedAt.value)}` : '已保存'
      default:
        return canSave.value ? '修改将自动保存' : ''
    }
  })

  return { status, savedAt, error, dirty, canSave, label, changed, saveNow, setSaver, replace }
}
