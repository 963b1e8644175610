/**
 * How sure the importer is of a value, derived from how it was obtained and what backs it — never
 * a constant per recogniser. One table of bases, one function: the review, the CLI and the counts
 * all read the result.
 */
import type { ImportedValue, ValueMethod } from './types'

/** What backs a value beyond its method. */
export type Backing =
  /** A labelled cell, label matched exactly. */
  | 'label'
  /** Split, unique under the row's identity and every identity it shares with other rows. */
  | 'joint'
  /** Split, unique under the row's own identity alone. */
  | 'row'
  /** Split, chosen among several by the narrative's own figures. */
  | 'narrative'
  /** Placed by structure, every identity of the table holding. */
  | 'arithmetic'
  /** Placed by order alone. */
  | 'order'
  /** Offered, not applied. */
  | 'offer'

const BASE: Record<Backing, number> = {
  label: 1,
  joint: 0.85,
  row: 0.65,
  narrative: 0.6,
  arithmetic: 0.55,
  order: 0.35,
  offer: 0.3
}

const METHOD_CAP: Record<ValueMethod, number> = { read: 1, derived: 0.85, placed: 0.55, suggested: 0.3 }

/**
 * The confidence of a value: the base of what backs it, capped by its method, times the score of
 * its row label (1 for an exact label, less for a misprinted one) and any mapping factor (a 2019
 * or pre-2019 label mapped onto today's cell).
 */
export function confidenceOf(method: ValueMethod, backing: Backing, factors: readonly number[] = []): number {
  let value = Math.min(BASE[backing], METHOD_CAP[method])
  for (const factor of factors) value *= Math.max(0, Math.min(1, factor))
  return Math.round(value * 100) / 100
}

/** A value the officer should look at: anything but a clean read from a labelled cell. */
export function needsReview(value: Pick<ImportedValue, 'method' | 'confidence' | 'flags'>): boolean {
  return value.method !== 'read' || value.confidence < 1 || value.flags.length > 0
}

export interface ValueCounts {
  /** Read directly from labelled cells. */
  read: number
  /** Imported, but to be checked. */
  review: number
  /** Cells without a value. */
  missing: number
}

/** The counts the review shows at the top, over all `cells` of the tables. */
export function countValues(values: readonly Pick<ImportedValue, 'cell' | 'method' | 'confidence' | 'flags'>[], cells: number): ValueCounts {
  const seen = new Set<string>()
  let read = 0
  let review = 0
  for (const value of values) {
    if (seen.has(value.cell)) continue
    seen.add(value.cell)
    if (needsReview(value)) review += 1
    else read += 1
  }
  return { read, review, missing: cells - seen.size }
}
