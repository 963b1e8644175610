/**
 * The roll-up through the import workers: the same roll-up as in-process, a file past its time
 * budget listed with the worker's sentence while the others are read, and 取消 stopping the files
 * in flight.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rollupJson } from '@core/rollup/json'
import { parseUnitsTsv } from '@core/rollup/unitList'
import { nodeSpawner } from '../../../src/main/services/import/nodeSpawner'
import { WORKER_MESSAGES } from '../../../src/main/services/importLimits'
import { LibraryHistory } from '../../../src/main/services/rollup/history'
import { importInProcess, type ImportOne } from '../../../src/main/services/rollup/importOne'
import { ImportPool } from '../../../src/main/services/rollup/pool'
import { RollupCancelled, runRollup, type RollupProgress } from '../../../src/main/services/rollup/run'
import { writeRollupFolder } from '../../support/rollupFolder'

let dir: string
let inbox: string
let units: ReturnType<typeof parseUnitsTsv>
const pools: ImportPool[] = []
const pool = (options: Partial<ConstructorParameters<typeof ImportPool>[0]> = {}) => {
  const made = new ImportPool({ spawner: nodeSpawner(), size: 2, ...options })
  pools.push(made)
  return made
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rollup-pool-'))
  inbox = join(dir, 'inbox')
  units = parseUnitsTsv(await writeRollupFolder(inbox))
})
afterAll(async () => {
  await Promise.all(pools.map((p) => p.dispose()))
  await rm(dir, { recursive: true, force: true })
})

const rollup = (inputs: string[], importOne: ImportOne, extra: Partial<Parameters<typeof runRollup>[1]> = {}) =>
  runRollup(inputs, { year: 2025, units, history: new LibraryHistory(undefined), importOne, concurrency: 2, ...extra })

describe('roll-up in the import worker pool', () => {
  it('gives the same roll-up as reading in-process, with progress for every file', async () => {
    const workers = pool()
    workers.warm()
    const progress: RollupProgress[] = []
    const pooled = await rollup([inbox], workers.importOne, { onProgress: (p) => progress.push(p) })
    const direct = await rollup([inbox], importInProcess)
    expect(rollupJson(pooled)).toEqual(rollupJson(direct))
    // Twelve files are read (the spreadsheet is listed without reading it).
    expect(progress[0]).toEqual({ done: 0, total: 12 })
    expect(progress.at(-1)).toMatchObject({ done: 12, total: 12 })
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 13 }, (_, i) => i))
  })

  it('lists a file past its time budget with the worker’s sentence, and reads the others', async () => {
    const folder = join(dir, 'slow')
    await mkdir(folder)
    // A budget of 150 ms: a PDF does not fit in it (as in the worker's own test), one line of text does.
    await copyFile(new URL('../../fixtures/same-report/report.pdf', import.meta.url), join(folder, '慢.pdf'))
    await writeFile(join(folder, '快.txt'), '某某县人民政府2025年政府信息公开工作年度报告')
    const workers = pool({ timeBudgetMs: 150, size: 1 })
    workers.warm()
    const result = await rollup([folder], workers.importOne, { units: [] })
    expect(result.unreadable.map((u) => [u.file, u.reason])).toEqual([['慢.pdf', WORKER_MESSAGES.timeout('慢.pdf', 150)]])
    expect(result.units.map((s) => s.chosen?.file)).toEqual(['快.txt'])
  })

  it('取消 stops the files in flight and the waiting ones; the pool works afterwards', async () => {
    const workers = pool()
    const controller = new AbortController()
    const pending = rollup([inbox], workers.importOne, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 1) controller.abort()
      }
    })
    await expect(pending).rejects.toThrow(RollupCancelled)
    const again = await rollup([join(inbox, '城关镇')], workers.importOne)
    expect(again.units.find((s) => s.unit.name === '城关镇')?.status).toBe('reported')
  })
})
