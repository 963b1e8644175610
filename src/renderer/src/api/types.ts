/**
 * What the renderer's clients offer, by domain. The views and stores depend on these interfaces
 * only; `*Client.ts` implement them over `window.api`, and component tests swap in fakes.
 * Filesystem paths never appear here: files are chosen by dialogs in main and referred to by
 * opaque tokens, and dropped files cross as bytes.
 */
import type { ImportedValue, LegacyFigure, Notice, ParsedSection, Generation, Suggestion, UnitCheck } from '@core/import/types'
import type { VersionReason } from '@core/library/versions'
import type { OcrReview } from '@core/import/ocr/review'
import type { Report, UnitLevel } from '@core/report/report'
import type { Settings } from '@core/settings/schema'
import type { ImportProgress } from '@shared/ipc/importProgress'
import type { RollupUnit } from '@core/rollup/units'
import type { rollupReportDetailSchema, RollupView } from '@shared/ipc/rollup'
import type { z } from 'zod'

export type { ImportProgress } from '@shared/ipc/importProgress'

export interface LibraryYear {
  year: number
  updatedAt: string
  status: 'ok' | 'damaged'
  /** Why a damaged file could not be opened, in Chinese. */
  problem?: string
  /** The newest backup that still opens, offered for restoring a damaged file. */
  lastGoodBackup?: { id: string; time: string }
}

export interface LibraryUnit {
  name: string
  level?: UnitLevel
  years: LibraryYear[]
}

export interface BackupSummary {
  id: string
  time: string
  size: number
  damaged: boolean
  /** The change that replaced this version (none on backups older than reasons). */
  reason?: VersionReason
}

/** Which report stays current when two would share a unit and year. */
export type Keep = 'moved' | 'existing'
/** One choice for every collision, or one per destination year. */
export type KeepChoice = Keep | Record<string, Keep>

export type UnitOperationKind = 'rename' | 'merge' | 'move'

/** What a rename or move would do, before it is done. */
export interface UnitChangePreview {
  kind: UnitOperationKind
  fromUnit: string
  toUnit: string
  moves: { fromYear: number; toYear: number }[]
  /** Years both units have: the officer chooses which report stays current. */
  collisions: {
    year: number
    moving: { unit: string; year: number; updatedAt: string }
    existing: { unit: string; year: number; updatedAt: string }
  }[]
}

/** A rename, merge or move done; `id` undoes it. */
export interface UnitOperation {
  id: string
  kind: UnitOperationKind
  at: string
  fromUnit: string
  toUnit: string
  moves: { fromYear: number; toYear: number; outcome: 'moved' | 'replaced' | 'setAside' }[]
}

export interface RemovedReport {
  id: string
  unit: string
  year: number
  removedAt: string
}

/** The main figures of one year, for the year-over-year chart (blank stays null). */
export interface TrendPoint {
  year: number
  newRequests: number | null
  published: number | null
  reviews: number | null
  lawsuits: number | null
  normativeIssued: number | null
}

export interface LibraryClient {
  list(): Promise<LibraryUnit[]>
  open(unit: string, year: number): Promise<Report>
  /** Autosave and explicit saves; resolves to the time written. */
  save(report: Report): Promise<{ updatedAt: string }>
  create(input: { unit: string; year: number; level?: UnitLevel }): Promise<Report>
  /** This year's draft built from (unit, year) and saved as year + 1. */
  nextYear(unit: string, year: number): Promise<Report>
  duplicate(unit: string, year: number, toYear: number): Promise<Report>
  /** Moves the report to the recycle folder; the id undoes it. */
  remove(unit: string, year: number): Promise<{ removedId: string }>
  undoRemove(removedId: string): Promise<void>
  history(unit: string, year: number): Promise<BackupSummary[]>
  /** Makes a version current again; the current one is kept as a version first. */
  restore(unit: string, year: number, backupId: string): Promise<Report>
  trend(unit: string): Promise<TrendPoint[]>
  previewRename(unit: string, newName: string): Promise<UnitChangePreview>
  /** Renames a unit, or merges it into one that exists; collisions need `keep`. */
  renameUnit(unit: string, newName: string, keep?: KeepChoice): Promise<UnitOperation>
  previewMove(unit: string, year: number, toUnit: string, toYear: number): Promise<UnitChangePreview>
  moveReport(unit: string, year: number, toUnit: string, toYear: number, keep?: KeepChoice): Promise<UnitOperation>
  undoOperation(operationId: string): Promise<UnitOperation>
  listRemoved(): Promise<RemovedReport[]>
  /** 清空回收站; resolves to how many reports were deleted for good. */
  emptyRecycle(): Promise<number>
}

export interface SettingsClient {
  /** The settings in effect, and why the file could not be used when it could not. */
  get(): Promise<{ settings: Settings; problem?: string }>
  save(settings: Settings): Promise<Settings>
  /** Open dialog in main; null when cancelled. An invalid file is refused (ApiError) and changes nothing. */
  importProfile(): Promise<{ settings: Settings; fileName: string } | null>
  /** Save dialog in main; null when cancelled. */
  exportProfile(): Promise<{ fileName: string } | null>
  resetProfile(): Promise<Settings>
}

