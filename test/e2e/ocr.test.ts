/**
 * A phone photo of last year's report (page 2: sections 一–三 and 表二) imported in real Chromium
 * through main's file dialog: OCR in main, the review lists each value beside its image crop,
 * flagged ones first, and the officer confirms them with the keyboard before accepting.
 * Screenshots: test-output/screenshots/ocr-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { fixturePath, openApp, type App } from './support/harness'
import { cell, scrollToCenter, settle } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('flow: a photographed report', () => {
  it('reads the photo, shows each value beside its crop, and takes the officer’s confirmations by keyboard', async () => {
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()
    app.setNextDialogAnswer('import', fixturePath('scans/report-photo.jpg'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor({ timeout: 120_000 })

    const review = page.getByTestId('ocr-review')
    await review.waitFor()
    // 表二's ten values are on the photo: the ones the narrative does not quote are flagged first.
    const flagged = Number(await page.getByTestId('ocr-flagged').innerText())
    expect(flagged).toBeGreaterThan(0)
    expect(flagged).toBeLessThan(10)
    await expect(review.locator('img').first().getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
    await expect(cell(page, 't2.license.decisions').inputValue()).resolves.toBe('156')
    await scrollToCenter(review)
    await app.screenshot('ocr-1-review')

    // Enter on each flagged value confirms it as read and moves to the next.
    const first = review.locator('input[data-ocr-cell]').first()
    await first.focus()
    for (let i = 0; i < flagged; i += 1) {
      await page.keyboard.press('Enter')
      await settle(page)
    }
    await expect(review.innerText()).resolves.toContain('已全部核对')
    await scrollToCenter(review)
    await app.screenshot('ocr-2-confirmed')

    // The photo is one page of tables: no title, so the unit and year are the officer's to type.
    const accept = page.getByRole('button', { name: '确认导入' })
    await expect(accept.isDisabled()).resolves.toBe(true)
    await page.getByLabel('单位名称').fill('示例县示例镇人民政府')
    await page.getByLabel('报告年度').fill('2025')
    await page.getByLabel('报告年度').press('Tab')
    await accept.click()
    await page.getByText(/已存入资料库/).waitFor()
  })
})
