/**
 * Findings reviewed in the checks panel: a warning or hint marked 已核实 or 忽略 with a reason leaves
 * the open groups and their counts, and is listed under a collapsed count with its reason, ready to be
 * opened again; it opens again by itself when the figures it is about change; errors have no such
 * buttons. The checks read the region's settings from the settings store, loaded when the window
 * opens.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { defaultSettings } from '@core/settings/defaults'
import type { Settings } from '@core/settings/schema'
import ChecksPanel from '../../src/renderer/src/components/editor/ChecksPanel.vue'
import { useReportStore } from '../../src/renderer/src/stores/report'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import ShellView from '../../src/renderer/src/views/ShellView.vue'
import { consistentReport, withSection, withValues } from '../support/reports'
import { freshStore } from './editor-support'
import { fakeExport, fakeImport, fakeLibrary, fakeSettings, mountView, settle } from './views-fakes'

vi.mock('../../src/renderer/src/api/appClient', () => ({
  appClient: { getInfo: async () => ({ name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }) }
}))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

const text = (selector: string): string => wrapper!.find(selector).text().trim()
const entry = (key: string) => wrapper!.find(`li[data-key="${key}"]`)

/** Two blanks in 表三 (warning BLANK:t3), a broken 表四 total (error), and an overview lacking topics (hints). */
function report() {
  const base = withValues(consistentReport(), { 't3.stateSecret.research': undefined, 't3.stateSecret.welfare': undefined, 't4.review.total': 9 })
  return withSection(base, 'overview', '2025年，我镇通过政府网站主动公开政府信息326条。')
}

async function review(key: string, button: 'mark-checked' | 'mark-dismissed', reason: string): Promise<void> {
  await entry(key).find(`[data-testid="${button}"]`).trigger('click')
  await entry(key).find('[data-testid="review-form"] input').setValue(reason)
  await entry(key).find('[data-testid="review-form"]').trigger('submit')
  await nextTick()
}

