/**
 * Import workers as Node child processes (child_process.fork): for the CLI, tests, benchmarks and
 * the fuzzer. The app uses Electron's utilityProcess instead (src/main/importProcess.ts).
 *
 * - Messages cross with `serialization: 'advanced'` (structured clone), so a file's bytes go as a
 *   Uint8Array, not as JSON.
 * - The heap ceiling is V8's own flags, given to the new process: past it V8 aborts that process
 *   (printing `FATAL ERROR: … heap out of memory` on its stderr, which the runner reads).
 * - From source, the entry is worker.ts itself, loaded through tsx (`--import` of tsx's loader).
 * - stdout is dropped (the CLI's stdout carries its answer; the worker prints nothing there) and
 *   stderr is kept, its last few kilobytes, for the report when the process dies.
 */
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { SOURCE_WORKER_ENTRY } from './sourceEntry'
import { keepTail, type WorkerExit, type WorkerProcess, type WorkerSpawner } from './spawner'

export function nodeSpawner(entry: string = SOURCE_WORKER_ENTRY): WorkerSpawner {
  const loader = entry.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []
  return {
    spawn(heap) {
      const child = fork(entry, [], {
        // Never the parent's own flags (vitest's, tsx's, an inspector's): only these.
        execArgv: [...loader, `--max-old-space-size=${heap.maxHeapMb}`, `--max-semi-space-size=${heap.maxSemiSpaceMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc']
      })
      const stderr = keepTail(child.stderr)
      const exitListeners: ((exit: WorkerExit) => void)[] = []
      let exited = false
      const exit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (exited) return
        exited = true
        // The fatal error is the last thing the process wrote: let the pipe drain first.
        void stderr.drained().then(() => {
          for (const listener of exitListeners) listener({ code, signal, last: stderr.text() })
        })
      }
      child.on('exit', exit)
      // Could not be started at all (no 'exit' follows), or a message could not be sent to a
      // process already dying (its 'exit' follows): only the first is an exit.
      child.on('error', () => {
        if (child.pid === undefined) exit(null, null)
      })
      const worker: WorkerProcess = {
        get pid() {
          return child.pid
        },
        postMessage(message) {
          // A process that just died cannot take it: its exit is reported instead.
          if (child.connected) child.send(message, (error) => void error)
        },
        onMessage(listener) {
          child.on('message', listener)
        },
        onExit(listener) {
          exitListeners.push(listener)
        },
        kill() {
          child.kill('SIGKILL')
        },
        ref() {
          child.ref()
          child.channel?.ref()
          refStream(child.stderr, true)
        },
        unref() {
          child.unref()
          child.channel?.unref()
          refStream(child.stderr, false)
        }
      }
      return worker
    },
    rssOf: process.platform === 'linux' ? linuxRss : undefined
  }
}

function refStream(stream: unknown, ref: boolean): void {
  const socket = stream as { ref?: () => void; unref?: () => void } | null
  if (ref) socket?.ref?.()
  else socket?.unref?.()
}

/**
 * Linux: the process's resident set from /proc (a read of a few hundred bytes from the kernel,
 * no disk). Elsewhere Node has no cheap way to read another process's memory: there the runner
 * relies on the heap ceiling alone.
 */
function linuxRss(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1]
    return kb === undefined ? undefined : Number(kb) * 1024
  } catch {
    // Gone already.
    return undefined
  }
}
