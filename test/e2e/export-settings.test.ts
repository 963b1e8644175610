/**
 * The region's print options, in real Chromium against the built renderer: a county's 设置 (三级标题
 * bold, the 落款 date in Chinese numerals, flush right) reach the preview of a report that records
 * none of them; the export dialog starts from them; the officer's change in the dialog is exported,
 * kept in the report (autosaved) and shown by the preview. Screenshots of the preview and the dialog.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { checkReport, markFinding } from '@core/rules'
import { defaultSettings } from '@core/settings/defaults'
import { consistentReport } from '../support/reports'
import { readDocxText } from './support/docx'
import { openApp, type App } from './support/harness'
import { settle } from './support/officer'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/**
 * Saved before the layout options existed: blank cells and the 落款 switch only. Its 第六部分 says
 * nothing of the fee (P3), a warning the officer dismissed: not “remaining” in the export dialog.
 */
function report(): Report {
  const base = consistentReport()
  const written: Report = {
    ...base,
    sections: {
      ...base.sections,
      overview: `1.加强组织领导。镇党委、镇政府高度重视政务公开工作。\n${base.sections.overview}`,
      other: '本年度无其他需要报告的事项。'
    },
    settings: { blankCells: 'zero', signature: true }
  }
  const fee = checkReport(written).find((f) => f.rule === 'P3')!
  return markFinding(written, fee, 'dismissed', '本单位不涉及收费事项', '2026-01-20T08:00:00.000Z')
}

/** What the preview's pages show: the level-3 heading's weight, the 落款's last two lines and their alignment. */
async function previewFacts(app: App) {
  await app.page.getByTestId('page-count').waitFor()
  await settle(app.page)
  return (await app.page.evaluate(`(() => {
    const paragraphs = [...document.querySelectorAll('section.docx-page article p')];
    const heading = paragraphs.find((p) => p.textContent.startsWith('1.加强组织领导'));
    const run = [...heading.querySelectorAll('span')].find((s) => s.textContent === '1.加强组织领导。');
    const tail = paragraphs.filter((p) => p.textContent.trim()).slice(-2);
    return {
      headingWeight: run ? getComputedStyle(run).fontWeight : 'no run',
      signature: tail.map((p) => p.textContent.trim()),
      align: tail.map((p) => getComputedStyle(p).textAlign),
      indent: tail.map((p) => getComputedStyle(p).paddingRight + '|' + getComputedStyle(p).marginRight)
    };
  })()`)) as { headingWeight: string; signature: string[]; align: string[]; indent: string[] }
}

describe('the region’s print options reach the preview and the export', () => {
  it('previews and exports with 设置’s options, starts the dialog from them, and keeps the officer’s change', async () => {
    const saved = report()
    app = await openApp({
      seed: async (main) => {
        const settings = defaultSettings()
        settings.region = {
          ...settings.region,
          name: '某某县 2025 年要求',
          headings: { level3Bold: true },
          signature: { include: true, dateStyle: 'chinese', align: 'right' }
        }
        await main.settings.save(settings)
        await main.library.save(saved)
      }
    })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${saved.year} 年度报告` }).click()
    await page.getByTestId('signature-printed').getByText('打印为：二〇二六年一月二十日').waitFor()

    // ——— The preview: the generated .docx with 设置's options ———
    await page.getByRole('tab', { name: '预览' }).click()
    let facts = await previewFacts(app)
    expect(Number(facts.headingWeight)).toBeGreaterThanOrEqual(700)
    expect(facts.signature).toEqual(['示例县示例镇人民政府', '二〇二六年一月二十日'])
    expect(facts.align).toEqual(['right', 'right'])
    await page.locator('section.docx-page').last().scrollIntoViewIfNeeded()
    await app.screenshot('print-1-preview-county')

    // ——— The dialog starts from them; the officer puts the date back in Arabic numerals ———
    await page.getByTestId('preview-export').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.getByText('导出 Word 文档', { exact: true }).waitFor()
    await expect(dialog.getByTestId('export-group-warnings').count()).resolves.toBe(0)
    await dialog.getByTestId('export-reviewed').getByText('已核实或忽略的检查结果 1 条（已忽略 1 条）', { exact: false }).waitFor()
    await expect(dialog.locator('input[name="date-style"]:checked').getAttribute('value')).resolves.toBe('chinese')
    await expect(dialog.locator('input[name="level3-bold"]:checked').getAttribute('value')).resolves.toBe('true')
    await dialog.getByText('2026年1月20日', { exact: true }).click()
    await dialog.getByTestId('export-settings-differ').getByText('与设置（某某县 2025 年要求）不同：落款日期写法。').waitFor()
    await settle(page)
    await app.screenshot('print-2-export-dialog')
    const target = `${app.exportDir}/年报.docx`
    app.setNextDialogAnswer('export', target)
    await dialog.getByTestId('export-confirm').click()
    await page.getByText('已导出 Word 文档').waitFor()
    const text = await readDocxText(target)
    expect(text.trimEnd()).toMatch(/示例县示例镇人民政府\n2026年1月20日$/)

    // ——— Kept in the report: autosaved, and the preview shows it ———
    await expect
      .poll(async () => (await app!.library.open(saved.unit.name, saved.year)).report.settings, { timeout: 10_000 })
      .toEqual({ blankCells: 'zero', signature: true, level3Bold: true, dateStyle: 'arabic', signatureAlign: 'right' })
    await expect.poll(async () => (await previewFacts(app!)).signature, { timeout: 10_000 }).toEqual(['示例县示例镇人民政府', '2026年1月20日'])
    facts = await previewFacts(app)
    expect(facts.align).toEqual(['right', 'right'])
    expect(app.errors()).toEqual([])
  })
})
