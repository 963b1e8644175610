/**
 * The last-resort handlers of the main process and the CLI: an unhandled rejection or uncaught
 * exception is logged as one line and the process keeps running. Run in a child process, since
 * installing them here would change how this test runner sees its own failures.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const SCRIPT = `
import { installLastResortHandlers } from './src/main/services/lastResort.ts'
installLastResortHandlers((line) => process.stdout.write(line.split('\\n')[0] + '\\n'))
Promise.reject(new Error('被遗忘的异步错误'))
setTimeout(() => { throw new Error('回调里的异常') }, 10)
setTimeout(() => process.stdout.write('仍在运行\\n'), 50)
`

describe('last-resort handlers', () => {
  it('log an unhandled rejection and an uncaught exception, and the process carries on', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: process.cwd() })
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      '[未处理的异步错误，已忽略] Error: 被遗忘的异步错误',
      '[未捕获的异常，已忽略] Error: 回调里的异常',
      '仍在运行'
    ])
  })
})
