import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport, serializeReport } from '@core/report/report'
import { consistentReport } from '../support/reports'
import { runCaptured } from '../support/cli'

const cli = (...argv: string[]) => runCaptured(argv)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const at = (name: string) => join(dir, name)

describe('new', () => {
  it('creates an empty report for the unit and year', async () => {
    const run = await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    expect(run).toMatchObject({ code: 0, err: '' })
    const report = parseReport(await readFile(at('r.json'), 'utf8'))
    expect(report.unit).toEqual({ name: '某某镇人民政府', level: 'township' })
    expect(report.year).toBe(2025)
    expect(report.values).toEqual({})
  })

  it('does not overwrite an existing file without --force', async () => {
    await writeFile(at('r.json'), 'keep me')
    const run = await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    expect(run.code).not.toBe(0)
    expect(run.err).toMatch(/^错误：文件已存在.*--force/)
    expect(await readFile(at('r.json'), 'utf8')).toBe('keep me')
    expect((await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'), '--force')).code).toBe(0)
  })

  it.each([
    [['--unit', 'x镇', '--year', '二〇二五'], '无效的年份'],
    [['--unit', 'x镇', '--year', '2025', '--level', 'village'], '无效的单位级别'],
    [['--year', '2025'], '缺少必填选项'],
    [['--unit', 'x镇', '--year', '2025', '--bogus'], '未知选项']
  ])('refuses %j in one Chinese line', async (args, message) => {
    const run = await cli('new', ...args, '-o', at('r.json'))
    expect(run.code).not.toBe(0)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toContain(message)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('cells', () => {
  it('prints every value cell as TSV and writes a TSV back', async () => {
    await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    const printed = await cli('cells', at('r.json'))
    expect(printed.code).toBe(0)
    expect(printed.out.trimEnd().split('\n')).toHaveLength(200)

    const tsv = [
      '表三\t三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密\t自然人\t0',
      '表三\t一、本年新收政府信息公开申请数量\t法人或其他组织 / 商业企业\t7',
      '表二\t行政事业性收费\t本年收费金额（单位：万元）\t0.123456',
      '表四\t行政诉讼 / 复议后起诉\t总计\t2'
    ].join('\n')
    await writeFile(at('v.tsv'), tsv)
    const set = await cli('cells', at('r.json'), '--set', at('v.tsv'))
    expect(set).toMatchObject({ code: 0, err: '' })
    const lines = (await cli('cells', at('r.json'))).out.split('\n')
    for (const line of tsv.split('\n')) expect(lines).toContain(line)
  })

  it('fills blank totals from their parts, as the editor’s 填入合计 does, and leaves typed ones', async () => {
    await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    const tsv = [
      '表三\t一、本年新收政府信息公开申请数量\t自然人\t5',
      '表三\t一、本年新收政府信息公开申请数量\t法人或其他组织 / 商业企业\t2',
      '表四\t行政复议\t结果维持\t1',
      '表四\t行政复议\t尚未审结\t2',
      '表四\t行政诉讼 / 复议后起诉\t结果维持\t1',
      '表四\t行政诉讼 / 复议后起诉\t总计\t9'
    ].join('\n')
    await writeFile(at('v.tsv'), tsv)
    const run = await cli('cells', at('r.json'), '--set', at('v.tsv'), '--fill-totals')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toContain('已写入 6 个单元格；已填入 2 个空白的合计；1 个已填写的合计与各项之和不符，未改动（check 会指出）')
    const values = parseReport(await readFile(at('r.json'), 'utf8')).values
    expect(values['t3.new.total']).toBe(7)
    expect(values['t4.review.total']).toBe(3)
    expect(values['t4.afterReview.total']).toBe(9)
    // Blank parts give no total: blank is not 0.
    expect(values['t3.carried.total']).toBeUndefined()
  })

  it('reads a TSV saved by Excel in GBK', async () => {
    await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    const gbk = Buffer.from(
      // “表二\t规章\t本年制发件数\t0” in GBK, as Excel on Chinese Windows saves tab-separated text.
      'b1edb6fe09b9e6d5c209b1bec4ead6c6b7a2bcfecafd0930',
      'hex'
    )
    await writeFile(at('v.tsv'), gbk)
    const run = await cli('cells', at('r.json'), '--set', at('v.tsv'))
    expect(run.err).toBe('')
    expect(parseReport(await readFile(at('r.json'), 'utf8')).values['t2.rules.issued']).toBe(0)
  })

  it('names the line of an unknown label or a bad value, and changes nothing', async () => {
    await cli('new', '--unit', '某某镇人民政府', '--year', '2025', '-o', at('r.json'))
    const before = await readFile(at('r.json'), 'utf8')
    await writeFile(at('v.tsv'), '表二\t规章\t本年制发件数\t1\n表三\t五、其他\t自然人\t1\n')
    const unknown = await cli('cells', at('r.json'), '--set', at('v.tsv'))
    expect(unknown.code).not.toBe(0)
    expect(unknown.err).toMatch(/^错误：.*第 2 行：找不到单元格/)
    await writeFile(at('v.tsv'), '表二\t规章\t本年制发件数\t-3\n')
    expect((await cli('cells', at('r.json'), '--set', at('v.tsv'))).err).toContain('第 1 行：“-3” 不是有效数值')
    expect(await readFile(at('r.json'), 'utf8')).toBe(before)
  })
})

describe('check', () => {
  it('passes a consistent report with exit code 0', async () => {
    await writeFile(at('r.json'), serializeReport(consistentReport()))
    const run = await cli('check', at('r.json'))
    expect(run.code).toBe(0)
    expect(run.out).not.toContain('[错误]')
  })

  it('reports a broken total with exit code 1, as text and as JSON', async () => {
    const report = consistentReport()
    report.values['t3.resultTotal.natural'] = (report.values['t3.resultTotal.natural'] ?? 0) + 1
    await writeFile(at('r.json'), serializeReport(report))
    const text = await cli('check', at('r.json'))
    expect(text.code).toBe(1)
    expect(text.out).toMatch(/\[错误\] 列合计（R3） /)
    const json = await cli('check', at('r.json'), '--json')
    expect(json.code).toBe(1)
    const parsed = JSON.parse(json.out) as { summary: { error: number }; findings: { rule: string; cells: string[] }[] }
    expect(parsed.summary.error).toBeGreaterThan(0)
    expect(parsed.findings.find((f) => f.rule === 'R3')?.cells).toContain('t3.resultTotal.natural')
  })

  it('checks the carry-over against last year with --previous', async () => {
    const last = consistentReport()
    last.year = 2024
    const report = consistentReport()
    report.values['t3.carried.natural'] = (last.values['t3.carryOver.natural'] ?? 0) + 5
    await writeFile(at('last.json'), serializeReport(last))
    await writeFile(at('r.json'), serializeReport(report))
    const json = JSON.parse((await cli('check', at('r.json'), '--previous', at('last.json'), '--json')).out) as {
      findings: { rule: string }[]
    }
    expect(json.findings.map((f) => f.rule)).toContain('X1')
  })

  it.each([
    ['a missing file', () => at('missing.json'), '找不到文件'],
    ['invalid JSON', async () => (await writeFile(at('bad.json'), '{"schemaVersion": 1,'), at('bad.json')), '不是有效的 JSON'],
    ['a newer schema', async () => (await writeFile(at('new.json'), '{"schemaVersion": 7}'), at('new.json')), '更新版本'],
    [
      'a value like 十二',
      async () => {
        const report = JSON.parse(serializeReport(consistentReport())) as { values: Record<string, unknown> }
        report.values['t3.new.natural'] = '十二'
        await writeFile(at('v.json'), JSON.stringify(report))
        return at('v.json')
      },
      '表三「一、本年新收政府信息公开申请数量」「自然人」'
    ],
    ['a folder', () => dir, '文件夹']
  ])('refuses %s in one Chinese line', async (_name, make, message) => {
    const run = await cli('check', await make())
    expect(run.code).toBe(2)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toMatch(/^错误：/)
    expect(run.err).toContain(message)
  })
})

describe('export', () => {
  it('writes a .docx holding the report', async () => {
    await writeFile(at('r.json'), serializeReport(consistentReport()))
    const run = await cli('export', at('r.json'), '-o', at('r.docx'))
    expect(run).toMatchObject({ code: 0, err: '' })
    const zip = await JSZip.loadAsync(await readFile(at('r.docx')))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('政府信息公开工作年度报告')
  })

  it('leaves no output and no temp file when the input is bad', async () => {
    await writeFile(at('r.json'), '{"schemaVersion": 1}')
    const run = await cli('export', at('r.json'), '-o', at('r.docx'))
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/^错误：/)
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('keeps the previous .docx when the target folder is missing or unwritable', async () => {
    await writeFile(at('r.json'), serializeReport(consistentReport()))
    const run = await cli('export', at('r.json'), '-o', join(dir, 'no-such-folder', 'r.docx'))
    expect(run.code).toBe(2)
    expect(run.err).toContain('保存位置不存在')
  })
})

describe('the real process', () => {
  const exec = promisify(execFile)
  const run = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: process.cwd() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr })
    )

  it('exits non-zero with one Chinese line and no stack trace on bad input', async () => {
    const result = await run('check', at('missing.json'))
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(`错误：找不到文件：${at('missing.json')}`)
  })

  it('runs new → cells --set → check → export end to end', async () => {
    expect((await run('new', '--unit', '某某街道办事处', '--year', '2025', '-o', at('r.json'))).code).toBe(0)
    await writeFile(at('v.tsv'), '表三\t一、本年新收政府信息公开申请数量\t自然人\t3\n')
    expect((await run('cells', at('r.json'), '--set', at('v.tsv'))).code).toBe(0)
    const check = await run('check', at('r.json'))
    expect(check.code).toBe(1) // 3 new applications and no outcome: R1 and R2 are broken
    expect(check.stdout).toContain('R1')
    expect((await run('export', at('r.json'), '-o', at('r.docx'))).code).toBe(0)
    expect((await readFile(at('r.docx'))).subarray(0, 2).toString()).toBe('PK')
  })
})
