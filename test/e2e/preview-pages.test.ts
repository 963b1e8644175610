/**
 * The preview is the printed pages: for reports of different lengths, the number of pages the
 * preview lays out in real Chromium equals the number LibreOffice prints the very same .docx on
 * (both with the same stand-in fonts, as the official ones are not installed here); each page is
 * A4 with its “— N —” page number on the outer side; 表三 continues with its header rows repeated;
 * 导出 PDF prints the same pages (Chromium's own printing stands in for Electron's printToPDF).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import type { Report } from '@core/report/report'
import { SECTION_IDS } from '@core/report/sections'
import { docxToPdf, fontconfig } from '../../scripts/preview-docx'
import { consistentReport } from '../support/reports'
import { openApp, type App } from './support/harness'
import { settle } from './support/officer'

const run = promisify(execFile)
let work: string
let fonts: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'preview-pages-'))
  fonts = join(work, 'fonts.conf')
  await writeFile(fonts, fontconfig())
})
afterAll(() => rm(work, { recursive: true, force: true }))

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const SENTENCE =
  '本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读回应、政务新媒体管理和政府信息公开平台建设，持续推进决策、执行、管理、服务、结果公开，2025年共主动公开政府信息326条，办理政府信息公开申请12件，均在法定期限内答复。'

function paragraphs(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => `（${'一二三四五六七八九十'[i % 10]}）${SENTENCE.slice(0, 40 + ((i * 37 + seed * 11) % 90))}。${SENTENCE.slice(0, 30 + ((i * 53 + seed) % 70))}`).join('\n')
}

/** Reports from a page or two of text to many: different places for every break. */
const FIXTURES: Record<string, Report> = {
  short: { ...consistentReport(), document: { publishedOn: '2026-01-20' } },
  typical: {
    ...consistentReport(),
    document: { publishedOn: '2026-01-20' },
    sections: Object.fromEntries(SECTION_IDS.map((id, i) => [id, paragraphs(3 + i, i)])) as Report['sections']
  },
  long: {
    ...consistentReport({ unit: '某某市某某区某某街道办事处' }),
    document: { publishedOn: '2026-01-09' },
    sections: Object.fromEntries(SECTION_IDS.map((id, i) => [id, paragraphs(9 + 2 * i, 7 * i + 3)])) as Report['sections']
  }
}

async function libreOfficePages(report: Report, name: string): Promise<number> {
  const docx = join(work, `${name}.docx`)
  await writeFile(docx, await buildDocx(report))
  const pdf = await docxToPdf(docx, work)
  const { stdout } = await run('pdfinfo', [pdf])
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])
}

interface PageFacts {
  width: number
  height: number
  footer: string
  footerAlign: string
  repeatedT3Header: boolean
}

describe('the preview lays out the .docx as LibreOffice prints it', () => {
  for (const [name, report] of Object.entries(FIXTURES)) {
    it(`${name}: as many A4 pages as LibreOffice prints, numbered on the outer side; the PDF has the same pages`, async () => {
      const expected = await libreOfficePages(report, name)
      app = await openApp({ env: { FONTCONFIG_FILE: fonts }, seed: (main) => main.library.save(report).then(() => {}) })
      const { page } = app
      await page.getByRole('button', { name: `打开 ${report.year} 年度报告` }).click()
      await page.getByRole('tab', { name: '预览' }).click()
      await page.getByTestId('page-count').waitFor()
      await settle(page)
      const pages = (await page.evaluate(`[...document.querySelectorAll('section.docx-page')].map((p) => {
        const box = p.getBoundingClientRect();
        const footer = p.querySelector(':scope > footer p');
        const firstTable = p.querySelector('article > table');
        return {
          width: box.width, height: box.height,
          footer: footer?.textContent ?? '',
          footerAlign: footer ? getComputedStyle(footer).textAlign : '',
          repeatedT3Header: !!firstTable && p.querySelector('article').firstElementChild === firstTable && firstTable.textContent.includes('申请人情况')
        };
      })`)) as PageFacts[]
      expect(pages.length, `${name}: LibreOffice prints ${expected} pages`).toBe(expected)
      expect(await page.getByTestId('page-count').innerText()).toBe(`共 ${expected} 页`)
      pages.forEach((facts, i) => {
        // A4 at 96 px per inch: 210 × 297 mm.
        expect(facts.width).toBeCloseTo((210 / 25.4) * 96, 0)
        expect(facts.height).toBeCloseTo((297 / 25.4) * 96, 0)
        expect(facts.footer.replace(/\s+/g, '')).toBe(`—${i + 1}—`)
        expect(facts.footerAlign).toBe(i % 2 === 0 ? 'right' : 'left')
      })
      await page.locator('section.docx-page').first().scrollIntoViewIfNeeded()
      await app.screenshot(`preview-${name}`)

      // 导出 PDF: main prints the window; here Chromium's own printing stands in for printToPDF.
      app.main.printer.print = async () => new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
      const target = join(work, `${name}-preview.pdf`)
      app.setNextDialogAnswer('export', target)
      await page.getByTestId('preview-pdf').click()
      await page.getByText('已导出 PDF').waitFor()
      const { stdout } = await run('pdfinfo', [target])
      expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBe(expected)
      expect(stdout).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/)
      const { stdout: text } = await run('pdftotext', [target, '-'])
      expect(text.replace(/\s+/g, '')).toContain(`—${expected}—`)
      expect(text).not.toContain('返回编辑')
      expect(app.errors()).toEqual([])
    })
  }

  it('shows 表三 continuing on the next page under its repeated header rows', async () => {
    const report = FIXTURES.typical!
    app = await openApp({ env: { FONTCONFIG_FILE: fonts }, seed: (main) => main.library.save(report).then(() => {}) })
    const { page } = app
    await page.getByRole('button', { name: `打开 ${report.year} 年度报告` }).click()
    await page.getByRole('tab', { name: '预览' }).click()
    await page.getByTestId('page-count').waitFor()
    const t3Pieces = await page.locator('section.docx-page article > table', { hasText: '一、本年新收' }).count()
    const continued = await page.locator('section.docx-page article > table', { hasText: '四、结转下年度继续办理' })
    expect(t3Pieces).toBe(1)
    // The continuation starts its page with the three header rows (the 勾稽关系 note, 申请人情况 …).
    const split = await page.evaluate(`[...document.querySelectorAll('section.docx-page article > table')].filter((t) => t.textContent.includes('申请人情况')).map((t) => ({ first: t === t.parentElement.firstElementChild, rows: t.rows.length, header: t.rows[0].textContent.includes('勾稽关系') }))`)
    expect(split).toEqual([
      { first: false, rows: expect.any(Number), header: true },
      { first: true, rows: expect.any(Number), header: true }
    ])
    await continued.first().scrollIntoViewIfNeeded()
    await app.screenshot('preview-table-continued')
  })
})
