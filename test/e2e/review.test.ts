/**
 * Findings reviewed and kept, in real Chromium against the real main-process handlers:
 *  (a) a warning dismissed with a reason leaves the counts and is kept in the saved report; an
 *      unrelated edit leaves it dismissed; filling one of the cells it is about opens it again, with
 *      a note of what it had been marked;
 *  (b) the region's settings, saved in 设置, are what the editor's checks follow (a 总体情况 limit,
 *      a figure the city requires), from the start of the app.
 * Screenshots go to test-output/screenshots/review-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { consistentReport, withValues } from '../support/reports'
import { openApp, type App } from './support/harness'
import { cell, checksPanel, scrollToCenter, settle, typeInto, waitForCount } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const UNIT = '示例县示例镇人民政府'
const YEAR = 2025

/** A report whose only finding is two blank cells of 表三, printed blank in the source. */
function twoBlanks(): Report {
  return withValues(consistentReport({ unit: UNIT, year: YEAR }), { 't3.stateSecret.research': undefined, 't3.stateSecret.welfare': undefined })
}

describe('review: a warning dismissed with a reason', () => {
  it('is kept out of the counts and in the report, survives an unrelated edit, and opens again when a related cell is edited', async () => {
    app = await openApp({ seed: (main) => main.library.save(twoBlanks()).then(() => undefined) })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${YEAR} 年度报告`, exact: true }).click()
    await cell(page, 't3.new.natural').waitFor()
    await waitForCount(page, 'warning', 1)
    await waitForCount(page, 'error', 0)

    const panel = checksPanel(page)
    const blank = panel.locator('li[data-key="BLANK:t3"]')
    await expect(blank.innerText()).resolves.toContain('表三有 2 个单元格未填写')
    await blank.getByRole('button', { name: '忽略' }).click()
    const reason = blank.getByRole('textbox', { name: '忽略的理由' })
    await reason.fill('已与原文核对，原文这两格确为空白')
    await settle(page)
    await app.screenshot('findings-1-reason')
    await blank.getByRole('button', { name: '确定忽略' }).click()

    await waitForCount(page, 'warning', 0)
    const reviewed = panel.getByTestId('reviewed')
    await expect(reviewed.locator('summary').innerText()).resolves.toBe('已忽略 1 条（不计入上方数量）')
    await reviewed.locator('summary').click()
    await expect(reviewed.getByTestId('finding-note').innerText()).resolves.toMatch(/^已忽略：已与原文核对，原文这两格确为空白/)
    await settle(page)
    await app.screenshot('findings-2-dismissed')
    // Autosaved with the report: the review record, with the fingerprint of the two blanks.
    await expect
      .poll(async () => (await app!.library.open(UNIT, YEAR)).report.review?.['BLANK:t3'], { timeout: 5_000 })
      .toMatchObject({ status: 'dismissed', reason: '已与原文核对，原文这两格确为空白' })

    // An edit elsewhere (the text of 六) leaves it dismissed.
    const other = page.locator('#section-text-other')
    await scrollToCenter(other)
    await other.click()
    await page.keyboard.press('End')
    await page.keyboard.type('本年度无其他需要报告的事项。')
    await expect.poll(() => other.inputValue()).toContain('无其他需要报告的事项')
    await waitForCount(page, 'warning', 0)

    // Filling one of the two cells it is about: it is open again, and says what it had been.
    await typeInto(page, 't3.stateSecret.research', '0')
    await page.keyboard.press('Tab')
    await waitForCount(page, 'warning', 1)
    const reopened = panel.locator('li[data-key="BLANK:t3"]')
    await expect(reopened.innerText()).resolves.toContain('表三有 1 个单元格未填写')
    await expect(reopened.getByTestId('finding-note').innerText()).resolves.toBe(
      '曾标为已忽略（已与原文核对，原文这两格确为空白），相关数字或文字已变动，重新打开'
    )
    await expect(panel.getByTestId('reviewed').count()).resolves.toBe(0)
    await scrollToCenter(reopened)
    await settle(page)
    await app.screenshot('findings-3-reopened')
    expect(app.errors()).toEqual([])
  })
})

describe('review: the checks follow 设置', () => {
  it('reads the saved settings from the start, and a limit changed in 设置 at once', async () => {
    app = await openApp({
      seed: async (main) => {
        await main.library.save(consistentReport({ unit: UNIT, year: YEAR }))
        const { settings } = await main.settings.load()
        await main.settings.save({
          ...settings,
          region: { ...settings.region, name: '某某市 2025 年要求', overviewFigures: [{ label: '政策解读', patterns: ['解读…{n}篇'] }] }
        })
      }
    })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${YEAR} 年度报告`, exact: true }).click()
    await cell(page, 't3.new.natural').waitFor()
    await waitForCount(page, 'warning', 1)
    await expect(checksPanel(page).locator('li[data-key="FIGURES:政策解读"]').innerText()).resolves.toContain(
      '未写明政策解读（地区配置「某某市 2025 年要求」要求'
    )

    await page.getByRole('tab', { name: '设置' }).click()
    await expect(page.getByTestId('settings-effective').innerText()).resolves.toContain('总体情况字数上限')
    const limit = page.getByRole('textbox', { name: '总体情况字数上限' })
    await limit.fill('200')
    await limit.blur()
    await page.getByTestId('save-settings').click()
    await page.getByText('设置已保存').waitFor()
    await page.getByRole('tab', { name: /编辑/ }).click()
    await waitForCount(page, 'warning', 2)
    await expect(checksPanel(page).locator('li[data-key="P1:overview"]').innerText()).resolves.toContain('超过设置的 200 字上限')
    await settle(page)
    await app.screenshot('findings-4-settings')
    expect(app.errors()).toEqual([])
  })
})
