/**
 * Pre-2019 statistics tables (附表, 统计表): every labelled row kept as a LegacyFigure, with 本年
 * (the year column, 统计数, 本年累计) and 历年累计 where printed; then the approximate mappings
 * of spec §3.4 into today's cells (legacy/mapping.ts).
 *
 * Tables arrive as real table blocks (legacy/tableBlock.ts) or as paragraphs — one cell per line,
 * tab- or space-separated lines (legacy/cellStream.ts). Rows are read by label and by the header's
 * columns, never by position; figures are kept exactly as printed, empty cells as ''.
 */
import type { Block, LegacyFigure } from '../types'
import { compact } from './blockText'
import { readStreamTables } from './legacy/cellStream'
import { parentsOf } from './legacy/hierarchy'
import { readTableBlocks } from './legacy/tableBlock'
import type { LegacyTable } from './legacy/types'

export { mapLegacyFigures, bareLabel } from './legacy/mapping'
export { columnKey } from './legacy/vocabulary'

/** Title lines just above a table (“政府信息公开情况统计表”, “（2018年度）”, “填报单位：”). */
const TABLE_TITLE = /统计表|^（\d{4}年度?）$|^填报单位[:：]?$|^附表\d*$/

function titleBlocksBefore(blocks: readonly Block[], start: number): number[] {
  const out: number[] = []
  for (let i = start - 1; i >= 0 && out.length < 4; i--) {
    const block = blocks[i]
    if (block?.kind !== 'paragraph') break
    const text = compact(block.text)
    if (text === '') continue
    if (!TABLE_TITLE.test(text)) break
    out.push(i)
  }
  return out
}

function toFigures(table: LegacyTable): LegacyFigure[] {
  const parents = parentsOf(table.rows.map((r) => r.label))
  return table.rows.map((row, i) => {
    const figure: LegacyFigure = { label: row.label, values: row.values, source: row.source, valueSources: row.sources }
    if (row.derived) figure.derived = row.derived
    if (row.unit !== undefined) figure.unit = row.unit
    const parent = parents[i]
    if (parent !== undefined) figure.parent = parent
    return figure
  })
}

export function readLegacyFigures(blocks: readonly Block[]): { figures: LegacyFigure[]; consumed: Set<number> } {
  const fromGrids = readTableBlocks(blocks)
  const claimed = new Set(fromGrids.flatMap((t) => t.blocks))
  const tables = [...fromGrids, ...readStreamTables(blocks, claimed)].sort((a, b) => a.blocks[0]! - b.blocks[0]!)
  const consumed = new Set<number>()
  for (const table of tables) {
    for (const b of table.blocks) consumed.add(b)
    for (const b of titleBlocksBefore(blocks, table.blocks[0]!)) consumed.add(b)
  }
  return { figures: tables.flatMap(toFigures), consumed }
}