describe('reviewing findings in the checks panel', () => {
  it('moves a warning marked 已核实 under a collapsed count, with its reason, out of the counts', async () => {
    const setup = freshStore(report())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] }, attachTo: document.body })
    const warnings = setup.store.counts.warning
    expect(text('[data-testid="count-warning"]')).toBe(`警告 ${warnings}`)
    expect(wrapper.find('[data-testid="reviewed"]').exists()).toBe(false)

    await review('BLANK:t3', 'mark-checked', '已与原文核对，原文确为空白')
    expect(entry('BLANK:t3').exists()).toBe(true)
    expect(wrapper.find('[data-testid="group-warning"] li[data-key="BLANK:t3"]').exists()).toBe(false)
    expect(text('[data-testid="count-warning"]')).toBe(`警告 ${warnings - 1}`)
    const reviewed = wrapper.find('[data-testid="reviewed"]')
    expect(reviewed.element.tagName).toBe('DETAILS')
    expect((reviewed.element as HTMLDetailsElement).open).toBe(false)
    expect(reviewed.find('summary').text()).toBe('已核实 1 条（不计入上方数量）')
    expect(reviewed.find('[data-testid="finding-note"]').text()).toMatch(/^已核实：已与原文核对，原文确为空白（\d{4}-\d\d-\d\d \d\d:\d\d）$/)
    expect(setup.store.report!.review?.['BLANK:t3']).toMatchObject({ status: 'checked', reason: '已与原文核对，原文确为空白' })

    // Open first: every open group comes before the reviewed ones.
    const order = [...wrapper.element.querySelectorAll('[data-testid^="group-"], [data-testid="reviewed"]')].map((e) => e.getAttribute('data-testid'))
    expect(order.at(-1)).toBe('reviewed')
  })

  it('lists 已核实 and 已忽略 under one count and opens one again with 重新打开 (undoable)', async () => {
    const setup = freshStore(report())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] }, attachTo: document.body })
    await review('BLANK:t3', 'mark-checked', '原文确为空白')
    await review('FORMAT:overview-topics', 'mark-dismissed', '本镇工作简报另有说明')
    expect(text('[data-testid="reviewed"] summary')).toBe('已核实 1 条、已忽略 1 条（不计入上方数量）')
    const notes = wrapper.findAll('[data-testid="reviewed"] [data-testid="finding-note"]').map((n) => n.text())
    expect(notes[0]).toMatch(/^已核实：原文确为空白/)
    expect(notes[1]).toMatch(/^已忽略：本镇工作简报另有说明/)

    await wrapper.find('[data-testid="reviewed"] li[data-key="BLANK:t3"] [data-testid="reopen"]').trigger('click')
    expect(wrapper.find('[data-testid="group-warning"] li[data-key="BLANK:t3"]').exists()).toBe(true)
    expect(text('[data-testid="reviewed"] summary')).toBe('已忽略 1 条（不计入上方数量）')
    setup.store.undo()
    await nextTick()
    expect(wrapper.find('[data-testid="group-warning"] li[data-key="BLANK:t3"]').exists()).toBe(false)
  })

  it('opens a reviewed finding again by itself when a related cell is edited, saying what it had been', async () => {
    const setup = freshStore(report())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] }, attachTo: document.body })
    await review('BLANK:t3', 'mark-dismissed', '原文确为空白')
    // An unrelated cell: still dismissed.
    setup.store.setCell('t2.license.decisions', 157)
    setup.store.setCell('t4.direct.pending', 1)
    await nextTick()
    expect(wrapper.find('[data-testid="group-warning"] li[data-key="BLANK:t3"]').exists()).toBe(false)
    // A related one: open again, with a note.
    setup.store.setCell('t3.stateSecret.research', 0)
    await nextTick()
    const reopened = wrapper.find('[data-testid="group-warning"] li[data-key="BLANK:t3"]')
    expect(reopened.exists()).toBe(true)
    expect(reopened.find('[data-testid="finding-note"]').text()).toBe('曾标为已忽略（原文确为空白），相关数字或文字已变动，重新打开')
    expect(wrapper.find('[data-testid="reviewed"]').exists()).toBe(false)
  })

  it('gives errors no 已核实 or 忽略, and asks for a reason', async () => {
    const setup = freshStore(report())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] }, attachTo: document.body })
    const errors = wrapper.findAll('[data-testid="group-error"] li')
    expect(errors.length).toBeGreaterThan(0)
    for (const li of errors) {
      expect(li.find('[data-testid="mark-checked"]').exists()).toBe(false)
      expect(li.find('[data-testid="mark-dismissed"]').exists()).toBe(false)
    }
    await entry('BLANK:t3').find('[data-testid="mark-dismissed"]').trigger('click')
    const input = entry('BLANK:t3').find('[data-testid="review-form"] input')
    expect(input.attributes('aria-label')).toBe('忽略的理由')
    expect(document.activeElement).toBe(input.element)
    await entry('BLANK:t3').find('[data-testid="review-form"]').trigger('submit')
    expect(entry('BLANK:t3').find('[role="alert"]').text()).toContain('请写明理由')
    expect(setup.store.report!.review).toBeUndefined()
    await entry('BLANK:t3').find('[data-testid="review-form"]').trigger('keydown', { key: 'Escape' })
    expect(entry('BLANK:t3').find('[data-testid="review-form"]').exists()).toBe(false)
  })

  it('shows the rule by its Chinese name, the code in the tooltip', () => {
    const setup = freshStore(report())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    const rule = entry('BLANK:t3').find('.finding-item__rule')
    expect(rule.text()).toBe('未填写')
    expect(rule.attributes('title')).toBe('规则代号 BLANK')
  })
})

describe('the checks read the region’s settings', () => {
  const withRegion = (patch: Partial<Settings['region']>): Settings => {
    const settings = defaultSettings()
    return { ...settings, region: { ...settings.region, name: '某某市 2025 年要求', ...patch } }
  }

  it('re-checks the open report when the settings change', async () => {
    const setup = freshStore(consistentReport())
    expect(setup.store.findings).toEqual([])
    const settings = useSettingsStore(setup.pinia)
    settings.adopt(withRegion({ overviewCharLimit: 200, section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点'] }] }))
    expect(setup.store.findings.map((f) => f.rule)).toEqual(['P1', 'ITEMS'])
    expect(setup.store.findings[0]!.message).toContain('超过设置的 200 字上限（地区配置「某某市 2025 年要求」）')
  })

  it('loads the settings when the window opens, and the editor’s checks follow them', async () => {
    const settingsClient = fakeSettings(withRegion({ overviewFigures: [{ label: '政策解读', patterns: ['解读…{n}篇'] }] }))
    const mounted = mountView(ShellView, {
      clients: { library: fakeLibrary(), import: fakeImport({} as never), export: fakeExport(), settings: settingsClient }
    })
    wrapper = mounted.wrapper
    await settle()
    expect(settingsClient.get).toHaveBeenCalled()
    const reportStore = useReportStore(mounted.pinia)
    reportStore.open(consistentReport())
    expect(reportStore.findings.map((f) => [f.rule, f.key])).toEqual([['FIGURES', 'FIGURES:政策解读']])
  })
})
