/** Year bounds and defaults shared by the library's dialogs (the bounds are the report schema's). */

export const MIN_YEAR = 2008
export const MAX_YEAR = 2100

/**
 * The year an officer is most likely writing about: reports are due by 31 January for the year
 * before, so until the end of March it is last year; from April on, work starts on this year's.
 */
export function defaultReportYear(now = new Date()): number {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear()
}

/** `2026-01-09T06:30:00Z` → `2026-01-09 14:30` in the officer's time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}
