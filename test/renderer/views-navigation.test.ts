/** Navigation: which views can be reached, and which copy of the open report the preview and export use. */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createReport, type Report } from '@core/report/report'
import type { ImportPreview } from '../../src/renderer/src/api/types'
import { useCurrentReport } from '../../src/renderer/src/composables/currentReport'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import { useReportStore } from '../../src/renderer/src/stores/report'
import { UNIT, fakeLibrary, mountView, unmountViews } from './views-fakes'

afterEach(unmountViews)

describe('navigation store', () => {
  it('offers the import, editor and preview only when they have something to show; 帮助 always', () => {
    setActivePinia(createPinia())
    const navigation = useNavigationStore()
    expect(navigation.available).toEqual(['library', 'rollup', 'settings', 'help'])
    navigation.go('editor')
    expect(navigation.view).toBe('library')

    navigation.showImport({ token: 't' } as ImportPreview)
    expect(navigation.available).toEqual(['library', 'import', 'rollup', 'settings', 'help'])
    navigation.finishImport()
    expect(navigation.view).toBe('library')

    navigation.open(UNIT, 2025)
    expect(navigation.view).toBe('editor')
    expect(navigation.available).toEqual(['library', 'editor', 'preview', 'rollup', 'settings', 'help'])
    navigation.close()
    expect(navigation.view).toBe('library')
    expect(navigation.openReport).toBeNull()
  })
})

describe('the open report', () => {
  async function currentWith(setup: (navigation: ReturnType<typeof useNavigationStore>, edited: Report) => void) {
    let current: (() => Promise<Report | null>) | undefined
    const Probe = defineComponent({
      setup() {
        current = useCurrentReport().current
        return () => h('div')
      }
    })
    const mounted = mountView(Probe, { clients: { library: fakeLibrary() } })
    const navigation = useNavigationStore(mounted.pinia)
    const blank = createReport({ unit: UNIT, year: 2025 })
    const edited = { ...blank, sections: { ...blank.sections, overview: '刚输入的文字' } }
    setup(navigation, edited)
    return current!()
  }

  it('is the editor’s copy, with what was just typed, while it belongs to this opening', async () => {
    const report = await currentWith((navigation, edited) => {
      navigation.open(UNIT, 2025)
      useReportStore().open(edited)
      navigation.editorLoaded()
    })
    expect(report?.sections.overview).toBe('刚输入的文字')
  })

  it('is read again from the library once replaced behind the editor’s back', async () => {
    const report = await currentWith((navigation, edited) => {
      navigation.open(UNIT, 2025)
      useReportStore().open(edited)
      navigation.editorLoaded()
      navigation.invalidate(UNIT, 2025)
    })
    expect(report?.sections.overview).toBe('')
  })
})
