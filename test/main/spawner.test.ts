/**
 * What the spawners share: the tail of a dying worker's stderr, kept even when Electron takes the
 * stream's listeners away at `exit`, and telling a heap abort from any other death.
 */
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { diedOfHeap, keepTail } from '../../src/main/services/import/spawner'

describe('a dying worker’s last words', () => {
  it('keeps the end of stderr, and the lines written after its listeners were removed', async () => {
    const stream = new PassThrough()
    const tail = keepTail(stream)
    stream.write('x'.repeat(20_000))
    stream.write('<--- Last few GCs --->\n')
    // What Electron does right after emitting a utility process's `exit`.
    stream.removeAllListeners()
    const drained = tail.drained()
    stream.end('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n')
    await drained
    expect(tail.text()).toMatch(/Last few GCs --->\nFATAL ERROR: Reached heap limit/)
    expect(tail.text().length).toBeLessThanOrEqual(8 * 1024)
  })

  it('does not wait long for a stream that stays open (a grandchild holding it)', async () => {
    const started = performance.now()
    await keepTail(new PassThrough()).drained()
    expect(performance.now() - started).toBeLessThan(5_000)
    await keepTail(null).drained()
  })

  it('tells a heap abort (Node’s stderr, Electron’s fatal-error location) from any other death', () => {
    expect(diedOfHeap({ code: null, signal: 'SIGABRT', last: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' })).toBe(true)
    expect(diedOfHeap({ code: 6, signal: null, last: 'MarkCompactCollector: young object promotion failed Allocation failed - JavaScript heap out of memory' })).toBe(true)
    expect(diedOfHeap({ code: null, signal: 'SIGKILL', last: '' })).toBe(false)
    expect(diedOfHeap({ code: null, signal: 'SIGSEGV' })).toBe(false)
    expect(diedOfHeap({ code: 1, signal: null, last: 'Error: Cannot find module' })).toBe(false)
  })
})
