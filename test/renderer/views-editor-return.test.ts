/** Leaving the editor for the preview and coming back keeps the edits' undo history. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cellId } from '@core/report/cells'
import { useReportStore } from '../../src/renderer/src/stores/report'
import { mountShell } from './shell-fakes'
import { UNIT, byTestId, importPreview, settle, unmountViews } from './views-fakes'

vi.mock('../../src/renderer/src/api/appClient', () => ({
  appClient: { getInfo: async () => ({ name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }) }
}))

afterEach(unmountViews)

const NEW_NATURAL = cellId('t3', 'new', 'natural')

async function editedInShell() {
  const { library, navigation, pinia } = mountShell({ preview: importPreview({ token: 't', fileName: 'x.txt' }) })
  const store = useReportStore(pinia)
  navigation.open(UNIT, 2025)
  await settle()
  store.setCell(NEW_NATURAL, 5)
  expect(store.canUndo).toBe(true)
  return { library, navigation, store }
}

describe('editor → preview → editor', () => {
  it('keeps the undo history of the report still open', async () => {
    const { library, navigation, store } = await editedInShell()
    navigation.go('preview')
    await settle()
    navigation.go('editor')
    await settle()
    // The editor got its own copy back, not the library's: the edit is still there, and undoable.
    expect(library.open.mock.calls.filter(([unit, year]) => unit === UNIT && year === 2025)).toHaveLength(1)
    expect(store.report?.values[NEW_NATURAL]).toBe(5)
    expect(byTestId<HTMLButtonElement>('undo').disabled).toBe(false)
    byTestId('undo').click()
    await settle()
    expect(store.report?.values[NEW_NATURAL]).toBeUndefined()
    expect(byTestId<HTMLButtonElement>('redo').disabled).toBe(false)
  })

  it('starts afresh when the report is replaced behind the editor', async () => {
    const { navigation, store } = await editedInShell()
    navigation.go('preview')
    await settle()
    navigation.invalidate(UNIT, 2025)
    navigation.go('editor')
    await settle()
    expect(store.canUndo).toBe(false)
  })
})
