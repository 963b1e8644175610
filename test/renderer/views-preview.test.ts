/**
 * The export dialog: what remains, grouped (marks, errors, warnings), each line jumping to its
 * place; only 导出草稿 while marks remain; the options; the folder. The preview's pages are tested
 * in real Chromium (test/e2e/preview-pages.test.ts): happy-dom has no layout to measure.
 */
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Report } from '../../src/core/report/report'
import ExportDialog from '../../src/renderer/src/components/preview/ExportDialog.vue'
import { consistentReport, withValues } from '../support/reports'
import { bodyText, buttonByText, byTestId, fakeExport, fakeLibrary, mountView, settle } from './views-fakes'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

describe('ExportDialog', () => {
  function mountExport(report: Report) {
    const exportClient = fakeExport()
    const jumps: unknown[] = []
    const mounted = mountView(ExportDialog, {
      props: { report, show: true, onJump: (target: unknown) => jumps.push(target) },
      clients: { export: exportClient, library: fakeLibrary([]) }
    })
    wrapper = mounted.wrapper
    return Object.assign(exportClient, { jumps })
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
    expect(exportClient.exportDocx).toHaveBeenCalledWith(broken, { blankCells: 'blank', signature: true, draft: false, fonts: 'official' })
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
    wrapper!.unmount()
    document.body.innerHTML = ''

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
    expect(exportClient.exportDocx).toHaveBeenCalledWith(expect.anything(), { blankCells: 'zero', signature: true, draft: false, fonts: 'official' })
    expect(bodyText()).toContain('已导出 Word 文档')
    // Bottom-right, clear of the header's “导出 Word…” button.
    expect(document.body.querySelector('.n-notification-container--bottom-right')?.textContent).toContain('已导出 Word 文档')
    buttonByText('打开所在文件夹').click()
    await settle()
    expect(exportClient.showInFolder).toHaveBeenCalledWith('tok-1')
  })
})
