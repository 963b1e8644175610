/**
 * Totals a table can fill from its own parts (填入合计): every blank total of 表三 and 表四 (R2–R4,
 * from the table definitions via BALANCES) computed from the cells it sums, inner totals first (the
 * corner of 表三 sums totals that may themselves be blank). A total none of whose parts is filled
 * stays blank — blank is not 0 — and a total already filled is never changed: one that disagrees
 * with its parts is counted, and left to the R2/R3/R4 findings. The editor's 填入合计 and the CLI's
 * `cells --fill-totals` both use it.
 */
import { BALANCES, type CellId } from './cells'
import type { Report } from './report'
import type { TableId } from './tables'

export interface CellChange {
  cell: CellId
  value: number | undefined
}

export interface TotalsToFill {
  changes: CellChange[]
  /** Totals filled in by hand that do not match their parts. */
  disagreeing: number
}

const TOTAL_BALANCES = BALANCES.filter((b) => b.rule !== 'R1' && b.right.length === 1)

export function tableHasTotals(table: TableId): boolean {
  return TOTAL_BALANCES.some((b) => b.table === table)
}

export function totalsToFill(values: Report['values'], table: TableId): TotalsToFill {
  const balances = TOTAL_BALANCES.filter((b) => b.table === table)
  const byAnchor = new Map<CellId, (typeof balances)[number]>()
  for (const b of balances) if (!byAnchor.has(b.anchor)) byAnchor.set(b.anchor, b)
  const resolved = new Map<CellId, number | undefined>()
  const resolve = (cell: CellId, visiting: Set<CellId>): number | undefined => {
    const typed = values[cell]
    if (typed !== undefined) return typed
    if (resolved.has(cell)) return resolved.get(cell)
    const balance = byAnchor.get(cell)
    if (!balance || visiting.has(cell)) return undefined
    visiting.add(cell)
    let sum: number | undefined
    for (const part of balance.left) {
      const v = resolve(part, visiting)
      if (v !== undefined) sum = (sum ?? 0) + v
    }
    visiting.delete(cell)
    // Sums of 万元 amounts must not show binary noise.
    const value = sum === undefined ? undefined : Number(sum.toFixed(6))
    resolved.set(cell, value)
    return value
  }
  const changes: CellChange[] = []
  let disagreeing = 0
  for (const [anchor, balance] of byAnchor) {
    if (values[anchor] === undefined) {
      const value = resolve(anchor, new Set())
      if (value !== undefined) changes.push({ cell: anchor, value })
    } else if (balance.left.some((p) => values[p] !== undefined)) {
      const sum = balance.left.reduce((s, p) => s + (values[p] ?? 0), 0)
      if (Math.abs(sum - values[anchor]!) > 1e-9) disagreeing++
    }
  }
  return { changes, disagreeing }
}

/** Every table's blank totals filled: the values after, and what was done. */
export function fillAllTotals(values: Report['values']): { values: Report['values']; filled: number; disagreeing: number } {
  const next = { ...values }
  let filled = 0
  let disagreeing = 0
  for (const table of ['t2', 't3', 't4'] as const) {
    if (!tableHasTotals(table)) continue
    const result = totalsToFill(next, table)
    for (const change of result.changes) if (change.value !== undefined) next[change.cell] = change.value
    filled += result.changes.length
    disagreeing += result.disagreeing
  }
  return { values: next, filled, disagreeing }
}
