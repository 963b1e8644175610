/**
 * What the renderer's clients offer, by domain. The views and stores depend on these interfaces
 * only; `*Client.ts` implement them over `window.api`, and component tests swap in fakes.
 * Filesystem paths never appear here: files are chosen by dialogs in main and referred to by
 * opaque tokens, and dropped files cross as bytes.
 */
import type { ImportedValue, LegacyFigure, ParsedSection, Generation } from '../../../core/import/types'
import type { Report, UnitLevel } from '../../../core/report/report'
import type { ImportProgress } from '../../../shared/ipc/importProgress'

export type { ImportProgress } from '../../../shared/ipc/importProgress'

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
  restore(unit: string, year: number, backupId: string): Promise<Report>
  trend(unit: string): Promise<TrendPoint[]>
}

/** What an import recognised, for the officer to review before accepting. */
export interface ImportPreview {
  /** Refers to the read file in main; the renderer never sees its path. */
  token: string
  fileName: string
  generation: Generation
  report: Report
  sections: ParsedSection[]
  values: ImportedValue[]
  legacy: LegacyFigure[]
  missing: string[]
  warnings: string[]
}

export interface ImportClient {
  /** Opens the file dialog in main; null when the officer cancels. */
  chooseFile(): Promise<ImportPreview | null>
  /** A file dropped on the window, sent as bytes. */
  importBytes(name: string, bytes: Uint8Array): Promise<ImportPreview>
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
}

export interface ExportClient {
  /** Save dialog in main, then the .docx written atomically; null when cancelled. */
  exportDocx(report: Report, options: ExportOptions): Promise<{ fileName: string; token: string } | null>
  /** Opens the folder of an exported file (by the token exportDocx returned). */
  showInFolder(token: string): Promise<void>
}
