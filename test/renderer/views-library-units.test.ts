/**
 * The library's desk work: rename or merge a unit (a 「标题:」 prefix offered for removal, collisions
 * chosen per year), move a report, restore a version from the history, empty the recycle folder —
 * each going through the client, and undoable from the message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LibraryUnit } from '../../src/renderer/src/api/types'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import LibraryView from '../../src/renderer/src/views/LibraryView.vue'
import { bodyText, buttonByText, byTestId, fakeLibrary, mountView, settle, UNIT, unmountViews } from './views-fakes'

afterEach(() => {
  unmountViews()
  vi.useRealTimers()
})

const PREFIXED = '标题:霞美镇人民政府'

function units(): LibraryUnit[] {
  return [
    { name: PREFIXED, level: 'township', years: [{ year: 2024, updatedAt: '2025-01-15T02:00:00.000Z', status: 'ok' }] },
    {
      name: UNIT,
      level: 'township',
      years: [
        { year: 2025, updatedAt: '2026-01-10T02:00:00.000Z', status: 'ok' },
        { year: 2024, updatedAt: '2025-01-20T02:00:00.000Z', status: 'ok' }
      ]
    }
  ]
}

async function mountLibrary(library = fakeLibrary(units())) {
  const mounted = mountView(LibraryView, { clients: { library } })
  await settle()
  return { library, navigation: useNavigationStore(mounted.pinia) }
}

function setInput(element: HTMLInputElement, value: string): void {
  element.value = value
  element.dispatchEvent(new Event('input', { bubbles: true }))
}

/** The preview is asked for after a short pause in typing. */
async function waitForPreview(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  await settle()
}

function yearRow(year: number): HTMLElement {
  return document.body.querySelector<HTMLElement>(`li[data-year="${year}"]`)!
}

describe('rename and merge', () => {
  it('offers to drop a 「标题:」 prefix, shows the merge and its collision, and merges as chosen', async () => {
    const { library, navigation } = await mountLibrary()
    navigation.open(PREFIXED, 2024)
    navigation.showLibrary()
    await settle()
    expect(byTestId('selected-unit').textContent).toBe(PREFIXED)
    expect(byTestId('unit-prefix-hint').textContent).toContain('单位名称以「标题:」开头')
    byTestId('offer-rename').click()
    await waitForPreview()

    const name = byTestId<HTMLInputElement>('rename-name')
    expect(name.value).toBe(UNIT)
    expect(library.previewRename).toHaveBeenLastCalledWith(PREFIXED, UNIT)
    expect(byTestId('rename-what').textContent).toContain(`资料库中已有「${UNIT}」（2 份报告）`)
    expect(byTestId('collisions').textContent).toContain('2024 年度')
    const submit = byTestId<HTMLButtonElement>('rename-submit')
    expect(submit.textContent).toContain('合并')
    expect(submit.disabled).toBe(true)

    byTestId('keep-existing-2024').querySelector('input')!.click()
    await settle()
    expect(submit.disabled).toBe(false)
    submit.click()
    await settle()
    expect(library.renameUnit).toHaveBeenCalledWith(PREFIXED, UNIT, { '2024': 'existing' })
    // The open report followed the unit; the message offers to undo.
    expect(navigation.openReport).toEqual({ unit: UNIT, year: 2024 })
    expect(bodyText()).toContain(`已把「${PREFIXED}」合并到「${UNIT}」`)
    byTestId('undo-notice').click()
    await settle()
    expect(library.undoOperation).toHaveBeenCalledWith('20260120T080000000Z')
    expect(bodyText()).toContain('已撤销')
  })

  it('renames to a new name without collisions, and says nothing would change for the same name', async () => {
    const { library } = await mountLibrary()
    byTestId('unit').parentElement!.querySelectorAll<HTMLButtonElement>('[data-testid="unit"]')[1]!.click()
    await settle()
    byTestId('rename-unit').click()
    await settle()
    const name = byTestId<HTMLInputElement>('rename-name')
    expect(name.value).toBe(UNIT)
    expect(byTestId<HTMLButtonElement>('rename-submit').disabled).toBe(true)
    setInput(name, '  霞美镇 ')
    await waitForPreview()
    expect(byTestId('rename-what').textContent).toContain('将把 2025、2024 年度报告及其历史版本改到新名称「霞美镇」下')
    byTestId('rename-submit').click()
    await settle()
    expect(library.renameUnit).toHaveBeenCalledWith(UNIT, '霞美镇', undefined)
  })
})

