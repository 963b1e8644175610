/**
 * `check --json` with each finding's key, status and reason; `review KEY --check/--dismiss/--reopen`
 * writing the report's review record atomically; `check --library/--settings` reading the region's
 * settings. In-process through the real CLI program.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport, serializeReport, type Report } from '@core/report/report'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'
import { runCaptured } from '../support/cli'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-review-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const at = (name: string) => join(dir, name)

const cli = (...argv: string[]) => runCaptured(argv)

interface JsonFinding {
  key: string
  rule: string
  name: string
  severity: string
  status: string
  reason?: string
  reviewedAt?: string
  reopened?: { status: string; reason: string }
  message: string
}
interface CheckJson {
  summary: { error: number; warning: number; hint: number }
  reviewed: { checked: number; dismissed: number }
  findings: JsonFinding[]
}

async function checkJson(...extra: string[]): Promise<CheckJson & { code: number }> {
  const run = await cli('check', at('r.json'), '--json', ...extra)
  return { ...(JSON.parse(run.out) as CheckJson), code: run.code }
}

/** Two blanks in 表三 (a BLANK warning) and a broken 表四 total (an R4 error). */
function report(): Report {
  return withValues(consistentReport(), { 't3.stateSecret.research': undefined, 't3.stateSecret.welfare': undefined, 't4.review.total': 9 })
}

describe('check --json', () => {
  it('gives every finding its key, status and reason', async () => {
    await writeFile(at('r.json'), serializeReport(report()))
    const json = await checkJson()
    expect(json.code).toBe(1)
    expect(json.findings.length).toBeGreaterThan(1)
    for (const f of json.findings) {
      expect(f.key).toMatch(/^[A-Z0-9]+(:|$)/)
      expect(f.status).toBe('open')
      expect(f.name).toMatch(/[\u4e00-\u9fff]/)
      expect(f).not.toHaveProperty('fingerprint')
    }
    expect(json.findings.find((f) => f.rule === 'BLANK')?.key).toBe('BLANK:t3')
    expect(json.reviewed).toEqual({ checked: 0, dismissed: 0 })
  })
})

describe('review', () => {
  it('dismisses a warning with a reason: kept in the report, listed apart, not counted', async () => {
    await writeFile(at('r.json'), serializeReport(report()))
    const before = await checkJson()
    const run = await cli('review', at('r.json'), 'BLANK:t3', '--dismiss', '原文确为空白')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toMatch(/^已忽略：未填写（BLANK） 表三有 2 个单元格未填写.*\n理由：原文确为空白\n$/)
    const saved = parseReport(await readFile(at('r.json'), 'utf8'))
    expect(saved.review?.['BLANK:t3']).toMatchObject({ status: 'dismissed', reason: '原文确为空白' })
    const after = await checkJson()
    expect(after.findings.find((f) => f.key === 'BLANK:t3')).toMatchObject({ status: 'dismissed', reason: '原文确为空白' })
    expect(after.summary.warning).toBe(before.summary.warning - 1)
    expect(after.reviewed).toEqual({ checked: 0, dismissed: 1 })
    const text = await cli('check', at('r.json'))
    expect(text.out).toContain('已核实或忽略 1 项（不计入上面的数量）：\n  [已忽略] 未填写（BLANK） 表三有 2 个单元格未填写')
    expect(text.out).toContain('—— 理由：原文确为空白')
  })

  it('marks 已核实, re-opens by itself when a related cell changes, and --reopen clears it', async () => {
    await writeFile(at('r.json'), serializeReport(report()))
    expect((await cli('review', at('r.json'), 'BLANK:t3', '--check', '已与原文核对')).out).toMatch(/^已标为已核实：/)
    expect((await checkJson()).findings.find((f) => f.key === 'BLANK:t3')?.status).toBe('checked')

    // The officer fills one of the two blanks: the finding is about one cell now, and open again.
    const saved = parseReport(await readFile(at('r.json'), 'utf8'))
    await writeFile(at('r.json'), serializeReport(withValues(saved, { 't3.stateSecret.research': 0 })))
    const reopened = (await checkJson()).findings.find((f) => f.key === 'BLANK:t3')
    expect(reopened).toMatchObject({ status: 'open', reopened: { status: 'checked', reason: '已与原文核对' } })
    expect((await cli('check', at('r.json'))).out).toContain('（曾已核实：已与原文核对；相关数字已变动，重新列出）')

    expect((await cli('review', at('r.json'), 'BLANK:t3', '--reopen')).out).toMatch(/^已重新打开：/)
    expect(parseReport(await readFile(at('r.json'), 'utf8')).review).toBeUndefined()
    const again = await cli('review', at('r.json'), 'BLANK:t3', '--reopen')
    expect(again).toMatchObject({ code: 0 })
    expect(again.out).toMatch(/^该项没有标为已核实或忽略，无需重新打开/)
  })

  it('refuses to dismiss an error: exit code 1, one Chinese line, file unchanged', async () => {
    await writeFile(at('r.json'), serializeReport(report()))
    const bytes = await readFile(at('r.json'))
    const error = (await checkJson()).findings.find((f) => f.severity === 'error')!
    const run = await cli('review', at('r.json'), error.key, '--dismiss', '不改')
    expect(run.code).toBe(1)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toMatch(/^错误：「复议诉讼合计」是错误，不能忽略，请改正：/)
    expect(await readFile(at('r.json'))).toEqual(bytes)
    expect((await cli('review', at('r.json'), error.key, '--check', '不改')).err).toMatch(/不能标为已核实/)
  })

  it.each([
    ['an unknown key', ['BLANK:t9', '--dismiss', '理由'], /中没有编号为「BLANK:t9」的检查结果，未做修改（同一规则现有：「BLANK:t3」；各项编号见 check --json 的 key）\n$/],
    ['a key of a check that needs last year’s report', ['X1:t3.carried.natural', '--dismiss', '理由'], /该项检查需用 --previous 指定上年报告/],
    ['no action', ['BLANK:t3'], /请指定 --check "理由"、--dismiss "理由" 或 --reopen 中的一项/],
    ['two actions', ['BLANK:t3', '--check', 'a', '--dismiss', 'b'], /中的一项/],
    ['an empty reason', ['BLANK:t3', '--dismiss', '  '], /请写明理由/]
  ])('refuses %s in one Chinese line and changes nothing', async (_name, args, message) => {
    await writeFile(at('r.json'), serializeReport(report()))
    const bytes = await readFile(at('r.json'))
    const run = await cli('review', at('r.json'), ...args)
    expect(run.code).toBe(2)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toMatch(/^错误：/)
    expect(run.err).toMatch(message)
    expect(await readFile(at('r.json'))).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['r.json'])
  })

  it('reviews a cross-year finding with --previous, as check found it', async () => {
    const last = previousReport(consistentReport())
    await writeFile(at('last.json'), serializeReport(last))
    await writeFile(at('r.json'), serializeReport(withValues(consistentReport(), { 't3.carried.natural': 9, 't3.carried.total': 10 })))
    const x1 = (await checkJson('--previous', at('last.json'))).findings.find((f) => f.rule === 'X1')!
    expect((await cli('review', at('r.json'), x1.key, '--previous', at('last.json'), '--check', '上年报告印错')).code).toBe(0)
    expect((await checkJson('--previous', at('last.json'))).findings.find((f) => f.key === x1.key)?.status).toBe('checked')
  })
})

