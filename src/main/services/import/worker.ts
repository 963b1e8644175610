/**
 * The import worker's entry: a worker thread that imports one file at a time for ImportRunner, so
 * that a slow or hostile file never blocks the process that owns the window (or the CLI's event
 * loop), and can be stopped at any moment by terminating the thread.
 *
 * pdfjs and the readers are loaded before the worker says it is ready, so a job's time budget is
 * spent on the file, not on loading code. An unhandled rejection or uncaught exception here (none
 * is expected: the readers contain pdfjs's promises) is reported to the runner, which logs it.
 */
import { parentPort } from 'node:worker_threads'
import { FileError } from '../fileErrors'
import { loadPdfJs } from '../readers/pdf'
import { runImportJob } from './importJob'
import type { FromWorker, ToWorker } from './protocol'

const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread (see ImportRunner)')

const post = (message: FromWorker) => port.postMessage(message)
const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error))

process.on('unhandledRejection', (reason) => post({ type: 'stray', kind: 'unhandledRejection', detail: describe(reason) }))
process.on('uncaughtException', (error) => post({ type: 'stray', kind: 'uncaughtException', detail: describe(error) }))

port.on('message', (message: ToWorker) => {
  if (message.type !== 'import') return
  const { id } = message
  runImportJob(message.source, (stage) => post({ type: 'progress', id, ...stage }), message.options).then(
    (parsed) => post({ type: 'done', id, parsed }),
    (error: unknown) =>
      post({
        type: 'failed',
        id,
        deliberate: error instanceof FileError,
        message: error instanceof Error ? error.message : String(error),
        detail: describe(error)
      })
  )
})

await loadPdfJs()
post({ type: 'ready' })