describe('move, history, recycle', () => {
  it('moves a report to another year of the unit', async () => {
    const { library } = await mountLibrary()
    byTestId('unit').parentElement!.querySelectorAll<HTMLButtonElement>('[data-testid="unit"]')[1]!.click()
    await settle()
    yearRow(2024).querySelector<HTMLButtonElement>('[data-testid="move"]')!.click()
    await settle()
    const year = byTestId('move-year').querySelector('input')!
    setInput(year, '2023')
    year.dispatchEvent(new Event('blur'))
    await waitForPreview()
    byTestId('move-submit').click()
    await settle()
    expect(library.moveReport).toHaveBeenCalledWith(UNIT, 2024, UNIT, 2023, undefined)
    expect(bodyText()).toContain(`已把「${UNIT}」移到「${UNIT}」`)
  })

  it('lists the versions of a report with what replaced each, and restores one with a click', async () => {
    const library = fakeLibrary(units())
    library.history.mockResolvedValue([
      { id: '20260120T080000000Z', time: '2026-01-20T08:00:00.000Z', size: 20480, damaged: false, reason: 'import' },
      { id: '20260110T080000000Z', time: '2026-01-10T08:00:00.000Z', size: 19000, damaged: false, reason: 'save' },
      { id: '20251201T080000000Z', time: '2025-12-01T08:00:00.000Z', size: 100, damaged: true }
    ])
    const { navigation } = await mountLibrary(library)
    const invalidate = vi.spyOn(navigation, 'invalidate')
    byTestId('unit').parentElement!.querySelectorAll<HTMLButtonElement>('[data-testid="unit"]')[1]!.click()
    await settle()
    yearRow(2025).querySelector<HTMLButtonElement>('[data-testid="history"]')!.click()
    await settle()
    expect(library.history).toHaveBeenCalledWith(UNIT, 2025)
    const rows = [...document.body.querySelectorAll('[data-testid="history-version"]')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim())
    expect(rows).toEqual([
      expect.stringMatching(/^2026-01-20 \d\d:00 ?导入替换前的版本 20 KB 恢复$/),
      expect.stringMatching(/^2026-01-10 \d\d:00 ?自动保存前的版本 19 KB 恢复$/),
      expect.stringMatching(/^2025-12-01 \d\d:00 ?保存前的版本 已损坏 ?100 字节 恢复$/)
    ])
    const buttons = document.body.querySelectorAll<HTMLButtonElement>('[data-testid="restore-version"]')
    expect(buttons[2]!.disabled).toBe(true)
    buttons[0]!.click()
    await settle()
    expect(library.restore).toHaveBeenCalledWith(UNIT, 2025, '20260120T080000000Z')
    expect(invalidate).toHaveBeenCalledWith(UNIT, 2025)
    expect(bodyText()).toContain('恢复前的版本也已保存为历史版本')
  })

  it('empties the recycle folder only after a confirmation', async () => {
    const library = fakeLibrary(units())
    library.listRemoved.mockResolvedValue([{ id: '20260101T000000000Z', unit: UNIT, year: 2019, removedAt: '2026-01-01T00:00:00.000Z' }])
    library.emptyRecycle.mockResolvedValue(1)
    await mountLibrary(library)
    byTestId('open-recycle').click()
    await settle()
    expect(byTestId('recycle-dialog').textContent).toContain(`「${UNIT}」2019 年度报告`)
    byTestId('empty-recycle').click()
    await settle()
    expect(library.emptyRecycle).not.toHaveBeenCalled()
    expect(bodyText()).toContain('将永久删除回收站中的 1 份报告及其历史版本，无法恢复')
    buttonByText('永久删除', document.body.querySelector('.n-dialog')!).click()
    await settle()
    expect(library.emptyRecycle).toHaveBeenCalled()
    expect(bodyText()).toContain('已清空回收站（1 份报告）')
  })
})
