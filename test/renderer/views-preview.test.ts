/** The print preview and the export flow (options, confirmation of errors, the folder). */
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createReport, type Report } from '../../src/core/report/report'
import ReportPage from '../../src/renderer/src/components/preview/ReportPage.vue'
import ExportDialog from '../../src/renderer/src/components/preview/ExportDialog.vue'
import { consistentReport, withValues } from '../support/reports'
import { bodyText, buttonByText, byTestId, fakeExport, fakeLibrary, mountView, settle } from './views-fakes'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

function sampleReport(blankCells: 'zero' | 'blank' = 'zero'): Report {
  const report = createReport({ unit: '示例县示例镇人民政府', year: 2025, level: 'township' })
  return {
    ...report,
    sections: {
      ...report.sections,
      overview: '2025年，我镇深入贯彻落实《条例》。\n（一）主动公开。全年主动公开政府信息120条。',
      problems: '（一）存在的主要问题\n一是公开内容不够全面。'
    },
    values: { 't3.new.natural': 12, 't2.fees.amount': 1.25 },
    settings: { blankCells, signature: true },
    document: { publishedOn: '2026-01-20' }
  }
}

function valueCell(id: string): string {
  const cell = document.body.querySelector(`td[data-cell="${id}"]`)
  if (!cell) throw new Error(`no cell ${id}`)
  return cell.textContent?.trim() ?? ''
}

describe('ReportPage', () => {
  it('lays out the title, the headings, the paragraphs and the three tables', async () => {
    wrapper = mountView(ReportPage, { props: { report: sampleReport() } }).wrapper
    await settle()
    const page = document.body.querySelector('.report-page')!
    expect(page.querySelector('h1')!.textContent).toContain('2025年政府信息公开工作年度报告')
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项'
    ])
    const subheadings = [...page.querySelectorAll('.report-page__subheading')].map((s) => s.textContent)
    expect(subheadings).toEqual(['（一）主动公开。', '（一）存在的主要问题'])
    expect(page.textContent).toContain('全年主动公开政府信息120条。')
    expect(page.querySelectorAll('table.report-table')).toHaveLength(3)
    // The official merges: 表三's corner spans its three label columns.
    expect(page.querySelector('table[data-table="t3"] th[colspan="3"]')).not.toBeNull()
    expect(page.querySelector('.report-page__signature')!.textContent).toContain('2026年1月20日')
  })

  it('prints blank cells as 0, or leaves them blank when the report says so', async () => {
    wrapper = mountView(ReportPage, { props: { report: sampleReport() } }).wrapper
    await settle()
    expect(valueCell('t3.new.natural')).toBe('12')
    expect(valueCell('t2.fees.amount')).toBe('1.25')
    expect(valueCell('t3.new.total')).toBe('0')
    expect(valueCell('t4.review.upheld')).toBe('0')
    wrapper.unmount()

    wrapper = mountView(ReportPage, { props: { report: sampleReport('blank') } }).wrapper
    await settle()
    expect(valueCell('t3.new.total')).toBe('')
    expect(valueCell('t3.new.natural')).toBe('12')
  })
})

describe('ExportDialog', () => {
  function mountExport(report: Report) {
    const exportClient = fakeExport()
    const mounted = mountView(ExportDialog, {
      props: { report, show: true },
      clients: { export: exportClient, library: fakeLibrary([]) }
    })
    wrapper = mounted.wrapper
    return exportClient
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

  it('asks before exporting a report with errors, and cancelling exports nothing', async () => {
    const broken = withValues(consistentReport(), { 't3.public.total': 999 })
    const exportClient = mountExport(broken)
    await settle()
    byTestId('export-confirm').click()
    await settle()
    expect(byTestId('export-error-count').textContent).toMatch(/报告中还有 \d+ 个错误，仍要导出吗？/)
    expect(bodyText()).toContain('总计')
    byTestId('export-cancel').click()
    await settle()
    expect(exportClient.exportDocx).not.toHaveBeenCalled()
  })

  it('exports anyway after the confirmation, with the chosen options', async () => {
    const broken = withValues(consistentReport(), { 't3.public.total': 999 })
    const exportClient = mountExport(broken)
    await settle()
    document.body.querySelector<HTMLInputElement>('input[name="blank-cells"][value="blank"]')!.click()
    await settle()
    byTestId('export-confirm').click()
    await settle()
    byTestId('export-anyway').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(broken, { blankCells: 'blank', signature: true })
  })

  it('exports a clean report straight away and opens its folder on request', async () => {
    const exportClient = mountExport(consistentReport())
    await settle()
    byTestId('export-confirm').click()
    await settle()
    expect(exportClient.exportDocx).toHaveBeenCalledWith(expect.anything(), { blankCells: 'zero', signature: true })
    expect(bodyText()).toContain('已导出 Word 文档')
    // Bottom-right, clear of the header's “导出 Word…” button.
    expect(document.body.querySelector('.n-notification-container--bottom-right')?.textContent).toContain('已导出 Word 文档')
    buttonByText('打开所在文件夹').click()
    await settle()
    expect(exportClient.showInFolder).toHaveBeenCalledWith('tok-1')
  })
})
