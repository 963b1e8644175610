/**
 * The officer's year, end to end in real Chromium against the built renderer, with the real main
 * process handlers behind `window.api`:
 *  (a) import last year's (2016, pre-2019 format) report, review it, accept, make the 2017 draft,
 *      see the findings, fix them by typing, preview, export, and find the typed value in the .docx;
 *      the same import by dropping the file on the window;
 *  (b) import a 2021-format report exported by the app, make next year's draft, and find 上年结转
 *      equal to last year's 结转下年度 in every column;
 *  (c) the grid's keyboard: Tab / Shift-Tab / Enter, a pasted 2×3 block from Excel, Ctrl+Z after a
 *      look at the preview.
 * Screenshots of every view go to test-output/screenshots/flow-*.png.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { describeCell, type CellId } from '@core/report/cells'
import { consistentReport, T3_APPLICANTS } from '../support/reports'
import { readDocxTables } from './support/docx'
import { fixturePath, openApp, type App } from './support/harness'
import {
  cell,
  checksPanel,
  counts,
  dropFile,
  finding,
  focusedName,
  inView,
  pasteText,
  scrollToCenter,
  settle,
  typeInto,
  waitForCount
} from './support/officer'

const T3_COLUMNS = [...T3_APPLICANTS, 'total'] as const

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The 表三 row of an exported document whose label starts with `label`: its seven values, 自然人 … 总计. */
function t3Row(tables: string[][][], label: string): string[] {
  const table = tables.find((rows) => rows.some((row) => row[0]?.startsWith('一、本年新收')))
  if (!table) throw new Error('导出的文档中没有表三')
  const row = table.find((cells) => cells.some((text) => text.startsWith(label)))
  if (!row) throw new Error(`表三中没有「${label}」一行`)
  return row.slice(-7)
}

