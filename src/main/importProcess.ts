/**
 * The app's import workers: Electron utility processes running the bundled worker.ts. Thin glue
 * over the WorkerSpawner that ImportRunner uses (src/main/services/import/spawner.ts); everything
 * else about imports is tested in Node through nodeSpawner.
 *
 * - utilityProcess, not child_process.fork: the packaged app's runAsNode fuse is off, so the
 *   Electron binary cannot run as Node.
 * - The heap ceiling goes through `--js-flags`: a utility process builds its V8 heap from that
 *   switch before Node reads any option, and passes Node only debugging options (which the
 *   inspect fuse turns off anyway), so `--max-old-space-size` on its own would do nothing. One
 *   flag, no spaces: it travels as one command-line switch on every platform.
 * - A heap overflow there prints Node's `FATAL ERROR: … heap out of memory` on stderr (kept), and
 *   other V8 fatal errors come as the `error` event before `exit`.
 * - Resident memory: app.getAppMetrics() lists every process of the app, the utility ones included,
 *   with their working set (in KB).
 */
import { app, utilityProcess } from 'electron'
import { keepTail, type WorkerExit, type WorkerProcess, type WorkerSpawner } from './services/import/spawner'

export function electronImportSpawner(entry: string): WorkerSpawner {
  return {
    spawn({ maxHeapMb }) {
      const child = utilityProcess.fork(entry, [], {
        serviceName: '导入组件',
        execArgv: [`--js-flags=--max-old-space-size=${maxHeapMb}`],
        stdio: ['ignore', 'ignore', 'pipe']
      })
      const stderr = keepTail(child.stderr)
      let fatal = ''
      child.on('error', (_type, location) => (fatal = location))
      return {
        get pid() {
          return child.pid
        },
        postMessage: (message) => child.postMessage(message),
        onMessage: (listener) => void child.on('message', listener),
        // After Electron's own handling of `exit` (which drops the stderr listeners): see keepTail.
        onExit: (listener: (exit: WorkerExit) => void) =>
          void child.once('exit', (code) =>
            setImmediate(() => void stderr.drained().then(() => listener({ code, signal: null, last: `${stderr.text()}\n${fatal}`.trim() })))
          ),
        kill: () => void child.kill(),
        // The main process lives as long as the app: nothing to hold open or let go.
        ref: () => undefined,
        unref: () => undefined
      } satisfies WorkerProcess
    },
    rssOf: (pid) => {
      const kb = app.getAppMetrics().find((metric) => metric.pid === pid)?.memory.workingSetSize
      return kb === undefined ? undefined : kb * 1024
    }
  }
}
