/**
 * The exported .docx as a word processor renders it: LibreOffice → PDF → text. Catches what the
 * XML tests cannot: a file LibreOffice refuses, page-number fields that do not evaluate.
 * Needs LibreOffice (soffice) and poppler's pdftotext, which `.ci/run` installs: it fails, never skips, without them.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import { SECTIONS } from '@core/report/sections'
import { docxToPdf, hasLibreOffice } from '../../scripts/preview-docx'
import { fullReport } from './export-fixture'

const run = promisify(execFile)
const available = await hasLibreOffice()
const work = await mkdtemp(join(tmpdir(), 'docx-render-'))

afterAll(() => rm(work, { recursive: true, force: true }))

describe('rendered by LibreOffice', () => {
  it('shows the title, the six headings and the page numbers on at least two pages', { timeout: 60_000 }, async () => {
    expect(available, 'LibreOffice (soffice) must be installed: `.ci/run` installs it').toBe(true)
    const report = fullReport()
    const docx = join(work, 'report.docx')
    await writeFile(docx, await buildDocx(report))
    const pdf = await docxToPdf(docx, work)
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'])
    // Line breaks and the spacing between CJK and digits depend on the fonts: compare without whitespace.
    const flat = stdout.replace(/\s+/g, '')
    expect(flat).toContain(`${report.unit.name}${report.year}年政府信息公开工作年度报告`)
    for (const { heading } of SECTIONS) expect(flat).toContain(heading)
    expect(flat).toContain('—1—')
    expect(flat).toContain('—2—')
    const pages = stdout.split('\f').filter((page) => page.trim().length > 0)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(flat).toContain('2026年1月9日')
  })
})
