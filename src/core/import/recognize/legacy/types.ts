import type { ValueSource } from '../../types'

/** A row as read, before nesting is worked out. */
export interface LegacyRow {
  label: string
  unit?: string
  values: Record<string, string>
  sources: Record<string, ValueSource>
  source: ValueSource
  /** Values split from run-together digits, by key: how. */
  derived?: Record<string, string>
}

/** One statistics table found: its rows and every block it occupies. */
export interface LegacyTable {
  rows: LegacyRow[]
  blocks: number[]
}
