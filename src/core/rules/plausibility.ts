/** P6: plausibility of table values given who the unit is. */
import { cellId, cellDef, type CellId } from '../report/cells'
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../report/report'
import type { Rule } from './types'
import { formatNumber } from './format'

/** 《立法法》: only provincial governments and those of 设区的市/自治州 may make 规章. */
const LEVELS_WITHOUT_RULES: ReadonlySet<UnitLevel> = new Set<UnitLevel>(['county', 'township'])

const RULE_CELLS: readonly CellId[] = ['issued', 'repealed', 'inForce'].map((c) => cellId('t2', 'rules', c))

export const REGULATIONS_RULE: Rule = {
  id: 'P6',
  severity: 'warning',
  about: 'tables',
  since: '2019',
  title: '县级、乡镇单位无权制定规章，表二“规章”应为 0',
  reads: { cells: RULE_CELLS },
  evaluate({ report }) {
    if (!LEVELS_WITHOUT_RULES.has(report.unit.level)) return []
    const nonZero = RULE_CELLS.filter((id) => (report.values[id] ?? 0) > 0)
    const first = nonZero[0]
    if (first === undefined) return []
    const listed = nonZero
      .map((id) => `「${cellDef(id).columnPath.join('')}」为 ${formatNumber(report.values[id] ?? 0)}`)
      .join('、')
    return [
      {
        rule: 'P6',
        severity: 'warning',
        message: `${UNIT_LEVEL_LABELS[report.unit.level]}单位无权制定规章，但表二「规章」${listed}，请核实是否应为 0`,
        cells: nonZero,
        target: { kind: 'cell', cell: first },
        key: 'P6'
      }
    ]
  }
}
