/** The editor view: sections in order with their tables, undo/redo keys, save state, section targets. */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cellId } from '@core/report/cells'
import { createReport } from '@core/report/report'
import { SECTIONS } from '@core/report/sections'
import { defaultSettings } from '@core/settings/defaults'
import { useReportStore, AUTOSAVE_DELAY_MS } from '../../src/renderer/src/stores/report'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import EditorView from '../../src/renderer/src/views/EditorView.vue'
import { consistentReport, previousReport } from '../support/reports'
import { cellInput, fakeSave } from './editor-support'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

function mountEditor(props: InstanceType<typeof EditorView>['$props']) {
  const pinia = createPinia()
  wrapper = mount(EditorView, { props, global: { plugins: [pinia] }, attachTo: document.body })
  return { wrapper, store: useReportStore(pinia), root: wrapper.element as HTMLElement }
}

function key(init: KeyboardEventInit): void {
  ;(document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  )
}

describe('editor view', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  it('shows the six sections in order, each table under its section', () => {
    const { root } = mountEditor({ report: consistentReport() })
    const sections = [...root.querySelectorAll<HTMLElement>('[data-section]')]
    expect(sections.map((s) => s.dataset.section)).toEqual(SECTIONS.map((s) => s.id))
    expect(sections.map((s) => s.querySelector('h2')?.textContent?.trim())).toEqual(SECTIONS.map((s) => s.heading))
    const tableIn = (id: string) => root.querySelector(`[data-section="${id}"] [data-table]`)?.getAttribute('data-table')
    expect([tableIn('proactive'), tableIn('requests'), tableIn('review'), tableIn('overview')]).toEqual([
      't2',
      't3',
      't4',
      undefined
    ])
    expect(root.textContent).toContain('示例县示例镇人民政府 2025 年度')
  })

  it('shows last year’s 现行有效件数 under 表二 when the draft carries them as its baseline', async () => {
    const draft = { ...createReport({ unit: '某区教育局', year: 2025 }), baseline: { year: 2024, inForce: { rules: 3, normative: 12 } } }
    const { root, store } = mountEditor({ report: draft })
    const note = root.querySelector('[data-section="proactive"] [data-testid="baseline-note"]')!
    expect(note.textContent).toContain('上年现行有效件数：规章 3 件，行政规范性文件 12 件；本年应为 上年 + 制发 − 废止')
    store.setCell(cellId('t2', 'normative', 'issued'), 2)
    store.setCell(cellId('t2', 'normative', 'repealed'), 1)
    await wrapper!.vm.$nextTick()
    expect(note.textContent).toContain('行政规范性文件应为 13 件')
  })

  it('shows no baseline note without a baseline of the year before', () => {
    const { root } = mountEditor({ report: createReport({ unit: '某区教育局', year: 2025 }) })
    expect(root.querySelector('[data-testid="baseline-note"]')).toBeNull()
    wrapper!.unmount()
    const stale = { ...createReport({ unit: '某区教育局', year: 2025 }), baseline: { year: 2020, inForce: { rules: 3 } } }
    const again = mountEditor({ report: stale })
    expect(again.root.querySelector('[data-testid="baseline-note"]')).toBeNull()
  })

  it('undoes with Ctrl+Z and redoes with Ctrl+Y and Ctrl+Shift+Z', async () => {
    const { root, store } = mountEditor({ report: createReport({ unit: '某区教育局', year: 2025 }) })
    const input = cellInput(root, cellId('t3', 'new', 'natural'))
    input.focus()
    input.value = '8'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    expect(store.report!.values[cellId('t3', 'new', 'natural')]).toBe(8)
    // Each key press is its own task in a browser: Vue renders in between.
    await wrapper!.vm.$nextTick()
    key({ key: 'z', ctrlKey: true })
    expect(cellId('t3', 'new', 'natural') in store.report!.values).toBe(false)
    await wrapper!.vm.$nextTick()
    expect(input.value).toBe('')
    key({ key: 'y', ctrlKey: true })
    expect(store.report!.values[cellId('t3', 'new', 'natural')]).toBe(8)
    key({ key: 'z', ctrlKey: true })
    key({ key: 'Z', ctrlKey: true, shiftKey: true })
    expect(store.report!.values[cellId('t3', 'new', 'natural')]).toBe(8)
    await wrapper!.vm.$nextTick()
    expect(input.value).toBe('8')
    expect(root.querySelector<HTMLButtonElement>('[data-testid="undo"]')!.disabled).toBe(false)
  })

  it('autosaves through the injected function and shows the saved state', async () => {
    const save = fakeSave()
    const { root, store } = mountEditor({ report: createReport({ unit: '某区教育局', year: 2025 }), save })
    const state = () => root.querySelector('[data-testid="save-state"]')?.textContent?.trim()
    const area = root.querySelector<HTMLTextAreaElement>('[data-section="overview"] textarea')!
    area.value = '2025年，我局认真贯彻落实《条例》。'
    area.dispatchEvent(new Event('input', { bubbles: true }))
    expect(store.report!.sections.overview).toContain('我局')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(save.calls).toHaveLength(1)
    expect(state()).toBe('已保存 09:05')

    save.failWith = '文件被占用'
    area.value = '2025年，我局认真贯彻落实《条例》，加强公开。'
    area.dispatchEvent(new Event('input', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(state()).toBe('保存失败：文件被占用')
    // The edit is kept on screen and in the store.
    expect(area.value).toContain('加强公开')
    expect(store.dirty).toBe(true)
    const retry = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('重试'))!
    save.failWith = null
    retry.click()
    await vi.advanceTimersByTimeAsync(0)
    expect(save.calls.at(-1)!.sections.overview).toContain('加强公开')
    expect(state()).toBe('已保存 09:05')
  })

  it('counts 总体情况 characters like the P1 rule, and selects the span of a section finding', async () => {
    const report = createReport({ unit: '某区教育局', year: 2025 })
    const long = '公开'.repeat(520)
    const { root, store } = mountEditor({ report: { ...report, sections: { ...report.sections, overview: long } } })
    await wrapper!.vm.$nextTick()
    const count = root.querySelector('[data-testid="overview-count"]')!
    expect(count.textContent).toContain('1040 / 1000')
    expect(count.classList).toContain('section-editor__count--over')
    const p1 = store.findings.find((f) => f.rule === 'P1')!
    useNavigationStore().focusFinding(p1)
    await wrapper!.vm.$nextTick()
    await wrapper!.vm.$nextTick()
    const area = root.querySelector<HTMLTextAreaElement>('[data-section="overview"] textarea')!
    expect(document.activeElement).toBe(area)
    expect([area.selectionStart, area.selectionEnd]).toEqual([1000, 1040])
    expect(root.querySelector('[data-section="overview"]')!.classList).toContain('section-editor--targeted')
  })

  it('counts 总体情况 as P1 does — body only, marks as their figures — against the limit of 设置, so the two agree', async () => {
    const pinia = createPinia()
    const settings = defaultSettings()
    settings.region = { ...settings.region, name: '某某县 2025 年要求', overviewCharLimit: 300 }
    useSettingsStore(pinia).adopt(settings)
    const preamble = '根据《中华人民共和国政府信息公开条例》规定，编制本报告。本报告所列数据统计期限为2025年1月1日至12月31日。'
    const body = `全年收到申请【待更新：12】件，办结【待填写】件。${'公开'.repeat(150)}`
    const report = { ...createReport({ unit: '某区教育局', year: 2025 }), sections: { ...createReport({ unit: '某区教育局', year: 2025 }).sections, overview: `${preamble}\n${body}` } }
    wrapper = mount(EditorView, { props: { report }, global: { plugins: [pinia] }, attachTo: document.body })
    const store = useReportStore(pinia)
    const root = wrapper.element as HTMLElement
    const count = () => root.querySelector('[data-testid="overview-count"]')!

    // 全年收到申请12件，办结件。 = 14, plus 300: the preamble and the marks' brackets are not counted.
    const p1 = store.findings.find((f) => f.rule === 'P1')!
    expect(p1.message).toContain('共 314 字（不计空白，不含开头关于本报告的说明），超过设置的 300 字上限')
    expect(count().textContent).toContain('314 / 300 字（不计空白，不含开头说明）')
    expect(count().classList).toContain('section-editor__count--over')

    // At the limit: no P1, and the counter is not over either.
    store.setSection('overview', `${preamble}\n${body.slice(0, -14)}`)
    await wrapper.vm.$nextTick()
    expect(store.findings.some((f) => f.rule === 'P1')).toBe(false)
    expect(count().textContent).toContain('300 / 300')
    expect(count().classList).not.toContain('section-editor__count--over')
  })

  it('shows the copy share per section when last year is known', () => {
    const report = consistentReport()
    const previous = previousReport(report)
    const { root } = mountEditor({
      report: { ...report, sections: { ...report.sections, problems: previous.sections.problems } },
      previous
    })
    const share = root.querySelector('[data-section="problems"] [data-testid="copy-share"]')
    expect(share?.textContent).toContain('与上年相同 100%')
  })
})
