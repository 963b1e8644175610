/**
 * 汇总 of 500 reports (issue 14): a county's inbox made of the committed fixtures — Word reports
 * from the app's own export for 150 units, the web page and text fixtures renamed for 200 more, and
 * copies of the .pdf, .doc and .mhtml fixtures (duplicates of one unit, and another unit's report of
 * another year) — rolled up through the import worker pool (the built worker, one per core), the
 * workbook written. Timed from the workers' start (as the officer waits) to the roll-up done. Target:
 * ≤ 20 s on this machine (2 cores), which other work may share (the load is printed). Memory: the
 * resident memory of this process and of the worker processes together, sampled through the run,
 * for 100 and for 500 reports — bounded if the second is not five times the first (reports are
 * summarised as they come; no document is held). CPU: this process's and its worker processes'
 * (Linux: the children's time the kernel reports once they are gone; elsewhere this process only).
 *
 *   npx tsx bench/rollup.ts        (alone; `npm run bench` runs it with the others)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildDocx } from '@core/export/docx'
import type { RollupUnit } from '@core/rollup/units'
import { nodeSpawner } from '../src/main/services/import/nodeSpawner'
import { SOURCE_WORKER_ENTRY } from '../src/main/services/import/sourceEntry'
import type { WorkerProcess, WorkerSpawner } from '../src/main/services/import/spawner'
import { LibraryHistory } from '../src/main/services/rollup/history'
import { ImportPool } from '../src/main/services/rollup/pool'
import { runRollup } from '../src/main/services/rollup/run'
import { writeWorkbook } from '../src/main/services/rollup/workbook'
import { consistentReport, withValues } from '../test/support/reports'

const FIXTURES = new URL('../test/fixtures/', import.meta.url)
const FIXTURE_UNIT = '示例县示例镇人民政府'
const TARGET_S = 20

/** The built worker (out/main/chunks/worker-*.js), as the app runs it; the source when not built. */
function workerEntry(): string {
  const chunks = new URL('../out/main/chunks/', import.meta.url)
  const built = existsSync(chunks) ? readdirSync(chunks).find((f) => f.startsWith('worker-') && f.endsWith('.js')) : undefined
  return built ? new URL(built, chunks).pathname : SOURCE_WORKER_ENTRY
}

/**
 * CPU seconds of this process's children that have ended (Linux: cutime + cstime of /proc/self/stat,
 * in clock ticks of 1/100 s); 0 elsewhere.
 */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'latin1').split(') ')[1]!.split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return 0
  }
}

const PLACES = ['东', '西', '南', '北', '中', '新', '和', '平', '安', '兴', '富', '民', '太', '永', '长', '青', '石', '桥', '河', '山']
/** Unit names enough for a large county: 乡镇 and 部门, all different. */
function unitNames(count: number): string[] {
  const names: string[] = []
  for (const kind of ['镇', '乡', '街道']) for (const a of PLACES) for (const b of PLACES) if (a !== b && names.length < count) names.push(`${a}${b}${kind}`)
  return names
}

/** Writes the inbox of `count` files; answers the unit list that goes with it. */
async function inbox(folder: string, count: number): Promise<RollupUnit[]> {
  await mkdir(folder, { recursive: true })
  const html = (await readFile(new URL('same-report/report.html', FIXTURES), 'utf8'))
  const txt = (await readFile(new URL('text/report.utf8.txt', FIXTURES), 'utf8'))
  const names = unitNames(count)
  const units: RollupUnit[] = []
  for (let i = 0; i < count; i++) {
    const name = names[i]!
    const full = `示例县${name}人民政府`
    // Mixed kinds, as a county receives them: Word, web pages, text, and copies of PDF, .doc, .mhtml.
    const kind = ['docx', 'html', 'txt', 'docx', 'pdf', 'html', 'docx', 'txt', 'doc', 'mhtml'][i % 10]!
    const file = join(folder, `${String(i).padStart(3, '0')}-${name}.${kind}`)
    if (kind === 'docx') {
      const report = i % 7 === 0 ? withValues(consistentReport({ unit: full }), { 't2.fees.amount': undefined }) : consistentReport({ unit: full })
      await writeFile(file, await buildDocx(report))
    } else if (kind === 'html') await writeFile(file, html.replaceAll(FIXTURE_UNIT, full))
    else if (kind === 'txt') await writeFile(file, txt.replaceAll(FIXTURE_UNIT, full))
    else if (kind === 'pdf') await copyFile(new URL(i % 20 === 4 ? 'corpus/pdf-libreoffice.pdf' : 'same-report/report.pdf', FIXTURES), file)
    else if (kind === 'doc') await copyFile(new URL('same-report/report.doc', FIXTURES), file)
    else await copyFile(new URL('same-report/report.mhtml', FIXTURES), file)
    // The list: nine in ten of the units (the rest are reports of units not on it), plus the fixtures' own.
    if (i % 10 !== 9) units.push({ name, level: 'township', aliases: [] })
  }
  units.push({ name: '示例镇', level: 'township', aliases: [] }, { name: '县卫健委', level: 'department', aliases: ['金川区卫生健康委员会'] })
  return units
}

