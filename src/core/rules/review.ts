/**
 * Findings reviewed and kept. Every finding gets a stable key — the rule and what it is about: the
 * cell it points at, or the section and the words it quotes (with a digest of the sentence around
 * them, so an edit elsewhere in the text, which moves every offset, leaves the key as it was) — and a
 * fingerprint of what it is about: its cells' values, the text it quotes, or what the rule says it
 * concerns. The officer marks a warning or a hint 已核实 or 忽略 with a reason; the mark is kept in
 * the report by key (`report.review`) with the fingerprint of the moment, and holds only while the
 * fingerprint is the same: when the figures change, the finding is open again by itself. Errors are
 * never marked: they are fixed.
 */
import type { Report, ReviewEntry, ReviewMark } from '../report/report'
import { REVIEW_REASON_MAX, REVIEW_STATUS_LABELS } from '../report/report'
import type { Finding, ReviewedFinding, Severity } from './types'
import { ruleName } from './names'
import { boundaryAfter, boundaryBefore, SENTENCE_STOPS } from './textScan'

/** A review refused (an error, no reason, no such finding); the message is for the officer. */
export class ReviewError extends Error {
  override name = 'ReviewError'
}

/**
 * A short digest of a text (cyrb53): keys and fingerprints must not grow with the text they are
 * about, and core has no crypto. Collisions are astronomically unlikely for what is compared here
 * (one finding's figures then and now).
 */
export function digest(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** Words of a quote kept in a key: enough to recognise it in `check --json`. */
const KEY_QUOTE_CHARS = 24

function clip(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, '')
  return flat.length > chars ? `${flat.slice(0, chars)}…` : flat
}

/** The text a finding's target quotes, when it points at a span. */
function quoted(finding: Finding, report: Report): { quote: string; sentence: string } | undefined {
  const target = finding.target
  if (target.kind !== 'section' || target.start === undefined || target.end === undefined) return undefined
  const text = report.sections[target.section]
  const start = Math.max(0, Math.min(target.start, text.length))
  const end = Math.max(start, Math.min(target.end, text.length))
  const sentence = text.slice(boundaryBefore(text, start, SENTENCE_STOPS), boundaryAfter(text, end, SENTENCE_STOPS))
  return { quote: text.slice(start, end), sentence }
}

/**
 * The key a finding gets when its rule gives none: the rule and its cell; or the rule, its section
 * and the words it quotes with a digest of their sentence (two “2024年” in one section are two
 * findings, and each keeps its key when the other is fixed); or the rule and its section.
 */
export function defaultKey(finding: Finding, report: Report): string {
  const target = finding.target
  if (target.kind === 'cell') return `${finding.rule}:${target.cell}`
  if (target.kind === 'document') return `${finding.rule}:document:${target.field}`
  const span = quoted(finding, report)
  if (!span) return `${finding.rule}:${target.section}`
  return `${finding.rule}:${target.section}:${clip(span.quote, KEY_QUOTE_CHARS)}@${digest(span.sentence).slice(0, 6)}`
}

/**
 * What a finding is about, as one string: the values of its cells (a blank named as such), and the
 * rule's `concerns`, or else the words its target quotes, or else the whole section it points at (a
 * finding about what a section lacks is about all of it), or else its message.
 */
export function fingerprintOf(finding: Finding, report: Report): string {
  const cells = finding.cells.map((id) => `${id}=${report.values[id] ?? ''}`).join(',')
  const target = finding.target
  const about =
    finding.concerns ??
    quoted(finding, report)?.quote ??
    (target.kind === 'section' ? report.sections[target.section] : target.kind === 'cell' ? '' : finding.message)
  return digest(`${cells}\u0001${about}`)
}

/**
 * Keys for a run's findings, in order: a finding's own or the default, the second and later
 * findings with the same key numbered (#2, #3) so that every key names one finding.
 */
export function assignKeys(findings: readonly Finding[], report: Report): string[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const base = finding.key ?? defaultKey(finding, report)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}#${n}`
  })
}

