/**
 * `rollup:*` routes: the county's roll-up (services/rollup/session.ts) and its unit list
 * (services/rollup/unitsStore.ts). The renderer gets figures, counts and file names as the officer
 * knows them (within the chosen folder or .zip), never a path; the roll-up's documents stay in main.
 */
import { basename, extname } from 'node:path'
import { quantity } from '@core/report/quantities'
import { allFindings, countFindings } from '@core/rollup/rollup'
import { statusText, SUMMARY_FIGURES } from '@core/rollup/sheets'
import type { RollupReport, RollupResult } from '@core/rollup/types'
import type { RollupReportBrief, RollupView } from '@shared/ipc/rollup'
import type { Dialogs } from '../../services/desktop'
import { FileError } from '../../services/files'
import type { PathTokens } from '../../services/pathTokens'
import type { RollupSession } from '../../services/rollup/session'
import type { UnitsStore } from '../../services/rollup/unitsStore'
import type { Handlers } from '../registry'

export type RollupRoute = Extract<keyof Handlers, `rollup:${string}`>

export interface RollupDeps {
  session: RollupSession
  units: UnitsStore
  dialogs: Dialogs
  tokens: PathTokens
}

function brief(report: RollupReport): RollupReportBrief {
  const figures: Record<string, number | null> = {}
  for (const id of SUMMARY_FIGURES) {
    const cells = quantity(id).cells.map((c) => report.values[c])
    figures[id] = cells.every((v) => v !== undefined) ? Number(cells.reduce<number>((a, b) => a + b!, 0).toFixed(6)) : null
  }
  return {
    id: report.id,
    file: report.file,
    names: report.names,
    ...(report.year !== undefined ? { year: report.year } : {}),
    ...(report.match ? { match: report.match } : {}),
    ...(report.ambiguous ? { ambiguous: report.ambiguous } : {}),
    counts: countFindings(allFindings(report)),
    filled: Object.keys(report.values).length,
    importFaults: report.importFaults,
    figures,
    ...(report.previous ? { previousYear: report.previous.year } : {})
  }
}

export function rollupView(result: RollupResult, source: string, years: number[]): RollupView {
  return {
    year: result.year,
    years: years.includes(result.year) ? years : [result.year, ...years],
    listed: result.listed,
    units: result.units.map((s) => ({
      unit: s.unit,
      status: s.status,
      statusText: statusText(s),
      own: s.own,
      ...(s.chosen ? { chosen: s.chosen.id } : {}),
      ...(s.chosenBy ? { chosenBy: s.chosenBy } : {}),
      reports: s.reports.map(brief),
      otherYears: s.otherYears.map(brief),
      counts: s.counts
    })),
    unmatched: result.unmatched.map(brief),
    otherYears: result.otherYears.map(brief),
    unreadable: result.unreadable,
    missing: result.missing,
    totals: result.totals,
    ...(result.comparison ? { comparison: result.comparison } : {}),
    ...(result.comparisonProblem ? { comparisonProblem: result.comparisonProblem } : {}),
    source
  }
}

/** Characters no file name may hold on Windows. */
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001f]/g

export function createRollupHandlers({ session, units, dialogs, tokens }: RollupDeps): Pick<Handlers, RollupRoute> {
  const view = (result: RollupResult | undefined): RollupView | null => (result ? rollupView(result, session.source ?? '', session.years()) : null)

  return {
    'rollup:units': async () => {
      try {
        return { units: await units.load() }
      } catch (error) {
        if (error instanceof FileError) return { units: [], problem: `${error.message}；保存单位名单后将替换该文件` }
        throw error
      }
    },

    'rollup:saveUnits': async ({ units: list }) => {
      const saved = await units.save(list)
      await session.relist(saved)
      return saved
    },

    'rollup:importUnits': async () => {
      const path = await dialogs.chooseUnitList()
      if (path === null) return null
      // Known to the path mask: a message naming the file shows its bare name.
      tokens.issue(path)
      const saved = await units.importFile(path)
      await session.relist(saved)
      return saved
    },

    'rollup:stage': async ({ files }) => session.stage(files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.bytes, 'base64')) }))),

    'rollup:unstage': async () => {
      await session.unstage()
    },

    'rollup:start': async ({ source, year }) => {
      if (source === 'dropped') {
        const staged = await session.start('staged', year, '拖入的文件')
        return view(staged)
      }
      const path = await dialogs.chooseRollupSource(source)
      if (path === null) return null
      tokens.issue(path)
      if (source === 'zip' && extname(path).toLowerCase() !== '.zip') throw new FileError(`不是 .zip 压缩包：${basename(path)}`)
      return view(await session.start([path], year, basename(path)))
    },

    'rollup:status': () => session.status(),

    'rollup:cancel': () => session.cancel(),

    'rollup:view': async ({ year }) => {
      await session.reloadSettings()
      return view(session.result(year))
    },

    'rollup:match': async ({ report, unit, remember }) => view(await session.match(report, unit, remember))!,

    'rollup:choose': ({ unit, report }) => view(session.choose(unit, report))!,

    'rollup:report': async ({ report }) => {
      const detail = await session.detail(report)
      return { brief: brief(detail.report), report: detail.parsed.report, findings: allFindings(detail.report) }
    },

    'rollup:exportWorkbook': async () => {
      const result = session.result()
      if (!result) throw new FileError('还没有汇总结果，请先汇总')
      const chosen = await dialogs.chooseWorkbookPath(`${result.year}年度政府信息公开工作年度报告汇总.xlsx`.replace(UNSAFE_IN_NAME, '_'))
      if (chosen === null) return null
      const path = extname(chosen).toLowerCase() === '.xlsx' ? chosen : `${chosen}.xlsx`
      const token = tokens.issue(path)
      await session.writeWorkbook(path)
      return { fileName: basename(path), token }
    }
  }
}
