/** `export` behind the gate (marks → exit 1, nothing written; `--draft` writes a marked draft) and `set`. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
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
  dir = await mkdtemp(join(tmpdir(), 'cli-gate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})
const at = (name: string) => join(dir, name)

async function save(name: string, report: Report): Promise<string> {
  await writeFile(at(name), serializeReport(report))
  return at(name)
}

function marked(): Report {
  const report = consistentReport()
  return {
    ...report,
    sections: {
      ...report.sections,
      overview: `${report.sections.overview}\n全年新收申请【待更新：12】件，办结【待更新：11】件。`,
      problems: `上年问题整改情况：【待填写】\n${report.sections.problems}`
    }
  }
}

async function documentXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path))
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
}

describe('export behind the gate', () => {
  it('refuses a report with marks: exit 1, one Chinese line naming how many and where, nothing written', async () => {
    const path = await save('r.json', marked())
    const run = await cli('export', path, '-o', at('x.docx'))
    expect(run.code).toBe(1)
    expect(run.out).toBe('')
    const lines = run.err.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^错误：.*r\.json：报告中还有 3 处待处理的标记（【待更新】2 处、【待填写】1 处），位于一、总体情况 2 处，五、存在的主要问题及改进情况 1 处；.*--draft/)
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('writes a draft with --draft: 草稿 on every page, the marks kept and highlighted', async () => {
    const path = await save('r.json', marked())
    const run = await cli('export', path, '-o', at('draft.docx'), '--draft')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toContain('已导出草稿')
    const zip = await JSZip.loadAsync(await readFile(at('draft.docx')))
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))
    expect(headers.length).toBeGreaterThanOrEqual(2)
    for (const name of headers) expect(await zip.file(name)!.async('string')).toContain('草稿')
    expect(await zip.file('word/document.xml')!.async('string')).toContain('<w:highlight w:val="yellow"/>')
    expect(await documentXml(at('draft.docx'))).toContain('【待更新：12】')
  })

  it('exports a report without marks normally, with the common fonts on request', async () => {
    const path = await save('r.json', consistentReport())
    const run = await cli('export', path, '-o', at('x.docx'), '--common-fonts')
    expect(run).toMatchObject({ code: 0, err: '' })
    const zip = await JSZip.loadAsync(await readFile(at('x.docx')))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).not.toContain('仿宋_GB2312')
    expect(xml).toContain('w:eastAsia="楷体"')
  })
})

describe('set', () => {
  it('sets the 成文日期, which the 落款 then prints as 2026年1月20日', async () => {
    const path = await save('r.json', { ...consistentReport(), document: {} })
    const run = await cli('set', path, '--date', '2026-01-20')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toContain('成文日期 2026年1月20日')
    expect(parseReport(await readFile(path, 'utf8')).document.publishedOn).toBe('2026-01-20')
    expect((await cli('export', path, '-o', at('x.docx'))).code).toBe(0)
    expect((await documentXml(at('x.docx'))).trimEnd()).toMatch(/2026年1月20日$/)
  })

  it('sets the unit and the 文号 together, and clears a field with an empty value', async () => {
    const path = await save('r.json', consistentReport())
    expect((await cli('set', path, '--unit', '  某某县某某镇人民政府 ', '--number', '某政办〔2026〕3号')).code).toBe(0)
    let report = parseReport(await readFile(path, 'utf8'))
    expect(report.unit.name).toBe('某某县某某镇人民政府')
    expect(report.document.number).toBe('某政办〔2026〕3号')
    expect((await cli('set', path, '--number', '', '--date', '')).code).toBe(0)
    report = parseReport(await readFile(path, 'utf8'))
    expect(report.document).toEqual({})
  })

  it.each([
    [['--date', '2026-02-30'], '无效的日期“2026-02-30”'],
    [['--date', '20260120'], '无效的日期'],
    [['--date', '2026-13-01'], '无效的日期'],
    [['--unit', '  '], '单位名称不能为空'],
    [['--date', '2026-01-20', '--unit', ''], '单位名称不能为空'],
    [[], '请至少给出']
  ])('refuses %j in one Chinese line and changes nothing', async (args, message) => {
    const path = await save('r.json', consistentReport())
    const before = await readFile(path, 'utf8')
    const run = await cli('set', path, ...args)
    expect(run.code).not.toBe(0)
    expect(run.err).toMatch(new RegExp(`^错误：${message}`))
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('accepts the date as officers write it', async () => {
    const path = await save('r.json', consistentReport())
    for (const written of ['2026/1/20', '2026.1.20', '2026年1月20日']) {
      expect((await cli('set', path, '--date', written)).code).toBe(0)
      expect(parseReport(await readFile(path, 'utf8')).document.publishedOn).toBe('2026-01-20')
    }
  })
})
