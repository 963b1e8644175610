/**
 * A roll-up of a county's inbox, end to end below the CLI: a folder and the same as a .zip (names in
 * GBK as Windows writes them), the unit list with aliases and a misspelt unit, duplicates, last
 * year's report, unreadable files listed with their reason, cancel, and the library's previous year.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseUnitsTsv } from '@core/rollup/unitList'
import { rollupJson } from '@core/rollup/json'
import type { RollupResult } from '@core/rollup/types'
import { ReportLibrary } from '../../../src/main/services/library/index'
import { collectFiles } from '../../../src/main/services/rollup/collect'
import { LibraryHistory } from '../../../src/main/services/rollup/history'
import { importInProcess } from '../../../src/main/services/rollup/importOne'
import { RollupCancelled, runRollup } from '../../../src/main/services/rollup/run'
import { consistentReport, previousReport, withValues } from '../../support/reports'
import { ROLLUP_EXPECTED, writeRollupFolder } from '../../support/rollupFolder'

let dir: string
let inbox: string
let units: ReturnType<typeof parseUnitsTsv>
let result: RollupResult

const run = (inputs: string[], extra: Partial<Parameters<typeof runRollup>[1]> = {}) =>
  runRollup(inputs, { year: 2025, units, history: new LibraryHistory(undefined), importOne: importInProcess, concurrency: 2, ...extra })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rollup-run-'))
  inbox = join(dir, 'inbox')
  units = parseUnitsTsv(await writeRollupFolder(inbox))
  result = await run([inbox])
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a folder of mixed reports', () => {
  it('matches every report of the year to its unit (by name, place, alias or a near spelling)', () => {
    const reported = Object.fromEntries(result.units.filter((s) => s.status === 'reported').map((s) => [s.unit.name, s.chosen!.file]))
    expect(reported).toEqual(ROLLUP_EXPECTED.reported)
    const byUnit = new Map(result.units.map((s) => [s.unit.name, s.chosen?.match?.method]))
    expect(byUnit.get('城关镇')).toBe('place')
    expect(byUnit.get('县市场监督管理局')).toBe('alias')
    expect(byUnit.get('新华镇')).toBe('similar')
  })

  it('shows two files of one unit side by side, one summed', () => {
    const duplicate = result.units.find((s) => s.status === 'duplicate')!
    expect(duplicate.unit.name).toBe(ROLLUP_EXPECTED.duplicate.unit)
    expect(duplicate.reports.map((r) => r.file)).toEqual(ROLLUP_EXPECTED.duplicate.files)
    expect(ROLLUP_EXPECTED.duplicate.files).toContain(duplicate.chosen?.file)
  })

  it('lists the units without a report as 未报送, other years and unmatched reports apart', () => {
    expect(result.missing).toEqual(ROLLUP_EXPECTED.missing)
    expect(result.otherYears.map((r) => [r.file, r.year, r.match?.unit])).toEqual([['县卫健委2024.pdf', 2024, '县卫生健康委员会']])
    expect(result.unmatched.map((r) => r.file)).toEqual(ROLLUP_EXPECTED.unmatched)
  })

  it('lists unreadable files with their Chinese reason, and skips what systems leave beside them', () => {
    const reasons = Object.fromEntries(result.unreadable.map((u) => [u.file, u.reason]))
    expect(Object.keys(reasons).sort()).toEqual([...ROLLUP_EXPECTED.unreadable].sort())
    expect(reasons['加密.pdf']).toMatch(/已加密/)
    expect(reasons['损坏的文件.docx']).toMatch(/损坏|不完整/)
    expect(reasons['统计表.xls']).toBe('不是年度报告文件（.xls 文件），未读取')
    expect(JSON.stringify(result)).not.toContain('Thumbs.db')
  })

  it('sums over the units that reported; cells a unit left blank are incomplete', () => {
    const summed = result.units.filter((s) => s.chosen).map((s) => s.chosen!)
    for (const total of result.totals) {
      const values = summed.map((r) => r.values[total.cell]).filter((v): v is number => v !== undefined)
      const blanks = summed.length - values.length
      expect(total).toEqual({
        cell: total.cell,
        ...(values.length ? { value: Number(values.reduce((a, b) => a + b, 0).toFixed(6)) } : {}),
        complete: blanks === 0,
        blanks,
        units: summed.length
      })
    }
    // 东风乡 left these blank; the others filled them.
    for (const cell of ROLLUP_EXPECTED.blanks) expect(result.totals.find((t) => t.cell === cell)).toMatchObject({ complete: false })
    expect(result.totals.find((t) => t.cell === 't3.publication.natural')).toMatchObject({ blanks: 1 })
  })

  it('checks each report at its unit’s level: a township’s 规章 is flagged', () => {
    const township = result.units.find((s) => s.unit.name === ROLLUP_EXPECTED.regulation.unit)!
    expect(township.findings.filter((f) => f.rule === 'P6').map((f) => f.cells)).toEqual([[ROLLUP_EXPECTED.regulation.cell, 't2.rules.inForce']])
  })
})

describe('a .zip of the same reports', () => {
  it('rolls up the same, file names in GBK read as Chinese', async () => {
    const zip = new JSZip()
    const collected = await collectFiles([inbox])
    for (const file of collected.files) zip.file(file.file, await readFile(file.path))
    // Windows' built-in zip writes names in the system code page (GBK), without the UTF-8 flag.
    const bytes = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      // JSZip's types say string; it takes the bytes (its documentation says so).
      encodeFileName: gbk as unknown as (name: string) => string
    })
    await collected.cleanup()
    const path = join(dir, '各单位年报.zip')
    await writeFile(path, bytes)
    const zipped = await run([path])
    const files = (r: RollupResult) => rollupJson(r).reports.map((x) => [x.unit, x.year, x.errors, x.warnings])
    expect(files(zipped)).toEqual(files(result))
    expect(rollupJson(zipped).reports.map((r) => r.file)).toContain('各单位年报.zip/城关镇/年报.docx')
    expect(zipped.totals).toEqual(result.totals)
    // Nothing unpacked is left behind.
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('nianbao-rollup-zip-'))).toEqual([])
  })
})

/** GBK bytes of a name (Node has no GBK encoder): the GB18030 decoder's two-byte table, read backwards. */
function gbk(name: string): Uint8Array {
  const out: number[] = []
  for (const ch of name) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const code = gbkTable().get(ch)
      if (code === undefined) throw new Error(`no GBK code for ${ch}`)
      out.push(code >> 8, code & 0xff)
    }
  }
  return new Uint8Array(out)
}

let table: Map<string, number> | undefined
function gbkTable(): Map<string, number> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (!table.has(ch)) table.set(ch, (lead << 8) | trail)
    }
  }
  return table
}

describe('cancel and the library', () => {
  it('a cancelled roll-up stops and keeps nothing', async () => {
    const controller = new AbortController()
    const runs = run([inbox], {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2) controller.abort()
      }
    })
    await expect(runs).rejects.toThrow(RollupCancelled)
  })

  it('brings last year’s report from the library: cross-year checks and outliers', async () => {
    const library = new ReportLibrary(join(dir, 'library'))
    // Last year as the library holds it, under the name the unit gave itself then.
    const last = previousReport(consistentReport({ unit: '示例县城关镇人民政府' }))
    await library.save(withValues(last, { 't2.license.decisions': 12, 't3.carryOver.natural': 9, 't3.carryOver.total': 10 }))
    const withLibrary = await run([join(inbox, '城关镇')], { history: new LibraryHistory(library) })
    const zhen = withLibrary.units.find((s) => s.unit.name === '城关镇')!
    expect(zhen.chosen?.previous?.year).toBe(2024)
    expect(zhen.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['X1', 'OUTLIER']))
  })
})
