/**
 * Figures in the text tied to the tables, as the officer sees them in real Chromium: last year's
 * report imported, this year's draft made, a figure typed in 表三 — the 【待更新】 mark standing for it
 * in the narrative takes the figure at once (said in the checks panel, undone with Ctrl+Z), and the
 * sentence made from the filled table is inserted with one click. Screenshots:
 * test-output/screenshots/linked-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { consistentReport } from '../support/reports'
import { fixturePath, openApp, type App } from './support/harness'
import { checksPanel, scrollToCenter, settle, typeInto } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('flow: marks linked to the tables, sentences from the tables', () => {
  it('types 新收 in 表三 and finds it in the text; inserts the 表三 sentence', async () => {
    const last = consistentReport()
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()
    app.setNextDialogAnswer('import', fixturePath('same-report/report.docx'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByRole('button', { name: `生成 ${last.year + 1} 年度草稿` }).click()
    await page.getByRole('heading', { name: `${last.unit.name} ${last.year + 1} 年度` }).waitFor()

    const requests = page.locator('#section-text-requests')
    await expect(requests.inputValue()).resolves.toContain('本年度新收政府信息公开申请【待更新：39】件，上年结转3件')

    await typeInto(page, 't3.new.total', '42')
    await page.keyboard.press('Tab')
    await expect.poll(() => requests.inputValue(), { timeout: 5_000 }).toContain('本年度新收政府信息公开申请42件')
    const notice = checksPanel(page).getByTestId('link-notice')
    await expect(notice.innerText()).resolves.toContain('已按表格数字改写正文中 2 处【待更新】数字')
    await scrollToCenter(requests)
    await settle(page)
    await app.screenshot('linked-1-mark-replaced')

    // Undo takes back the figure and the text together.
    await page.keyboard.press('Control+z')
    await expect.poll(() => requests.inputValue(), { timeout: 5_000 }).toContain('【待更新：39】')
    await page.keyboard.press('Control+y')
    await expect.poll(() => requests.inputValue(), { timeout: 5_000 }).toContain('申请42件')

    // Fill the rest of 表三's totals the sentence needs, then insert it.
    const totals: Record<string, string> = {
      't3.resultTotal.total': '40',
      't3.public.total': '20',
      't3.partial.total': '5',
      't3.carryOver.total': '5'
    }
    for (const [id, value] of Object.entries(totals)) await typeInto(page, id as never, value)
    for (const row of ['stateSecret', 'lawForbids', 'threeSafety', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'inquiry', 'notHeld', 'needsCreating', 'stillUnclear', 'petition', 'repeated', 'publication', 'massRepeated', 'confirmation', 'noCorrection', 'feeUnpaid', 'otherReason']) {
      await typeInto(page, `t3.${row}.total` as never, row === 'notHeld' ? '15' : '0')
    }
    await page.keyboard.press('Tab')
    const suggestion = page.getByTestId('suggestions-requests').getByTestId('suggestion')
    await expect(suggestion.innerText()).resolves.toContain('本年度共收到政府信息公开申请42件，较上年增加3件（增长7.7%）；上年结转3件；办理完结40件')
    await scrollToCenter(suggestion)
    await settle(page)
    await app.screenshot('linked-2-sentence-offered')
    await suggestion.getByRole('button', { name: '插入' }).click()
    await expect.poll(() => requests.inputValue(), { timeout: 5_000 }).toContain('办理完结40件，其中予以公开20件、部分公开5件、无法提供15件；结转下年度继续办理5件。')
    await expect(suggestion.getByRole('button').innerText()).resolves.toBe('已在正文中')
    await settle(page)
    await app.screenshot('linked-3-sentence-inserted')
    expect(app.errors()).toEqual([])
  })

  it('an imported pre-2019 report: the panel says which checks were not made, and why', async () => {
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()
    app.setNextDialogAnswer('import', fixturePath('legacy/xiamei-2016.txt'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('已存入资料库：霞美镇 2016 年度报告').waitFor()
    // Open last year's report itself from the library.
    const opened = await app.api((api) => api.library.open({ unit: '霞美镇', year: 2016 }))
    expect(opened.ok && opened.data.imported?.generation).toBe('pre-2019')
    await page.getByRole('tab', { name: '资料库' }).click()
    await page.getByRole('button', { name: '打开 2016 年度报告' }).click()
    await page.getByRole('heading', { name: '霞美镇 2016 年度' }).waitFor()
    const note = checksPanel(page).getByTestId('not-applied')
    await expect(note.locator('summary').innerText()).resolves.toBe('按本报告适用的格式，未做 13 项检查')
    await note.locator('summary').click()
    await expect(note.innerText()).resolves.toContain('自2021 年格式（国办公开办函〔2021〕30号）起：现行有效件数、字数、信息处理费、上年问题整改、格式表述')
    // None of the 2021 rules fires on it: no blank-cell, length or fee warnings.
    const findings = checksPanel(page).getByTestId('finding')
    await expect(findings.filter({ hasText: '单元格未填写' }).count()).resolves.toBe(0)
    await expect(findings.filter({ hasText: '处理费' }).count()).resolves.toBe(0)
    await settle(page)
    await app.screenshot('linked-4-old-report-not-applied')
    expect(app.errors()).toEqual([])
  })
})
