/**
 * How ImportRunner starts an import worker: as its own OS process, so that whatever kills the
 * worker — V8 aborting on a heap overflow, a native crash in onnxruntime, SIGKILL — ends that
 * process only, never the one that owns the window (or the CLI). A worker *thread* shares its
 * process: one allocation past the heap limit aborts everything.
 *
 * Two implementations: nodeSpawner.ts (child_process.fork, for the CLI, tests, bench and fuzz) and,
 * in the app, src/main/importProcess.ts (Electron's utilityProcess: the packaged app's fuses turn
 * runAsNode off, so the Electron binary cannot be forked as Node). Both run worker.ts, which talks
 * to whichever parent it has (parentChannel.ts).
 */
import type { Readable } from 'node:stream'
import type { FromWorker, ToWorker } from './protocol'

/** How a worker process ended. */
export interface WorkerExit {
  code: number | null
  signal: NodeJS.Signals | null
  /**
   * What the process said as it died: the end of its stderr (Node's `FATAL ERROR: … JavaScript
   * heap out of memory` is printed there), or the location of a V8 fatal error (Electron).
   */
  last?: string
}

/** One worker process, as the runner sees it. */
export interface WorkerProcess {
  /** The OS process id; undefined until the process has started. */
  readonly pid: number | undefined
  postMessage(message: ToWorker): void
  onMessage(listener: (message: FromWorker) => void): void
  /** Called once, when the process is gone (or could not be started). */
  onExit(listener: (exit: WorkerExit) => void): void
  /** Ends the process at once, whatever it is doing. */
  kill(): void
  /** Whether the process keeps this one's event loop alive (only while a job waits on it). */
  ref(): void
  unref(): void
}

/** The V8 heap a worker process gets: its ceiling. */
export interface WorkerHeap {
  maxHeapMb: number
  maxSemiSpaceMb: number
}

export interface WorkerSpawner {
  spawn(heap: WorkerHeap): WorkerProcess
  /**
   * Resident memory of a process in bytes, or undefined where it cannot be read (then only the
   * heap ceiling bounds the worker's memory). Called every 100 ms while a job runs: must be cheap.
   */
  rssOf?(pid: number): number | undefined
}

/** How much of a dying process's stderr is kept for the report. */
const TAIL_BYTES = 8 * 1024
/** How long a dead process's stderr may take to drain before its exit is reported. */
const DRAIN_MS = 500

/**
 * Keeps the last few kilobytes of a stream (a worker's stderr), for the report if it dies.
 * `drained()` settles once the stream has ended, or after a short wait (a grandchild may hold it
 * open). It listens again if the listeners were taken away: Electron removes every listener of a
 * utility process's stderr right after its `exit` event, when the last lines may still be on the way.
 */
export function keepTail(stream: Readable | NodeJS.ReadableStream | null | undefined): { text: () => string; drained: () => Promise<void> } {
  let tail = ''
  let ended = !stream
  const waiting: (() => void)[] = []
  const onData = (chunk: Buffer | string) => {
    tail = (tail + chunk.toString()).slice(-TAIL_BYTES)
  }
  const onEnd = () => {
    ended = true
    for (const resolve of waiting.splice(0)) resolve()
  }
  const listen = () => {
    if (!stream || stream.listeners('data').includes(onData)) return
    stream.on('data', onData)
    for (const event of ['end', 'close', 'error']) stream.on(event, onEnd)
  }
  listen()
  const drained = () => {
    listen()
    if (ended || (stream as Readable | undefined)?.readableEnded) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS)
      waiting.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
  return { text: () => tail, drained }
}

/** Whether a worker died of its heap ceiling (V8's own words, in Node and in Electron). */
export function diedOfHeap(exit: WorkerExit): boolean {
  return /heap out of memory|Reached heap limit|heap limit|Allocation failed|out of memory/i.test(exit.last ?? '')
}
