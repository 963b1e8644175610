/**
 * The kill test: a child process saves reports through the library in a loop (killChild.ts) and
 * is killed with SIGKILL at a random moment, again and again on the same library. After every kill,
 * a fresh library (the app's next start) must open each report at exactly the last version the
 * child acknowledged or the one it was saving when killed — never older, never damaged, never a
 * mix — list every report as good, and let the next child save at once (the dead child's lock is
 * broken, not waited out).
 *
 * Used by the CI test (a few dozen kills) and by `npm run kill-test -- --kills 1000`.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ReportLibrary } from '../src/main/services/library/index'
import { KILL_REPORTS, versionOf } from './killReports'
import { Rng } from './prng'

const CHILD = fileURLToPath(new URL('./killChild.ts', import.meta.url))

export interface KillOptions {
  kills: number
  seed?: number
  /** Longest wait, after the child is ready, before the kill (ms). */
  maxDelayMs?: number
  onKill?: (done: number, result: KillRound) => void
}

export interface KillRound {
  /** Acknowledged saves in this round, and whether a save was in flight at the kill. */
  acks: number
  inFlight: boolean
  /** Reports found at their in-flight version (the save had reached its rename). */
  atInFlight: number
  problems: string[]
}

export interface KillSummary {
  kills: number
  saves: number
  killedMidSave: number
  endedAtInFlight: number
  problems: string[]
  ms: number
}

interface ChildRun {
  lines: string[]
}

/** Runs one child until killed `delayMs` after it is ready. */
function runChild(root: string, firstVersion: number, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, String(firstVersion)], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (${signal ?? _code}): ${err.slice(0, 2000)}`))
      else resolve({ lines: out.split('\n').filter(Boolean) })
    })
  })
}

/** What the child said about each report: the last version acknowledged and the one in flight. */
function parse(lines: readonly string[]): { acked: Map<number, number>; inFlight: Map<number, number>; acks: number } {
  const acked = new Map<number, number>()
  const inFlight = new Map<number, number>()
  let acks = 0
  for (const line of lines) {
    const [word, report, version] = line.split(' ')
    if (word === 'START') inFlight.set(Number(report), Number(version))
    if (word === 'ACK') {
      acked.set(Number(report), Number(version))
      inFlight.delete(Number(report))
      acks += 1
    }
  }
  return { acked, inFlight, acks }
}

export async function runKillTest(options: KillOptions): Promise<KillSummary> {
  const rng = new Rng(options.seed ?? 1)
  const root = await mkdtemp(join(tmpdir(), 'nianbao-kill-'))
  const started = performance.now()
  /** The last version each report is known to hold on disk. */
  const expected = new Map<number, number>()
  const summary: KillSummary = { kills: 0, saves: 0, killedMidSave: 0, endedAtInFlight: 0, problems: [], ms: 0 }
  let next = 1
  try {
    for (let kill = 0; kill < options.kills; kill += 1) {
      const { lines } = await runChild(root, next, rng.int(options.maxDelayMs ?? 400))
      const { acked, inFlight, acks } = parse(lines)
      const round: KillRound = { acks, inFlight: inFlight.size > 0, atInFlight: 0, problems: [] }
      // The app's next start: a library of its own on the same folder.
      const library = new ReportLibrary(root)
      const listed = new Set((await library.list()).flatMap((u) => u.years.map((y) => `${u.name}@${y.year}`)))
      for (const [index, base] of KILL_REPORTS.entries()) {
        const allowed = new Set<number | undefined>()
        const last = acked.get(index) ?? expected.get(index)
        allowed.add(last)
        const flying = inFlight.get(index)
        if (flying !== undefined) allowed.add(flying)
        let found: number | undefined
        // A report whose first save was cut off does not exist yet: that is the version before it.
        if (listed.has(`${base.unit.name}@${base.year}`)) {
          try {
            found = versionOf((await library.open(base.unit.name, base.year)).report)
          } catch (error) {
            round.problems.push(`第 ${kill + 1} 次：报告 ${index} 无法打开（${(error as Error).message}）`)
          }
        }
        if ((last !== undefined || found !== undefined) && !allowed.has(found)) {
          round.problems.push(`第 ${kill + 1} 次：报告 ${index} 是第 ${found} 版，应为第 ${last} 版或正在保存的第 ${flying} 版`)
        }
        if (found !== undefined) expected.set(index, found)
        if (found !== undefined && found === flying) round.atInFlight += 1
        next = Math.max(next, (flying ?? last ?? 0) + 1)
      }
      const damaged = (await library.list()).flatMap((u) => u.years.filter((y) => y.status !== 'ok').map((y) => `${u.name} ${y.year}`))
      if (damaged.length) round.problems.push(`第 ${kill + 1} 次：列表中有损坏的报告 ${damaged.join('、')}`)
      summary.kills += 1
      summary.saves += acks
      if (round.inFlight) summary.killedMidSave += 1
      summary.endedAtInFlight += round.atInFlight
      summary.problems.push(...round.problems)
      options.onKill?.(kill + 1, round)
    }
    // After all that, a save goes through at once: no lock left by a dead child blocks it.
    const library = new ReportLibrary(root, { lockWaitMs: 3000 })
    const before = performance.now()
    await library.save(KILL_REPORTS[0]!)
    if (performance.now() - before > 2500) summary.problems.push('最后一次保存等待了锁')
  } finally {
    summary.ms = performance.now() - started
    await rm(root, { recursive: true, force: true })
  }
  return summary
}
