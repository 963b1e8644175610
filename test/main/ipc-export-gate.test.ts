/**
 * The export routes behind the gate, the PDF route over an injected printer, the fonts route, and
 * the Electron glue that prints the window (electron mocked).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWindowPrinter, PDF_OPTIONS } from '../../src/main/print'
import { consistentReport } from '../support/reports'
import { BrowserWindow } from '../support/electron-mock'
import { fontFile } from '../support/fontFile'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'

const OPTIONS = { blankCells: 'zero', signature: true } as const

function marked() {
  const report = consistentReport({ year: 2025 })
  return { ...report, sections: { ...report.sections, overview: '全年新收申请【待更新：12】件。' } }
}

describe('export routes behind the gate', () => {
  let main: TestMain
  beforeEach(async () => {
    main = await createTestMain()
  })
  afterEach(() => main.dispose())

  it('refuses a normal export of a report with marks before any dialog opens', async () => {
    const error = await refused(main.api.export.docx({ report: marked(), options: OPTIONS }))
    expect(error.message).toMatch(/^报告中还有 1 处待处理的标记（【待更新】1 处），位于一、总体情况 1 处/)
    expect(main.dialogs.opened).toEqual([])
    expect(await readdir(main.exportDir)).toEqual([])
  })

  it('writes a draft of it, named as a draft, with 草稿 in its headers', async () => {
    const target = join(main.exportDir, 'draft.docx')
    main.dialogs.answerNext('export', target)
    const written = await ok(main.api.export.docx({ report: marked(), options: { ...OPTIONS, draft: true } }))
    expect(written?.fileName).toBe('draft.docx')
    expect(main.dialogs.opened[0]?.defaultName).toBe('示例县示例镇人民政府2025年政府信息公开工作年度报告（草稿）.docx')
    const zip = await JSZip.loadAsync(await readFile(target))
    expect(await zip.file('word/header1.xml')?.async('string')).toContain('草稿')
  })

  it('prints the window to a PDF through the injected printer, where the dialog said', async () => {
    main.printer.print = async () => new TextEncoder().encode('%PDF-1.7 pages')
    main.dialogs.answerNext('export', join(main.exportDir, '年报'))
    const written = await ok(main.api.export.pdf({ unit: '示例县示例镇人民政府', year: 2025 }))
    expect(written?.fileName).toBe('年报.pdf')
    expect(main.dialogs.opened[0]?.defaultName).toBe('示例县示例镇人民政府2025年政府信息公开工作年度报告.pdf')
    expect(await readFile(join(main.exportDir, '年报.pdf'), 'utf8')).toBe('%PDF-1.7 pages')
    expect(main.printer.calls).toBe(1)
  })

  it('prints nothing when the officer cancels the dialog', async () => {
    expect(await ok(main.api.export.pdf({ unit: '示例县示例镇人民政府', year: 2025 }))).toBeNull()
    expect(main.printer.calls).toBe(0)
  })

  it('tells which official fonts are installed', async () => {
    const absent = await ok(main.api.app.checkFonts())
    expect(absent.filter((s) => !s.installed).map((s) => s.font)).toEqual(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312'])
    const folder = join(main.dir, 'fonts')
    await mkdir(folder)
    await writeFile(join(folder, 'fs.ttf'), fontFile('仿宋_GB2312'))
    main.fontFolders.push(folder)
    const present = await ok(main.api.app.checkFonts())
    expect(present.find((s) => s.font === '仿宋_GB2312')?.installed).toBe(true)
  })
})

describe('the Electron printer', () => {
  it('asks the window for an A4 PDF at the page’s own size and margins', async () => {
    const win = new BrowserWindow({})
    const printer = createWindowPrinter(() => win as never)
    const bytes = await printer.printToPdf()
    expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF/)
    expect(win.webContents.printed).toEqual([PDF_OPTIONS])
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true })
  })

  it('fails without a window', async () => {
    await expect(createWindowPrinter(() => undefined).printToPdf()).rejects.toThrow()
  })
})
