/**
 * A second process holding a report's lock for a while (lock.test.ts): takes the lock the library
 * takes for a save, says HELD, holds it for the given time, then releases it and exits.
 * argv: <locks folder> <lock file> <hold ms> <stale ms>
 */
import { writeSync } from 'node:fs'
import { nodeFs } from '../../../src/main/services/fsAdapter'
import { withLock } from '../../../src/main/services/library/lock'

const [folder, lock, hold, stale] = process.argv.slice(2)
await withLock(nodeFs, folder!, lock!, '测试报告', { staleMs: Number(stale), waitMs: 5000 }, async () => {
  writeSync(1, 'HELD\n')
  await new Promise((resolve) => setTimeout(resolve, Number(hold)))
})
writeSync(1, 'RELEASED\n')
