/**
 * `library:*` routes: thin calls into the ReportLibrary (the same service the CLI's `library`
 * commands use) and core. Reports are addressed by unit and year; what goes back is the report
 * or a summary, never a file path or folder.
 */
import { startingPrint } from '@core/export/print'
import { createReport, type Report } from '@core/report/report'
import { nextYearDraft } from '@core/report/nextYear'
import { trendFigures } from '@core/report/trend'
import { exportSettings } from '@core/settings'
import { DamagedReportError, LibraryError, type LibraryEntry, type MoveTarget, type ReportLibrary } from '../../services/library/index'
import type { KeepChoice } from '../../services/library/unitChanges'
import type { SettingsStore } from '../../services/settings'
import type { RouteInput, RouteOutput } from '@shared/ipc/contract'
import type { Handlers } from '../registry'
import type { PathMask } from './officerErrors'

export type LibraryRoute = Extract<keyof Handlers, `library:${string}`>

export interface LibraryDeps {
  library: ReportLibrary
  mask: PathMask
  /** The settings beside the library: a new report and a next-year draft take their print options from them. */
  settings?: SettingsStore
  now?: () => Date
}

export function createLibraryHandlers({ library, mask, settings, now = () => new Date() }: LibraryDeps): Pick<Handlers, LibraryRoute> {
  /**
   * Saves a new report with 设置's print options (core/export/print.ts: a report's options are its
   * own from then on); refused (in Chinese) when the unit already has that year.
   */
  const saveNew = async (report: Report): Promise<Report> => {
    await refuseExisting(library, report.unit.name, report.year)
    const profile = settings ? (await settings.load()).settings.region : undefined
    const print = startingPrint(profile && exportSettings(profile))
    return (await library.save({ ...report, settings: print })).report
  }

  return {
    'library:list': async () =>
      (await library.list()).map((unit) => ({
        name: unit.name,
        level: unit.level,
        years: unit.years.map((entry) => describeYear(entry, mask))
      })),

    'library:open': async ({ unit, year }) => (await library.open(unit, year)).report,

    'library:save': async ({ report }) => ({ updatedAt: (await library.save(report)).updatedAt }),

    'library:create': ({ unit, year, level }) => saveNew(createReport({ unit, year, level })),

    'library:nextYear': async ({ unit, year }) => {
      const { report: last } = await library.open(unit, year)
      return saveNew(nextYearDraft(last, { createdAt: now().toISOString() }).report)
    },

    'library:duplicate': async ({ unit, year, toYear }) => (await library.duplicate(unit, year, toYear)).report,

    'library:remove': async ({ unit, year }) => ({ removedId: (await library.remove(unit, year)).id }),

    'library:undoRemove': async ({ removedId }) => {
      await library.restoreRemoved(removedId)
      return undefined
    },

    'library:history': async ({ unit, year }) =>
      (await library.history(unit, year)).map(({ id, time, size, damaged, reason }) => ({ id, time, size, damaged, ...(reason ? { reason } : {}) })),

    'library:restore': async ({ unit, year, backupId }) => (await library.restore(unit, year, backupId)).report,

    'library:previewRename': ({ unit, newName }) => library.previewRename(unit, newName),

    'library:renameUnit': ({ unit, newName, keep }) => library.renameUnit(unit, newName, { keep: toKeep(keep) }),

    'library:previewMove': ({ unit, year, toUnit, toYear }) => library.previewMove(unit, year, moveTarget(toUnit, toYear)),

    'library:moveReport': ({ unit, year, toUnit, toYear, keep }) =>
      library.moveReport(unit, year, moveTarget(toUnit, toYear), { keep: toKeep(keep) }),

    'library:undoOperation': ({ operationId }) => library.undoOperation(operationId),

    'library:listRemoved': () => library.listRemoved(),

    'library:emptyRecycle': async () => ({ purged: await library.emptyRecycle() }),

    'library:trend': async ({ unit }) => {
      const found = (await library.list()).find((u) => u.name === unit || u.slug === unit)
      if (!found) return []
      // Oldest first, as a chart reads; a damaged year is left out rather than failing the chart.
      const years = found.years.filter((e) => e.status === 'ok').sort((a, b) => a.year - b.year)
      const points: RouteOutput<'library:trend'> = []
      for (const entry of years) {
        const { report } = await library.open(found.slug, entry.year).catch(() => ({ report: undefined }))
        if (report) points.push({ year: entry.year, ...trendFigures(report) })
      }
      return points
    }
  }
}

function moveTarget(toUnit: string, toYear: number | undefined): MoveTarget {
  return toYear === undefined ? { toUnit } : { toUnit, toYear }
}

/** Per-year choices arrive keyed by the year as text (JSON keys are strings). */
function toKeep(keep: RouteInput<'library:renameUnit'>['keep']): KeepChoice | undefined {
  if (keep === undefined || typeof keep === 'string') return keep
  return Object.fromEntries(Object.entries(keep).map(([year, choice]) => [Number(year), choice]))
}

/** Whether the unit has a report for the year, readable or damaged: either way, not to be replaced silently. */
export async function reportExists(library: ReportLibrary, unit: string, year: number): Promise<boolean> {
  try {
    await library.open(unit, year)
    return true
  } catch (error) {
    if (error instanceof DamagedReportError) return true
    if (error instanceof LibraryError && error.code === 'notFound') return false
    throw error
  }
}

async function refuseExisting(library: ReportLibrary, unit: string, year: number): Promise<void> {
  if (await reportExists(library, unit, year)) {
    throw new LibraryError(`资料库中已有「${unit}」${year} 年度报告，请直接打开它，或先删除后再新建`, 'exists')
  }
}

/** One year as the library view shows it: the problem masked, the backup by id and time only. */
function describeYear(entry: LibraryEntry, mask: PathMask) {
  return {
    year: entry.year,
    updatedAt: entry.updatedAt,
    status: entry.status,
    ...(entry.problem === undefined ? {} : { problem: mask(entry.problem) }),
    ...(entry.lastGoodBackup ? { lastGoodBackup: { id: entry.lastGoodBackup.id, time: entry.lastGoodBackup.time } } : {})
  }
}
