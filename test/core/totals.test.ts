/**
 * report/totals: the blank totals a table can fill from its parts (the editor's 填入合计, the CLI's
 * `cells --fill-totals`). Blank is not 0; a typed total is never changed.
 */
import { describe, expect, it } from 'vitest'
import { cellId, type CellId } from '@core/report/cells'
import { fillAllTotals, tableHasTotals, totalsToFill } from '@core/report/totals'

const t3 = (row: string, column: string): CellId => cellId('t3', row, column)

describe('totals to fill', () => {
  it('has totals in 表三 and 表四 only', () => {
    expect((['t2', 't3', 't4'] as const).map(tableHasTotals)).toEqual([false, true, true])
  })

  it('fills inner totals first: 表三’s corner sums row totals that were blank too', () => {
    const values = { [t3('public', 'natural')]: 2, [t3('public', 'business')]: 3, [t3('stateSecret', 'natural')]: 1 }
    const { changes, disagreeing } = totalsToFill(values, 't3')
    const filled = new Map(changes.map((c) => [c.cell, c.value]))
    expect(filled.get(t3('public', 'total'))).toBe(5)
    expect(filled.get(t3('resultTotal', 'natural'))).toBe(3)
    expect(filled.get(t3('resultTotal', 'total'))).toBe(6)
    // A total none of whose parts is filled stays blank.
    expect(filled.has(t3('new', 'total'))).toBe(false)
    expect(disagreeing).toBe(0)
  })

  it('never changes a typed total; one that disagrees with its parts is counted', () => {
    const values = { [t3('public', 'natural')]: 2, [t3('public', 'total')]: 9 }
    const { changes, disagreeing } = totalsToFill(values, 't3')
    expect(changes.some((c) => c.cell === t3('public', 'total'))).toBe(false)
    expect(disagreeing).toBe(1)
  })

  it('fills every table at once for the CLI', () => {
    const { values, filled } = fillAllTotals({ [cellId('t4', 'review', 'upheld')]: 1, [cellId('t4', 'review', 'pending')]: 2 })
    expect(values[cellId('t4', 'review', 'total')]).toBe(3)
    expect(filled).toBe(1)
  })
})
