/**
 * The officer's desk in real Chromium, against the real main-process handlers:
 *  (a) a unit imported once as 「标题:霞美镇人民政府」 and once as 「霞美镇人民政府」: the library offers
 *      to drop the prefix, the rename merges the two, and the trend chart joins both years; 撤销 splits
 *      them again;
 *  (b) an earlier version restored from the history, in the library and from the editor;
 *  (c) 设置: a limit changed and saved, the profile exported and imported back, an invalid profile
 *      refused with the field named.
 * Screenshots go to test-output/screenshots/desk-*.png.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { consistentReport, withSection } from '../support/reports'
import { openApp, type App } from './support/harness'
import { settle } from './support/officer'

const PREFIXED = '标题:霞美镇人民政府'
const UNIT = '霞美镇人民政府'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const report = (unit: string, year: number, newRequests: number): Report => {
  const base = consistentReport({ unit, year, level: 'township' })
  return { ...base, values: { ...base.values, 't3.new.natural': newRequests } }
}

/** The years the trend chart draws, from its name (it changes once the unit's figures arrived). */
async function chartYears(current: App): Promise<string> {
  const chart = current.page.getByTestId('trend-chart')
  await chart.locator('canvas').waitFor()
  const label = (await chart.getAttribute('aria-label')) ?? ''
  return /（(.*) 年度）$/.exec(label)?.[1] ?? ''
}

