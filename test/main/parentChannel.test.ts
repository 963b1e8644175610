/**
 * The worker's line to its parent: Electron's `process.parentPort` (messages as `{ data }`) when
 * there is one, else Node's IPC channel (`process.send`), and the worker ends when a Node parent
 * goes away. The real processes are run by importRunner.test.ts and importProcess.test.ts.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { connectToParent, type WorkerProcessLike } from '../../src/main/services/import/parentChannel'
import type { ToWorker } from '../../src/main/services/import/protocol'

const job: ToWorker = { type: 'import', id: 1, source: { kind: 'text', text: '正文', name: '粘贴的文字' } }

function fakeProcess(extra: Partial<WorkerProcessLike>): WorkerProcessLike & EventEmitter & { exit: ReturnType<typeof vi.fn> } {
  return Object.assign(new EventEmitter(), { exit: vi.fn() }, extra) as never
}

describe('the worker’s channel to its parent', () => {
  it('uses Electron’s parentPort when there is one', () => {
    const port = Object.assign(new EventEmitter(), { postMessage: vi.fn() })
    const send = vi.fn()
    const proc = fakeProcess({ parentPort: port as never, send })
    const channel = connectToParent(proc)
    const received: ToWorker[] = []
    channel.onMessage((message) => received.push(message))
    port.emit('message', { data: job, ports: [] })
    expect(received).toEqual([job])
    channel.post({ type: 'ready' })
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready' })
    expect(send).not.toHaveBeenCalled()
  })

  it('uses Node’s IPC channel otherwise, and ends the worker when the parent goes away', () => {
    const send = vi.fn(() => true)
    const proc = fakeProcess({ send })
    const channel = connectToParent(proc)
    const received: ToWorker[] = []
    channel.onMessage((message) => received.push(message))
    proc.emit('message', job)
    expect(received).toEqual([job])
    channel.post({ type: 'ready' })
    expect(send).toHaveBeenCalledWith({ type: 'ready' }, undefined, {}, expect.any(Function))
    expect(proc.exit).not.toHaveBeenCalled()
    proc.emit('disconnect')
    expect(proc.exit).toHaveBeenCalledWith(0)
  })

  it('refuses to run without a parent', () => {
    expect(() => connectToParent(fakeProcess({}))).toThrow(/child process of ImportRunner/)
  })
})
