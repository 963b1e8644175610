/** Leaving the editor for the preview and coming back keeps the edits' undo history. */
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cellId } from '@core/report/cells'
import { createReport } from '@core/report/report'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import { useReportStore } from '../../src/renderer/src/stores/report'
import ShellView from '../../src/renderer/src/views/ShellView.vue'
import { UNIT, byTestId, fakeExport, fakeImport, fakeLibrary, mountView, settle } from './views-fakes'

vi.mock('../../src/renderer/src/api/appClient', () => ({
  appClient: { getInfo: async () => ({ name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }) }
}))

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

const NEW_NATURAL = cellId('t3', 'new', 'natural')

async function editedInShell() {
  const library = fakeLibrary()
  const preview: ImportPreview = {
    token: 't',
    fileName: 'x.txt',
    generation: '2021',
    report: createReport({ unit: UNIT, year: 2024 }),
    sections: [],
    values: [],
    legacy: [],
    missing: [],
    warnings: [],
    unitCheck: { settled: true, source: 'title', candidates: [UNIT], evidence: [] },
    notices: [],
    suggestions: []
  }
  const mounted = mountView(ShellView, { clients: { library, import: fakeImport(preview), export: fakeExport() } })
  wrapper = mounted.wrapper
  const navigation = useNavigationStore(mounted.pinia)
  const store = useReportStore(mounted.pinia)
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
