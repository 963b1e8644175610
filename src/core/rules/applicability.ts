/**
 * Which rules judge a report: a report is judged by the format that applied to it. The 2021 format
 * (国办公开办函〔2021〕30号) introduced the 1,000-character limit, the 信息处理费 statement and the
 * 表二 columns 本年废止/现行有效 and 收费金额; the 2019 trial format (国办公开办函〔2019〕60号)
 * introduced the three tables themselves. A pre-2019 report (国务院令第492号, no national
 * template) is judged by none of these; its tables were mapped to today's only approximately.
 *
 * What applied to an imported report is a matter of its year (a report written in the app follows
 * the current format). The rules about the tables also look at what the document has: a 2019 report printed in the old style (allowed in the transition) has no tables to
 * add up, and a 2022 report still printed in the 2019 format has no 2021-only cells (a hint says it
 * used an outdated template). The import records the document's generation (`report.imported`).
 */
import { CELLS, type CellId } from '../report/cells'
import { GENERATIONS, type FormatGeneration, type Report } from '../report/report'
import { ruleName } from './names'
import type { Rule } from './types'

/** Oldest first. */
const ORDER: readonly FormatGeneration[] = ['pre-2019', '2019', '2021']
/** The format the app writes. */
export const CURRENT_GENERATION: FormatGeneration = '2021'

export const GENERATION_NAMES: Readonly<Record<FormatGeneration, string>> = {
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
  'pre-2019': '2019 年以前的格式（旧条例，无全国统一模板）'
}

/** The format in force for reports of a year. */
export function generationOfYear(year: number): FormatGeneration {
  if (year >= 2021) return '2021'
  if (year >= 2019) return '2019'
  return 'pre-2019'
}

function older(a: FormatGeneration, b: FormatGeneration): FormatGeneration {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b
}

/**
 * The format the report answers to. An imported report: the format in force for its year. A report
 * written in the app (new, or a draft carried over from last year's) is edited and exported in the
 * current format, and is judged by it whatever its year.
 */
export function reportGeneration(report: Report): FormatGeneration {
  return report.imported ? generationOfYear(report.year) : CURRENT_GENERATION
}

/** The format of the report's tables: that of its year, or the older one the document was printed in. */
export function tablesGeneration(report: Report): FormatGeneration {
  const due = reportGeneration(report)
  const printed = report.imported?.generation
  return printed && GENERATIONS.includes(printed) ? older(due, printed) : due
}

/** The generation a rule judges the report by: the tables' for rules about the tables. */
function generationFor(rule: Rule, report: Report): FormatGeneration {
  return rule.about === 'tables' ? tablesGeneration(report) : reportGeneration(report)
}

export function ruleApplies(rule: Rule, report: Report): boolean {
  return rule.since === undefined || ORDER.indexOf(generationFor(rule, report)) >= ORDER.indexOf(rule.since)
}

export interface RuleNotApplied {
  rule: string
  /** The rule's short Chinese name. */
  name: string
  title: string
  /** What the report answers to (“本报告（2016 年度）适用2019 年以前的格式…”). */
  basis: string
  /** The format that brought the rule. */
  since: string
  /** Why, in one Chinese sentence: basis and since together. */
  reason: string
}

/** The rules a report is not judged by, with the reason (shown in the checks panel and the CLI). */
export function rulesNotApplied(rules: readonly Rule[], report: Report): RuleNotApplied[] {
  return rules
    .filter((rule) => !ruleApplies(rule, report))
    .map((rule) => {
      const generation = generationFor(rule, report)
      const what =
        rule.about === 'tables' && generation !== reportGeneration(report)
          ? `本报告的统计表按${GENERATION_NAMES[generation]}印制`
          : `本报告（${report.year} 年度）适用${GENERATION_NAMES[generation]}`
      const since = GENERATION_NAMES[rule.since!]
      return { rule: rule.id, name: ruleName(rule.id), title: rule.title, basis: what, since, reason: `${what}，该项要求自${since}起才有` }
    })
}

/**
 * Cells the 2021 format added to the tables: a 2019-format report has no such cells, so their
 * being blank is no fault (spec §2.1: 表二 本年废止/现行有效, 收费金额; 表三 （六） split in three).
 */
const NEW_IN_2021: Readonly<Record<'t2' | 't3', { rows: readonly string[]; columns?: readonly string[] }[]>> = {
  t2: [{ rows: ['rules', 'normative'], columns: ['repealed', 'inForce'] }, { rows: ['fees'] }],
  t3: [{ rows: ['noCorrection', 'feeUnpaid'] }]
}

export const CELLS_NEW_IN_2021: ReadonlySet<CellId> = new Set<CellId>(
  CELLS.filter((c) =>
    (c.table === 't2' || c.table === 't3') &&
    NEW_IN_2021[c.table].some((part) => part.rows.includes(c.row) && (!part.columns || part.columns.includes(c.column)))
  ).map((c) => c.id)
)
