/** `settings …` end to end, in-process through the real CLI program. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCaptured } from '../support/cli'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCaptured(['settings', ...argv, '--library', join(dir, 'library')])

const COUNTY = {
  kind: 'nianbao-region-profile',
  version: 1,
  name: '某某县 2025 年要求',
  issuer: '某某县人民政府办公室',
  overviewCharLimit: 1500,
  blankCells: 'blank',
  headings: { level3Bold: true },
  overviewFigures: [
    { label: '本年制发行政规范性文件', cell: 't2.normative.issued', patterns: ['制发…规范性文件{n}件'] },
    { label: '政策解读', patterns: ['解读…{n}篇'] }
  ],
  section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点'] }]
}

describe('settings', () => {
  it('shows the national defaults, imports a county profile, exports it again, and resets', async () => {
    const shown = await cli('show')
    expect(shown.out).toContain('地区配置：国家默认')
    expect(shown.out).toContain('报送截止日期：次年 1 月 31 日')
    expect(shown.out).toContain('总体情况字数上限：1000 字')

    const file = join(dir, '县里下发.json')
    await writeFile(file, JSON.stringify(COUNTY))
    expect(await cli('import', file)).toMatchObject({ code: 0, out: '已导入地区配置「某某县 2025 年要求」（某某县人民政府办公室）\n' })
    const after = (await cli('show')).out
    expect(after).toContain('总体情况字数上限：1500 字')
    expect(after).toContain('空白单元格导出为：空白')
    expect(after).toContain('1. 本年制发行政规范性文件（与表二「行政规范性文件」「本年制发件数」核对）：制发…规范性文件{n}件')
    expect(after).toContain('1. 政务公开工作要点落实情况：工作要点')
    expect(after).toContain('回收站保留天数：90 天')

    const out = join(dir, '导出.json')
    expect((await cli('export', out)).out).toBe(`已导出地区配置「某某县 2025 年要求」：${out}\n`)
    const exported = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>
    expect(exported).toMatchObject({ ...COUNTY, deadline: { month: 1, day: 31 } })
    expect(Object.keys(exported).slice(0, 2)).toEqual(['kind', 'version'])
    expect((await cli('export', out)).err).toBe(`错误：文件已存在：${out}（如需覆盖，请加 --force）\n`)

    expect((await cli('reset')).out).toBe('地区配置已恢复为国家默认\n')
    expect((await cli('show')).out).toContain('地区配置：国家默认')
    // The exported file brings the county's profile back.
    await cli('import', out)
    expect(JSON.parse((await cli('show', '--json')).out)).toMatchObject({ region: { name: '某某县 2025 年要求', overviewCharLimit: 1500 } })
  })

  it.each([
    [{ ...COUNTY, overviewCharLimit: 50 }, '「总体情况字数上限」应在 200–20000 之间'],
    [{ ...COUNTY, overviewFigures: [{ label: 'x', cell: 't9.nope', patterns: ['x{n}'] }] }, '「总体情况必须写明的数字」第 1 项的「对应的表格单元格」不是已知的表格单元格（t9.nope）'],
    [{ ...COUNTY, overviewFigures: [{ label: 'x', patterns: ['没有数字'] }] }, '「查找用语」第 1 条应有且只有一个 {n}'],
    [{ ...COUNTY, blankcells: 'zero' }, '有不认识的设置项「blankcells」'],
    [{ name: '没有类型' }, '不是年报助手的设置文件'],
    [{ ...COUNTY, version: 3 }, '由更新版本的程序导出（格式版本 3）']
  ])('refuses an invalid profile in one line naming the field, changing nothing (%#)', async (content, message) => {
    await cli('import', join(dir, 'none.json')).then((r) => expect(r.err).toContain('找不到文件'))
    const file = join(dir, 'bad.json')
    await writeFile(file, JSON.stringify(content))
    const before = (await cli('show', '--json')).out
    const run = await cli('import', file)
    expect(run.code).toBe(2)
    expect(run.err.startsWith('错误：bad.json：')).toBe(true)
    expect(run.err).toContain(message)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect((await cli('show', '--json')).out).toBe(before)
  })

  it('says when the settings file itself is damaged, and works on the defaults meanwhile', async () => {
    const { mkdir } = await import('node:fs/promises')
    await mkdir(join(dir, 'library'))
    await writeFile(join(dir, 'library', 'settings.json'), '{"kind": "nianbao-settings", "version": 1, "region": {"name": 5}}')
    const shown = await cli('show')
    expect(shown.code).toBe(0)
    expect(shown.err).toMatch(/^提示：设置文件 .*settings\.json：「配置名称」应为文字；已暂用国家默认设置\n$/)
    expect(shown.out).toContain('地区配置：国家默认')
  })
})
