/** The 帮助 view: its lists come from the app's own definitions, and the search narrows them. */
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { SECTIONS } from '@core/report/sections'
import { RULES } from '@core/rules/engine'
import { RULE_NAMES } from '@core/rules/names'
import { CHECKS, FORMAT_TABLES, RULE_FIXES, SHORTCUTS } from '../../src/renderer/src/components/help/helpContent'
import HelpView from '../../src/renderer/src/views/HelpView.vue'
import { byTestId, mountView, settle } from './views-fakes'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

describe('help content', () => {
  it('explains every check the engine runs, by its short Chinese name, with how to fix it', () => {
    expect(CHECKS.map((c) => c.id)).toEqual(RULES.map((r) => r.id))
    for (const check of CHECKS) {
      expect(RULE_NAMES[check.id], `${check.id} has a short name`).toBeDefined()
      expect(check.name).toBe(RULE_NAMES[check.id])
      expect(RULE_FIXES[check.id], `${check.id} says how to fix it`).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('explains each table row by row, and lists the shortcuts of the menu and the editor', () => {
    expect(FORMAT_TABLES.map((t) => t.name)).toEqual(['表二', '表三', '表四'])
    const t3 = FORMAT_TABLES[1]!.rows
    expect(t3.find((r) => r.label.startsWith('二、上年结转'))?.note).toContain('上年报告')
    expect(t3.find((r) => r.label === '（三）不予公开')?.note).toContain('国家秘密')
    const keys = SHORTCUTS.map((s) => s.keys)
    expect(keys).toEqual(expect.arrayContaining(['F1', 'Ctrl+P', 'Ctrl+E', 'F3 / Shift+F3']))
  })
})

describe('HelpView', () => {
  it('shows the five steps, the six parts, the three tables, every check, the shortcuts and where reports are kept', async () => {
    wrapper = mountView(HelpView).wrapper
    await settle()
    expect(byTestId('help-steps').querySelectorAll('li')).toHaveLength(5)
    const format = byTestId('help-format').textContent ?? ''
    for (const { heading } of SECTIONS) expect(format).toContain(heading)
    expect(byTestId('help-checks').querySelectorAll('tbody tr')).toHaveLength(RULES.length)
    expect(byTestId('help-checks').textContent).toContain('勾稽关系')
    expect(byTestId('help-shortcuts').textContent).toContain('F1')
    expect(byTestId('help-storage').textContent).toContain('备份')
    expect(byTestId('help-rollup').textContent).toContain('未报送')
  })

  it('narrows every part to what mentions the words searched', async () => {
    wrapper = mountView(HelpView).wrapper
    await settle()
    const input = document.body.querySelector<HTMLInputElement>('input[aria-label="搜索帮助"]')!
    input.value = '落款'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    const rows = [...byTestId('help-checks').querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-rule'))
    expect(rows).toEqual(['DATE'])
    expect(document.body.querySelector('[data-testid="help-shortcuts"]')).toBeNull()
    input.value = '没有这个词'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(document.body.textContent).toContain('没有找到与“没有这个词”有关的内容')
  })
})
