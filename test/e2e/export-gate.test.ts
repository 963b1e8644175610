/**
 * The last steps before publication, in real Chromium against the built renderer: a draft still
 * holding the app's marks → the editor shows them → the export dialog lists them and offers only
 * 导出草稿 (a draft marked 草稿 on every page) → the officer resolves each from the list, sets the
 * 成文日期 → a normal export, with no mark and the date in the 落款. Screenshots of each view.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { consistentReport } from '../support/reports'
import { readDocxText } from './support/docx'
import { openApp, type App } from './support/harness'
import { settle } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

function draftWithMarks(): Report {
  const report = consistentReport()
  return {
    ...report,
    document: {},
    sections: {
      ...report.sections,
      overview: `全年收取政府信息公开信息处理费【待更新：12】元，接待群众咨询【待更新：30】人次。\n${report.sections.overview}`,
      problems: `上年问题整改情况：【待填写】\n${report.sections.problems}`
    }
  }
}

async function headerTexts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const names = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))
  return Promise.all(names.map(async (n) => (await zip.file(n)!.async('string')).replace(/<[^>]+>/g, '')))
}

describe('flow: nothing unfinished reaches the published report', () => {
  it('lists the marks, exports only a draft, lets the officer resolve them from the list, then exports normally', async () => {
    const report = draftWithMarks()
    app = await openApp({ seed: (main) => main.library.save(report).then(() => {}) })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${report.year} 年度报告` }).click()

    // ——— The editor shows each mark in place ———
    const overviewMarks = page.locator('[data-section="overview"] [data-testid="mark-layer"] mark')
    await overviewMarks.first().waitFor()
    await expect(overviewMarks.allInnerTexts()).resolves.toEqual(['【待更新：12】', '【待更新：30】'])
    await page.getByTestId('next-mark').getByText('待处理标记 3 处').waitFor()
    await settle(page)
    await app.screenshot('gate-1-editor-marks')

    // ——— The export dialog: what remains, grouped; only a draft ———
    await page.keyboard.press('Control+e')
    const dialog = page.getByTestId('export-dialog')
    await dialog.getByText('导出草稿', { exact: true }).waitFor()
    const marks = dialog.getByTestId('export-group-marks').getByRole('button')
    await expect(marks.count()).resolves.toBe(3)
    await expect(dialog.getByTestId('export-group-warnings').innerText()).resolves.toContain('成文日期')
    await expect(dialog.getByTestId('export-confirm').count()).resolves.toBe(0)
    await expect(dialog.getByTestId('export-anyway').count()).resolves.toBe(0)
    await settle(page)
    await app.screenshot('gate-2-export-dialog-marks')

    const draft = join(app.exportDir, 'draft.docx')
    app.setNextDialogAnswer('export', draft)
    await dialog.getByTestId('export-draft').click()
    await page.getByText('已导出草稿').waitFor()
    expect(app.dialogs.opened.at(-1)?.defaultName).toContain('（草稿）')
    for (const header of await headerTexts(draft)) expect(header).toContain('草稿')
    expect(await readDocxText(draft)).toContain('【待更新：12】')

    // ——— The preview shows the draft as it prints ———
    await page.getByRole('tab', { name: '预览' }).click()
    await page.getByTestId('page-count').waitFor()
    await page.getByTestId('preview-draft').waitFor()
    await expect(page.locator('section.docx-page').first().locator('header').innerText()).resolves.toContain('草稿')
    await settle(page)
    await app.screenshot('gate-3-preview-draft')

    // ——— Resolved from the list: each line lands on its mark, selected; typing replaces it ———
    const replacements = ['15', '28', '已按要求整改完毕。']
    for (const text of replacements) {
      await page.keyboard.press('Control+e')
      await dialog.getByTestId('export-group-marks').getByRole('button').first().click()
      await page.getByTestId('mark-hint').waitFor()
      await page.keyboard.type(text)
      await page.getByTestId('mark-hint').waitFor({ state: 'detached' })
    }
    await expect(page.getByTestId('next-mark').count()).resolves.toBe(0)

    // The 成文日期, from its line in the dialog to the date picker.
    await page.keyboard.press('Control+e')
    await dialog.getByTestId('export-group-warnings').getByRole('button', { name: /成文日期/ }).click()
    const date = page.getByLabel('成文日期')
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('signature-date')
    await date.fill('2026-01-20')
    await page.getByTestId('signature-printed').getByText('打印为：2026年1月20日').waitFor()
    await settle(page)
    await app.screenshot('gate-4-editor-resolved')

    // ——— Now a normal export ———
    await page.keyboard.press('Control+e')
    await dialog.getByText('导出 Word 文档', { exact: true }).waitFor()
    await expect(dialog.getByTestId('export-group-marks').count()).resolves.toBe(0)
    await expect(dialog.getByTestId('export-draft').count()).resolves.toBe(0)
    await settle(page)
    await app.screenshot('gate-5-export-dialog-clean')
    const final = join(app.exportDir, 'final.docx')
    app.setNextDialogAnswer('export', final)
    await dialog.getByTestId('export-confirm').click()
    await page.getByText('已导出 Word 文档').waitFor()
    const text = await readDocxText(final)
    expect(text).not.toMatch(/【待更新|【待填写】|【乱码】|草稿/)
    expect(await headerTexts(final)).toEqual([])
    expect(text).toContain('全年收取政府信息公开信息处理费15元，接待群众咨询28人次。')
    expect(text).toContain('上年问题整改情况：已按要求整改完毕。')
    expect(text.trimEnd()).toMatch(/示例县示例镇人民政府\n2026年1月20日$/)
    // …and autosaved with the report.
    await expect
      .poll(async () => (await app!.library.open(report.unit.name, report.year)).report.document.publishedOn, { timeout: 10_000 })
      .toBe('2026-01-20')

    // ——— 帮助, by F1 ———
    await page.keyboard.press('F1')
    await page.getByRole('heading', { name: '使用帮助' }).waitFor()
    await page.getByTestId('help-checks').getByText('勾稽关系').first().waitFor()
    await settle(page)
    await app.screenshot('gate-6-help')
    await page.getByRole('textbox', { name: '搜索帮助' }).fill('F3')
    await expect(page.getByTestId('help-shortcuts').innerText()).resolves.toContain('F3')
    expect(app.errors()).toEqual([])
  })
})
