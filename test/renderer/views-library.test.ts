/** The library view: units and years from the client, and every action going through it. */
import { afterEach, describe, expect, it } from 'vitest'
import { useNavigationStore } from '../../src/renderer/src/stores/navigation'
import LibraryView from '../../src/renderer/src/views/LibraryView.vue'
import { UNIT, bodyText, buttonByText, byTestId, fakeLibrary, mountView, settle, unmountViews } from './views-fakes'

afterEach(unmountViews)

async function mountLibrary(library = fakeLibrary()) {
  const mounted = mountView(LibraryView, { clients: { library } })
  await settle()
  return { library, navigation: useNavigationStore(mounted.pinia) }
}

function yearRow(year: number): HTMLElement {
  const row = document.body.querySelector<HTMLElement>(`li[data-year="${year}"]`)
  if (!row) throw new Error(`no row for ${year}`)
  return row
}

function setInput(element: HTMLInputElement, value: string): void {
  element.value = value
  element.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('LibraryView', () => {
  it('lists the units and the years of the selected one, newest first', async () => {
    const { library } = await mountLibrary()
    expect(library.list).toHaveBeenCalled()
    const units = [...document.body.querySelectorAll('[data-testid="unit"]')].map((b) => b.textContent)
    expect(units).toEqual([expect.stringContaining(UNIT), expect.stringContaining('白樟镇人民政府')])
    const years = [...document.body.querySelectorAll('li[data-year]')].map((li) => li.getAttribute('data-year'))
    expect(years).toEqual(['2025', '2024', '2023'])
    expect(bodyText()).toContain('2025 年度报告')

    byTestId('unit').parentElement!.querySelectorAll<HTMLButtonElement>('[data-testid="unit"]')[1]!.click()
    await settle()
    expect(byTestId('selected-unit').textContent).toBe('白樟镇人民政府')
    expect(bodyText()).toContain('2017 年度报告')
  })

  it('guides the officer when the library is empty', async () => {
    await mountLibrary(fakeLibrary([]))
    expect(byTestId('library-empty').textContent).toContain('还没有报告：导入上年报告，或新建一份')
  })

  it('validates the new report form in Chinese, then creates and opens it', async () => {
    const { library, navigation } = await mountLibrary(fakeLibrary([]))
    buttonByText('新建报告').click()
    await settle()
    byTestId('create-submit').click()
    await settle()
    expect(bodyText()).toContain('请填写单位名称')
    expect(library.create).not.toHaveBeenCalled()

    setInput(byTestId('create-unit').querySelector('input')!, '霞浦县崇儒畲族乡人民政府')
    const year = byTestId('create-year').querySelector('input')!
    setInput(year, '2025')
    year.dispatchEvent(new Event('blur'))
    await settle()
    byTestId('create-submit').click()
    await settle()
    expect(library.create).toHaveBeenCalledWith({ unit: '霞浦县崇儒畲族乡人民政府', year: 2025, level: 'township' })
    expect(navigation.view).toBe('editor')
    expect(navigation.openReport).toEqual({ unit: '霞浦县崇儒畲族乡人民政府', year: 2025 })
  })

  it('refuses a year the unit already has', async () => {
    const { library } = await mountLibrary()
    buttonByText('新建报告').click()
    await settle()
    const year = byTestId('create-year').querySelector('input')!
    setInput(year, '2025')
    year.dispatchEvent(new Event('blur'))
    byTestId('create-submit').click()
    await settle()
    expect(bodyText()).toContain('资料库中已有该单位 2025 年度报告')
    expect(library.create).not.toHaveBeenCalled()
  })

  it('generates next year’s draft from a year and opens it', async () => {
    const { library, navigation } = await mountLibrary()
    yearRow(2025).querySelector<HTMLButtonElement>('[data-testid="next-year"]')!.click()
    await settle()
    expect(library.nextYear).toHaveBeenCalledWith(UNIT, 2025)
    expect(navigation.openReport).toEqual({ unit: UNIT, year: 2026 })
    expect(navigation.view).toBe('editor')
  })

  it('offers “从上年报告生成” from the newest good year, and not where next year exists', async () => {
    const { library } = await mountLibrary()
    expect(yearRow(2023).querySelector<HTMLButtonElement>('[data-testid="next-year"]')!.disabled).toBe(true)
    byTestId('from-last-year').click()
    await settle()
    expect(library.nextYear).toHaveBeenCalledWith(UNIT, 2025)
  })

  it('opens a report', async () => {
    const { navigation } = await mountLibrary()
    yearRow(2023).querySelector<HTMLButtonElement>('[data-testid="open-year"]')!.click()
    expect(navigation.openReport).toEqual({ unit: UNIT, year: 2023 })
  })

  it('names each row’s buttons with its year, so they are told apart', async () => {
    await mountLibrary()
    const names = (year: number) =>
      [...yearRow(year).querySelectorAll('button')].map((b) => b.getAttribute('aria-label')).filter(Boolean)
    const actions = (year: number) => [
      `打开 ${year} 年度报告`,
      `复制 ${year} 年度报告到…`,
      `移动 ${year} 年度报告到…`,
      `${year} 年度报告的历史版本`,
      `删除 ${year} 年度报告`
    ]
    expect(names(2025)).toEqual(actions(2025))
    expect(names(2023)).toEqual(actions(2023))
    expect(names(2024)).toEqual(['2024 年度报告的历史版本', '删除 2024 年度报告'])
    // The shell's label of the open report has its own test id.
    expect(document.body.querySelectorAll('[data-testid="open-report"]')).toHaveLength(0)
  })

  it('duplicates a report to another year', async () => {
    const { library } = await mountLibrary()
    yearRow(2025).querySelector<HTMLButtonElement>('[data-testid="duplicate"]')!.click()
    await settle()
    const year = byTestId('duplicate-year').querySelector('input')!
    expect(year.value).toBe('2026')
    byTestId('duplicate-submit').click()
    await settle()
    expect(library.duplicate).toHaveBeenCalledWith(UNIT, 2025, 2026)
  })

  it('deletes after confirmation and undoes from the message', async () => {
    const { library } = await mountLibrary()
    yearRow(2023).querySelector<HTMLButtonElement>('[data-testid="remove"]')!.click()
    await settle()
    expect(bodyText()).toContain('可以撤销')
    buttonByText('删除', document.body.querySelector('.n-dialog')!).click()
    await settle()
    expect(library.remove).toHaveBeenCalledWith(UNIT, 2023)
    expect(bodyText()).toContain('已删除 2023 年度报告')
    byTestId('undo-remove').click()
    await settle()
    expect(library.undoRemove).toHaveBeenCalledWith('removed-1')
    expect(bodyText()).toContain('已恢复 2023 年度报告')
  })

  it('shows a damaged file with its problem and restores its last good backup', async () => {
    const { library } = await mountLibrary()
    const row = yearRow(2024)
    expect(row.querySelector('[data-testid="damaged-problem"]')!.textContent).toContain('不是有效的 JSON 文件')
    expect(row.querySelector('[data-testid="open-year"]')).toBeNull()
    const restore = row.querySelector<HTMLButtonElement>('[data-testid="restore-backup"]')!
    expect(restore.textContent).toContain('从备份恢复')
    restore.click()
    await settle()
    expect(library.restore).toHaveBeenCalledWith(UNIT, 2024, 'backup-20250114')
  })
})
