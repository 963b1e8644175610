/**
 * Unit operations interrupted at every single file operation: a rename, a merge that replaces a
 * report and the undo of a merge, each killed at step 0, 1, 2 … and the library opened again. It
 * is then exactly as it was before the operation or exactly as the operation leaves it — never in
 * between, never a report or backup short. A full disk or a read-only folder changes nothing.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/report'
import { ReportLibrary, type LibraryOptions } from '../../../src/main/services/library'
import { consistentReport, withSection } from '../../support/reports'
import { FaultyFs, tree, type Fault } from './faults'

/** Thousands of fsyncs: on a RAM disk where there is one, they cost nothing and test the same steps. */
const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(BASE, 'library-unit-faults-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const OLD = '标题:某某区人民政府'
const NEW = '某某区人民政府'

const report = (unit: string, year: number, text: string): Report => withSection(consistentReport({ unit, year }), 'other', text)

function ticking(): () => Date {
  let t = Date.UTC(2026, 0, 20, 8, 0, 0)
  return () => new Date((t += 1000))
}

function library(fault?: Fault, options: LibraryOptions = {}): { lib: ReportLibrary; fs: FaultyFs } {
  const fs = new FaultyFs(fault)
  return { lib: new ReportLibrary(root, { fs, now: ticking(), lockWaitMs: 200, ...options }), fs }
}

/** Every file with its content: locks, temp files and empty folders left by a dead process do not count. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await tree(root)) {
    if (file.startsWith('locks/') || file.endsWith('.tmp')) continue
    out[file] = await readFile(join(root, file), 'utf8')
  }
  return out
}

async function fresh(): Promise<void> {
  await rm(root, { recursive: true, force: true })
  await mkdir(root)
}

/** Runs `setUp` once into a template folder; each call then copies it back (quicker than saving again). */
async function fromTemplate(setUp: () => Promise<void>): Promise<() => Promise<void>> {
  await fresh()
  await setUp()
  const template = `${root}-template`
  await rm(template, { recursive: true, force: true })
  await cp(root, template, { recursive: true })
  templates.push(template)
  return async () => {
    await rm(root, { recursive: true, force: true })
    await cp(template, root, { recursive: true })
  }
}

const templates: string[] = []
afterEach(async () => {
  for (const template of templates.splice(0)) await rm(template, { recursive: true, force: true })
})

/** Two years of OLD with two backups each, and NEW's own 2024. */
async function prepare(): Promise<void> {
  const { lib } = library()
  for (const year of [2023, 2024]) for (let n = 1; n <= 3; n++) await lib.save(report(OLD, year, `${year} 第 ${n} 版`))
  await lib.save(report(NEW, 2024, '新名 2024'))
}

interface Scenario {
  name: string
  /** Brings the library to where the operation starts. */
  setUp: () => Promise<void>
  operation: (lib: ReportLibrary) => Promise<unknown>
}

const rename: Scenario = {
  name: 'rename',
  setUp: async () => {
    const { lib } = library()
    for (const year of [2023, 2024]) for (let n = 1; n <= 3; n++) await lib.save(report(OLD, year, `${year} 第 ${n} 版`))
  },
  operation: (lib) => lib.renameUnit(OLD, NEW)
}

const merge: Scenario = {
  name: 'merge keeping the moved report',
  setUp: prepare,
  operation: (lib) => lib.renameUnit(OLD, NEW, { keep: 'moved' })
}

const undoMerge: Scenario = {
  name: 'undo of a merge',
  setUp: async () => {
    await prepare()
    await library().lib.renameUnit(OLD, NEW, { keep: 'existing' })
  },
  operation: (lib) => lib.undoOperation()
}

describe('a process killed during a unit operation', () => {
  it.each([rename, merge, undoMerge])('$name: at every step, the library is wholly before or wholly after', async (scenario) => {
    const reset = await fromTemplate(scenario.setUp)
    const before = await snapshot()
    const { lib, fs } = library()
    await scenario.operation(lib)
    const after = await snapshot()
    const steps = fs.calls.length
    expect(steps).toBeGreaterThan(40)
    expect(after).not.toEqual(before)

    let rolledBack = 0
    let rolledForward = 0
    for (let kill = 0; kill < steps; kill++) {
      await reset()
      const { lib: dying } = library((_, i) => (i === kill ? 'kill' : undefined))
      await scenario.operation(dying).catch(() => undefined)

      // The next start: a library on the real disk finishes or discards what it finds.
      const next = new ReportLibrary(root)
      const units = await next.list()
      const state = await snapshot()
      if (JSON.stringify(state) === JSON.stringify(before)) rolledBack++
      else {
        expect(state, `step ${kill}`).toEqual(after)
        rolledForward++
      }
      expect((await tree(root)).filter((f) => f.startsWith('journal/')), `step ${kill}`).toEqual([])
      expect(units.flatMap((u) => u.years.map((y) => y.status)).every((s) => s === 'ok'), `step ${kill}`).toBe(true)
    }
    // The kill landed both before and after the moment the operation is decided.
    expect(rolledBack).toBeGreaterThan(0)
    expect(rolledForward).toBeGreaterThan(0)
  }, 300_000)

  it('a rename finished by the next start can then be undone, back to the very bytes', async () => {
    await rename.setUp()
    const before = await snapshot()
    // Killed in the middle of carrying the plan out: at the third staged file moved into place.
    let placed = 0
    const { lib: dying } = library((call) => (call.op === 'rename' && /stage[\\/]\d+\.json$/.test(call.path) && ++placed === 3 ? 'kill' : undefined))
    await expect(rename.operation(dying)).rejects.toThrow()
    expect(placed).toBe(3)
    const next = new ReportLibrary(root)
    expect((await next.list()).map((u) => u.name)).toEqual([NEW])
    await next.undoOperation()
    expect(await snapshot()).toEqual(before)
  })
})

describe('a full disk or a read-only folder', () => {
  it('ENOSPC while preparing a rename: a Chinese message, nothing changed, nothing left behind', async () => {
    await prepare()
    const before = await snapshot()
    let writes = 0
    const { lib } = library((call) => (call.op === 'write' && ++writes === 3 ? 'ENOSPC' : undefined))
    await expect(lib.renameUnit(OLD, NEW, { keep: 'moved' })).rejects.toThrow(/^磁盘空间不足，无法写入：/)
    expect(await snapshot()).toEqual(before)
    expect((await tree(root)).filter((f) => f.startsWith('journal/') || f.endsWith('.tmp'))).toEqual([])
  })

  it('EROFS: says so in Chinese and changes nothing', async () => {
    await prepare()
    const before = await snapshot()
    const readOnly = new Set(['open', 'mkdir', 'rename', 'rm'])
    const { lib } = library((call) => (readOnly.has(call.op) ? 'EROFS' : undefined))
    await expect(lib.renameUnit(OLD, NEW, { keep: 'moved' })).rejects.toThrow(/^磁盘或文件夹是只读的，无法写入：/)
    expect(await snapshot()).toEqual(before)
  })
})
