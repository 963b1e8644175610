/**
 * Findings as a rule states them, without what the engine adds for the officer's review (key,
 * fingerprint, status…): for tests about what a rule finds, not about how it is kept.
 */
import type { Finding, ReviewedFinding } from '@core/rules/types'

export function asStated(finding: Finding | ReviewedFinding): Finding {
  const { key: _key, concerns: _concerns, ...rest } = finding as ReviewedFinding
  const { fingerprint: _fingerprint, status: _status, reason: _reason, reviewedAt: _at, reopened: _reopened, ...stated } = rest
  return stated
}
