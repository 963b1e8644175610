/** The CLI run in this process, its standard output and error captured. */
import { runCli } from '../../src/cli/program'

export interface CliRun {
  code: number
  out: string
  err: string
}

export async function runCaptured(argv: readonly string[]): Promise<CliRun> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}
