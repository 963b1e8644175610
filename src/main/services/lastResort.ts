/**
 * Last-resort handlers for the main process and the CLI: an unhandled rejection or uncaught
 * exception is logged and the process keeps running, instead of Node's default of printing a stack
 * trace and exiting (which, in the app, would close the window with unsaved edits). Nothing in the
 * import path relies on them: the readers contain their libraries' promises, and imports run in a
 * worker whose own handlers report to the runner. Installed once per process.
 */
let installed = false

function describe(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : String(value)
}

export function installLastResortHandlers(log: (line: string) => void): void {
  if (installed) return
  installed = true
  process.on('unhandledRejection', (reason) => log(`[未处理的异步错误，已忽略] ${describe(reason)}`))
  process.on('uncaughtException', (error) => log(`[未捕获的异常，已忽略] ${describe(error)}`))
}
