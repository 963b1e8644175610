/** `next-year` and the copy figures `check --previous` reports, through the real CLI program. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport, serializeReport } from '@core/report/report'
import { consistentReport, withSection } from '../support/reports'
import { runCaptured } from '../support/cli'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-next-year-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})
const at = (name: string) => join(dir, name)

const nextYear = (...argv: string[]) => runCaptured(['next-year', ...argv])

const cli = (...argv: string[]) => runCaptured(argv)

describe('next-year', () => {
  it('writes this year’s draft and sums up what was carried, marked and listed', async () => {
    await writeFile(at('last.json'), serializeReport(consistentReport({ year: 2025 })))
    const run = await nextYear(at('last.json'), '-o', at('draft.json'))
    expect(run.code).toBe(0)
    const draft = parseReport(await readFile(at('draft.json'), 'utf8'))
    expect(draft.year).toBe(2026)
    expect(draft.values['t3.carried.total']).toBe(3)
    expect(draft.baseline).toEqual({ year: 2025, inForce: { rules: 0, normative: 14 } })
    expect(draft.provenance?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const lines = run.out.trimEnd().split('\n')
    expect(lines[0]).toBe(`已由 示例县示例镇人民政府 2025 年度报告生成 2026 年度草稿：${at('draft.json')}`)
    expect(run.out).toContain('表三“二、上年结转”7 项（自然人 2，商业企业 1，科研机构 0，')
    expect(run.out).toContain('现行有效件数基数：规章 0 件，行政规范性文件 14 件')
    expect(run.out).toContain('待更新数字：25 处')
    expect(run.out).toContain('已按带入的表格数字改写正文：2 处（如“3”→“3”）')
    expect(run.out).toContain('上年问题整改清单：2 条')
    expect(run.out).not.toContain('注意')
  })

  it('says what it could not carry from a report without tables', async () => {
    const last = consistentReport({ year: 2025 })
    await writeFile(at('last.json'), serializeReport({ ...withSection(last, 'problems', '无。'), values: {} }))
    const run = await nextYear(at('last.json'), '-o', at('draft.json'))
    expect(run.out).toContain('带入数字：无')
    expect(run.out).toContain('上年问题整改清单：0 条')
    expect(run.out).toMatch(/注意：上年报告未填写表三/)
    expect(run.out).toMatch(/注意：未能从上年报告第五部分识别出所列问题/)
  })

  it('does not overwrite without --force', async () => {
    await writeFile(at('last.json'), serializeReport(consistentReport({ year: 2025 })))
    await writeFile(at('draft.json'), 'keep me')
    const refused = await nextYear(at('last.json'), '-o', at('draft.json'))
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/^错误：文件已存在.*--force/)
    expect(await readFile(at('draft.json'), 'utf8')).toBe('keep me')
    await nextYear(at('last.json'), '-o', at('draft.json'), '--force')
    expect(parseReport(await readFile(at('draft.json'), 'utf8')).year).toBe(2026)
  })

  it('requires -o', async () => {
    await writeFile(at('last.json'), serializeReport(consistentReport({ year: 2025 })))
    const run = await nextYear(at('last.json'))
    expect(run.code).toBe(2)
    expect(run.err).toContain('缺少必填选项')
  })
})

describe('check --previous: copy-from-last-year figures', () => {
  it('prints a line per section and the whole', async () => {
    const report = consistentReport({ year: 2025 })
    await writeFile(at('r.json'), serializeReport(report))
    await writeFile(at('last.json'), serializeReport(consistentReport({ year: 2024 })))
    const run = await cli('check', at('r.json'), '--previous', at('last.json'))
    expect(run.out).toContain('与 2024 年度报告重复的比例（逐句比对）：全文 100%')
    expect(run.out).toMatch(/ {2}一、总体情况：100%（\d+\/\d+ 字）/)
    expect(run.out).toMatch(/\[警告\] 与上年雷同（COPY） /)
    expect(run.out).toMatch(/\[警告\] 整改照搬（P2） /)
    expect((await cli('check', at('r.json'))).out).not.toContain('重复的比例')
  })

  it('adds a copy field to --json', async () => {
    const report = consistentReport({ year: 2025 })
    await writeFile(at('r.json'), serializeReport(withSection(report, 'other', '本年度未收取信息处理费。全年办理人大代表建议和政协提案均已按期答复。')))
    await writeFile(at('last.json'), serializeReport(consistentReport({ year: 2024 })))
    const json = JSON.parse((await cli('check', at('r.json'), '--previous', at('last.json'), '--json')).out) as {
      copy: { overall: number; sections: Record<string, number> }
    }
    expect(Object.keys(json.copy.sections)).toEqual(['overview', 'proactive', 'requests', 'review', 'problems', 'other'])
    expect(json.copy.sections.overview).toBe(1)
    expect(json.copy.sections.other).toBe(0)
    expect(json.copy.overall).toBeGreaterThan(0.5)
    expect(json.copy.overall).toBeLessThan(1)
    const alone = JSON.parse((await cli('check', at('r.json'), '--json')).out) as Record<string, unknown>
    expect(alone).not.toHaveProperty('copy')
  })
})
