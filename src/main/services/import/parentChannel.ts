/**
 * The worker's side of the line to ImportRunner, whichever parent started it: Electron's
 * utilityProcess (`process.parentPort`, messages arrive as `{ data }`) or a Node fork
 * (`process.send` and `process.on('message')`, with advanced serialization). Kept apart from
 * worker.ts so that both paths can be tested without starting a process.
 */
import type { FromWorker, ToWorker } from './protocol'

export interface ParentChannel {
  post(message: FromWorker): void
  onMessage(listener: (message: ToWorker) => void): void
}

/** What the channel needs of `process` (the real one in the worker, a stand-in in tests). */
export interface WorkerProcessLike {
  parentPort?: {
    postMessage(message: unknown): void
    on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  } | null
  send?: ((message: unknown, sendHandle?: undefined, options?: object, callback?: (error: Error | null) => void) => boolean) | undefined
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'disconnect', listener: () => void): unknown
  exit(code?: number): never
}

export function connectToParent(proc: WorkerProcessLike): ParentChannel {
  const port = proc.parentPort
  if (port) {
    // Electron ends a utility process with its parent: nothing to watch.
    return {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => void port.on('message', (event) => listener(event.data as ToWorker))
    }
  }
  const send = proc.send?.bind(proc)
  if (send) {
    // The runner's process is gone (killed, or exited without disposing): so is the reason to run.
    proc.on('disconnect', () => proc.exit(0))
    return {
      // A parent that has just gone cannot take it; the disconnect above ends this process.
      post: (message) => void send(message, undefined, {}, () => undefined),
      onMessage: (listener) => void proc.on('message', (message) => listener(message as ToWorker))
    }
  }
  throw new Error('worker.ts runs as a child process of ImportRunner (Node fork or Electron utilityProcess)')
}
