/**
 * useUndoHistory on its own: steps merge by key within the window, a break starts a new step,
 * redo is forgotten by a new step, and the oldest steps go past the limit.
 */
import { describe, expect, it } from 'vitest'
import { useUndoHistory, type UndoStep } from '../../src/renderer/src/composables/undoHistory'

interface Step extends UndoStep {
  from: number
  to: number
}

function counter(limit?: number) {
  let value = 0
  const history = useUndoHistory<Step>({
    apply: (step, side) => {
      value = side === 'after' ? step.to : step.from
    },
    merge: (last, next) => ({ ...last, to: next.to, at: next.at }),
    mergeWindowMs: 1000,
    limit
  })
  const set = (to: number, at: number, mergeKey?: string) => history.record({ from: value, to, at, mergeKey })
  return { history, set, value: () => value }
}

describe('useUndoHistory', () => {
  it('merges steps with one key inside the window into one, and undoes it in one go', () => {
    const { history, set, value } = counter()
    set(1, 0, 'a')
    set(2, 500, 'a')
    set(3, 1400, 'a')
    expect(value()).toBe(3)
    expect(history.undo()).toBe(true)
    expect(value()).toBe(0)
    expect(history.canUndo.value).toBe(false)
  })

  it('starts a new step after the window, for another key, or after a break', () => {
    const { history, set, value } = counter()
    set(1, 0, 'a')
    set(2, 2000, 'a')
    set(3, 2100, 'b')
    history.breakMerge()
    set(4, 2200, 'b')
    for (const expected of [3, 2, 1, 0]) {
      history.undo()
      expect(value()).toBe(expected)
    }
  })

  it('redoes what was undone until a new step is made, and keeps at most the limit', () => {
    const { history, set, value } = counter(2)
    set(1, 0)
    set(2, 10)
    set(3, 20)
    history.undo()
    history.undo()
    expect(history.undo()).toBe(false)
    expect(value()).toBe(1)
    history.redo()
    expect(value()).toBe(2)
    set(9, 30)
    expect(history.canRedo.value).toBe(false)
  })
})
