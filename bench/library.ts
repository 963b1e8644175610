/**
 * Library figures for `npm run bench`: save (atomic write with fsync, backup of the replaced version,
 * rotation) and open (read, validate) of a full report, and listing a library of a few dozen reports.
 * Runs in a temp folder on the real disk, so the figures include the fsyncs an officer's disk pays.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ReportLibrary } from '../src/main/services/library'
import { fullReport } from './fixtures'
import { formatTiming, measure } from './measure'

const RUNS = 50

export async function benchLibrary(): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'bench-library-'))
  try {
    const library = new ReportLibrary(root)
    const report = fullReport()
    // Two versions in turn, so that every save really writes and backs up (an unchanged save is skipped).
    const versions = [report, { ...report, sections: { ...report.sections, other: `${report.sections.other}\n（修改）` } }]
    let n = 0
    const save = await measure('资料库 保存 save', RUNS, () => library.save(versions[n++ % 2]!))
    const open = await measure('资料库 打开 open', RUNS, () => library.open(report.unit.name, report.year))
    for (let unit = 0; unit < 10; unit++) {
      for (const year of [2023, 2024, 2025]) await library.save({ ...report, unit: { ...report.unit, name: `示例县第${unit}镇人民政府` }, year })
    }
    const list = await measure('资料库 列表 list（31 份）', 20, () => library.list())
    return [formatTiming(save), formatTiming(open), formatTiming(list)]
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
