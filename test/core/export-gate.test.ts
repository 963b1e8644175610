/**
 * The export gate and what a draft looks like: the app's marks never reach a published document;
 * a draft carries 草稿 in the header of every page and each mark highlighted; the common fonts are
 * named instead of the official ones when chosen; never a font embedded.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import { describeMarks, findAppMarks, MarksRemainError, reportMarks } from '@core/export/gate'
import { COMMON_FONT, FONT } from '@core/export/gbt9704'
import type { Report } from '@core/report/report'
import { fullReport } from './export-fixture'

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const out: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = await zip.file(name)!.async('string')
  return out
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, '')

function withMarks(): Report {
  const report = fullReport()
  return {
    ...report,
    sections: {
      ...report.sections,
      overview: `全年收取政府信息公开信息处理费【待更新：12】元，新收申请【待更新：30】件。\n${report.sections.overview}`,
      problems: `上年问题一：整改情况：【待填写】\n${report.sections.problems}`,
      other: `本机关【乱码】未收取信息处理费。`
    }
  }
}

describe('the marks the app inserts', () => {
  it('finds 待更新, 待填写 and 乱码 in reading order with their spans', () => {
    const sample = '共【待更新：12】件，【乱码】，整改：【待填写】。'
    const marks = findAppMarks(sample)
    expect(marks.map((m) => [m.kind, m.text])).toEqual([
      ['stale', '【待更新：12】'],
      ['garbled', '【乱码】'],
      ['fill', '【待填写】']
    ])
    for (const m of marks) expect(sample.slice(m.start, m.end)).toBe(m.text)
  })

  it('says how many marks remain, of which kind, and in which sections', () => {
    const marks = reportMarks(withMarks())
    expect(marks).toHaveLength(4)
    expect(describeMarks(marks)).toBe(
      '报告中还有 4 处待处理的标记（【待更新】2 处、【待填写】1 处、【乱码】1 处），位于一、总体情况 2 处，五、存在的主要问题及改进情况 1 处，六、其他需要报告的事项 1 处'
    )
  })
})

describe('a normal export', () => {
  it('is refused while a mark remains, naming how many and where', async () => {
    const error = await buildDocx(withMarks()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MarksRemainError)
    expect((error as Error).message).toMatch(/^报告中还有 4 处待处理的标记.*导出草稿$/)
  })

  it('of a report without marks holds no mark and no 草稿 header', async () => {
    const xml = await parts(await buildDocx(fullReport()))
    const all = Object.values(xml).map(text).join('\n')
    expect(all).not.toMatch(/【待更新|【待填写】|【乱码】|草稿/)
    expect(Object.keys(xml).some((name) => /header/.test(name))).toBe(false)
  })
})

describe('a draft', () => {
  it('carries 草稿 in the header of odd and even pages, and highlights each mark', async () => {
    const xml = await parts(await buildDocx(withMarks(), { draft: true }))
    const document = xml['word/document.xml']!
    const refs = [...document.matchAll(/<w:headerReference w:type="(\w+)"/g)].map((m) => m[1])
    expect(refs.sort()).toEqual(['default', 'even'])
    const headers = Object.entries(xml).filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    expect(headers.length).toBeGreaterThanOrEqual(2)
    for (const [, header] of headers) expect(text(header)).toContain('草稿')
    expect(text(headers[0]![1])).toContain('【待更新】2 处')
    // Each mark is a run of its own with a yellow highlight; the text around it is not highlighted.
    for (const mark of ['【待更新：12】', '【待更新：30】', '【待填写】', '【乱码】']) {
      const run = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:highlight w:val="yellow"/>(?:(?!</w:r>).)*<w:t[^>]*>${mark}</w:t></w:r>`)
      expect(document).toMatch(run)
    }
    expect(document).toMatch(/<w:t[^>]*>全年收取政府信息公开信息处理费<\/w:t>/)
    expect((document.match(/<w:highlight /g) ?? []).length).toBe(4)
  })
})

describe('fonts', () => {
  const faces = (xml: Record<string, string>) =>
    new Set(Object.values(xml).flatMap((part) => [...part.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1])))

  it('names the official fonts by default', async () => {
    const used = faces(await parts(await buildDocx(fullReport())))
    for (const face of [FONT.title, FONT.body, FONT.heading1, FONT.heading2, FONT.song]) expect(used).toContain(face)
  })

  it('names the common substitutes instead when chosen, with the title in bold 宋体', async () => {
    const xml = await parts(await buildDocx(fullReport(), { fonts: 'common' }))
    const used = faces(xml)
    expect([...used].sort()).toEqual([...new Set([COMMON_FONT.body, COMMON_FONT.heading1, COMMON_FONT.heading2, COMMON_FONT.song])].sort())
    for (const official of ['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312']) expect(Object.values(xml).join('')).not.toContain(official)
    const title = /<w:p>(?:(?!<\/w:p>).)*年政府信息公开工作年度报告(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml['word/document.xml']!)?.[0] ?? ''
    expect(title).toContain('<w:b/>')
  })

  it('never embeds a font', async () => {
    for (const fonts of ['official', 'common'] as const) {
      const zip = await JSZip.loadAsync(await buildDocx(fullReport(), { fonts }))
      expect(Object.keys(zip.files).filter((name) => /fonts\/|\.odttf$|\.ttf$/i.test(name))).toEqual([])
      expect((await zip.file('word/fontTable.xml')?.async('string')) ?? '').not.toMatch(/embed(Regular|Bold)/)
    }
  })
})

describe('the 落款', () => {
  it('prints the unit and the 成文日期 in Arabic numerals without leading zeros, right-aligned', async () => {
    const report = { ...fullReport(), document: { publishedOn: '2026-01-20' } }
    const document = (await parts(await buildDocx(report)))['word/document.xml']!
    const paragraphs = [...document.matchAll(/<w:p>((?:(?!<\/w:p>).)*)<\/w:p>/g)].map((m) => m[1]!)
    const last = paragraphs.slice(-2)
    expect(last.map(text)).toEqual([report.unit.name, '2026年1月20日'])
    for (const p of last) expect(p).toContain('<w:jc w:val="right"/>')
  })

  it('prints the unit alone while no date is set', async () => {
    const document = (await parts(await buildDocx({ ...fullReport(), document: {} })))['word/document.xml']!
    expect(text(document)).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(text(document).trimEnd().endsWith(fullReport().unit.name)).toBe(true)
  })
})
