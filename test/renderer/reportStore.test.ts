/** The report store: commands with undo/redo, live findings, autosave that never loses an edit. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cellId } from '@core/report/cells'
import { AUTOSAVE_DELAY_MS } from '../../src/renderer/src/stores/report'
import { consistentReport, previousReport, withValues } from '../support/reports'
import { fakeSave, freshStore } from './editor-support'

const natural = cellId('t3', 'new', 'natural')
const business = cellId('t3', 'new', 'business')

describe('undo and redo', () => {
  it('undoes and redoes cell and section edits in order', () => {
    const { store } = freshStore()
    store.setCell(natural, 5)
    store.breakMerge()
    store.setCell(business, 2)
    store.setSection('overview', '今年')
    expect(store.canUndo).toBe(true)
    store.undo()
    expect(store.report!.sections.overview).toBe('')
    store.undo()
    expect(business in store.report!.values).toBe(false)
    expect(store.report!.values[natural]).toBe(5)
    store.redo()
    expect(store.report!.values[business]).toBe(2)
    store.undo()
    store.undo()
    expect(store.report!.values).toEqual({})
    expect(store.canUndo).toBe(false)
    store.redo()
    store.redo()
    store.redo()
    expect(store.report!.sections.overview).toBe('今年')
    expect(store.canRedo).toBe(false)
  })

  it('merges keystrokes in one cell into one step, and a new edit clears redo', () => {
    const { store } = freshStore()
    store.setCell(natural, 1)
    store.setCell(natural, 12)
    store.setCell(natural, 123)
    store.undo()
    expect(natural in store.report!.values).toBe(false)
    store.redo()
    expect(store.report!.values[natural]).toBe(123)
    store.undo()
    store.setCell(business, 4)
    expect(store.canRedo).toBe(false)
  })

  it('redoes a cell cleared while typing as blank', () => {
    const { store } = freshStore()
    store.setCell(natural, 5)
    store.setCell(natural, undefined)
    store.undo()
    store.redo()
    expect(natural in store.report!.values).toBe(false)
  })

  it('merges typing in a section, and starts a new step after leaving it', () => {
    const { store } = freshStore()
    store.setSection('problems', '一')
    store.setSection('problems', '一是')
    store.breakMerge()
    store.setSection('problems', '一是公开')
    store.undo()
    expect(store.report!.sections.problems).toBe('一是')
    store.undo()
    expect(store.report!.sections.problems).toBe('')
  })

  it('keeps the report immutable: each edit is a new object, the old one unchanged', () => {
    const { store } = freshStore()
    const before = store.report!
    store.setCell(natural, 3)
    expect(store.report).not.toBe(before)
    expect(before.values).toEqual({})
  })
})

describe('findings', () => {
  it('are computed on each edit, with last year for the cross-year checks', () => {
    const report = consistentReport()
    const { store } = freshStore(report, { previous: previousReport(report) })
    expect(store.findings).toEqual([])
    store.setCell(cellId('t3', 'carried', 'natural'), 9)
    expect(store.findings.map((f) => f.rule)).toContain('X1')
    expect(store.counts.warning).toBeGreaterThan(0)
    store.undo()
    expect(store.findings).toEqual([])
  })

  it('mark the target cell of each finding with its worst severity', () => {
    const { store } = freshStore(withValues(consistentReport(), { [cellId('t3', 'new', 'total')]: 1 }))
    expect(store.cellMarks.get(cellId('t3', 'new', 'total'))?.severity).toBe('error')
  })

  it('give the copy share per section when last year is known', () => {
    const report = consistentReport()
    const previous = previousReport(report)
    const { store } = freshStore({ ...report, sections: { ...report.sections, problems: previous.sections.problems } }, { previous })
    expect(store.copyShares?.sections.problems.share).toBeGreaterThan(0.8)
    expect(freshStore(report).store.copyShares).toBeUndefined()
  })
})

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves once, ~800 ms after the last edit, and shows 已保存 HH:mm', async () => {
    const save = fakeSave()
    const { store } = freshStore(undefined, { save })
    store.setCell(natural, 1)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100)
    store.setCell(natural, 12)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100)
    expect(save.calls).toHaveLength(0)
    expect(store.saveLabel).toBe('有未保存的修改')
    await vi.advanceTimersByTimeAsync(200)
    expect(save.calls).toHaveLength(1)
    expect(save.calls[0]!.values[natural]).toBe(12)
    expect(store.saveStatus).toBe('saved')
    expect(store.saveLabel).toBe('已保存 09:05')
    expect(store.dirty).toBe(false)
  })

  it('keeps the edit when a save fails, and retries on the next change', async () => {
    const save = fakeSave()
    save.failWith = '磁盘已满'
    const { store } = freshStore(undefined, { save })
    store.setCell(natural, 7)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(store.saveStatus).toBe('failed')
    expect(store.saveLabel).toBe('保存失败：磁盘已满')
    expect(store.report!.values[natural]).toBe(7)
    expect(store.dirty).toBe(true)

    save.failWith = null
    store.setCell(business, 2)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(save.calls).toHaveLength(2)
    // The retry carries both edits: the one whose save failed and the new one.
    expect(save.calls[1]!.values).toEqual({ [natural]: 7, [business]: 2 })
    expect(store.saveStatus).toBe('saved')
  })

  it('saves again when an edit arrives during a save', async () => {
    let release: () => void = () => undefined
    const calls: number[] = []
    const { store } = freshStore(undefined, {
      save: async (report) => {
        calls.push(report.values[natural] ?? -1)
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve))
      }
    })
    store.setCell(natural, 1)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(store.saveLabel).toBe('正在保存…')
    store.breakMerge()
    store.setCell(natural, 2)
    release()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    expect(calls).toEqual([1, 2])
    expect(store.saveStatus).toBe('saved')
  })

  it('still saves the edits of a report replaced before its debounce ran', async () => {
    const save = fakeSave()
    const { store } = freshStore(undefined, { save })
    store.setCell(natural, 4)
    const other = fakeSave()
    store.open(consistentReport(), { save: other })
    await vi.advanceTimersByTimeAsync(0)
    expect(save.calls).toHaveLength(1)
    expect(save.calls[0]!.values[natural]).toBe(4)
    expect(other.calls).toHaveLength(0)
    expect(store.dirty).toBe(false)
  })

  it('saveNow flushes at once', async () => {
    const save = fakeSave()
    const { store } = freshStore(undefined, { save })
    store.setSection('other', '本年度未收取信息处理费。')
    await store.saveNow()
    expect(save.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    expect(save.calls).toHaveLength(1)
  })
})
