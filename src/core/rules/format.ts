/** Small shared helpers for the rules: reading values and wording numbers the way officers write them. */
import type { CellId } from '../report/cells'
import type { Report } from '../report/report'
import type { Finding } from './types'
import { SECTIONS, type SectionId } from '../report/sections'

export type Values = Report['values']

/** Float sums of decimal inputs need a tolerance; counts are integers so it never hides a real error. */
export const EPSILON = 1e-9

/** A value as the sums read it: blank counts as 0, and an invalid number (reported by R5) as well. */
export function valueOf(values: Values, id: CellId): number {
  const v = values[id]
  return v !== undefined && Number.isFinite(v) ? v : 0
}

export function sumOf(values: Values, ids: readonly CellId[]): number {
  let total = 0
  for (const id of ids) total += valueOf(values, id)
  return total
}

export function someFilled(values: Values, ids: readonly CellId[]): boolean {
  for (const id of ids) if (values[id] !== undefined) return true
  return false
}

export function allFilled(values: Values, ids: readonly CellId[]): boolean {
  for (const id of ids) if (values[id] === undefined) return false
  return true
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < EPSILON
}

/** Integers as typed; sums of decimals without binary noise (0.1 + 0.2 → 0.3). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)))
}

/** A cell's value in a message; a blank is named as such because it is not a 0. */
export function formatValue(v: number | undefined): string {
  return v === undefined ? '空白' : formatNumber(v)
}

const SECTION_LABELS = Object.fromEntries(SECTIONS.map((s) => [s.id, `「${s.heading}」`])) as Record<
  SectionId,
  string
>

/** `「一、总体情况」`: how messages name a section. */
export function sectionLabel(id: SectionId): string {
  return SECTION_LABELS[id]
}

/** Where a finding's text span starts, for ordering findings in reading order within a section. */
export function spanStart(finding: Finding): number {
  return finding.target.kind === 'section' ? (finding.target.start ?? 0) : 0
}