/**
 * The finding with the officer's review applied: a review holds for a warning or a hint whose
 * fingerprint is still the one it was marked with (or had none: hints dismissed before reviews were
 * recorded). Otherwise the finding is open, and says what it had been marked when that changed.
 */
export function withReview(finding: Finding, key: string, fingerprint: string, entry: ReviewEntry | undefined): ReviewedFinding {
  const base: ReviewedFinding = { ...finding, key, fingerprint, status: 'open' }
  if (!entry || finding.severity === 'error') return base
  if (entry.fingerprint !== undefined && entry.fingerprint !== fingerprint) {
    return { ...base, reopened: { status: entry.status, reason: entry.reason, ...(entry.at ? { at: entry.at } : {}) } }
  }
  return { ...base, status: entry.status, reason: entry.reason, ...(entry.at ? { reviewedAt: entry.at } : {}) }
}

/** Whether the officer still has to look at the finding. */
export function isOpen(finding: Pick<ReviewedFinding, 'status'>): boolean {
  return finding.status === 'open'
}

export function openFindings<F extends Pick<ReviewedFinding, 'status'>>(findings: readonly F[]): F[] {
  return findings.filter(isOpen)
}

/** Open findings by severity: what the panel's badges, the export dialog and `check` count. */
export function openCounts(findings: readonly Pick<ReviewedFinding, 'status' | 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, hint: 0 }
  for (const f of findings) if (isOpen(f)) counts[f.severity]++
  return counts
}

/** Reviewed findings by how they were marked. */
export function reviewedCounts(findings: readonly Pick<ReviewedFinding, 'status'>[]): Record<ReviewMark, number> {
  const counts: Record<ReviewMark, number> = { checked: 0, dismissed: 0 }
  for (const f of findings) if (f.status !== 'open') counts[f.status]++
  return counts
}

/** The reason as kept: trimmed, one line, required. */
export function reviewReason(reason: string): string {
  const text = reason.replace(/\s+/g, ' ').trim()
  if (!text) throw new ReviewError('请写明理由（如“原文确为空白”“法定表述，每年相同”）')
  if (text.length > REVIEW_REASON_MAX) throw new ReviewError(`理由不能超过 ${REVIEW_REASON_MAX} 个字，请写一句话`)
  return text
}

/**
 * The report with the finding marked 已核实 or 忽略. Errors are refused (they are fixed, not
 * reviewed), and so is an empty reason. `at` is the time (ISO 8601), given so that core stays pure.
 */
export function markFinding(
  report: Report,
  finding: Pick<ReviewedFinding, 'key' | 'fingerprint' | 'severity' | 'rule' | 'message'>,
  status: ReviewMark,
  reason: string,
  at: string
): Report {
  if (finding.severity === 'error') {
    throw new ReviewError(`「${ruleName(finding.rule)}」是错误，不能${status === 'checked' ? '标为已核实' : '忽略'}，请改正：${finding.message}`)
  }
  const entry: ReviewEntry = { status, reason: reviewReason(reason), at, fingerprint: finding.fingerprint }
  return { ...report, review: { ...report.review, [finding.key]: entry } }
}

/** The report with the key's review removed: the finding is open again. Unchanged when there is none. */
export function reopenFinding(report: Report, key: string): Report {
  if (!report.review || !(key in report.review)) return report
  const { [key]: _removed, ...rest } = report.review
  if (Object.keys(rest).length) return { ...report, review: rest }
  const { review: _dropped, ...without } = report
  return without
}

/** “已核实：原文确为空白” — how a reviewed finding is described in lists. */
export function describeReview(finding: Pick<ReviewedFinding, 'status' | 'reason'>): string {
  if (finding.status === 'open') return '待处理'
  const reason = finding.reason ? `：${finding.reason}` : ''
  return `${REVIEW_STATUS_LABELS[finding.status]}${reason}`
}
