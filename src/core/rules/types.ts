import type { CellId } from '../report/cells'
import type { FormatGeneration, Report } from '../report/report'
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
  /** Rule id (see names.ts). */
  rule: string
  severity: Severity
  /** One Chinese sentence an officer understands without knowing the rule id. */
  message: string
  /** Every cell the finding is about (all highlighted in the editor). */
  cells: readonly CellId[]
  target: JumpTarget
  /**
   * A stable identity for a hint the officer may dismiss (kept in `report.dismissed`); findings
   * without a key cannot be dismissed.
   */
  key?: string
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