/** What an import recognised, for the officer to review before accepting. */
export interface ImportPreview {
  /** Refers to the read file in main; the renderer never sees its path. */
  token: string
  fileName: string
  generation: Generation
  report: Report
  /** Whether the unit's name is settled or must be confirmed. */
  unitCheck: UnitCheck
  sections: ParsedSection[]
  values: ImportedValue[]
  legacy: LegacyFigure[]
  missing: string[]
  warnings: string[]
  /** The warnings with their groups. */
  notices: Notice[]
  /** Figures not placed with certainty, offered for the rows they fit. */
  suggestions: Suggestion[]
  /** Scans and photos: the values read by OCR with their image crops, flagged ones first. */
  ocr?: OcrReview
}

export interface ImportClient {
  /** Opens the file dialog in main; null when the officer cancels. */
  chooseFile(): Promise<ImportPreview | null>
  /** A file dropped on the window, sent as bytes. */
  importBytes(name: string, bytes: Uint8Array): Promise<ImportPreview>
  /** Several image files dropped together: the pages of one scan. */
  importImages(files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportPreview>
  importText(text: string): Promise<ImportPreview>
  /** Stops the import in flight (it then fails with “已取消导入：…”); false when none was running. */
  cancel(): Promise<boolean>
  /** Listens for the progress of imports (reading, each PDF page, recognising); returns the unsubscribe. */
  onProgress(listener: (progress: ImportProgress) => void): () => void
  /**
   * Stores the (corrected) report in the library; returns what was saved. A report of the same unit
   * and year already in the library is refused (ApiError, code REJECTED, message in Chinese) unless
   * `replace` is set after the officer confirmed; the replaced report is backed up first.
   * Check `LibraryClient.list()` beforehand to ask before accepting.
   */
  accept(report: Report, options?: { replace?: boolean }): Promise<Report>
}

export interface ExportOptions {
  blankCells: 'zero' | 'blank'
  signature: boolean
  /** 三级标题 “1.” in bold; absent: the report's own, else 设置's. */
  level3Bold?: boolean
  /** The 落款 date in Arabic or Chinese numerals; absent: the report's own, else 设置's. */
  dateStyle?: 'arabic' | 'chinese'
  /** The 落款 placed as GB/T 9704 says or flush right; absent: the report's own, else 设置's. */
  signatureAlign?: 'gbt9704' | 'right'
  /** A draft: 草稿 on every page, marks highlighted; the only export while marks remain. */
  draft?: boolean
  /** The official fonts, or the common substitutes. */
  fonts?: 'official' | 'common'
}

/** One official font and whether this computer has it (main's `app:checkFonts`). */
export interface FontStatus {
  font: string
  use: string
  installed: boolean
  substitute: string
  substituteInstalled: boolean
}

export interface ExportClient {
  /** Save dialog in main, then the .docx written atomically; null when cancelled. */
  exportDocx(report: Report, options: ExportOptions): Promise<{ fileName: string; token: string } | null>
  /** Save dialog in main, then the window's printed pages (the preview) as a PDF; null when cancelled. */
  exportPdf(input: { unit: string; year: number; draft?: boolean }): Promise<{ fileName: string; token: string } | null>
  /** Opens the folder of an exported file (by the token exportDocx returned). */
  showInFolder(token: string): Promise<void>
}

export type { RollupView, RollupReportBrief, RollupUnitStatusView } from '@shared/ipc/rollup'
export type { RollupUnit } from '@core/rollup/units'

/** A report opened from the roll-up, read-only: as imported, with every finding on it. */
export type RollupReportDetail = z.infer<typeof rollupReportDetailSchema>

/** 已读取 done/total of a roll-up under way. */
export interface RollupStatus {
  running: boolean
  done: number
  total: number
  file?: string
}

/** 汇总: the county's roll-up, held in main; the renderer sees figures, counts and file names. */
export interface RollupClient {
  /** The county's unit list, and why the file could not be read when it could not. */
  units(): Promise<{ units: RollupUnit[]; problem?: string }>
  /** Saves the whole list (refused, in Chinese, when two units cannot be told apart). */
  saveUnits(units: readonly RollupUnit[]): Promise<RollupUnit[]>
  /** A .tsv/.xlsx chosen in main's dialog replaces the list; null when cancelled. */
  importUnits(): Promise<RollupUnit[] | null>
  /** Dropped files, sent as bytes in batches; answers how many main holds. */
  stage(files: readonly { name: string; bytes: Uint8Array }[]): Promise<number>
  unstage(): Promise<void>
  /** Reads every report (a folder or .zip chosen in main's dialog, or the dropped files) and rolls up `year`; null when the dialog was cancelled. */
  start(source: 'folder' | 'zip' | 'dropped', year: number): Promise<RollupView | null>
  status(): Promise<RollupStatus>
  cancel(): Promise<boolean>
  /** The roll-up held, of `year` when given; null when there is none. */
  view(year?: number): Promise<RollupView | null>
  match(report: number, unit: string, remember: boolean): Promise<RollupView>
  choose(unit: string, report: number): Promise<RollupView>
  report(report: number): Promise<RollupReportDetail>
  /** Save dialog in main, then the .xlsx; null when cancelled. */
  exportWorkbook(): Promise<{ fileName: string; token: string } | null>
}
