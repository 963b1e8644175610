/** The checks panel: findings grouped by severity, counts always shown, a click focuses the cell. */
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { cellId } from '@core/report/cells'
import { TABLE_3 } from '@core/report/tables'
import ChecksPanel from '../../src/renderer/src/components/editor/ChecksPanel.vue'
import TableGrid from '../../src/renderer/src/components/editor/TableGrid.vue'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'
import { freshStore } from './editor-support'
import { defineComponent, h } from 'vue'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const text = (root: Element, selector: string): string => root.querySelector(selector)?.textContent?.trim() ?? ''

/** The panel next to 表三, as in the editor. */
const PanelWithGrid = defineComponent({
  setup: () => () => h('div', [h(ChecksPanel), h(TableGrid, { table: TABLE_3 })])
})

describe('checks panel', () => {
  it('says 未发现问题 for a clean report, with zero counts', () => {
    const report = consistentReport()
    const setup = freshStore(report, { previous: previousReport(report) })
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    expect(wrapper.text()).toContain('未发现问题')
    expect(text(wrapper.element, '[data-testid="count-error"]')).toBe('错误 0')
    expect(text(wrapper.element, '[data-testid="count-warning"]')).toBe('警告 0')
    expect(text(wrapper.element, '[data-testid="count-hint"]')).toBe('提示 0')
  })

  it('gives each count a status role, so its label “错误 N 条” is read out', () => {
    const report = consistentReport()
    const setup = freshStore(report, { previous: previousReport(report) })
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    const badge = wrapper.element.querySelector('[data-testid="count-error"]')!
    expect(badge.getAttribute('role')).toBe('status')
    expect(badge.getAttribute('aria-label')).toBe('错误 0 条')
  })

  it('groups findings by severity with their counts, live as the report changes', async () => {
    const report = withSection(
      withValues(consistentReport(), { [cellId('t3', 'new', 'total')]: 1, [cellId('t4', 'review', 'total')]: 9 }),
      'other',
      '无。'
    )
    const setup = freshStore(report)
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    const errors = setup.store.findings.filter((f) => f.severity === 'error').length
    const warnings = setup.store.findings.filter((f) => f.severity === 'warning').length
    expect(errors).toBeGreaterThanOrEqual(2)
    expect(warnings).toBeGreaterThanOrEqual(1)
    expect(text(wrapper.element, '[data-testid="count-error"]')).toBe(`错误 ${errors}`)
    expect(text(wrapper.element, '[data-testid="group-error"] h3')).toBe(`错误（${errors}）`)
    expect(wrapper.findAll('[data-testid="group-error"] [data-testid="finding"]')).toHaveLength(errors)
    expect(wrapper.find('[data-testid="group-warning"]').text()).toContain('处理费')
    expect(wrapper.find('[data-testid="group-hint"]').exists()).toBe(false)
    // Order: errors, then warnings.
    const headings = wrapper.findAll('h3').map((h3) => h3.text())
    expect(headings[0]).toMatch(/^错误/)

    setup.store.setCell(cellId('t4', 'review', 'total'), 2)
    await wrapper.vm.$nextTick()
    expect(text(wrapper.element, '[data-testid="count-error"]')).toBe(`错误 ${errors - 1}`)
  })

  it('clicking a finding focuses and highlights its cell in the grid', async () => {
    const setup = freshStore(withValues(consistentReport(), { [cellId('t3', 'carryOver', 'welfare')]: 5 }))
    wrapper = mount(PanelWithGrid, { global: { plugins: [setup.pinia] }, attachTo: document.body })
    // Shown by its short Chinese name; the code stays in the tooltip.
    const finding = wrapper.findAll('[data-testid="finding"]').find((b) => b.text().includes('勾稽关系'))
    expect(finding).toBeDefined()
    expect(finding!.text()).not.toContain('R1')
    expect(finding!.find('[title="规则代号 R1"]').exists()).toBe(true)
    await finding!.trigger('click')
    await wrapper.vm.$nextTick()
    await wrapper.vm.$nextTick()
    const anchor = cellId('t3', 'resultTotal', 'welfare')
    expect(useNavigationStore().focusRequest?.target).toEqual({ kind: 'cell', cell: anchor })
    expect((document.activeElement as HTMLElement).dataset.cellId).toBe(anchor)
    expect(wrapper.find(`td[data-cell="${anchor}"]`).classes()).toContain('value-cell--target')
    expect(wrapper.find(`td[data-cell="${cellId('t3', 'carryOver', 'welfare')}"]`).classes()).toContain('value-cell--related')
    expect(finding!.attributes('aria-current')).toBe('true')
  })

  it('lists entries refused while typing, first', async () => {
    const setup = freshStore(consistentReport())
    wrapper = mount(ChecksPanel, { global: { plugins: [setup.pinia] } })
    setup.store.reject(cellId('t3', 'new', 'natural'), { raw: '十二', message: '“十二” 不是有效数值（应为不小于 0 的整数）' })
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="group-refused"]').text()).toContain('未写入报告')
    expect(wrapper.text()).not.toContain('未发现问题')
  })
})
