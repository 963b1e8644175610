/** `library …` end to end, in-process through the real CLI program. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport, serializeReport, type Report } from '@core/report/report'
import { consistentReport, withSection } from '../support/reports'
import { runCaptured } from '../support/cli'

const cli = (...argv: string[]) => runCaptured(['library', ...argv, '--library', dir])

let dir: string
let work: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-library-'))
  work = await mkdtemp(join(tmpdir(), 'cli-work-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(work, { recursive: true, force: true })
})

const UNIT = '示例县示例镇人民政府'
const version = (n: number, base: Report = consistentReport()): Report => withSection(base, 'other', `第 ${n} 版`)

async function reportFile(report: Report, name = 'r.json'): Promise<string> {
  const path = join(work, name)
  await writeFile(path, serializeReport(report))
  return path
}

describe('library', () => {
  it('adds, lists, opens and writes out a report', async () => {
    expect((await cli('list')).out).toContain('资料库中还没有报告')
    expect(await cli('add', await reportFile(version(1)))).toMatchObject({ code: 0, err: '', out: `已收入资料库：${UNIT} 2025 年度报告\n` })
    await cli('add', await reportFile(consistentReport({ unit: '某市交通运输局', year: 2024, level: 'city' })))

    const list = await cli('list')
    const lines = list.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^单位\s+级别\s+年度\s+状态\s+更新时间$/)
    expect(lines.slice(2, 4).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['某市交通运输局', '市级', '2024', '正常'],
      [UNIT, '乡镇（街道）', '2025', '正常']
    ])
    expect(lines[4]).toBe('共 2 个单位，2 份报告')
    const json = JSON.parse((await cli('list', '--json')).out) as { name: string; years: { year: number }[] }[]
    expect(json.map((u) => [u.name, u.years.map((y) => y.year)])).toEqual([
      ['某市交通运输局', [2024]],
      [UNIT, [2025]]
    ])

    const printed = await cli('open', UNIT, '2025')
    expect(parseReport(printed.out)).toEqual(version(1))
    const out = join(work, 'out.json')
    expect((await cli('open', UNIT, '2025', '-o', out)).out).toBe(`已写入：${out}\n`)
    expect(parseReport(await readFile(out, 'utf8'))).toEqual(version(1))
    expect((await cli('open', UNIT, '2025', '-o', out)).err).toMatch(/^错误：文件已存在/)
  })

  it('refuses to replace a report on add without --force, and backs it up with it', async () => {
    await cli('add', await reportFile(version(1)))
    const again = await cli('add', await reportFile(version(2)))
    expect(again.code).toBe(2)
    expect(again.err).toBe(`错误：资料库中已有「${UNIT}」2025 年度报告（如需覆盖，请加 --force；原版本会自动备份）\n`)
    const forced = await cli('add', await reportFile(version(2)), '--force')
    expect(forced.out).toMatch(/（原版本已备份为 \d{8}T\d{9}Z）/)
  })

  it('shows the history and restores a backup', async () => {
    await cli('add', await reportFile(version(1)))
    expect((await cli('history', UNIT, '2025')).out).toContain('还没有备份')
    await cli('add', await reportFile(version(2)), '--force')
    const history = await cli('history', UNIT, '2025')
    expect(history.out.split('\n')[0]).toBe(`${UNIT} 2025 年度报告的备份（最新在前）：`)
    const [backup] = JSON.parse((await cli('history', UNIT, '2025', '--json')).out) as { id: string }[]
    expect(history.out).toContain(backup!.id)

    const restored = await cli('restore', UNIT, '2025', backup!.id)
    expect(restored.out).toMatch(new RegExp(`^已恢复 ${UNIT} 2025 年度报告为备份 ${backup!.id}；恢复前的版本已备份为 \\d{8}T\\d{9}Z\\n$`))
    expect(parseReport((await cli('open', UNIT, '2025')).out).sections.other).toBe('第 1 版')
  })

  it('reports a damaged file in one line with the command that restores its backup', async () => {
    await cli('add', await reportFile(version(1)))
    await cli('add', await reportFile(version(2)), '--force')
    await writeFile(join(dir, 'reports', UNIT, '2025.json'), '{"schemaVersion": 1,')
    const [backup] = JSON.parse((await cli('history', UNIT, '2025', '--json')).out) as { id: string }[]

    const opened = await cli('open', UNIT, '2025')
    expect(opened.code).toBe(2)
    expect(opened.err.trimEnd().split('\n')).toHaveLength(1)
    expect(opened.err).toContain(`报告文件已损坏：${join(dir, 'reports', UNIT, '2025.json')}`)
    expect(opened.err).toContain(`npm run cli -- library restore ${UNIT} 2025 ${backup!.id} --library ${dir}`)

    const list = await cli('list')
    expect(list.out).toMatch(new RegExp(`${UNIT}\\s+乡镇（街道）\\s+2025\\s+已损坏`))
    expect(list.out).toContain(`！ ${UNIT} 2025 年度：不是有效的 JSON`)

    expect((await cli('restore', UNIT, '2025', backup!.id)).code).toBe(0)
    expect(parseReport((await cli('open', UNIT, '2025')).out).sections.other).toBe('第 1 版')
  })

  it('removes to the recycle folder and undoes it', async () => {
    await cli('add', await reportFile(version(1)))
    const removed = await cli('remove', UNIT, '2025')
    const id = /undo-remove (\S+)）/.exec(removed.out)?.[1]
    expect(id).toBeDefined()
    expect((await cli('removed')).out).toContain(`${id}  ${UNIT}`)
    expect((await cli('open', UNIT, '2025')).err).toBe(`错误：资料库中没有「${UNIT}」2025 年度报告\n`)
    expect((await cli('undo-remove', id!)).out).toBe(`已从回收站恢复：${UNIT} 2025 年度报告\n`)
    expect((await cli('removed')).out).toBe('回收站是空的。\n')
    expect((await cli('open', UNIT, '2025')).code).toBe(0)
  })

  it.each([
    [['open', UNIT, '二〇二五'], '无效的年份'],
    [['restore', UNIT, '2025', 'nope'], '找不到'],
    [['undo-remove', '../reports'], '回收站中没有编号为 ../reports 的报告']
  ])('refuses %j in one Chinese line', async (args, message) => {
    await cli('add', await reportFile(version(1)))
    const run = await cli(...args)
    expect(run.code).not.toBe(0)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toContain(message)
  })
})

describe('library rename-unit, move, undo, empty-recycle', () => {
  const OLD = '标题:某某区人民政府'
  const NEW = '某某区人民政府'
  const add = async (unit: string, year: number, text: string) =>
    cli('add', await reportFile(withSection(consistentReport({ unit, year }), 'other', text), `${year}-${text}.json`), '--force')

  it('renames a unit with its years (offering to drop a 「标题:」 prefix) and undoes it', async () => {
    await add(OLD, 2023, 'a')
    await add(OLD, 2024, 'b')
    const hinted = await cli('rename-unit', OLD, '标题：某某区人民政府')
    expect(hinted.err).toBe('提示：名称以「标题：」开头，像是网页上的栏目名；如不需要，可用「某某区人民政府」\n')
    await cli('undo')

    const run = await cli('rename-unit', OLD, NEW)
    expect(run.code).toBe(0)
    const id = /library undo (\S+) --library/.exec(run.out)?.[1]
    expect(run.out.split('\n').slice(0, 3)).toEqual([`已重命名单位：「${OLD}」→「${NEW}」`, '  2024 年度', '  2023 年度'])
    const list = JSON.parse((await cli('list', '--json')).out) as { name: string; years: { year: number }[] }[]
    expect(list.map((u) => [u.name, u.years.map((y) => y.year)])).toEqual([[NEW, [2024, 2023]]])
    expect((await cli('undo', '--list')).out).toContain(id!)

    expect((await cli('undo', id!)).out).toBe(`已撤销重命名单位：「${OLD}」→「${NEW}」 2024、2023 年度\n`)
    expect((await cli('undo')).err).toBe('错误：没有可撤销的单位操作\n')
    expect(parseReport((await cli('open', OLD, '2024')).out).unit.name).toBe(OLD)
  })

  it('refuses a merge with a year in both until --keep says which, keeping the other as a version', async () => {
    await add(OLD, 2024, '旧名')
    await add(NEW, 2024, '新名')
    const refused = await cli('rename-unit', OLD, NEW)
    expect(refused.code).toBe(2)
    expect(refused.err).toBe(
      `错误：「${NEW}」已有 2024 年度报告，与要移入的「${OLD}」的报告冲突：请选择保留哪一份（保留移入的，或保留原有的），另一份会保存为历史版本（请加 --keep moved 保留移入的，或 --keep existing 保留原有的）\n`
    )
    expect((await cli('rename-unit', OLD, NEW, '--keep', 'both')).err).toContain('--keep 应为 moved（保留移入的）或 existing（保留原有的）')
    const merged = await cli('rename-unit', OLD, NEW, '--keep', 'existing')
    expect(merged.out).toContain('已合并单位')
    expect(merged.out).toContain('（保留原有的报告，移入的已保存为历史版本）')
    expect(parseReport((await cli('open', NEW, '2024')).out).sections.other).toBe('新名')
    const history = await cli('history', NEW, '2024')
    expect(history.out).toContain('合并前')
  })

  it('moves one report to another unit and year', async () => {
    await add(OLD, 2024, '其实是 2023 年的')
    const run = await cli('move', OLD, '2024', '--to-unit', NEW, '--to-year', '2023')
    expect(run.out.split('\n').slice(0, 2)).toEqual([`已移动报告：「${OLD}」→「${NEW}」`, '  2024 年度 → 2023 年度'])
    expect(parseReport((await cli('open', NEW, '2023')).out)).toMatchObject({ unit: { name: NEW }, year: 2023 })
    expect((await cli('move', NEW, '2023', '--to-unit', NEW, '--to-year', '1999')).err).toContain('无效的年份')
  })

  it('empties the recycle folder only with --yes', async () => {
    await add(NEW, 2024, 'x')
    await cli('remove', NEW, '2024')
    const asked = await cli('empty-recycle')
    expect(asked).toMatchObject({ code: 2, err: '错误：回收站中有 1 份报告，清空后无法恢复；确认清空请加 --yes\n' })
    expect((await cli('empty-recycle', '--yes')).out).toBe('已清空回收站：永久删除 1 份报告\n')
    expect((await cli('removed')).out).toBe('回收站是空的。\n')
  })
})