interface Measured {
  seconds: number
  /** CPU time of this process and of the worker processes. */
  cpuSeconds: number
  peakGrowthMb: number
  reports: number
  unreadable: number
  missing: number
  workbookMs: number
}

async function rollUp(dir: string, count: number): Promise<Measured> {
  const folder = join(dir, `inbox-${count}`)
  const units = await inbox(folder, count)
  // The worker processes, to count their memory and CPU with this process's.
  const node = nodeSpawner(workerEntry())
  const workers: WorkerProcess[] = []
  const spawner: WorkerSpawner = {
    spawn: (heap) => {
      const child = node.spawn(heap)
      workers.push(child)
      return child
    },
    rssOf: node.rssOf
  }
  const resident = () => process.memoryUsage.rss() + workers.reduce((sum, w) => sum + (w.pid === undefined ? 0 : (node.rssOf?.(w.pid) ?? 0)), 0)
  // Timed from the workers' start, as the officer waits for it: the app and the CLI start the pool per roll-up.
  const baseline = resident()
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, resident())), 50)
  const started = performance.now()
  const cpu = process.cpuUsage()
  const childrenCpu = childrenCpuSeconds()
  const pool = new ImportPool({ spawner, size: availableParallelism() })
  pool.warm()
  try {
    const result = await runRollup([folder], {
      year: 2025,
      units,
      history: new LibraryHistory(undefined),
      importOne: pool.importOne,
      concurrency: pool.size
    })
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    // The workers' CPU is the kernel's to tell once they are gone.
    await pool.dispose()
    const cpuSeconds = (used.user + used.system) / 1e6 + childrenCpuSeconds() - childrenCpu
    const before = performance.now()
    await writeWorkbook(join(dir, `summary-${count}.xlsx`), result)
    return {
      seconds,
      cpuSeconds,
      peakGrowthMb: (peak - baseline) / 1024 / 1024,
      reports: result.units.reduce((n, s) => n + s.reports.length, 0) + result.unmatched.length,
      unreadable: result.unreadable.length,
      missing: result.missing.length,
      workbookMs: performance.now() - before
    }
  } finally {
    clearInterval(sampler)
    await pool.dispose()
  }
}

export async function benchRollup(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-rollup-'))
  try {
    const small = await rollUp(dir, 100)
    const large = await rollUp(dir, 500)
    const verdict = large.seconds <= TARGET_S ? `✓ 目标 ≤ ${TARGET_S} s` : `✗ 目标 ≤ ${TARGET_S} s`
    // Other work on the machine takes the same cores: the load is said beside the time.
    const load = loadavg()[0]!.toFixed(1)
    return [
      `汇总（导入组件 ${availableParallelism()} 个，即本机核数；docx/网页/文本/pdf/doc/mhtml 混合；测量时系统负载 ${load}）：`,
      `  500 份：${large.seconds.toFixed(1)} s（每份 ${((large.seconds * 1000) / 500).toFixed(0)} ms）  ${verdict}；本年度报告 ${large.reports} 份，未报送 ${large.missing} 个，无法读取 ${large.unreadable} 个；写汇总表 ${large.workbookMs.toFixed(0)} ms`,
      `  500 份所用 CPU 时间（本进程与各导入进程）${large.cpuSeconds.toFixed(1)} s：${availableParallelism()} 核不被其他程序占用时，用时约为 ${(large.cpuSeconds / availableParallelism()).toFixed(1)} s`,
      `  100 份：${small.seconds.toFixed(1)} s；写汇总表 ${small.workbookMs.toFixed(0)} ms`,
      `  内存（本进程与各导入进程的常驻内存合计，峰值比起始增加，含导入进程的启动和各自的堆）：100 份 ${small.peakGrowthMb.toFixed(0)} MB，500 份 ${large.peakGrowthMb.toFixed(0)} MB` +
        `（500 份不到 100 份的 ${(large.peakGrowthMb / Math.max(1, small.peakGrowthMb)).toFixed(1)} 倍：逐份汇总，不保留文档）`
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchRollup()) console.log(line)
}
