/**
 * Label matching driven by the table definitions: exact → containment → edit-distance
 * similarity on normalised labels, so that misprints (“行政法复议”, a word dropped from
 * “2.其他法律行政法规禁止公开”), labels broken by spaces or line breaks, other numbering styles and
 * fragments of wrapped labels still find their row, column or caption.
 */
import { normalizeLabel } from './normalize'
import { TARGETS, type Target, type Variant } from './targets'

export interface LabelMatch {
  target: Target
  /** 0–1: 1 for an exact match of a full label. */
  score: number
}

/** Below this a label is not recognised at all. */
export const MATCH_THRESHOLD = 0.7

/** A containing text may carry at most this much beyond the label (numbering, a group label). */
const MAX_EXTRA_RATIO = 2.2
/** A fragment must cover at least this share of the label (the first line of a wrapped label). */
const MIN_FRAGMENT_SHARE = 0.6

/** Levenshtein distance over UTF-16 code units (every label character is in the BMP). */
export function editDistance(a: string, b: string): number {
  const n = b.length
  let previous = new Uint16Array(n + 1)
  let current = new Uint16Array(n + 1)
  for (let j = 0; j <= n; j += 1) previous[j] = j
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j += 1) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[n]!
}

/** Test hook: forget cached scores (timings of a cold start). */
export function clearLabelCache(): void {
  SCORES.clear()
}

/** Per-character counts, reused: labels are short and this runs for every label × target. */
const COUNTS = new Uint16Array(0x10000)

/** Characters two strings have in common, counted with multiplicity. */
function sharedCharacters(a: string, b: string): number {
  for (let i = 0; i < a.length; i += 1) COUNTS[a.charCodeAt(i)]! += 1
  let shared = 0
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i)
    if (COUNTS[code]! > 0) {
      shared += 1
      COUNTS[code]! -= 1
    }
  }
  for (let i = 0; i < a.length; i += 1) COUNTS[a.charCodeAt(i)] = 0
  return shared
}

/** Whether a similarity match is still possible with at least `bound` edits. */
function reachable(bound: number, longest: number, variant: Variant): boolean {
  return (1 - bound / longest) * 0.95 * variant.exact >= MATCH_THRESHOLD
}

function scoreVariant(text: string, variant: Variant): number {
  const v = variant.text
  if (text === v) return variant.exact
  const t = text.length
  const n = v.length
  let best = 0
  if (variant.containment && n >= 3) {
    // A row label is printed after its group's, so a containing text that ends with it is likelier.
    if (t > n && t <= n * MAX_EXTRA_RATIO + 4 && text.includes(v)) best = 0.85 + 0.1 * (n / t) + (text.endsWith(v) ? 0.04 : 0)
    else if (t < n && t >= 3 && t >= n * MIN_FRAGMENT_SHARE && v.includes(text)) best = 0.8 + 0.1 * (t / n)
  }
  const longest = Math.max(t, n)
  // Similarity cannot reach the threshold when the lengths differ this much, or when too few
  // characters are shared (distance ≥ longest − shared): skip the DP.
  if (reachable(Math.abs(t - n), longest, variant) && reachable(longest - sharedCharacters(text, v), longest, variant)) {
    const distance = editDistance(text, v)
    // Short labels tolerate one slip at most (行政复议 / 行政法复议).
    if (longest > 5 || distance <= 1) best = Math.max(best, (1 - distance / longest) * 0.95 * variant.exact)
  }
  return best
}

export function scoreTarget(normalized: string, target: Target): number {
  let best = 0
  for (const variant of target.variants) best = Math.max(best, scoreVariant(normalized, variant))
  return best
}

/** Context-free scores per normalised text: a document repeats its labels (headers, groups). */
const SCORES = new Map<string, readonly LabelMatch[]>()
const MAX_CACHED = 5000

function candidates(normalized: string): readonly LabelMatch[] {
  let found = SCORES.get(normalized)
  if (!found) {
    const matches: LabelMatch[] = []
    for (const target of TARGETS) {
      const score = scoreTarget(normalized, target)
      if (score >= MATCH_THRESHOLD) matches.push({ target, score })
    }
    found = matches
    if (SCORES.size >= MAX_CACHED) SCORES.clear()
    SCORES.set(normalized, found)
  }
  return found
}

/**
 * The best target for a printed label, or undefined below the threshold. `bonus` nudges ties
 * towards the table and group in context; it never lifts a poor match over the threshold.
 */
export function matchLabel(
  text: string,
  accept: (target: Target) => boolean = () => true,
  bonus: (target: Target) => number = () => 0
): LabelMatch | undefined {
  const normalized = normalizeLabel(text)
  if (!normalized) return undefined
  let best: LabelMatch | undefined
  let bestRank = 0
  for (const match of candidates(normalized)) {
    if (!accept(match.target)) continue
    const rank = match.score + bonus(match.target)
    if (rank > bestRank) {
      best = match
      bestRank = rank
    }
  }
  return best
}
