/**
 * The app's import workers as Electron utility processes (src/main/importProcess.ts), with the
 * electron mock's utilityProcess — a real Node process given `process.parentPort` — so the
 * worker's Electron path runs for real: messages as `{ data }`, the heap ceiling through
 * `--js-flags`, a V8 fatal error told by the `error` event, resident memory from getAppMetrics.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { HOSTILE } from '../../fuzz/hostile'
import { electronImportSpawner } from '../../src/main/importProcess'
import { ImportRunner, type ImportStage } from '../../src/main/services/import/runner'
import { SOURCE_WORKER_ENTRY } from '../../src/main/services/import/sourceEntry'
import { WORKER_LIMITS, WORKER_MESSAGES } from '../../src/main/services/importLimits'
import { app, resetElectronMock, UtilityProcess, utilityProcess } from '../support/electron-mock'
import { SAME_REPORT_PDF, stopped } from '../support/importWorker'

const pdf = SAME_REPORT_PDF
const runners: ImportRunner[] = []
const runner = (options: { maxHeapMb?: number } = {}) => {
  const made = new ImportRunner({ spawner: electronImportSpawner(SOURCE_WORKER_ENTRY), ...options })
  runners.push(made)
  return made
}
afterAll(async () => {
  await Promise.all(runners.map((r) => r.dispose()))
  resetElectronMock()
})

describe('import worker in an Electron utility process', () => {
  it('forks the worker as a named utility process and imports through process.parentPort', async () => {
    const stages: ImportStage[] = []
    const parsed = await runner().run(pdf, { onProgress: (stage) => stages.push(stage) })
    expect(parsed.values).toHaveLength(200)
    expect(stages.at(0)).toEqual({ stage: 'reading' })
    expect(stages.at(-1)).toEqual({ stage: 'recognising' })
    const [modulePath, args, options] = utilityProcess.fork.mock.calls.at(-1)!
    expect([modulePath, args]).toEqual([SOURCE_WORKER_ENTRY, []])
    expect(options).toEqual({ serviceName: '导入组件', execArgv: [`--js-flags=--max-old-space-size=${WORKER_LIMITS.maxHeapMb}`], stdio: ['ignore', 'ignore', 'pipe'] })
  })

  it('tells a heap overflow (V8 aborting the utility process past --js-flags) as the memory ceiling', async () => {
    const importer = runner({ maxHeapMb: 96 })
    const error = await stopped(importer.run({ kind: 'bytes', ...HOSTILE['docx-190mb-xml']!() }))
    expect(error.reason).toBe('memory')
    expect(error.message).toBe(WORKER_MESSAGES.memory('年报.docx', 96))
  })

  it('tells a V8 fatal error reported by the `error` event as the memory ceiling, and the next import works', async () => {
    const importer = runner()
    const error = await stopped(
      importer.run(pdf, {
        onProgress: (stage) => {
          if (stage.stage !== 'reading') return
          const child = UtilityProcess.forked.at(-1)!
          child.emit('error', 'FatalError', 'MarkCompactCollector: young object promotion failed Allocation failed - JavaScript heap out of memory', '{}')
          child.child.kill('SIGKILL')
        }
      })
    )
    expect(error.reason).toBe('memory')
    expect(error.message).toBe(WORKER_MESSAGES.memory('report.pdf', WORKER_LIMITS.maxHeapMb))
    expect((await importer.run(pdf)).values).toHaveLength(200)
  })

  it('reads a utility process’s resident memory from app.getAppMetrics (KB), nothing for a process it does not list', () => {
    const spawner = electronImportSpawner(SOURCE_WORKER_ENTRY)
    app.metrics = [{ pid: 4242, type: 'Utility', memory: { workingSetSize: 150_000, peakWorkingSetSize: 160_000 } }]
    expect(spawner.rssOf?.(4242)).toBe(150_000 * 1024)
    expect(spawner.rssOf?.(4243)).toBeUndefined()
  })
})
