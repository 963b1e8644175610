import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport } from '@core/report/report'
import { consistentReport } from '../support/reports'
import { runCaptured } from '../support/cli'

const cli = (...argv: string[]) => runCaptured(argv)

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-import-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})
const at = (name: string) => join(dir, name)

interface ImportJson {
  unit: string
  year: number | null
  generation: string
  sections: { heading: string; chars: number }[]
  values: { table: string; row: string; column: string; value: string; confidence: number; source: string }[]
  legacy: { label: string; values: Record<string, string> }[]
  missing: string[]
  warnings: string[]
}

describe('import', () => {
  it('prints the recognised report in the documented JSON shape', async () => {
    const run = await cli('import', fixture('same-report/report.docx'), '--json')
    expect(run).toMatchObject({ code: 0, err: '' })
    const json = JSON.parse(run.out) as ImportJson
    const expected = consistentReport()
    expect(Object.keys(json)).toEqual(['unit', 'year', 'generation', 'sections', 'values', 'legacy', 'missing', 'warnings'])
    expect(json).toMatchObject({ unit: expected.unit.name, year: expected.year, generation: '2021', missing: [] })
    expect(json.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
    )
    expect(json.values).toHaveLength(200)
    const secret = json.values.find((v) => v.table === '表三' && v.row === '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密' && v.column === '自然人')
    expect(secret?.value).toBe(String(expected.values['t3.stateSecret.natural']))
    expect(secret?.confidence).toBeGreaterThan(0.5)
    expect(secret?.confidence).toBeLessThanOrEqual(1)
    expect(secret?.source).toMatch(/第 \d+ 块/)
  })

  it('writes a report that cells, check and export accept: import → export gives the standard document', async () => {
    await copyFile(fixture('same-report/report.pdf'), at('last.pdf'))
    const run = await cli('import', at('last.pdf'), '-o', at('last.json'))
    expect(run.code).toBe(0)
    expect(run.out).toContain('单位：')
    expect(run.out).toContain('格式：2021 年版国家格式')
    const report = parseReport(await readFile(at('last.json'), 'utf8'))
    expect(report.values['t3.new.total']).toBe(consistentReport().values['t3.new.total'])
    expect((await cli('cells', at('last.json'))).out.split('\n')).toContain(
      `表三\t一、本年新收政府信息公开申请数量\t总计\t${consistentReport().values['t3.new.total']}`
    )
    expect((await cli('check', at('last.json'))).code).toBe(0)
    expect((await cli('export', at('last.json'), '-o', at('out.docx'))).code).toBe(0)
  })

  it('reads a pre-2019 report: legacy statistics kept, values flagged approximate', async () => {
    const json = JSON.parse((await cli('import', fixture('legacy/xiamei-2016.txt'), '--json')).out) as ImportJson
    expect(json.generation).toBe('pre-2019')
    expect(json.year).toBe(2016)
    expect(json.unit).toContain('霞美镇')
    expect(json.legacy.length).toBeGreaterThan(0)
  })

  it.each([
    ['an empty file', 'empty.docx', Buffer.alloc(0), '文件是空的'],
    ['random bytes named .docx', 'random.docx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), '.docx'],
    ['an unknown binary', 'blob.bin', Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9]), '无法识别']
  ])('refuses %s in one Chinese line and writes nothing', async (_name, file, bytes, message) => {
    await writeFile(at(file), bytes)
    const run = await cli('import', at(file), '-o', at('out.json'))
    expect(run.code).toBe(2)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toMatch(/^错误：/)
    expect(run.err).toContain(message)
    expect(await readdir(dir)).toEqual([file])
  })

  it('reads pasted text from standard input with “-”', async () => {
    const text = await readFile(fixture('text/report.utf8.txt'), 'utf8')
    const exec = promisify(execFile)
    const child = exec(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', '-', '--json'], { cwd: process.cwd() })
    child.child.stdin?.end(text)
    const { stdout } = await child
    const json = JSON.parse(stdout) as ImportJson
    expect(json.generation).toBe('2021')
    expect(json.values.length).toBeGreaterThan(150)
  })
})
