/**
 * The app's marks in the editor: highlighted in place over the text, F3 and the button select the
 * next one (which typing then replaces), Alt+Enter keeps a 待更新 mark's figure, undo works; the
 * 落款's 成文日期 is set as an undoable edit and shown as it will print; the 总体情况 count leaves the marks out.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { defaultSettings } from '@core/settings/defaults'
import { keptFigure, markAt, markSegments, nextMark } from '../../src/renderer/src/components/editor/markSegments'
import { useReportStore } from '../../src/renderer/src/stores/report'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import EditorView from '../../src/renderer/src/views/EditorView.vue'
import { consistentReport } from '../support/reports'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const OVERVIEW = '全年收到申请【待更新：12】件，接待【待更新：11】件。'
const PROBLEMS = '上年问题整改情况：【待填写】'

function marked(): Report {
  const report = consistentReport()
  return { ...report, document: {}, sections: { ...report.sections, overview: OVERVIEW, problems: PROBLEMS } }
}

function mountEditor(report: Report) {
  const pinia = createPinia()
  wrapper = mount(EditorView, { props: { report }, global: { plugins: [pinia] }, attachTo: document.body })
  return { store: useReportStore(pinia), root: wrapper.element as HTMLElement }
}

const area = (root: HTMLElement, section: string) => root.querySelector<HTMLTextAreaElement>(`#section-text-${section}`)!

async function tick(): Promise<void> {
  await wrapper!.vm.$nextTick()
  await wrapper!.vm.$nextTick()
}

function press(init: KeyboardEventInit, target: EventTarget = document.activeElement ?? document.body): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
}

describe('mark segments', () => {
  it('cuts a text into plain runs and marks, and finds the next and previous mark across sections', () => {
    expect(markSegments(OVERVIEW).map((s) => [s.text, s.mark])).toEqual([
      ['全年收到申请', undefined],
      ['【待更新：12】', 'stale'],
      ['件，接待', undefined],
      ['【待更新：11】', 'stale'],
      ['件。', undefined]
    ])
    const sections = { ...marked().sections }
    const first = nextMark(sections, undefined)
    expect(first).toEqual({ section: 'overview', start: 6, end: 14 })
    const second = nextMark(sections, { section: 'overview', offset: first!.end })
    expect(OVERVIEW.slice(second!.start, second!.end)).toBe('【待更新：11】')
    const third = nextMark(sections, { section: 'overview', offset: second!.end })
    expect(third?.section).toBe('problems')
    // Round the end, back to the first; and backwards from the first to the last.
    expect(nextMark(sections, { section: 'problems', offset: third!.end })).toEqual(first)
    expect(nextMark(sections, { section: 'overview', offset: first!.start }, -1)).toEqual(third)
    expect(keptFigure(markAt(OVERVIEW, 6, 14)!)).toBe('12')
    expect(markAt(OVERVIEW, 6, 13)).toBeUndefined()
  })
})

describe('the narrative editor', () => {
  it('highlights every mark in place, in the layer under the text', () => {
    const { root } = mountEditor(marked())
    const layer = root.querySelector('[data-section="overview"] [data-testid="mark-layer"]')!
    expect([...layer.querySelectorAll('mark')].map((m) => [m.textContent, m.dataset.mark])).toEqual([
      ['【待更新：12】', 'stale'],
      ['【待更新：11】', 'stale']
    ])
    // The layer holds exactly the text (and a zero-width space for a trailing newline), so its lines are the textarea's.
    expect(layer.textContent).toBe(`${OVERVIEW}\u200b`)
    expect(root.querySelector('[data-section="problems"] mark')?.getAttribute('data-mark')).toBe('fill')
    // A real editor underneath: the textarea still holds the text.
    expect(area(root, 'overview').value).toBe(OVERVIEW)
  })

  it('selects the next mark with F3 and the button; typing over it replaces it, and undo brings it back', async () => {
    const { store, root } = mountEditor(marked())
    expect(root.querySelector('[data-testid="next-mark"]')!.textContent).toContain('待处理标记 3 处')
    press({ key: 'F3' }, window)
    await tick()
    const text = area(root, 'overview')
    expect(document.activeElement).toBe(text)
    expect([text.selectionStart, text.selectionEnd]).toEqual([6, 14])
    expect(root.querySelector('[data-testid="mark-hint"]')!.textContent).toContain('Alt+Enter 保留原数字 12')
    expect(root.querySelector('.section-editor__mark--current')?.textContent).toBe('【待更新：12】')

    // Typing replaces the selection, as in any text box.
    text.setRangeText('15', text.selectionStart, text.selectionEnd, 'end')
    text.dispatchEvent(new InputEvent('input', { bubbles: true }))
    await tick()
    expect(store.report!.sections.overview).toBe('全年收到申请15件，接待【待更新：11】件。')
    // The caret after the typed figure, as a browser leaves it (happy-dom moves it to the end on re-render).
    text.setSelectionRange(8, 8)

    ;(root.querySelector('[data-testid="next-mark"]') as HTMLButtonElement).click()
    await tick()
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe('【待更新：11】')
    press({ key: 'F3' }, window)
    await tick()
    const problems = area(root, 'problems')
    expect(document.activeElement).toBe(problems)
    expect(problems.value.slice(problems.selectionStart, problems.selectionEnd)).toBe('【待填写】')
    press({ key: 'F3', shiftKey: true }, window)
    await tick()
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe('【待更新：11】')

    store.undo()
    await tick()
    expect(store.report!.sections.overview).toBe(OVERVIEW)
  })

  it('keeps a 待更新 mark’s old figure with Alt+Enter, as one undo step', async () => {
    const { store } = mountEditor(marked())
    press({ key: 'F3' }, window)
    await tick()
    press({ key: 'Enter', altKey: true })
    await tick()
    expect(store.report!.sections.overview).toBe('全年收到申请12件，接待【待更新：11】件。')
    store.undo()
    expect(store.report!.sections.overview).toBe(OVERVIEW)
  })

  it('counts 总体情况 without the marks (a 待更新 mark as its figure)', () => {
    const { root } = mountEditor(marked())
    // 全年收到申请12件，接待11件。 = 16 characters.
    expect(root.querySelector('[data-testid="overview-count"]')!.textContent).toContain('16 / 1000')
  })
})

describe('the 落款', () => {
  it('sets the 成文日期 as one undoable edit, shows it as printed, and jumps there from its finding', async () => {
    const { store, root } = mountEditor(marked())
    const finding = store.findings.find((f) => f.rule === 'DATE')
    expect(finding?.target).toEqual({ kind: 'document', field: 'date' })
    expect(root.querySelector('[data-testid="signature-unit"]')!.textContent).toContain('示例县示例镇人民政府')
    store.setPublishedOn('2026-01-20')
    await tick()
    expect(root.querySelector('[data-testid="signature-printed"]')!.textContent).toContain('2026年1月20日')
    expect(store.findings.some((f) => f.rule === 'DATE')).toBe(false)
    store.undo()
    await tick()
    expect(store.report!.document.publishedOn).toBeUndefined()
    useNavigationStore().focusFinding(finding!)
    await tick()
    expect(root.querySelector('[data-testid="signature-fields"]')!.classList).toContain('signature--targeted')
  })

  it('shows the date and the place as the export will print them: 设置 where the report records none, else its own', async () => {
    const pinia = createPinia()
    const settings = defaultSettings()
    settings.region = { ...settings.region, signature: { include: true, dateStyle: 'chinese', align: 'right' } }
    useSettingsStore(pinia).adopt(settings)
    const report = consistentReport()
    wrapper = mount(EditorView, { props: { report }, global: { plugins: [pinia] }, attachTo: document.body })
    const root = wrapper.element as HTMLElement
    const store = useReportStore(pinia)
    const printed = () => root.querySelector('[data-testid="signature-printed"]')!.textContent
    const hint = () => root.querySelector('[data-testid="signature-hint"]')!.textContent
    expect(printed()).toContain('打印为：二〇二六年一月二十日')
    expect(hint()).toContain('右对齐，日期用汉字')
    store.setPrintSettings({ ...report.settings, dateStyle: 'arabic', signatureAlign: 'gbt9704' })
    await tick()
    expect(printed()).toContain('打印为：2026年1月20日')
    expect(hint()).toContain('按 GB/T 9704 右空二字、日期再右移二字，日期用阿拉伯数字')
    store.setPrintSettings({ ...report.settings, signature: false })
    await tick()
    expect(hint()).toContain('本报告导出时不加落款')
  })
})
