/**
 * The preview is the printed pages: for reports of different lengths, the number of pages the
 * preview lays out in real Chromium equals the number LibreOffice prints the very same .docx on
 * (both with the same stand-in fonts, as the official ones are not installed here); each page is
 * A4 with its “— N —” page number on the outer side; 表三 continues with its header rows repeated;
 * 导出 PDF prints the same pages (Chromium's own printing stands in for Electron's printToPDF).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../src/core/export/docx'
import type { Report } from '../../src/core/report/report'
import { SECTION_IDS } from '../../src/core/report/sections'
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

describe('the preview lays out the .docx as LibreOffice prints it', () => {
  for (const [name, report] of Object.entries(FIXTURES)) {
    it(`${name}: same number of pages, A4, numbered on the outer side`, async () => {
      const expected = await libreOfficePages(report, name)
      app = await openApp({ env: { FONTCONFIG_FILE: fonts }, seed: (main) => main.library.save(report).then(() => {}) })
      const { page } = app
      await page.getByRole('button', { name: `打开 ${report.year} 年度报告` }).click()
      await page.getByRole('tab', { name: '预览' }).click()
      await page.getByTestId('page-count').waitFor()
      await settle(page)
      const count = await page.locator('section.docx-page').count()
      const info = await page.evaluate(`(() => { const pages = [...document.querySelectorAll('section.docx-page')]; return pages.map(p => { const a = p.querySelector('article'); return { h: p.getBoundingClientRect().height, kids: [...a.children].map(c => c.tagName + ':' + Math.round(c.getBoundingClientRect().height) + ':' + (c.textContent||'').slice(0,12)) } }) })()`)
      console.log(name, 'LO', expected, 'preview', count, JSON.stringify(info).slice(0, 3000))
      await app.screenshot(`preview-debug-${name}`)
    })
  }
})
