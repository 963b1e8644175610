/**
 * What a roll-up is made of: for each file, either what its report says (unit, year, figures, the
 * findings of its checks) or why it could not be read. Plain data: a file's document is dropped as
 * soon as it is summarised, so a roll-up of hundreds of reports holds only their figures and findings.
 */
import type { CellId } from '../report/cells'
import type { FormatGeneration } from '../report/report'
import type { Severity } from '../rules/types'
import type { UnitMatch } from './match'
import type { RollupLevel, RollupUnit } from './units'

/** One finding of a report, as the roll-up lists it: what, where, how serious. */
export interface RollupFinding {
  /** Rule id (the editor's rules, or OUTLIER / AGREE of the roll-up). */
  rule: string
  /** The rule's short Chinese name. */
  name: string
  severity: Severity
  message: string
  /** Where in the report, in words: a table cell by its labels, a section by its heading. */
  place: string
  cells: readonly CellId[]
  /** The import could not read (unread) or doubted (flagged) the cells it is about. */
  origin?: 'unread' | 'flagged'
}

export type SeverityCounts = Record<Severity, number>

/** A file that was read: its report, summarised. */
export interface RollupReport {
  /** Order in which the file was collected (stable id within one roll-up). */
  id: number
  /** Path within the folder or .zip, as the officer knows the file. */
  file: string
  /** Names the report gives its unit, the importer's choice first; empty when it names none. */
  names: string[]
  /** The year the report is about; undefined when the import did not find it. */
  year?: number
  generation?: FormatGeneration
  /** The unit of the list it belongs to, and how that was decided. */
  match?: UnitMatch
  /** Units that fitted equally well (not matched then). */
  ambiguous?: string[]
  /** Table values; a cell absent is blank (not 0). */
  values: Partial<Record<CellId, number>>
  /** Findings of the editor's checks (with the unit's level, and last year's report when known). */
  findings: RollupFinding[]
  /** Last year's figures of the same unit, when the library had its report (for the roll-up's outlier check). */
  previous?: { year: number; values: Partial<Record<CellId, number>> }
  /** Cells the import could not read, and read with doubt. */
  importFaults: { unread: number; flagged: number }
  /** The roll-up's own findings on it (outliers, the comparison), set by assembleRollup. */
  cross?: RollupFinding[]
}

/** A file that could not be read, with the reason in one Chinese sentence. */
export interface UnreadableFile {
  id: number
  file: string
  reason: string
}

/** One unit's place in the roll-up. */
export interface UnitStatus {
  unit: RollupUnit
  /**
   * reported: one report of the year; duplicate: more than one (one is summed: the officer's choice,
   * else the one with fewest errors and most cells filled); missing: none (未报送).
   */
  status: 'reported' | 'duplicate' | 'missing'
  /** This year's reports matched to the unit, in file order. */
  reports: RollupReport[]
  /** The report summed for the unit. */
  chosen?: RollupReport
  /** Whether the officer chose it (duplicates), or the roll-up did. */
  chosenBy?: 'officer' | 'auto'
  /** Reports of other years matched to the unit (listed apart, never summed). */
  otherYears: RollupReport[]
  /** The county's own report (本级), compared with the sum of the other units where the settings say. */
  own: boolean
  /** Every finding of the chosen report: its checks and the roll-up's. */
  findings: RollupFinding[]
  counts: SeverityCounts
}

/** The sum of one cell over the units of the year. */
export interface RollupTotal {
  cell: CellId
  /** Sum of the units' values; undefined when every unit left it blank. */
  value?: number
  /** Every unit summed had a value (a blank is not a 0). */
  complete: boolean
  /** Units that left it blank. */
  blanks: number
  /** Units summed. */
  units: number
}

/** The county's own figures beside the sum of its units, for the cells the settings name. */
export interface RollupComparison {
  unit: string
  cells: {
    cell: CellId
    own?: number
    sum?: number
    /** The sum had no blank. */
    complete: boolean
    agrees: boolean
  }[]
}

export interface RollupSettings {
  /** Cells where the county's own report should equal the sum of its units (empty: no comparison). */
  compareCells: readonly CellId[]
  /** The county's own unit (its name in the list); absent: the one unit of level 其他 named 某某县（区、市、旗）人民政府. */
  ownUnit?: string
}

export interface RollupResult {
  year: number
  /** Whether the units came from the county's list (else each report's unit is its own). */
  listed: boolean
  units: UnitStatus[]
  /** This year's reports that match no unit of the list (or two equally): to be matched by hand. */
  unmatched: RollupReport[]
  /** Reports of another year, or of a year the import did not find. */
  otherYears: RollupReport[]
  unreadable: UnreadableFile[]
  /** Units of the list with no report of the year. */
  missing: string[]
  /** Every cell of the three tables, in official order. */
  totals: RollupTotal[]
  comparison?: RollupComparison
  /** Why the comparison could not be made, when it was asked for. */
  comparisonProblem?: string
}

export type { RollupLevel }
