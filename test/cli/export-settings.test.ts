/**
 * The region's print options on the CLI: `export --settings FILE | --library DIR` fills what the
 * report does not record (三级标题 bold, the 落款's date style and place), the report's own choice
 * and the options given on the command line win; `new` and `next-year` start from the profile.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport, serializeReport, type Report } from '@core/report/report'
import { consistentReport } from '../support/reports'
import { runCaptured } from '../support/cli'

const cli = (...argv: string[]) => runCaptured(argv)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-print-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})
const at = (name: string) => join(dir, name)

const COUNTY = {
  kind: 'nianbao-region-profile',
  version: 1,
  name: '某某县 2025 年要求',
  blankCells: 'blank',
  headings: { level3Bold: true },
  signature: { include: true, dateStyle: 'chinese', align: 'right' }
}

/** A report saved before the layout options existed: only blank cells and the 落款 switch recorded. */
function oldReport(): Report {
  const report = consistentReport()
  return {
    ...report,
    sections: { ...report.sections, overview: `1.加强组织领导。${report.sections.overview}` },
    settings: { blankCells: 'zero', signature: true }
  }
}

async function save(name: string, report: Report): Promise<string> {
  await writeFile(at(name), serializeReport(report))
  return at(name)
}

async function saveProfile(): Promise<string> {
  await writeFile(at('county.json'), JSON.stringify(COUNTY))
  return at('county.json')
}

/** document.xml's paragraphs: their text, whether the first run is bold, and the alignment's indent. */
async function paragraphs(path: string): Promise<{ text: string; bold: boolean; right: string | null }[]> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    text: [...p!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    bold: /^[\s\S]*?<w:r>\s*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:b\/>/.test(p!),
    right: /<w:ind [^>]*w:right="(\d+)"/.exec(p!)?.[1] ?? null
  }))
}

async function tablesXml(path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].join('')
}

describe('export with the region’s settings', () => {
  it('without settings: the national defaults for what the report does not record', async () => {
    const path = await save('r.json', oldReport())
    expect((await cli('export', path, '-o', at('x.docx'))).code).toBe(0)
    const ps = await paragraphs(at('x.docx'))
    expect(ps.find((p) => p.text.startsWith('1.加强组织领导'))!.bold).toBe(false)
    const date = ps.at(-1)!
    expect(date.text).toBe('2026年1月20日')
    expect(Number(date.right)).toBeGreaterThan(0)
  })

  it('--settings: 三级标题 bold, the date in Chinese numerals, flush right; blank cells stay as the report chose', async () => {
    const { 't3.new.natural': _blank, ...values } = oldReport().values
    const path = await save('r.json', { ...oldReport(), values })
    expect((await cli('export', path, '-o', at('national.docx'))).code).toBe(0)
    const run = await cli('export', path, '-o', at('x.docx'), '--settings', await saveProfile())
    expect(run).toMatchObject({ code: 0, err: '' })
    const ps = await paragraphs(at('x.docx'))
    const level3 = ps.find((p) => p.text.startsWith('1.加强组织领导'))!
    expect(level3.bold).toBe(true)
    const [name, date] = ps.slice(-2)
    expect(name!.text).toBe('示例县示例镇人民政府')
    expect(date!.text).toBe('二〇二六年一月二十日')
    for (const p of [name!, date!]) expect(p.right ?? '0').toBe('0')
    // The report records 填 0: the profile's 留空 does not override the officer's choice.
    expect(await tablesXml(at('x.docx'))).toBe(await tablesXml(at('national.docx')))
  })

  it('--library reads the settings the app keeps there', async () => {
    const library = at('library')
    await mkdir(library)
    const imported = await cli('settings', 'import', await saveProfile(), '--library', library)
    expect(imported.code).toBe(0)
    const path = await save('r.json', oldReport())
    expect((await cli('export', path, '-o', at('x.docx'), '--library', library)).code).toBe(0)
    expect((await paragraphs(at('x.docx'))).at(-1)!.text).toBe('二〇二六年一月二十日')
  })

  it('the report’s own options win over the settings, and the command line over both', async () => {
    const own = { ...oldReport(), settings: { blankCells: 'zero', signature: true, level3Bold: false, dateStyle: 'arabic', signatureAlign: 'gbt9704' } } as const
    const path = await save('r.json', own)
    const profile = await saveProfile()
    expect((await cli('export', path, '-o', at('own.docx'), '--settings', profile)).code).toBe(0)
    let ps = await paragraphs(at('own.docx'))
    expect(ps.find((p) => p.text.startsWith('1.加强组织领导'))!.bold).toBe(false)
    expect(ps.at(-1)!.text).toBe('2026年1月20日')

    const run = await cli('export', path, '-o', at('given.docx'), '--settings', profile, '--level3-bold', '--date-style', 'chinese', '--signature-align', 'right')
    expect(run.code).toBe(0)
    ps = await paragraphs(at('given.docx'))
    expect(ps.find((p) => p.text.startsWith('1.加强组织领导'))!.bold).toBe(true)
    expect(ps.at(-1)).toMatchObject({ text: '二〇二六年一月二十日' })
    expect(ps.at(-1)!.right ?? '0').toBe('0')

    const plain = await cli('export', path, '-o', at('plain.docx'), '--no-level3-bold', '--no-signature')
    expect(plain.code).toBe(0)
    ps = await paragraphs(at('plain.docx'))
    expect(ps.find((p) => p.text.startsWith('1.加强组织领导'))!.bold).toBe(false)
    expect(ps.map((p) => p.text)).not.toContain('示例县示例镇人民政府')
  })

  it('refuses a bad option value or settings file in one Chinese line, writing nothing', async () => {
    const path = await save('r.json', oldReport())
    const bad = await cli('export', path, '-o', at('x.docx'), '--date-style', 'roman')
    expect(bad.code).not.toBe(0)
    expect(bad.err).toBe('错误：--date-style 的取值应为 arabic 或 chinese：roman\n')
    await writeFile(at('bad.json'), JSON.stringify({ ...COUNTY, signature: { align: 'left' } }))
    const invalid = await cli('export', path, '-o', at('x.docx'), '--settings', at('bad.json'))
    expect(invalid.code).not.toBe(0)
    expect(invalid.err).toMatch(/^错误：bad\.json：「落款」的「位置」应为 gbt9704（按国家标准）或 right（右对齐）\n$/)
    const both = await cli('export', path, '-o', at('x.docx'), '--settings', at('bad.json'), '--library', dir)
    expect(both.err).toBe('错误：--library 与 --settings 只能指定其一\n')
    await expect(readFile(at('x.docx'))).rejects.toThrow()
  })
})

describe('new and next-year start from the settings', () => {
  it('records every print option of the profile in a new report and a next-year draft', async () => {
    const profile = await saveProfile()
    const expected = { blankCells: 'blank', signature: true, level3Bold: true, dateStyle: 'chinese', signatureAlign: 'right' }
    expect((await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('new.json'), '--settings', profile)).code).toBe(0)
    expect(parseReport(await readFile(at('new.json'), 'utf8')).settings).toEqual(expected)

    const last = await save('last.json', oldReport())
    expect((await cli('next-year', last, '-o', at('next.json'), '--settings', profile)).code).toBe(0)
    expect(parseReport(await readFile(at('next.json'), 'utf8')).settings).toEqual(expected)
    // Without settings, a next-year draft keeps last year's options (core's carry-over).
    expect((await cli('next-year', last, '-o', at('kept.json'))).code).toBe(0)
    expect(parseReport(await readFile(at('kept.json'), 'utf8')).settings).toEqual({ blankCells: 'zero', signature: true })
  })
})
