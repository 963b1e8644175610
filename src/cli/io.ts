/** Where the CLI writes; injected so that tests run commands in-process. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

/** What a command gets: where to write, and how to report a non-zero exit without failing. */
export interface CliContext {
  io: CliIo
  setExitCode(code: number): void
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
}

/** Thrown by commands for a failure already worded for the user; becomes one `错误：…` line. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(message)
  }
}
