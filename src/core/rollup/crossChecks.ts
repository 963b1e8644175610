/**
 * The roll-up's own checks, beyond each report's: figures far from the unit's previous year
 * (OUTLIER), and the county's own report against the sum of its units where the settings say they
 * should agree (AGREE). The figures compared are data: quantities of the tables' vocabulary
 * (report/quantities.ts), so labels come from tables.ts and are never spelled here.
 */
import { CELLS, describeCell, type CellId } from '../report/cells'
import { quantity, type Quantity } from '../report/quantities'
import { formatNumber } from '../rules/format'
import { findingName } from './summarize'
import type { RollupComparison, RollupFinding, RollupTotal } from './types'
import { unitKey } from './match'
import type { RollupUnit } from './units'

type Values = Partial<Record<CellId, number>>

/** The figures compared with last year: requests, outcomes, reviews and lawsuits, 表二's counts and fees. */
export const OUTLIER_FIGURES: readonly string[] = [
  'new',
  'resultTotal',
  'carryOver',
  'review',
  'litigation',
  'normative.issued',
  'license',
  'penalty',
  'coercion',
  'fees'
]

/**
 * A figure is an outlier when it is at least `ratio` times last year's, or last year's at least
 * `ratio` times it, and the larger of the two is at least `floor` (3 → 1 is ordinary; 60 → 4 is not).
 */
export const OUTLIER_LIMITS = { ratio: 5, floor: 10 } as const

/** A figure's value: the sum of its cells, or undefined when any is blank (a partial sum is not compared). */
function figure(values: Values, q: Quantity): number | undefined {
  let total = 0
  for (const cell of q.cells) {
    const v = values[cell]
    if (v === undefined) return undefined
    total += v
  }
  return total
}

export function outlierFindings(values: Values, previous: { year: number; values: Values }): RollupFinding[] {
  const out: RollupFinding[] = []
  for (const id of OUTLIER_FIGURES) {
    const q = quantity(id)
    const now = figure(values, q)
    const before = figure(previous.values, q)
    if (now === undefined || before === undefined) continue
    const larger = Math.max(now, before)
    const smaller = Math.min(now, before)
    if (larger < OUTLIER_LIMITS.floor || larger < smaller * OUTLIER_LIMITS.ratio) continue
    const ratio = formatNumber(Math.round((larger / Math.max(smaller, 1e-9)) * 10) / 10)
    const times = smaller > 0 ? (now > before ? `，约为上年的 ${ratio} 倍` : `，上年约为本年的 ${ratio} 倍`) : ''
    out.push({
      rule: 'OUTLIER',
      name: findingName('OUTLIER'),
      severity: 'warning',
      message: `${q.label}本年为 ${formatNumber(now)}，${previous.year} 年为 ${formatNumber(before)}${times}，与上年相差悬殊，请核实`,
      place: q.cells.length === 1 ? describeCell(q.cells[0]!) : q.label,
      cells: [...q.cells]
    })
  }
  return out
}

/** A county, district, city or banner government: 某某县人民政府 (its key ends with the place word). */
const GOVERNMENT = /(县|区|市|旗)$/

/**
 * The county's own unit: the one the settings name, else the one unit of level 其他 that is a
 * government (某某县人民政府). A problem when it cannot be told.
 */
export function findOwnUnit(units: readonly RollupUnit[], named?: string): { unit?: RollupUnit; problem?: string } {
  if (named?.trim()) {
    const key = unitKey(named)
    const unit = units.find((u) => unitKey(u.name) === key || u.aliases.some((a) => unitKey(a) === key))
    return unit ? { unit } : { problem: `设置中的本级单位“${named.trim()}”不在单位名单中，未与所属单位合计核对` }
  }
  const governments = units.filter((u) => u.level === 'other' && GOVERNMENT.test(unitKey(u.name)))
  if (governments.length === 1) return { unit: governments[0] }
  return {
    problem:
      governments.length === 0
        ? '单位名单中没有本级单位（层级为“其他”的某某县人民政府），未与所属单位合计核对'
        : `单位名单中有 ${governments.length} 个可能的本级单位（${governments.map((g) => g.name).join('、')}），请在设置中指定，未与所属单位合计核对`
  }
}

/** The county's own figures beside the sum of the other units, for the cells the settings name. */
export function compareWithUnits(unit: string, own: Values, sums: ReadonlyMap<CellId, RollupTotal>, cells: readonly CellId[]): RollupComparison {
  const ordered = CELLS.filter((c) => cells.includes(c.id))
  return {
    unit,
    cells: ordered.map(({ id }) => {
      const total = sums.get(id)
      const ownValue = own[id]
      const complete = total?.complete ?? false
      return {
        cell: id,
        ...(ownValue !== undefined ? { own: ownValue } : {}),
        ...(total?.value !== undefined ? { sum: total.value } : {}),
        complete,
        agrees: ownValue !== undefined && total?.value !== undefined && Math.abs(ownValue - total.value) < 1e-9
      }
    })
  }
}

/** The disagreements of a comparison as findings on the county's own report. */
export function comparisonFindings(comparison: RollupComparison): RollupFinding[] {
  return comparison.cells
    .filter((c) => !c.agrees)
    .map((c) => {
      const own = c.own === undefined ? '空白' : formatNumber(c.own)
      const sum = c.sum === undefined ? '全部空白' : formatNumber(c.sum)
      const incomplete = c.complete ? '' : '（有单位空白，合计不完整）'
      return {
        rule: 'AGREE',
        name: findingName('AGREE'),
        severity: c.complete && c.own !== undefined ? ('warning' as const) : ('hint' as const),
        message: `本级报告${describeCell(c.cell)}为 ${own}，所属单位合计为 ${sum}${incomplete}，按设置两者应一致，请核实`,
        place: describeCell(c.cell),
        cells: [c.cell]
      }
    })
}
