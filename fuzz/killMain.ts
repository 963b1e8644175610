/** `npm run kill-test -- --kills 1000 [--seed 1]`: the kill test's long run (see kill.ts). */
import { runKillTest } from './kill'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback
}

const kills = Number(option('kills', '100'))
const seed = Number(option('seed', '1'))
const summary = await runKillTest({
  kills,
  seed,
  onKill: (done) => {
    if (done % 50 === 0) console.log(`  ${done}/${kills}`)
  }
})
console.log(
  `强制结束测试：${summary.kills} 次 SIGKILL，子进程共确认保存 ${summary.saves} 次；${summary.killedMidSave} 次结束在保存途中，` +
    `其中 ${summary.endedAtInFlight} 份报告停在正在保存的新版本，其余为最后确认的版本；用时 ${(summary.ms / 1000).toFixed(0)} 秒`
)
console.log(summary.problems.length ? `问题 ${summary.problems.length} 个：\n  ${summary.problems.slice(0, 20).join('\n  ')}` : '问题：无（每份报告都是最后确认的版本或正在保存的版本，列表全部完好，锁不阻塞下一次保存）')
process.exitCode = summary.problems.length ? 1 : 0