async function selectUnit(current: App, name: string): Promise<void> {
  const exactly = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\d+ 份报告\\s*$`)
  await current.page.getByTestId('unit').filter({ hasText: exactly }).click()
  await current.page.getByTestId('selected-unit').filter({ hasText: name }).waitFor()
}

describe('desk: rename and merge units', () => {
  it('offers to drop 「标题:」, merges the two units, joins the trend chart’s years, and undoes it', async () => {
    app = await openApp({
      seed: async (main) => {
        await main.library.save(report(PREFIXED, 2023, 30))
        await main.library.save(report(UNIT, 2024, 40))
      }
    })
    const { page } = app
    await selectUnit(app, UNIT)
    await expect.poll(() => chartYears(app!)).toBe('2024')

    await selectUnit(app, PREFIXED)
    await expect.poll(() => chartYears(app!)).toBe('2023')
    await page.getByTestId('unit-prefix-hint').waitFor()
    await app.screenshot('desk-1-prefix-hint')
    await page.getByRole('button', { name: `改为「${UNIT}」…` }).click()

    const dialog = page.getByTestId('rename-dialog')
    await dialog.getByTestId('rename-what').filter({ hasText: '合并到该单位' }).waitFor()
    await expect(dialog.getByRole('textbox', { name: '新的单位名称' }).inputValue()).resolves.toBe(UNIT)
    await settle(page)
    await app.screenshot('desk-2-merge-dialog')
    await dialog.getByRole('button', { name: '合并' }).click()

    // One unit with both years; the chart joins them.
    await page.getByText(`已把「${PREFIXED}」合并到「${UNIT}」`).waitFor()
    await expect(page.getByTestId('unit').count()).resolves.toBe(1)
    await expect(page.getByTestId('selected-unit').innerText()).resolves.toBe(UNIT)
    await expect.poll(() => chartYears(app!)).toBe('2023、2024')
    const trend = await app.api((api) => api.library.trend({ unit: '霞美镇人民政府' }))
    expect(trend).toMatchObject({ ok: true, data: [{ year: 2023, newRequests: expect.any(Number) }, { year: 2024 }] })
    await settle(page)
    await app.screenshot('desk-3-merged')
    expect((await app.library.list()).map((u) => [u.name, u.years.map((y) => y.year)])).toEqual([[UNIT, [2024, 2023]]])

    // 撤销 in the message puts both back as they were.
    await page.getByTestId('undo-notice').click()
    await page.getByText('已撤销').waitFor()
    await expect.poll(() => page.getByTestId('unit').count()).toBe(2)
    expect((await app.library.list()).map((u) => u.name).sort()).toEqual([PREFIXED, UNIT].sort())
    expect(app.errors()).toEqual([])
  })

  it('merges with a year in both only after the officer picks which to keep; the other stays in its history', async () => {
    app = await openApp({
      seed: async (main) => {
        await main.library.save(withSection(report(PREFIXED, 2024, 30), 'other', '旧名的版本'))
        await main.library.save(withSection(report(UNIT, 2024, 40), 'other', '新名的版本'))
      }
    })
    const { page } = app
    await selectUnit(app, PREFIXED)
    await page.getByTestId('rename-unit').click()
    const dialog = page.getByTestId('rename-dialog')
    await dialog.getByTestId('collisions').waitFor()
    const submit = dialog.getByTestId('rename-submit')
    await expect(submit.isDisabled()).resolves.toBe(true)
    await dialog.getByText('保留原有的').click()
    await settle(page)
    await app.screenshot('desk-4-collision')
    await submit.click()
    await page.getByText(`已把「${PREFIXED}」合并到「${UNIT}」`).waitFor()
    expect((await app.library.open(UNIT, 2024)).report.sections.other).toBe('新名的版本')

    // The history shows the moved report as a version, and restores it with a click.
    await page.locator('li[data-year="2024"]').getByTestId('history').click()
    const history = page.getByTestId('history-dialog')
    await history.getByText('合并前的版本').waitFor()
    await settle(page)
    await app.screenshot('desk-5-history')
    await history.getByRole('button', { name: /合并前的版本/ }).click()
    await page.getByText('已恢复 2024 年度报告的历史版本').waitFor()
    expect((await app.library.open(UNIT, 2024)).report.sections.other).toBe('旧名的版本')
    expect(app.errors()).toEqual([])
  })
})

describe('desk: history from the editor', () => {
  it('restores an earlier version of the open report, and the editor shows it', async () => {
    app = await openApp({
      seed: async (main) => {
        await main.library.save(withSection(report(UNIT, 2024, 40), 'other', '第一版的其他事项'))
        await main.library.save(withSection(report(UNIT, 2024, 40), 'other', '第二版的其他事项'))
      }
    })
    const { page } = app
    await page.getByRole('button', { name: '打开 2024 年度报告' }).click()
    await page.getByTestId('editor-history').click()
    const history = page.getByTestId('history-dialog')
    await history.getByText('自动保存前的版本').waitFor()
    await history.getByTestId('restore-version').first().click()
    await page.getByText('已恢复所选版本').waitFor()
    // The editor reads the restored version again (the section texts are textareas).
    const texts = () => page.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as unknown as { value: string }).value))
    await expect.poll(texts).toContain('第一版的其他事项')
    expect((await app.library.open(UNIT, 2024)).report.sections.other).toBe('第一版的其他事项')
    expect((await app.library.history(UNIT, 2024)).map((b) => b.reason)).toContain('restore')
    expect(app.errors()).toEqual([])
  })
})

/** What one 2025 notice asks 总体情况 to state, and an extra item for 第六部分. */
const COUNTY_FIGURES = {
  overviewFigures: [
    { label: '本年制发行政规范性文件', cell: 't2.normative.issued' as const, patterns: ['制发…规范性文件{n}件', '印发…规范性文件{n}件'] },
    { label: '现行有效行政规范性文件', cell: 't2.normative.inForce' as const, patterns: ['现行有效…规范性文件{n}件'] },
    { label: '政策解读', patterns: ['解读…{n}篇'] }
  ],
  section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点'] }]
}

describe('desk: 设置', () => {
  it('saves a changed limit, exports the profile, refuses an invalid one naming the field, and imports the good one', async () => {
    app = await openApp({
      seed: async (main) => {
        const { settings } = await main.settings.load()
        await main.settings.save({ ...settings, region: { ...settings.region, ...COUNTY_FIGURES } })
      }
    })
    const { page } = app
    await page.getByRole('tab', { name: '设置' }).click()
    await page.getByTestId('figure-row').first().waitFor()
    await page.getByTestId('add-item').scrollIntoViewIfNeeded()
    await settle(page)
    await app.screenshot('desk-7-settings-figures')
    const limit = page.getByRole('textbox', { name: '总体情况字数上限' })
    await limit.fill('1500')
    await limit.blur()
    await page.getByRole('textbox', { name: '配置名称' }).fill('某县 2025 年要求')
    await page.getByTestId('save-settings').click()
    await page.getByText('设置已保存').waitFor()
    expect((await app.main.settings.load()).settings.region).toMatchObject({ name: '某县 2025 年要求', overviewCharLimit: 1500 })
    await settle(page)
    await app.screenshot('desk-6-settings')

    const exported = join(app.exportDir, '县里的配置.json')
    app.setNextDialogAnswer('settingsExport', exported)
    await page.getByTestId('export-profile').click()
    await page.getByText('已导出地区配置：县里的配置.json').waitFor()
    expect(JSON.parse(await readFile(exported, 'utf8'))).toMatchObject({ kind: 'nianbao-region-profile', overviewCharLimit: 1500 })

    const bad = join(app.exportDir, '坏的配置.json')
    await writeFile(bad, JSON.stringify({ kind: 'nianbao-region-profile', version: 1, name: '坏', overviewCharLimit: 50 }))
    app.setNextDialogAnswer('settingsImport', bad)
    await page.getByTestId('import-profile').click()
    await page.getByText('坏的配置.json：「总体情况字数上限」应在 200–20000 之间').waitFor()
    expect((await app.main.settings.load()).settings.region.name).toBe('某县 2025 年要求')

    await page.getByTestId('reset-profile').click()
    await page.getByRole('button', { name: '恢复', exact: true }).click()
    await expect.poll(async () => page.getByRole('textbox', { name: '配置名称' }).inputValue()).toBe('国家默认')
    app.setNextDialogAnswer('settingsImport', exported)
    await page.getByTestId('import-profile').click()
    await page.getByText('已导入地区配置「某县 2025 年要求」（县里的配置.json）').waitFor()
    await expect(page.getByRole('textbox', { name: '总体情况字数上限' }).inputValue()).resolves.toBe('1500')
    expect(app.errors()).toEqual([])
  })
})
