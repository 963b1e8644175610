import type { CellId } from '../report/cells'
import type { Report } from '../report/report'
import type { SectionId } from '../report/sections'

export type Severity = 'error' | 'warning' | 'hint'

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', hint: '提示' }

/** Where the editor jumps when a finding is clicked. */
export type JumpTarget =
  | { kind: 'cell'; cell: CellId }
  /** A span of the section's text (UTF-16 offsets into `report.sections[section]`), or the whole section. */
  | { kind: 'section'; section: SectionId; start?: number; end?: number }
  /** A field of the document block (the 落款's 成文日期). */
  | { kind: 'document'; field: 'date' }

export interface Finding {
  /** Rule id: R1…R5, BLANK, X1, X2, P1, P2, P3, P5, P6, YEAR, STALE, COPY. */
  rule: string
  severity: Severity
  /** One Chinese sentence an officer understands without knowing the rule id. */
  message: string
  /** Every cell the finding is about (all highlighted in the editor). */
  cells: readonly CellId[]
  target: JumpTarget
}

export interface CheckContext {
  report: Report
  /** Last year's report of the same unit, when known: enables the cross-year checks. */
  previous?: Report
}

/** A check as data: what it reads, how severe, and the evaluation. */
export interface Rule {
  id: string
  severity: Severity
  /** Short Chinese title of the rule (shown in the checks panel and `check --json`). */
  title: string
  /** What the rule reads: cell ids and/or section ids. */
  reads: {
    cells?: readonly CellId[]
    sections?: readonly SectionId[]
    previous?: boolean
    /** The document block (成文日期, 文号). */
    document?: boolean
    /** Without last year's report, the rule can still read the figures carried into `report.baseline`. */
    baseline?: boolean
  }
  evaluate(ctx: CheckContext): Finding[]
}
