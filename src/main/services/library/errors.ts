/**
 * Library failures, worded in Chinese for the officer. They extend FileError so that every face of
 * the app (the CLI's one-line errors, IPC) already knows how to show them.
 */
import type { VersionReason } from '@core/library/versions'
import { FileError } from '../files'

export type LibraryErrorCode =
  | 'notFound'
  | 'exists'
  | 'damaged'
  | 'busy'
  | 'backupNotFound'
  | 'backupDamaged'
  | 'removedNotFound'
  /** Two reports would share a unit and year: the officer chooses which to keep. */
  | 'collision'
  | 'operationNotFound'
  /** A request that makes no sense as asked (a rename to the same name, a move onto itself). */
  | 'invalid'

export class LibraryError extends FileError {
  override name = 'LibraryError'
  constructor(
    message: string,
    readonly code: LibraryErrorCode
  ) {
    super(message)
  }
}

/** One saved earlier version of a report. */
export interface BackupInfo {
  /** Stable id, also the file name: the UTC time of the backup, e.g. 20251123T064031123Z. */
  id: string
  /** ISO time of the backup. */
  time: string
  size: number
  /** The version was already unreadable when it was backed up. */
  damaged: boolean
  /** The change that replaced this version (absent on backups made before reasons were recorded). */
  reason?: VersionReason
}

/**
 * The current file of a report cannot be read as a report. Carries the last backup that can, so
 * that the app and the CLI offer to restore it.
 */
export class DamagedReportError extends LibraryError {
  override name = 'DamagedReportError'
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly lastGoodBackup: BackupInfo | undefined
  ) {
    super(
      `报告文件已损坏：${path}（${reason}）` +
        (lastGoodBackup ? `；可从 ${formatTime(lastGoodBackup.time)} 的备份 ${lastGoodBackup.id} 恢复` : '；没有可用的备份'),
      'damaged'
    )
  }
}

/** Local wall-clock time as officers read it: 2025-11-23 14:40:31. */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}
