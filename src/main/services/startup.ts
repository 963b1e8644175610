/**
 * What the app does with the library once, when it starts: finish (or discard) a unit operation a
 * killed process left, and delete for good what has been in the recycle folder longer than the
 * settings say (default 90 days), with the undo records of the same age. Never fails the start:
 * a problem is logged and the library works as it is. Node-only; never imports electron.
 */
import type { ReportLibrary } from './library/index'
import type { SettingsStore } from './settings'

export interface StartupReport {
  purged: number
  prunedOperations: number
  problems: string[]
}

export async function tidyLibraryOnStart(library: ReportLibrary, settings: SettingsStore): Promise<StartupReport> {
  const report: StartupReport = { purged: 0, prunedOperations: 0, problems: [] }
  const attempt = async (what: string, step: () => Promise<void>) => {
    try {
      await step()
    } catch (error) {
      report.problems.push(`${what}：${error instanceof Error ? error.message : String(error)}`)
    }
  }
  await attempt('完成上次中断的操作', () => library.recover())
  const { settings: current } = await settings.load()
  const days = current.local.recycleRetentionDays
  await attempt('清理回收站', async () => {
    report.purged = await library.purgeRemoved(days)
  })
  await attempt('清理撤销记录', async () => {
    report.prunedOperations = await library.pruneOperations(days)
  })
  return report
}
