/**
 * Why a version of a report was set aside: recorded with each backup (in its file name, so that the
 * reason is written in the same atomic step as the backup itself) and shown in the history.
 * A backup is the version as it was just before the change named here.
 */
export const VERSION_REASONS = ['save', 'import', 'restore', 'rename', 'move', 'merge', 'undo', 'add', 'undoRemove'] as const

export type VersionReason = (typeof VERSION_REASONS)[number]

/** The change that replaced the version, in one line for the history list. */
export const VERSION_REASON_LABELS: Record<VersionReason, string> = {
  save: '自动保存',
  import: '导入替换',
  restore: '恢复',
  rename: '重命名单位',
  move: '移动',
  merge: '合并',
  undo: '撤销',
  add: '收入资料库',
  undoRemove: '撤销删除'
}

/** Backups made before reasons were recorded. */
export const UNKNOWN_REASON_LABEL = '保存'

export function isVersionReason(value: string): value is VersionReason {
  return (VERSION_REASONS as readonly string[]).includes(value)
}

export function versionReasonLabel(reason: VersionReason | undefined): string {
  return reason ? VERSION_REASON_LABELS[reason] : UNKNOWN_REASON_LABEL
}
