/**
 * Undo and redo over steps the caller defines: each step knows how to apply either side
 * (`apply(step, 'before' | 'after')`), and consecutive steps with the same merge key inside the merge
 * window become one (typing in one cell or one paragraph is one step). The report store keeps its
 * commands here; anything else with undoable steps could too.
 */
import { computed, shallowRef, type ComputedRef } from 'vue'

export interface UndoStep {
  /** Consecutive steps with the same key merge into one. */
  mergeKey?: string
  /** When the step was made (ms). */
  at: number
}

export interface UndoHistoryOptions<S extends UndoStep> {
  apply(step: S, side: 'before' | 'after'): void
  /** One step from the last one and the next, merged: the first `before`, the latest `after`. */
  merge(last: S, next: S): S
  /** Typing pauses longer than this start a new step. */
  mergeWindowMs?: number
  /** Steps kept; older ones are forgotten. */
  limit?: number
}

export interface UndoHistory<S extends UndoStep> {
  canUndo: ComputedRef<boolean>
  canRedo: ComputedRef<boolean>
  /** Applies the step and keeps it (merged into the last one when its key and time say so). */
  record(step: S): void
  /** The last step, when a step with this key at this time would merge into it. */
  mergeTarget(mergeKey: string | undefined, at: number): S | undefined
  /** The next step starts afresh, whatever its key (a cell lost focus, a command of its own). */
  breakMerge(): void
  undo(): boolean
  redo(): boolean
  /** Forgets every step (another report opened). */
  clear(): void
}

export const MERGE_WINDOW_MS = 1500
export const UNDO_LIMIT = 200

export function useUndoHistory<S extends UndoStep>(options: UndoHistoryOptions<S>): UndoHistory<S> {
  const mergeWindow = options.mergeWindowMs ?? MERGE_WINDOW_MS
  const limit = options.limit ?? UNDO_LIMIT
  const undoStack = shallowRef<S[]>([])
  const redoStack = shallowRef<S[]>([])
  let mergeBroken = false

  function mergeTarget(mergeKey: string | undefined, at: number): S | undefined {
    const last = undoStack.value.at(-1)
    return !mergeBroken && mergeKey !== undefined && last?.mergeKey === mergeKey && at - last.at < mergeWindow ? last : undefined
  }

  function record(step: S): void {
    const last = mergeTarget(step.mergeKey, step.at)
    mergeBroken = false
    options.apply(step, 'after')
    undoStack.value = last ? [...undoStack.value.slice(0, -1), options.merge(last, step)] : [...undoStack.value, step].slice(-limit)
    redoStack.value = []
  }

  function undo(): boolean {
    const step = undoStack.value.at(-1)
    if (!step) return false
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, step]
    options.apply(step, 'before')
    mergeBroken = true
    return true
  }

  function redo(): boolean {
    const step = redoStack.value.at(-1)
    if (!step) return false
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, step]
    options.apply(step, 'after')
    mergeBroken = true
    return true
  }

  return {
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
    record,
    mergeTarget,
    breakMerge: () => {
      mergeBroken = true
    },
    undo,
    redo,
    clear: () => {
      undoStack.value = []
      redoStack.value = []
    }
  }
}
