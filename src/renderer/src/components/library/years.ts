/** Year bounds, defaults and checks shared by the library's dialogs (the bounds are the report schema's). */
import type { FormItemRule } from 'naive-ui'

export const MIN_YEAR = 2008
export const MAX_YEAR = 2100

/** A whole year within the bounds. */
export function inYearRange(year: number | null): year is number {
  return year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
}

/** What a year field says when it is empty, out of bounds, or a year the unit already has. */
export interface YearMessages {
  missing: string
  /** Before “应在 2008–2100 之间”. */
  name: string
  taken: (year: number) => string
}

/** A year field's rule: filled, within the bounds, and not one of the years already taken. */
export function yearRule(messages: YearMessages, taken: () => readonly number[]): FormItemRule {
  return {
    trigger: ['blur', 'change'],
    validator: (_rule: unknown, value: number | null) => {
      if (value === null) return new Error(messages.missing)
      if (!inYearRange(value)) return new Error(`${messages.name}应在 ${MIN_YEAR}–${MAX_YEAR} 之间`)
      if (taken().includes(value)) return new Error(messages.taken(value))
      return true
    }
  }
}

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
