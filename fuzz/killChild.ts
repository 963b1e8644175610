/**
 * The kill test's child: saves reports through the library in a loop, as fast as it can, and says
 * on stdout what it is doing — `START <report> <version>` before a save, `ACK <report> <version>`
 * once the save resolved (what the app would show as 已保存). Lines are written synchronously, so a
 * line read by the parent was written before the kill. Started by fuzz/kill.ts, killed with SIGKILL.
 *
 * argv: <library folder> <first version>
 */
import { writeSync } from 'node:fs'
import { ReportLibrary } from '../src/main/services/library/index'
import { KILL_REPORTS, killVersion } from './killReports'

const [root, first] = process.argv.slice(2)
if (!root || !first) throw new Error('usage: killChild <library> <first version>')

const say = (line: string) => writeSync(1, `${line}\n`)
// Backups on every save, so rotation is exercised too.
const library = new ReportLibrary(root, { backupIntervalMs: 0 })
say('READY')
for (let version = Number(first); ; version += 1) {
  for (const [index, base] of KILL_REPORTS.entries()) {
    say(`START ${index} ${version}`)
    await library.save(killVersion(base, version), { forceBackup: version % 3 === 0 })
    say(`ACK ${index} ${version}`)
  }
}
