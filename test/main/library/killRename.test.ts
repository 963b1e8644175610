/**
 * kill -9 in the middle of a rename, for real: a separate process renames a unit and is stopped
 * before one of its file operations, then killed with SIGKILL (no clean-up, its locks left behind
 * with its pid). The next library to open the folder finds it exactly as before or exactly as after.
 */
import { spawn } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReportLibrary } from '../../../src/main/services/library'
import { consistentReport, withSection } from '../../support/reports'
import { snapshot } from './snapshot'

const CHILD = new URL('./support/pausingRename.ts', import.meta.url).pathname
const OLD = '标题:某某区人民政府'
const NEW = '某某区人民政府'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'library-kill-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs the child until it prints PAUSED (then kills it with SIGKILL) or DONE; resolves to what it printed. */
function runChild(root: string, pauseAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, String(pauseAt), OLD, NEW], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('PAUSED')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(out)
      else reject(new Error(`child failed (${code}): ${err}`))
    })
  })
}

describe('kill -9 during a rename', () => {
  it('leaves the library wholly before or wholly after, wherever the process dies', async () => {
    const template = join(dir, 'template')
    const seed = new ReportLibrary(template)
    for (const year of [2023, 2024]) for (let n = 1; n <= 3; n++) await seed.save(withSection(consistentReport({ unit: OLD, year }), 'other', `${year} 第 ${n} 版`))
    const before = await snapshot(template)

    const complete = join(dir, 'complete')
    await cp(template, complete, { recursive: true })
    const done = /DONE (\d+)/.exec(await runChild(complete, -1))
    expect(done).not.toBeNull()
    const steps = Number(done![1])
    const after = await snapshot(complete, ['operations/'])
    expect(Object.keys(after).some((f) => f.startsWith(`reports/${NEW}/`))).toBe(true)

    const outcomes: string[] = []
    // Early (preparing), around the decision, and while carrying it out.
    for (const fraction of [0.2, 0.45, 0.6, 0.75, 0.9]) {
      const root = join(dir, `killed-${fraction}`)
      await cp(template, root, { recursive: true })
      expect(await runChild(root, Math.floor(steps * fraction))).toContain('PAUSED')
      const next = new ReportLibrary(root, { staleLockMs: 60_000 })
      const units = await next.list()
      const state = await snapshot(root, ['operations/'])
      const outcome = JSON.stringify(state) === JSON.stringify(before) ? 'before' : 'after'
      if (outcome === 'after') expect(state, `killed at ${fraction}`).toEqual(after)
      expect(units.map((u) => u.name), `killed at ${fraction}`).toEqual([outcome === 'before' ? OLD : NEW])
      outcomes.push(outcome)
    }
    expect(outcomes).toContain('before')
    expect(outcomes).toContain('after')
  }, 120_000)
})