describe('flow: last year’s report in, this year’s report out', () => {
  it('imports xiamei-2016.txt, makes the 2017 draft, fixes findings by typing and exports the typed value in 表三', async () => {
    app = await openApp()
    const { page } = app

    // ——— The library, empty on first start ———
    await page.getByTestId('library-empty').waitFor()
    await app.screenshot('flow-1-library-empty')

    // ——— Import through the button; main's file dialog answers the fixture ———
    app.setNextDialogAnswer('import', fixturePath('legacy/xiamei-2016.txt'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    expect(app.dialogs.opened).toEqual([{ kind: 'import' }])

    // What was recognised: unit, year, generation, and the approximate values tinted with their reason.
    await expect(page.getByTestId('import-unit').locator('input').inputValue()).resolves.toBe('霞美镇')
    await expect(page.getByTestId('import-year').locator('input').inputValue()).resolves.toBe('2016')
    await expect(page.getByTestId('generation').innerText()).resolves.toContain('2019 年以前')
    await expect(page.getByText('xiamei-2016.txt').isVisible()).resolves.toBe(true)
    // The unit and year fields are named for screen readers as they are labelled on screen.
    await expect(page.getByRole('textbox', { name: '单位名称' }).inputValue()).resolves.toBe('霞美镇')
    await expect(page.getByRole('combobox', { name: '层级' }).innerText()).resolves.toContain('乡镇')
    await expect(page.getByRole('textbox', { name: '报告年度' }).inputValue()).resolves.toBe('2016')
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('已识别 0 个，需核对 4 个，未识别 196 个')
    // Each value to check is listed beside the tables with its reason.
    await expect(page.getByTestId('review-items').innerText()).resolves.toContain('近似对应')
    const approximate = cell(page, 't3.new.total')
    await expect(approximate.getAttribute('title')).resolves.toContain('近似对应')
    await expect(approximate.getAttribute('class')).resolves.toContain('is-uncertain')
    await app.screenshot('flow-2-import-review')
    await scrollToCenter(page.getByRole('heading', { name: '表三', exact: true }))
    await app.screenshot('flow-2b-import-review-table3')

    // ——— Accept: last year's report goes into the library; the draft is offered ———
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('已存入资料库：霞美镇 2016 年度报告').waitFor()
    await app.screenshot('flow-3-import-accepted')
    await page.getByRole('button', { name: '生成 2017 年度草稿' }).click()

    // ——— The editor on the 2017 draft, with the findings of a fresh draft ———
    await page.getByRole('heading', { name: '霞美镇 2017 年度' }).waitFor()
    await cell(page, 't3.new.natural').waitFor()
    expect((await app.library.list()).map((u) => [u.name, u.years.map((y) => y.year).sort()])).toEqual([['霞美镇', [2016, 2017]]])
    const fresh = await counts(page)
    expect(fresh.error).toBe(0)
    expect(fresh.warning).toBeGreaterThan(0)
    // A pre-2019 report carries no figures: the tables start blank, and the panel says so.
    await finding(page, '表三有 175 个单元格未填写').waitFor()

    // Three applications from natural persons, all published. The first figure leaves the row's
    // 总计 blank: an error, named by its official labels.
    const newTotalWrong = finding(page, '表三「一、本年新收政府信息公开申请数量」「总计」应为 7')
    await typeInto(page, 't3.new.natural', '7')
    await newTotalWrong.waitFor()
    await waitForCount(page, 'error', 2)
    await app.screenshot('flow-4-editor-findings')

    await typeInto(page, 't3.public.natural', '7')
    await typeInto(page, 't3.resultTotal.natural', '7')
    await waitForCount(page, 'error', 3)

    // Clicking the finding lands in its cell; typing the 总计 it asks for makes it go, and the count drops.
    await newTotalWrong.click()
    await expect.poll(() => focusedName(page), { timeout: 5_000 }).toBe(describeCell('t3.new.total'))
    // …scrolled into view (smoothly) and highlighted.
    await expect.poll(() => inView(cell(page, 't3.new.total')), { timeout: 5_000 }).toBe(true)
    await settle(page)
    await app.screenshot('flow-4b-editor-finding-clicked')
    await page.keyboard.type('7')
    await newTotalWrong.waitFor({ state: 'detached' })
    await waitForCount(page, 'error', 2)

    await typeInto(page, 't3.public.total', '7')
    await waitForCount(page, 'error', 1)
    await typeInto(page, 't3.resultTotal.total', '7')
    await waitForCount(page, 'error', 0)
    await page.keyboard.press('Tab')
    await finding(page, '表三有 169 个单元格未填写').waitFor()
    expect((await counts(page)).warning).toBe(fresh.warning)

    // Autosave: the library has what was typed, and the editor says so.
    await expect
      .poll(async () => (await app!.library.open('霞美镇', 2017)).report.values, { timeout: 10_000 })
      .toMatchObject({ 't3.new.natural': 7, 't3.new.total': 7, 't3.public.total': 7, 't3.resultTotal.total': 7 })
    await page.getByTestId('save-state').getByText('已保存').waitFor()

    // ——— Preview: the .docx's own pages ———
    await page.getByRole('tab', { name: '预览' }).click()
    await page.getByRole('button', { name: '← 返回编辑' }).waitFor()
    await page.getByTestId('page-count').waitFor()
    const firstPage = page.locator('section.docx-page').first()
    await expect(firstPage.innerText()).resolves.toContain('霞美镇2017年政府信息公开工作年度报告')
    await app.screenshot('flow-5-preview')
    // The typed figures, where they will print: 一、本年新收 自然人 … 总计.
    const previewTable3 = page.locator('section.docx-page table', { hasText: '一、本年新收' })
    const printedRow = await previewTable3.locator('tr', { hasText: '一、本年新收' }).locator('td').allInnerTexts()
    expect(printedRow.slice(-7).map((text) => text.trim())).toEqual(['7', '0', '0', '0', '0', '0', '7'])
    await scrollToCenter(previewTable3)
    await app.screenshot('flow-5b-preview-table3')

    // ——— Export from the preview; main's save dialog answers a path in exportDir ———
    const target = join(app.exportDir, '霞美镇2017年政府信息公开工作年度报告.docx')
    app.setNextDialogAnswer('export', target)
    await page.getByRole('button', { name: '导出 Word…' }).last().click()
    const exportDialog = page.getByTestId('export-dialog')
    await exportDialog.getByRole('button', { name: '关闭' }).waitFor()
    // The carried-over narrative still holds its 【待更新】 marks: only a draft can be exported yet.
    const go = exportDialog.getByTestId('export-draft').or(exportDialog.getByTestId('export-anyway')).or(exportDialog.getByTestId('export-confirm'))
    await go.first().click()
    const done = page.getByText(/已导出(草稿|Word 文档)/)
    await done.waitFor()
    await page.getByRole('button', { name: '打开所在文件夹' }).waitFor()
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' })
    await settle(page)
    await app.screenshot('flow-6-export-done')
    expect(app.dialogs.opened.at(-1)).toMatchObject({ kind: 'export' })
    expect(existsSync(target)).toBe(true)

    // ——— The document: 表三 has the typed figures in their rows and columns ———
    const tables = await readDocxTables(target)
    const [natural, business, , , , , total] = t3Row(tables, '一、本年新收')
    expect({ natural, business, total }).toEqual({ natural: '7', business: '0', total: '7' })
    expect(t3Row(tables, '（七）总计')[0]).toBe('7')
    expect(t3Row(tables, '二、上年结转')).toEqual(['0', '0', '0', '0', '0', '0', '0'])

    // “打开所在文件夹” reaches main's shell with the exported file.
    await page.getByRole('button', { name: '打开所在文件夹' }).click()
    await expect.poll(() => app!.shell.shown, { timeout: 5_000 }).toEqual([target])

    // ——— Back in the library: both years, and the chart across them ———
    await page.getByRole('tab', { name: '资料库' }).click()
    await page.getByRole('listitem').filter({ hasText: '2017 年度报告' }).waitFor()
    await page.getByRole('listitem').filter({ hasText: '2016 年度报告' }).waitFor()
    await page.getByRole('img', { name: /霞美镇 历年新收申请/ }).locator('canvas').waitFor()
    await settle(page)
    await app.screenshot('flow-7-library')

    expect(app.errors()).toEqual([])
  })

  it('imports the same file dropped onto the window', async () => {
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()
    await dropFile(page, fixturePath('legacy/xiamei-2016.txt'))
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    await expect(page.getByTestId('import-unit').locator('input').inputValue()).resolves.toBe('霞美镇')
    await expect(page.getByTestId('import-year').locator('input').inputValue()).resolves.toBe('2016')
    await expect(page.getByText('xiamei-2016.txt').isVisible()).resolves.toBe(true)
    // The bytes crossed; no dialog was opened and no path was sent.
    expect(app.dialogs.opened).toEqual([])
    expect(app.calls.map((c) => c.route)).toContain('import:importBytes')
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('已存入资料库：霞美镇 2016 年度报告').waitFor()
    expect(app.errors()).toEqual([])
  })
})

describe('flow: a 2021-format report exported by the app', () => {
  it('imports report.docx, makes next year’s draft, and 二、上年结转 equals last year’s 四、结转下年度继续办理', async () => {
    const last = consistentReport()
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()

    app.setNextDialogAnswer('import', fixturePath('same-report/report.docx'))
    await page.getByRole('button', { name: '导入上年报告…' }).first().click()
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    await expect(page.getByTestId('import-unit').locator('input').inputValue()).resolves.toBe(last.unit.name)
    await expect(page.getByTestId('import-year').locator('input').inputValue()).resolves.toBe(String(last.year))
    await expect(page.getByTestId('generation').innerText()).resolves.toContain('2021 年新版格式')
    // Read straight from the labelled cells: all 200, nothing to check.
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('200 个数值均从原表读取')
    await expect(cell(page, 't3.carryOver.natural').inputValue()).resolves.toBe(String(last.values['t3.carryOver.natural']))
    await app.screenshot('flow-b-import-review-2021')

    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByRole('button', { name: `生成 ${last.year + 1} 年度草稿` }).click()
    await page.getByRole('heading', { name: `${last.unit.name} ${last.year + 1} 年度` }).waitFor()
    await cell(page, 't3.carried.natural').waitFor()
    await app.screenshot('flow-b-editor-draft')
    // 表二 现行有效件数 stays blank in the draft; last year's figures are shown under the table as the base.
    const baselineNote = page.getByTestId('baseline-note')
    await scrollToCenter(baselineNote)
    await expect(baselineNote.innerText()).resolves.toContain(
      `上年现行有效件数：规章 ${last.values['t2.rules.inForce']} 件，行政规范性文件 ${last.values['t2.normative.inForce']} 件`
    )
    await expect(cell(page, 't2.normative.inForce').inputValue()).resolves.toBe('')
    await app.screenshot('flow-b2-editor-baseline')

    // In the grid, as the officer sees it…
    const shown: Record<string, string> = {}
    const expected: Record<string, string> = {}
    for (const column of T3_COLUMNS) {
      shown[column] = await cell(page, `t3.carried.${column}` as CellId).inputValue()
      expected[column] = String(last.values[`t3.carryOver.${column}` as CellId])
    }
    expect(shown).toEqual(expected)
    // …and in the library, as main stored the draft.
    const draft = await app.api((api) => api.library.open({ unit: '示例县示例镇人民政府', year: 2026 }))
    expect(draft.ok).toBe(true)
    if (draft.ok) {
      for (const column of T3_COLUMNS) {
        expect(draft.data.values[`t3.carried.${column}` as CellId]).toBe(last.values[`t3.carryOver.${column}` as CellId])
      }
    }

    // A fresh draft opens without errors: figures carried by rule alone do not break the sums.
    await waitForCount(page, 'error', 0)
    // Once this year's figures are being typed, the carried-in requests must be accounted for (R1).
    // Ctrl+E exports all the same, after a confirmation that lists the errors.
    await typeInto(page, 't3.new.natural', '1')
    const { error: errorCount } = await counts(page)
    expect(errorCount).toBeGreaterThan(0)
    const target = join(app.exportDir, 'draft.docx')
    app.setNextDialogAnswer('export', target)
    await page.keyboard.press('Control+e')
    const dialog = page.getByTestId('export-dialog')
    await dialog.getByTestId('export-group-errors').getByText(`错误 ${errorCount} 个`).waitFor()
    await settle(page)
    await app.screenshot('flow-b-export-confirm-errors')
    // With the carried narrative's marks still in, the draft is what can go out.
    await dialog.getByTestId('export-draft').or(dialog.getByTestId('export-anyway')).first().click()
    await page.getByText(/已导出(草稿|Word 文档)/).waitFor()
    const tables = await readDocxTables(target)
    expect(t3Row(tables, '二、上年结转')).toEqual(T3_COLUMNS.map((column) => String(last.values[`t3.carryOver.${column}` as CellId])))
    expect(app.errors()).toEqual([])
  })
})

describe('flow: the grid by keyboard and clipboard', () => {
  it('moves with Tab, Shift-Tab and Enter, fills a pasted 2×3 block, and Ctrl+Z undoes the paste', async () => {
    const report = consistentReport()
    app = await openApp({ seed: (main) => main.library.save(report).then(() => undefined) })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${report.year} 年度报告`, exact: true }).click()
    await cell(page, 't3.new.natural').waitFor()
    await waitForCount(page, 'error', 0)

    await cell(page, 't3.new.natural').click()
    expect(await focusedName(page)).toBe(describeCell('t3.new.natural'))
    await page.keyboard.press('Tab')
    expect(await focusedName(page)).toBe(describeCell('t3.new.business'))
    await page.keyboard.press('Shift+Tab')
    expect(await focusedName(page)).toBe(describeCell('t3.new.natural'))
    await page.keyboard.press('Enter')
    expect(await focusedName(page)).toBe(describeCell('t3.carried.natural'))
    await page.keyboard.press('Shift+Enter')
    expect(await focusedName(page)).toBe(describeCell('t3.new.natural'))

    // A 2×3 block copied from a spreadsheet: 自然人, 商业企业, 科研机构 of 本年新收 and 上年结转.
    const block: [CellId, string][] = [
      ['t3.new.natural', '11'],
      ['t3.new.business', '12'],
      ['t3.new.research', '13'],
      ['t3.carried.natural', '14'],
      ['t3.carried.business', '15'],
      ['t3.carried.research', '16']
    ]
    const before = await Promise.all(block.map(([id]) => cell(page, id).inputValue()))
    expect(before).toEqual(block.map(([id]) => String(report.values[id])))
    expect(await pasteText(page, '11\t12\t13\r\n14\t15\t16\r\n')).toBe(true)
    await page.getByText('已粘贴 6 个单元格').waitFor()
    const pasted = await Promise.all(block.map(([id]) => cell(page, id).inputValue()))
    expect(pasted).toEqual(block.map(([, value]) => value))
    // The sums no longer hold: the panel says so at once.
    expect((await counts(page)).error).toBeGreaterThan(0)
    await app.screenshot('flow-c-editor-pasted')

    // A look at the preview and back: the editor still holds the paste, and can still undo it.
    await page.getByRole('tab', { name: '预览' }).click()
    await page.getByRole('button', { name: '← 返回编辑' }).click()
    await expect(cell(page, 't3.new.natural').inputValue()).resolves.toBe('11')
    await page.getByRole('button', { name: '撤销' }).waitFor()
    await expect(page.getByRole('button', { name: '撤销' }).isEnabled()).resolves.toBe(true)
    await page.keyboard.press('Control+z')
    await waitForCount(page, 'error', 0)
    const undone = await Promise.all(block.map(([id]) => cell(page, id).inputValue()))
    expect(undone).toEqual(before)
    await expect(checksPanel(page).getByText('未发现问题').isVisible()).resolves.toBe(true)
    expect(app.errors()).toEqual([])
  })
})
