/**
 * The export dialog: what remains, grouped (marks, errors, warnings), each line jumping to its
 * place; only 导出草稿 while marks remain; the options; the folder. The preview's pages are tested
 * in real Chromium (test/e2e/preview-pages.test.ts): happy-dom has no layout to measure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NATIONAL_PRINT } from '@core/export/print'
import type { Report } from '@core/report/report'
import { checkReport, markFinding } from '@core/rules'
import { defaultSettings } from '@core/settings/defaults'
import type { Settings } from '@core/settings/schema'
import ExportDialog from '../../src/renderer/src/components/preview/ExportDialog.vue'
import { useReportStore } from '../../src/renderer/src/stores/report'
import { consistentReport, withSection, withValues } from '../support/reports'
import { bodyText, buttonByText, byTestId, fakeExport, fakeLibrary, fakeSettings, mountView, settle, unmountViews } from './views-fakes'

afterEach(unmountViews)

describe('ExportDialog', () => {
  function mountExport(report: Report, settings: Settings = defaultSettings()) {
    const exportClient = fakeExport()
    const library = fakeLibrary([])
    const jumps: unknown[] = []
    mountView(ExportDialog, {
      props: { report, show: true, onJump: (target: unknown) => jumps.push(target) },
      clients: { export: exportClient, library, settings: fakeSettings(settings) }
    })
    return Object.assign(exportClient, { jumps, library })
  }

  function marked(): Report {
    const report = consistentReport()
    return {
      ...report,
      sections: {
        ...report.sections,
        overview: `全年收取政府信息公开信息处理费【待更新：12】元。\n${report.sections.overview}`,
        problems: `整改情况：【待填写】\n${report.sections.problems}`
      }
    }
  }

  it('is a dialog named by its title, closed by a button labelled in Chinese', async () => {
    mountExport(consistentReport())
    await settle()
    const dialog = document.body.querySelector<HTMLElement>('[role="dialog"]')!
    const titleId = dialog.getAttribute('aria-labelledby')!
    expect(document.getElementById(titleId)?.textContent?.trim()).toBe('导出 Word 文档')
    expect(dialog.querySelector('[aria-label="close"]')).toBeNull()
    const close = dialog.querySelector<HTMLButtonElement>('button[aria-label="关闭"]')!
    close.click()
    await settle()
    expect(dialog.style.display).toBe('none')
  })

  it('lists the errors of a report with errors, and cancelling exports nothing', async () => {
    const broken = withValues(consistentReport(), { 't3.public.total': 999 })
    const exportClient = mountExport(broken)
    await settle()
    expect(byTestId('export-error-count').textContent).toMatch(/报告中还有 \d+ 个错误/)
    const errors = byTestId('export-group-errors')
    expect(errors.textContent).toContain('总计')
    // The short Chinese name of the rule, not its code (which stays in the tooltip).
    expect(errors.textContent).toContain('行合计')
    expect(errors.querySelector('[title="规则代号 R2"]')).not.toBeNull()
    byTestId('export-cancel').click()
    await settle()
    expect(exportClient.exportDocx).not.toHaveBeenCalled()
  })

  it('exports anyway with the errors in view, with the chosen options', async () => {
    const broken = withValues(consistentReport(), { 't3.public.total': 999 })
    const exportClient = mountExport(broken)
    await settle()
    document.body.querySelector<HTMLInputElement>('input[name="blank-cells"][value="blank"]')!.click()
    await settle()
    expect(document.body.querySelector('[data-testid="export-confirm"]')).toBeNull()
    byTestId('export-anyway').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(broken, {
      blankCells: 'blank',
      signature: true,
      level3Bold: false,
      dateStyle: 'arabic',
      signatureAlign: 'gbt9704',
      draft: false,
      fonts: 'official'
    })
  })

  it('offers only 导出草稿 while marks remain, listing each mark where it stands', async () => {
    const report = marked()
    const exportClient = mountExport(report)
    await settle()
    const dialog = document.body.querySelector<HTMLElement>('[role="dialog"]')!
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent?.trim()).toBe('导出草稿')
    expect(byTestId('export-marks-lead').textContent).toContain('正文中还有 2 处待处理的标记（【待更新】1 处、【待填写】1 处），只能导出草稿')
    const lines = [...byTestId('export-group-marks').querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
    expect(lines).toEqual(['待更新 一、总体情况：…取政府信息公开信息处理费【待更新：12】元。', '待填写 五、存在的主要问题及改进情况：整改情况：【待填写】'])
    expect(document.body.querySelector('[data-testid="export-confirm"]')).toBeNull()
    expect(document.body.querySelector('[data-testid="export-anyway"]')).toBeNull()
    byTestId('export-draft').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(report, expect.objectContaining({ draft: true }))
    expect(bodyText()).toContain('已导出草稿')
  })

  it('jumps to a mark, an error or a warning when its line is clicked', async () => {
    const report = withValues(marked(), { 't3.public.total': 999 })
    const exportClient = mountExport(report)
    await settle()
    byTestId('export-group-marks').querySelector('button')!.click()
    await settle()
    const start = report.sections.overview.indexOf('【待更新：12】')
    // Once the dialog has gone (its leave transition), so that closing does not take the focus back.
    await vi.waitFor(() => expect(exportClient.jumps).toEqual([{ kind: 'section', section: 'overview', start, end: start + '【待更新：12】'.length }]), { timeout: 3000 })
    expect(exportClient.exportDocx).not.toHaveBeenCalled()
    unmountViews()

    const again = mountExport(report)
    await settle()
    // The marks have their own group: the 待更新 warning is not listed again.
    expect(byTestId('export-group-warnings').textContent).not.toContain('待更新')
    byTestId('export-group-errors').querySelector('button')!.click()
    await settle()
    await vi.waitFor(() => expect(again.jumps).toEqual([{ kind: 'cell', cell: 't3.public.total' }]), { timeout: 3000 })
  })

  it('exports a clean report straight away and opens its folder on request', async () => {
    const exportClient = mountExport(consistentReport())
    await settle()
    byTestId('export-confirm').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(expect.anything(), { ...NATIONAL_PRINT, draft: false, fonts: 'official' })
    expect(bodyText()).toContain('已导出 Word 文档')
    // Bottom-right, clear of the header's “导出 Word…” button.
    expect(document.body.querySelector('.n-notification-container--bottom-right')?.textContent).toContain('已导出 Word 文档')
    buttonByText('打开所在文件夹').click()
    await settle()
    expect(exportClient.showInFolder).toHaveBeenCalledWith('tok-1')
  })
  /** 设置 of a county: every print option away from the national defaults, and a 300-character limit. */
  function county(): Settings {
    const settings = defaultSettings()
    settings.region = {
      ...settings.region,
      name: '某某县 2025 年要求',
      overviewCharLimit: 300,
      blankCells: 'blank',
      headings: { level3Bold: true },
      signature: { include: true, dateStyle: 'chinese', align: 'right' }
    }
    return settings
  }

  const checked = (name: string) => document.body.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value

  it('starts from the report’s own print options and 设置 for those it does not record, and says where they differ', async () => {
    // Saved before the layout options existed: blank cells and the 落款 switch only.
    const report = consistentReport()
    const exportClient = mountExport(report, county())
    await settle()
    expect(checked('blank-cells')).toBe('zero')
    expect(checked('level3-bold')).toBe('true')
    expect(checked('signature')).toBe('true')
    expect(checked('date-style')).toBe('chinese')
    expect(checked('signature-align')).toBe('right')
    // The report's date, as each style prints it.
    const dates = byTestId('export-dialog').querySelectorAll('input[name="date-style"]')
    expect([...dates].map((input) => input.closest('label')?.textContent?.trim())).toEqual(['2026年1月20日', '二〇二六年一月二十日'])
    expect(byTestId('export-settings-differ').textContent).toBe('与设置（某某县 2025 年要求）不同：空白单元格。')
    byTestId('export-use-settings').click()
    await settle()
    expect(checked('blank-cells')).toBe('blank')
    expect(document.body.querySelector('[data-testid="export-settings-differ"]')).toBeNull()
    byTestId('export-confirm').click()
    await settle()
    const chosen = { blankCells: 'blank', signature: true, level3Bold: true, dateStyle: 'chinese', signatureAlign: 'right' }
    expect(exportClient.exportDocx).toHaveBeenCalledWith(report, { ...chosen, draft: false, fonts: 'official' })
    // The choice belongs to the report now: saved to the library (the editor does not hold it).
    expect(exportClient.library.save).toHaveBeenCalledWith({ ...report, settings: chosen })
  })

  it('keeps the report’s own choices over 设置, and keeps what was exported through the editor, undoably', async () => {
    const own = { blankCells: 'zero', signature: true, level3Bold: false, dateStyle: 'arabic', signatureAlign: 'gbt9704' } as const
    const report: Report = { ...consistentReport(), settings: own }
    const exportClient = mountExport(report, county())
    // The editor holds the report (the dialog was opened from it).
    const editor = useReportStore()
    editor.open(report)
    await settle()
    expect([checked('blank-cells'), checked('level3-bold'), checked('date-style'), checked('signature-align')]).toEqual(['zero', 'false', 'arabic', 'gbt9704'])
    expect(byTestId('export-settings-differ').textContent).toContain('空白单元格、三级标题加粗、落款日期写法、落款位置')
    document.body.querySelector<HTMLInputElement>('input[name="date-style"][value="chinese"]')!.click()
    await settle()
    byTestId('export-confirm').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(report, expect.objectContaining({ dateStyle: 'chinese', blankCells: 'zero' }))
    expect(editor.report!.settings).toEqual({ ...own, dateStyle: 'chinese' })
    expect(exportClient.library.save).not.toHaveBeenCalled()
    editor.undo()
    expect(editor.report!.settings).toEqual(own)
  })

  it('keeps nothing when the officer closes the save dialog', async () => {
    const report = consistentReport()
    const exportClient = mountExport(report, county())
    exportClient.exportDocx.mockResolvedValueOnce(null)
    await settle()
    byTestId('export-confirm').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledOnce()
    expect(exportClient.library.save).not.toHaveBeenCalled()
  })

  it('lists only open findings, checked with 设置’s rules, and counts the reviewed ones in a line', async () => {
    // 总体情况 over the county's 300 characters (not over the national 1,000), and nothing said of the fee (P3).
    const long = withSection(consistentReport(), 'overview', `${'我镇全面推进政务公开工作。'.repeat(30)}`)
    const base = withSection(long, 'other', '无其他需要报告的事项。')
    const settings = county()
    const rules = { deadline: { month: 1, day: 31 }, overviewCharLimit: 300, copyRatioThreshold: 0.5, overviewFigures: [], section6Items: [] }
    const warnings = checkReport(base, undefined, rules).filter((f) => f.severity === 'warning' && f.rule !== 'STALE')
    expect(warnings.map((f) => f.rule)).toContain('P1')
    const other = warnings.find((f) => f.rule !== 'P1')!
    const report = markFinding(base, other, 'dismissed', '原文如此', '2026-01-20T08:00:00.000Z')
    mountExport(report, settings)
    await settle()
    const listed = byTestId('export-group-warnings')
    expect(listed.querySelector('h3')!.textContent).toBe(`尚未处理的警告 ${warnings.length - 1} 条`)
    expect(listed.textContent).toContain('超过设置的 300 字上限')
    expect(listed.textContent).not.toContain(other.message)
    expect(byTestId('export-reviewed').textContent?.trim()).toBe('已核实或忽略的检查结果 1 条（已忽略 1 条），不再列出，可在编辑页的检查结果中查看。')
  })
})
