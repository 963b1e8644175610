/**
 * ImportRunner's bookkeeping with stand-in processes (no worker runs): how many processes it
 * starts, which job goes to which and when, what each job is told, and how a job waiting its turn
 * is cancelled. The real worker processes are in importRunner.test.ts.
 */
import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { ParsedReport } from '@core/import/types'
import type { FromWorker, ToWorker } from '../../src/main/services/import/protocol'
import { ImportRunner, ImportWorkerError } from '../../src/main/services/import/runner'
import type { WorkerExit, WorkerProcess, WorkerSpawner } from '../../src/main/services/import/spawner'

class StandIn implements WorkerProcess {
  readonly posted: ToWorker[] = []
  private readonly listeners: ((message: FromWorker) => void)[] = []
  private readonly exits: ((exit: WorkerExit) => void)[] = []
  constructor(readonly pid: number) {}
  postMessage(message: ToWorker): void {
    this.posted.push(message)
  }
  onMessage(listener: (message: FromWorker) => void): void {
    this.listeners.push(listener)
  }
  onExit(listener: (exit: WorkerExit) => void): void {
    this.exits.push(listener)
  }
  kill(): void {
    queueMicrotask(() => this.exits.forEach((listener) => listener({ code: null, signal: 'SIGKILL' })))
  }
  ref(): void {}
  unref(): void {}
  /** The worker saying something. */
  say(message: FromWorker): void {
    this.listeners.forEach((listener) => listener(message))
  }
  /** The worker answering its last job. */
  finish(): void {
    this.say({ type: 'done', id: this.posted.at(-1)!.id, parsed: { jobOf: this.posted.at(-1)!.source.name } as unknown as ParsedReport })
  }
}

function standIns(): WorkerSpawner & { started: StandIn[] } {
  const started: StandIn[] = []
  return {
    started,
    spawn: () => {
      const child = new StandIn(1000 + started.length)
      started.push(child)
      queueMicrotask(() => child.say({ type: 'ready' }))
      return child
    }
  }
}

const text = (name: string) => ({ kind: 'text', text: '正文', name }) as const
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('ImportRunner with stand-in processes', () => {
  it('runs at most `concurrency` jobs, one per process, and hands the next waiting job to the first process free', async () => {
    const spawner = standIns()
    const runner = new ImportRunner({ spawner, concurrency: 2 })
    const results = ['a', 'b', 'c'].map((name) => runner.run(text(name)))
    await settle()
    expect(spawner.started).toHaveLength(2)
    expect(spawner.started.map((p) => p.posted.map((m) => m.source.name))).toEqual([['a'], ['b']])
    spawner.started[1]!.finish()
    await settle()
    expect(spawner.started).toHaveLength(2)
    expect(spawner.started[1]!.posted.map((m) => m.source.name)).toEqual(['b', 'c'])
    spawner.started[0]!.finish()
    spawner.started[1]!.finish()
    expect(await Promise.all(results)).toEqual([{ jobOf: 'a' }, { jobOf: 'b' }, { jobOf: 'c' }])
    expect(runner.busy).toBe(false)
  })

  it('gives each process its share of the cores for OCR when several run at once, and leaves OCR its own choice otherwise', async () => {
    const pool = standIns()
    const several = new ImportRunner({ spawner: pool, concurrency: 2 })
    const pending = several.run(text('a'))
    await settle()
    expect(pool.started[0]!.posted[0]!.options?.ocrThreads).toBe(Math.max(1, Math.floor(availableParallelism() / 2)))
    pool.started[0]!.finish()
    await pending
    const single = standIns()
    const one = new ImportRunner({ spawner: single })
    const alone = one.run(text('b'))
    await settle()
    expect(single.started[0]!.posted[0]!.options?.ocrThreads).toBeUndefined()
    single.started[0]!.finish()
    await alone
  })

  it('cancels a job waiting its turn at once, and the jobs behind it still run', async () => {
    const spawner = standIns()
    const runner = new ImportRunner({ spawner })
    const controller = new AbortController()
    const first = runner.run(text('a'))
    const second = runner.run(text('b'), { signal: controller.signal })
    const third = runner.run(text('c'))
    await settle()
    controller.abort()
    const error = await second.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportWorkerError)
    expect((error as ImportWorkerError).reason).toBe('cancelled')
    expect((error as ImportWorkerError).message).toBe('已取消导入：b')
    // The running job was not touched.
    expect(spawner.started).toHaveLength(1)
    spawner.started[0]!.finish()
    expect(await first).toEqual({ jobOf: 'a' })
    await settle()
    expect(spawner.started[0]!.posted.map((m) => m.source.name)).toEqual(['a', 'c'])
    spawner.started[0]!.finish()
    expect(await third).toEqual({ jobOf: 'c' })
  })

  it('reports a process that could not be spawned at all as a start failure, in Chinese', async () => {
    const runner = new ImportRunner({
      spawner: {
        spawn: () => {
          throw new Error('utilityProcess cannot be created before app is ready')
        }
      }
    })
    runner.warm()
    const error = await runner.run(text('a')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportWorkerError)
    expect((error as ImportWorkerError).reason).toBe('start')
    expect((error as Error).message).toBe('导入组件未能启动，请重启程序后再试')
    expect((error as ImportWorkerError).detail).toMatch(/before app is ready/)
  })
})
