/**
 * The import worker's entry: a process of its own that imports one file at a time for
 * ImportRunner, so that a slow or hostile file never blocks the process that owns the window (or
 * the CLI's event loop), can be stopped at any moment by killing the process, and — past its heap
 * ceiling, or on a native crash in OCR — takes only itself down.
 *
 * pdfjs and the readers are loaded, and recognition run once on a line of text, before the worker
 * says it is ready, so a job's time budget is spent on the file, not on loading code (the first
 * text import of a fresh process took 30–130 ms without it, later ones 2–5 ms). An unhandled rejection or uncaught exception here (none
 * is expected: the readers contain pdfjs's promises) is reported to the runner, which logs it.
 */
import { FileError } from '../fileErrors'
import { setOcrThreads } from '../ocr/index'
import { loadPdfJs } from '../readers/pdf'
import { runImportJob } from './importJob'
import { connectToParent, type WorkerProcessLike } from './parentChannel'
import type { WorkerUsage } from './protocol'

const parent = connectToParent(process as unknown as WorkerProcessLike)
const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error))

process.on('unhandledRejection', (reason) => parent.post({ type: 'stray', kind: 'unhandledRejection', detail: describe(reason) }))
process.on('uncaughtException', (error) => parent.post({ type: 'stray', kind: 'uncaughtException', detail: describe(error) }))

/** CPU time since `cpu` and the process's resident-memory high-water mark (maxRSS is in KB). */
function usageSince(cpu: NodeJS.CpuUsage): WorkerUsage {
  const used = process.cpuUsage(cpu)
  return { cpuMs: (used.user + used.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }
}

parent.onMessage((message) => {
  if (message.type !== 'import') return
  const { id } = message
  // The same for every job of a runner; it takes effect when OCR first starts in this process.
  if (message.options?.ocrThreads) setOcrThreads(message.options.ocrThreads)
  const cpu = process.cpuUsage()
  runImportJob(message.source, (stage) => parent.post({ type: 'progress', id, ...stage }), message.options).then(
    (parsed) => parent.post({ type: 'done', id, parsed, usage: usageSince(cpu) }),
    (error: unknown) =>
      parent.post({
        type: 'failed',
        id,
        deliberate: error instanceof FileError,
        message: error instanceof Error ? error.message : String(error),
        detail: describe(error)
      })
  )
})

await loadPdfJs()
await runImportJob({ kind: 'text', text: '某某县人民政府2024年政府信息公开工作年度报告', name: '预热' }).catch(() => undefined)
parent.post({ type: 'ready' })
