import type { CellId } from '../report/cells'
import type { FormatGeneration, Report, ReviewMark } from '../report/report'
import type { SectionId } from '../report/sections'
import type { RuleSettings } from '../settings'

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
  /** Rule id (see names.ts). */
  rule: string
  severity: Severity
  /** One Chinese sentence an officer understands without knowing the rule id. */
  message: string
  /** Every cell the finding is about (all highlighted in the editor). */
  cells: readonly CellId[]
  target: JumpTarget
  /**
   * A stable identity, kept with the officer's review of the finding (`report.review`). A rule sets it
   * when the default (rule + target cell, or rule + section + the quoted words, review.ts) would not
   * survive edits elsewhere — BLANK's first blank cell moves as cells are filled. The engine fills it in.
   */
  key?: string
  /**
   * What the finding is about beyond its cells' values, when it is not the text its target quotes:
   * last year's figure X1 compares with, the share COPY measured, the heading FORMAT names. A review
   * holds while this and the cells' values stay the same (review.ts).
   */
  concerns?: string
  /**
   * Set when the finding involves cells the import could not read (`unread`) or read with doubt
   * (`flagged`): likely an import fault, not the officer's; such findings are never errors.
   */
  origin?: 'unread' | 'flagged'
}

export interface CheckContext {
  report: Report
  /** Last year's report of the same unit, when known: enables the cross-year checks. */
  previous?: Report
  /** The region's settings (设置); absent: the national defaults. */
  settings?: RuleSettings
}

/** Where a finding stands with the officer: not yet reviewed, or marked 已核实 / 忽略. */
export type ReviewStatus = 'open' | ReviewMark

/** A finding as the engine returns it: with its key, what it is about, and the officer's review. */
export interface ReviewedFinding extends Finding {
  key: string
  /** A digest of what the finding is about (its cells' values, the text it quotes, `concerns`). */
  fingerprint: string
  status: ReviewStatus
  /** The officer's reason, when reviewed. */
  reason?: string
  /** When it was reviewed (ISO 8601), when known. */
  reviewedAt?: string
  /**
   * The review this finding had before what it is about changed: it is open again, and the panel
   * says what the officer had marked.
   */
  reopened?: { status: ReviewMark; reason: string; at?: string }
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
  /**
   * The format generation that introduced the rule: it does not judge reports of an older one
   * (see applicability.ts). Absent: applies to every report.
   */
  since?: Exclude<FormatGeneration, 'pre-2019'>
  /**
   * `tables`: the rule is about the tables, so a document printed in an older format than its year's
   * (no tables, or no 2021-only cells) is judged by that older format.
   */
  about?: 'tables'
  /** The rule reports cells the import could not read itself (BLANK): the engine leaves its findings as they are. */
  handlesImport?: boolean
  evaluate(ctx: CheckContext): Finding[]
}
