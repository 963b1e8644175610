/**
 * `npm run fuzz -- --count 10000 [--seed 1] [--mode worker|direct] [--save DIR] [--only 12,40]`:
 * the long run. Feeds seeded mutations of every fixture kind and the hostile set through the import
 * path and prints counts by kind and outcome, the slowest inputs and peak memory; exits 1 on any
 * crash, overrun or memory stop. `--save DIR` writes each failing input there to reproduce it;
 * `--only` runs just those inputs of the seed's sequence (with their full error).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { nodeSpawner } from '../src/main/services/import/nodeSpawner'
import { ImportRunner } from '../src/main/services/import/runner'
import { corpus } from './corpus'
import { runDirect, runInWorker, summarize, type FuzzRecord } from './run'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback
}

const count = Number(option('count', '1000'))
const seed = Number(option('seed', '1'))
const mode = option('mode', 'worker')
const save = option('save', '')
const only = new Set(option('only', '').split(',').filter(Boolean).map(Number))
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !['worker', 'direct'].includes(mode)) {
  console.error('用法：npm run fuzz -- --count 10000 [--seed 1] [--mode worker|direct] [--save 目录]')
  process.exit(2)
}

const strays: string[] = []
process.on('unhandledRejection', (reason) => strays.push(`unhandledRejection: ${reason instanceof Error ? reason.stack : String(reason)}`))
process.on('uncaughtException', (error) => strays.push(`uncaughtException: ${error.stack ?? error.message}`))

const runner = new ImportRunner({ spawner: nodeSpawner(), onStray: (detail) => strays.push(detail) })
if (mode === 'worker') runner.warm()
const records: FuzzRecord[] = []
const started = performance.now()
for await (const input of corpus({ seed, count })) {
  if (only.size && !only.has(input.index)) continue
  const record = mode === 'worker' ? await runInWorker(runner, input, strays) : await runDirect(input, strays)
  records.push(record)
  if (record.outcome === 'crash' || record.outcome === 'over-budget' || record.outcome === 'memory') {
    console.log(`  ✗ #${record.index} ${record.shape} → ${record.outcome}: ${record.message ?? ''}`)
    if (only.size) console.log(record.detail)
    if (save) {
      mkdirSync(save, { recursive: true })
      writeFileSync(join(save, `${record.index}-${record.shape.replace(/\W+/g, '_')}${record.name.slice(record.name.lastIndexOf('.'))}`), input.bytes)
    }
  }
  if (records.length % 100 === 0) {
    console.log(`  ${records.length}/${count}，${((performance.now() - started) / 1000).toFixed(0)} 秒`)
  }
}
await runner.dispose()
console.log(`\n${summarize(records, { mode, seed, elapsedMs: performance.now() - started })}`)
process.exitCode = records.some((r) => r.outcome === 'crash' || r.outcome === 'over-budget' || r.outcome === 'memory') ? 1 : 0
