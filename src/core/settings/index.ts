/**
 * 设置 and region profiles (pure). What the rules and the export read is a plain projection of the
 * profile (RuleSettings, ExportSettings), passed in by whoever calls them; the settings file itself
 * is read and written by main/services/settings.ts.
 */
import type { CellId } from '../report/cells'
import type { RegionProfile } from './schema'

export * from './schema'
export * from './parse'
export { NATIONAL_PROFILE, NATIONAL_PROFILE_NAME } from './defaults'
import { NATIONAL_PROFILE_NAME } from './defaults'
export { compileFigurePattern, findFigure, mentionsAny, FIGURE_GAP, FIGURE_PLACEHOLDER, type FoundFigure } from './figures'

/** What the checks need from the settings (to be passed as `CheckContext.settings`). */
export interface RuleSettings {
  /** The region profile's name, for messages that cite a local limit (“某某市 2025 年要求”). */
  profile?: string
  /** 报送截止日期, month and day of the year after the report's. */
  deadline: { month: number; day: number }
  /** P1's limit for 总体情况 (national: 1000). */
  overviewCharLimit: number
  /** COPY's threshold, a share (national: 0.5). */
  copyRatioThreshold: number
  /** Figures 总体情况 must state; `findFigure(text, patterns)` finds them. */
  overviewFigures: readonly { label: string; cell?: CellId; patterns: readonly string[] }[]
  /** Items 第六部分 must cover; `mentionsAny(text, patterns)` checks one. */
  section6Items: readonly { label: string; patterns: readonly string[] }[]
}

/** What the Word export and the preview need from the settings (defaults of the export options). */
export interface ExportSettings {
  blankCells: 'zero' | 'blank'
  level3Bold: boolean
  signature: { include: boolean; dateStyle: 'arabic' | 'chinese'; align: 'gbt9704' | 'right' }
}

export function ruleSettings(profile: RegionProfile): RuleSettings {
  return {
    ...(profile.name !== NATIONAL_PROFILE_NAME ? { profile: profile.name } : {}),
    deadline: { ...profile.deadline },
    overviewCharLimit: profile.overviewCharLimit,
    copyRatioThreshold: profile.copyRatioThreshold,
    overviewFigures: profile.overviewFigures.map((f) => ({ ...f, patterns: [...f.patterns] })),
    section6Items: profile.section6Items.map((i) => ({ ...i, patterns: [...i.patterns] }))
  }
}

export function exportSettings(profile: RegionProfile): ExportSettings {
  return { blankCells: profile.blankCells, level3Bold: profile.headings.level3Bold, signature: { ...profile.signature } }
}