describe('check with the region’s settings', () => {
  const PROFILE = {
    kind: 'nianbao-region-profile',
    version: 1,
    name: '某某县 2025 年要求',
    overviewCharLimit: 200,
    overviewFigures: [{ label: '政策解读', patterns: ['解读…{n}篇'] }],
    section6Items: [{ label: '政务公开工作要点落实情况', patterns: ['工作要点'] }]
  }

  it('reads a profile file given with --settings', async () => {
    await writeFile(at('r.json'), serializeReport(consistentReport()))
    await writeFile(at('县.json'), JSON.stringify(PROFILE))
    const national = await checkJson()
    expect(national.findings).toEqual([])
    const local = await checkJson('--settings', at('县.json'))
    expect(local.findings.map((f) => f.rule)).toEqual(['P1', 'FIGURES', 'ITEMS'])
    expect(local.findings[0]?.message).toContain('超过设置的 200 字上限（地区配置「某某县 2025 年要求」）')
  })

  it('reads the settings of a library folder given with --library, and reviews by them', async () => {
    await writeFile(at('县.json'), JSON.stringify(PROFILE))
    expect((await cli('settings', 'import', at('县.json'), '--library', at('lib'))).code).toBe(0)
    await writeFile(at('r.json'), serializeReport(withSection(consistentReport(), 'overview', '本年度我镇主动公开政府信息。')))
    const json = await checkJson('--library', at('lib'))
    const figures = json.findings.find((f) => f.rule === 'FIGURES')!
    expect(figures.key).toBe('FIGURES:政策解读')
    expect((await cli('review', at('r.json'), 'FIGURES:政策解读', '--library', at('lib'), '--dismiss', '本镇无政策解读任务')).code).toBe(0)
    expect((await checkJson('--library', at('lib'))).findings.find((f) => f.key === 'FIGURES:政策解读')?.status).toBe('dismissed')
  })

  it.each([
    ['an invalid profile', async () => (await writeFile(at('bad.json'), JSON.stringify({ ...PROFILE, overviewCharLimit: 10 })), ['--settings', at('bad.json')]), '错误：bad.json：「总体情况字数上限」应在 200–20000 之间'],
    ['not a settings file', async () => (await writeFile(at('bad.json'), '{"a":1}'), ['--settings', at('bad.json')]), '错误：bad.json：不是年报助手的设置文件'],
    ['a missing library folder', async () => ['--library', at('nowhere')], '错误：找不到资料库文件夹'],
    ['both options', async () => ['--library', dir, '--settings', at('x.json')], '错误：--library 与 --settings 只能指定其一']
  ])('refuses %s in one Chinese line', async (_name, make, message) => {
    await writeFile(at('r.json'), serializeReport(consistentReport()))
    const run = await cli('check', at('r.json'), ...(await make()))
    expect(run.code).toBe(2)
    expect(run.err.trimEnd().split('\n')).toHaveLength(1)
    expect(run.err).toContain(message)
  })
})
