/**
 * The command-line face of the app: the same core and services the desktop app uses, headless.
 * Every failure becomes one Chinese line on stderr and a non-zero exit code; never a stack trace.
 */
import { Command, CommanderError } from 'commander'
import { ReportError } from '@core/report/report'
import { FileError } from '../main/services/files'
import { registerCells } from './commands/cells'
import { registerCheck } from './commands/check'
import { registerExport } from './commands/export'
import { registerImport } from './commands/import'
import { registerLibrary } from './commands/library'
import { registerNextYear } from './commands/nextYear'
import { registerNew } from './commands/new'
import { registerReview } from './commands/review'
import { registerRollup } from './commands/rollup'
import { registerSettings } from './commands/settings'
import { registerSet } from './commands/set'
import { CliError, type CliContext, type CliIo } from './io'

/** Commander's own parse errors, reworded (its texts are English). */
const COMMANDER_MESSAGES: Record<string, (raw: string) => string> = {
  'commander.unknownCommand': (raw) => `未知命令${quoted(raw)}；可用命令：new、import、next-year、cells、set、check、review、export、library、settings、rollup（-h 查看帮助）`,
  'commander.unknownOption': (raw) => `未知选项${quoted(raw)}（-h 查看帮助）`,
  'commander.missingArgument': (raw) => `缺少参数${quoted(raw)}（-h 查看帮助）`,
  'commander.missingMandatoryOptionValue': (raw) => `缺少必填选项${quoted(raw)}（-h 查看帮助）`,
  'commander.optionMissingArgument': (raw) => `选项缺少取值${quoted(raw)}`,
  'commander.excessArguments': () => '参数过多（-h 查看帮助）'
}

function quoted(raw: string): string {
  const match = /'([^']+)'/.exec(raw)
  return match ? `“${match[1]}”` : ''
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name('npm run cli --')
    .description('政府信息公开年报助手（命令行）')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令帮助')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: () => undefined })
  const context: CliContext = { io, setExitCode }
  for (const register of [registerNew, registerImport, registerNextYear, registerCells, registerSet, registerCheck, registerReview, registerExport, registerLibrary, registerSettings, registerRollup]) register(program, context)
  for (const command of program.commands) {
    command.helpOption('-h, --help', '显示帮助').exitOverride().configureOutput({ writeOut: io.out, writeErr: () => undefined })
  }
  return program
}

/** Runs the CLI on argv (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0
  const program = buildProgram(io, (code) => (exitCode = code))
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    return reportError(error, io)
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0
    const reword = COMMANDER_MESSAGES[error.code]
    io.err(`错误：${reword ? reword(error.message) : error.message.replace(/^error:\s*/, '')}\n`)
    return 2
  }
  if (error instanceof CliError) {
    io.err(`错误：${error.message}\n`)
    return error.exitCode
  }
  if (error instanceof FileError || error instanceof ReportError) {
    io.err(`错误：${error.message}\n`)
    return 2
  }
  io.err(`错误：程序内部错误（${error instanceof Error ? error.message : String(error)}）\n`)
  return 70
}
