/**
 * The lock between processes: a holder proves it is alive by its heartbeat, so a lock left by a
 * killed process is broken within staleMs even when its process id now belongs to a live process,
 * and a live holder's lock is never broken however long its save takes. The kill test: a process
 * saving in a loop, killed with SIGKILL at random moments, never loses or damages a report.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReportLibrary } from '../../../src/main/services/library'
import { runKillTest } from '../../../fuzz/kill'
import { consistentReport, withSection } from '../../support/reports'

const UNIT = '示例县示例镇人民政府'
const HOLDER = fileURLToPath(new URL('./lockHolder.ts', import.meta.url))

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lock-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const lockPath = () => join(root, 'locks', `${UNIT}@2025.lock`)

/** Starts a process that holds the report's lock for `holdMs`; resolves once it holds it. */
function holdLock(holdMs: number, staleMs: number): Promise<{ released: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, join(root, 'locks'), lockPath(), String(holdMs), String(staleMs)], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const released = new Promise<void>((done) => child.on('exit', () => done()))
    child.on('error', reject)
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('HELD')) resolve({ released })
    })
  })
}

describe('report lock', () => {
  it('breaks at once a lock whose heartbeat stopped, though its process id is alive (reused)', async () => {
    await mkdir(join(root, 'locks'), { recursive: true })
    // Written by a process killed a while ago; its pid now names a live process (the test runner's parent).
    await writeFile(lockPath(), JSON.stringify({ pid: process.ppid, owner: '0123456789abcdef', at: '2026-01-20T08:00:00.000Z' }))
    const past = new Date(Date.now() - 10_000)
    await utimes(lockPath(), past, past)
    const started = performance.now()
    await new ReportLibrary(root).save(consistentReport())
    expect(performance.now() - started).toBeLessThan(2000)
    expect((await new ReportLibrary(root).open(UNIT, 2025)).report.unit.name).toBe(UNIT)
  })

  it('never breaks the lock of a live holder, however long it holds it: its heartbeat keeps it fresh', async () => {
    const staleLockMs = 300
    const holder = await holdLock(2000, staleLockMs)
    const impatient = new ReportLibrary(root, { staleLockMs, lockWaitMs: 900 })
    await expect(impatient.save(consistentReport())).rejects.toThrow('该报告正由另一个窗口或程序保存，请稍后重试')
    const patient = new ReportLibrary(root, { staleLockMs, lockWaitMs: 10_000 })
    await patient.save(withSection(consistentReport(), 'other', '等到了锁'))
    await holder.released
    expect((await patient.open(UNIT, 2025)).report.sections.other).toBe('等到了锁')
  })

  it('survives SIGKILL at random moments during saves: every report is the last acknowledged or the in-flight version', async () => {
    const summary = await runKillTest({ kills: 24, seed: 10 })
    expect(summary.problems).toEqual([])
    expect(summary.kills).toBe(24)
    expect(summary.saves).toBeGreaterThan(24)
    // Most kills land in the middle of a save: the child saves back to back.
    expect(summary.killedMidSave).toBeGreaterThan(12)
  })
})
