/**
 * 汇总 in real Chromium with the real main-process handlers and the import worker pool: the unit
 * list imported from a .tsv, a folder of a dozen mixed reports rolled up (取消 first, then to the
 * end), the unit list sorted and filtered, a unit's report opened read-only with its findings, two
 * files of one unit compared and one chosen, a report matched by hand, the workbook exported, and
 * files dropped on the window. Screenshots go to test-output/screenshots/rollup-*.png.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLLUP_EXPECTED, writeRollupFolder } from '../support/rollupFolder'
import { openApp, type App } from './support/harness'

let app: App
let dir: string
let inbox: string
let tsv: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-rollup-'))
  inbox = join(dir, '2025年各单位年报')
  tsv = join(dir, '单位名单.tsv')
  await writeFile(tsv, await writeRollupFolder(inbox))
  app = await openApp()
})
afterAll(async () => {
  await app?.close()
  await rm(dir, { recursive: true, force: true })
})

const units = () => app.page.getByTestId('rollup-unit')

/** Drawers slide and tags fade in naive-ui: a screenshot waits for them to finish. */
async function shot(name: string): Promise<void> {
  await app.page.waitForTimeout(600)
  await app.screenshot(name)
}
const row = (unit: string) => app.page.locator(`[data-testid="rollup-unit"][data-unit="${unit}"]`)

