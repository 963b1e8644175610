/**
 * The import review on the long tail, in real Chromium with the real main-process handlers: a
 * Markdown transcription (unit to confirm, values placed and misread flagged with their reasons)
 * and a whole CMS page saved as one line of text (a row offered as a suggestion, missing cells
 * listed, the table checks before 确认导入 telling an import fault from the source's arithmetic).
 * Screenshots go to test-output/screenshots/review-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { fixturePath, openApp, type App } from './support/harness'
import { describeCell } from '@core/report/cells'
import { cell, focusedName, scrollToCenter } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('the import review on reports other producers made', () => {
  it('a Markdown transcription: counts, reasons beside the tables, the unit confirmed before storing', async () => {
    app = await openApp()
    const { page } = app
    app.setNextDialogAnswer('import', fixturePath('corpus/transcription-2021.md'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    await expect(page.getByTestId('import-counts').innerText()).resolves.toMatch(/已识别 \d+ 个，需核对 \d+ 个，未识别 0 个/)
    await expect(page.getByText('所有数值均已可靠识别').count()).resolves.toBe(0)
    // The look-alike in the 落款's name: shown, to be confirmed.
    await expect(page.getByTestId('import-unit-check').innerText()).resolves.toContain('北山匡住房和城乡建设局')
    // Reasons are readable beside the tables, no hover needed.
    const list = await page.getByTestId('review-items').innerText()
    expect(list).toContain('按前后行的顺序放入此行')
    expect(list).toContain('易混字符')
    await app.screenshot('review-1-transcription')
    await scrollToCenter(page.getByRole('heading', { name: '表三', exact: true }))
    await app.screenshot('review-2-transcription-table3')
    // A click on an entry focuses its cell.
    await page.locator('[data-review-cell="t3.needsCreating.natural"]').click()
    await expect(focusedName(page)).resolves.toBe(describeCell('t3.needsCreating.natural'))
    // Storing asks for the unit first.
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('请确认单位名称').waitFor()
    await app.screenshot('review-3-unit-confirm')
    await page.getByRole('button', { name: '确认', exact: true }).click()
    await page.getByText('已存入资料库：北山区住房和城乡建设局 2023 年度报告').waitFor()
  })

  it('a whole page as one line: a suggestion applied in one click, the table checks before storing', async () => {
    app = await openApp()
    const { page } = app
    app.setNextDialogAnswer('import', fixturePath('corpus/dump-2021-cms-page.txt'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    await expect(page.getByTestId('missing-cells').innerText()).resolves.toContain('一、本年新收政府信息公开申请数量')
    await expect(page.getByTestId('import-notices').innerText()).resolves.toContain('统计表')
    await expect(cell(page, 't3.new.natural').getAttribute('class')).resolves.toContain('is-missing')
    await app.screenshot('review-4-page-dump')
    await page.getByRole('button', { name: '填入此行' }).click()
    await expect(cell(page, 't3.new.natural').inputValue()).resolves.toBe('45')
    // The page's own total is wrong (55 for 54): said to be the source's arithmetic, not the import's.
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText(/表格中仍有 \d+ 处数字不符/).waitFor()
    await app.screenshot('review-5-checks-before-accept')
    await expect(page.getByTestId('issues-source').innerText()).resolves.toContain('原报告本身的数字不一致')
    await expect(page.getByTestId('issues-source').innerText()).resolves.toContain('实为 55')
    await page.getByRole('button', { name: '返回核对' }).click()
    await expect(page.getByRole('heading', { name: '核对导入内容' }).isVisible()).resolves.toBe(true)
  })
})