describe('汇总', () => {
  it('imports the unit list from a .tsv', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '汇总' }).click()
    await page.getByTestId('rollup-view').waitFor()
    await page.getByTestId('rollup-units').click()
    app.setNextDialogAnswer('unitList', tsv)
    await page.getByTestId('unit-import').click()
    await page.getByText('已导入单位名单：10 个单位').waitFor()
    await expect(page.getByTestId('unit-row').count()).resolves.toBe(10)
    await expect(page.getByTestId('unit-name').nth(2).locator('input').inputValue()).resolves.toBe('河西街道')
    await shot('rollup-1-unit-list')
    await page.getByRole('button', { name: '取消' }).click()
    await expect(page.getByTestId('rollup-units').innerText()).resolves.toContain('单位名单（10）')
  })

  it('shows 已读取 n/m while reading, and 取消 stops it', async () => {
    const { page } = app
    await page.getByTestId('rollup-year').locator('input').fill('2025')
    await page.getByTestId('rollup-year').locator('input').blur()
    app.setNextDialogAnswer('rollupFolder', inbox)
    await page.getByTestId('rollup-folder').click()
    await page.getByTestId('rollup-progress').waitFor()
    await page.getByTestId('rollup-cancel').click()
    await page.getByText('已取消汇总').first().waitFor()
    await page.getByTestId('rollup-progress').waitFor({ state: 'detached' })
    await expect(page.getByTestId('rollup-summary').count()).resolves.toBe(0)
  })

  it('rolls up a folder of a dozen mixed reports', async () => {
    const { page } = app
    app.setNextDialogAnswer('rollupFolder', inbox)
    await page.getByTestId('rollup-folder').click()
    await page.getByTestId('rollup-progress').waitFor()
    await expect(page.getByTestId('rollup-progress').innerText()).resolves.toMatch(/已读取 \d+\/12|正在收集文件/)
    await page.getByTestId('rollup-summary').waitFor({ timeout: 90_000 })
    await expect(page.getByTestId('rollup-summary').innerText()).resolves.toBe(
      '2025 年度 · 单位 10 个 · 已报送 7 · 未报送 3 · 重复报送 1 · 未匹配 1 · 其他年度 1 · 无法读取 3'
    )
    await expect(units().count()).resolves.toBe(10)
    await expect(row('新华镇').innerText()).resolves.toContain('名称相近，请核对')
    await expect(row('县人民政府办公室').getByTestId('unit-status').innerText()).resolves.toBe('未报送')
    await expect(row('县卫生健康委员会').getByTestId('unit-status').getAttribute('title')).resolves.toBe('未报送；有 2024 年度的报告')
    const unreadable = await page.getByTestId('rollup-unreadable').innerText()
    for (const file of ROLLUP_EXPECTED.unreadable) expect(unreadable).toContain(file)
    expect(unreadable).toContain('已加密')
    await expect(page.getByTestId('rollup-other-years').innerText()).resolves.toContain('县卫健委2024.pdf —— 2024 年度，县卫生健康委员会')
    await expect(page.getByTestId('rollup-sums').innerText()).resolves.toContain('不完整')
    await shot('rollup-2-result')
    expect(app.errors()).toEqual([])
  })

  it('sorts and filters the units', async () => {
    const { page } = app
    await page.getByTestId('rollup-search').locator('input').fill('镇')
    await expect(units().count()).resolves.toBe(3)
    await page.getByTestId('rollup-search').locator('input').fill('')
    // Sorted by warnings, most first (a first click sorts descending).
    await page.locator('th', { hasText: '警告' }).click()
    const counts = (await units().locator('td:nth-child(6)').allInnerTexts()).map((t) => (t === '—' ? -1 : Number(t)))
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(counts[0]).toBeGreaterThan(0)
    // Filtered by status.
    await page.locator('th', { hasText: '状态' }).locator('.n-data-table-filter').click()
    await page.getByRole('checkbox', { name: '未报送' }).or(page.locator('.n-data-table-filter-menu').getByText('未报送')).first().click()
    await page.locator('.n-data-table-filter-menu').getByRole('button', { name: '确认' }).click()
    await expect(units().count()).resolves.toBe(3)
    await shot('rollup-3-filtered')
    await page.locator('th', { hasText: '状态' }).locator('.n-data-table-filter').click()
    await page.locator('.n-data-table-filter-menu').getByRole('button', { name: '重置' }).click()
    await expect(units().count()).resolves.toBe(10)
  })

  it('opens a unit’s report read-only with its findings', async () => {
    const { page } = app
    await row('新华镇').click()
    const drawer = page.getByTestId('rollup-report')
    // The drawer opens before the report has loaded into it: wait for its content, not only the frame.
    await drawer.getByText('匹配到“新华镇”').waitFor()
    await drawer.locator('[data-cell="t2.rules.issued"]').waitFor()
    await page.getByTestId('rollup-findings').waitFor()
    await expect(drawer.innerText()).resolves.toContain('报告写作“示例县新化镇人民政府”；匹配到“新华镇”（名称相近，请核对）')
    const findings = await page.getByTestId('rollup-findings').innerText()
    expect(findings).toContain('规章件数')
    expect(findings).toContain('表二「规章」「本年制发件数」')
    // Read-only: the tables' values are text, not inputs.
    await expect(drawer.locator('input').count()).resolves.toBe(0)
    await expect(drawer.locator('[data-cell="t2.rules.issued"]').innerText()).resolves.toBe('1')
    await shot('rollup-4-report')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  })

  it('shows the two files of one unit side by side and sums the one chosen', async () => {
    const { page } = app
    await row('示例镇').click()
    const dialog = page.getByTestId('duplicate-files')
    await dialog.waitFor()
    for (const file of ROLLUP_EXPECTED.duplicate.files) await expect(dialog.innerText()).resolves.toContain(file)
    await shot('rollup-5-duplicates')
    const before = await row('示例镇').innerText()
    const other = ROLLUP_EXPECTED.duplicate.files.find((f) => !before.includes(f))!
    const index = ROLLUP_EXPECTED.duplicate.files.indexOf(other)
    await dialog.getByTestId('choose-file').nth(index).click()
    await dialog.waitFor({ state: 'detached' })
    await row('示例镇').getByTestId('unit-status').getByText('已选用右列文件').waitFor()
    await expect(row('示例镇').getByTestId('unit-status').innerText()).resolves.toBe('重复 2 份，已选用右列文件')
    await expect(row('示例镇').getByTestId('unit-status').getAttribute('title')).resolves.toBe(`重复报送 2 份，已选用“${other}”`)
    await expect(row('示例镇').innerText()).resolves.toContain(other)
  })

  it('matches a report by hand, remembering its name', async () => {
    const { page } = app
    const unmatched = page.getByTestId('unmatched-report')
    await expect(unmatched.innerText()).resolves.toContain('报告写作“示例县档案馆”')
    await unmatched.getByTestId('match-unit').click()
    await page.locator('.n-base-select-option', { hasText: '县人民政府办公室' }).click()
    await unmatched.getByTestId('match-confirm').click()
    await page.getByTestId('rollup-unmatched').waitFor({ state: 'detached' })
    await row('县人民政府办公室').getByText('手工指定').waitFor()
    await expect(row('县人民政府办公室').getByTestId('unit-status').innerText()).resolves.toBe('已报送')
    await expect(row('县人民政府办公室').innerText()).resolves.toContain('手工指定')
    await expect(page.getByTestId('rollup-summary').innerText()).resolves.toContain('未报送 2')
    expect((await app.api((api) => api.rollup.units())) as unknown).toMatchObject({
      ok: true,
      data: { units: expect.arrayContaining([{ name: '县人民政府办公室', level: 'department', aliases: ['示例县档案馆'] }]) }
    })
  })

  it('exports the summary workbook', async () => {
    const { page } = app
    app.setNextDialogAnswer('workbook', join(app.exportDir, '汇总表.xlsx'))
    await page.getByTestId('rollup-export').click()
    await page.getByText('已导出汇总表：汇总表.xlsx').waitFor()
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(app.exportDir, '汇总表.xlsx'))
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '表二', '表三', '表四', '问题清单', '未报送', '其他文件'])
    expect(book.getWorksheet('未报送')!.rowCount).toBe(2 + 2)
  })

  it('rolls up files dropped on the window', async () => {
    const { page } = app
    const files = await Promise.all(
      ['城关镇/年报.docx', 'scj.docx'].map(async (path) => ({ name: path.split('/').at(-1)!, bytes: [...(await readFile(join(inbox, path)))] }))
    )
    // As Chromium delivers a drop of files from the desktop: dragenter, then drop, on the window.
    // (A string: this file is compiled without the DOM types.)
    await page.evaluate(`(() => {
      const transfer = new DataTransfer()
      for (const f of ${JSON.stringify(files)}) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name))
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer }))
    })()`)
    await page.getByText('已汇总 拖入的文件：10 个单位').waitFor({ timeout: 60_000 })
    await expect(page.getByTestId('rollup-summary').innerText()).resolves.toContain('已报送 2 · 未报送 8')
    await shot('rollup-6-dropped')
    expect(app.errors()).toEqual([])
  })
})
