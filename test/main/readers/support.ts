/**
 * Shared expectations for the reader tests: the fixture report, its 表三 as the table definition
 * lays it out, and helpers to find blocks.
 */
import { fileURLToPath } from 'node:url'
import type { Block, BlockCell } from '@core/import/types'
import { cellId, fullLabel, leaves } from '@core/report/cells'
import { tableLayout } from '@core/report/layout'
import { SECTIONS } from '@core/report/sections'
import { TABLE_3 } from '@core/report/tables'
import { consistentReport } from '../../support/reports'

export const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))

/** The report the fixtures were made from (scripts/make-fixtures.ts). */
export const REPORT = consistentReport()

export const TITLE_LINES = [REPORT.unit.name, `${REPORT.year}年政府信息公开工作年度报告`]
export const HEADINGS = SECTIONS.map((s) => s.heading)

export type Table = Extract<Block, { kind: 'table' }>

export function paragraphs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
}

export function tables(blocks: readonly Block[]): Table[] {
  return blocks.filter((b): b is Table => b.kind === 'table')
}

/** The table block that holds 表三: the one with its corner note / first row label. */
export function table3(blocks: readonly Block[]): Table {
  const found = tables(blocks).find((t) => t.rows.some((row) => row.some((c) => c.text.startsWith('一、本年新收政府信息公开申请数量'))))
  if (!found) throw new Error('表三 not found')
  return found
}

/** 表三 rows as the official layout draws them: text and spans per cell, value cells as printed. */
export function expectedTable3(): { text: string; rowSpan: number; colSpan: number }[][] {
  return tableLayout(TABLE_3).rows.map((row) =>
    row.cells.map((cell) => ({
      text: cell.kind === 'value' ? String(REPORT.values[cell.cellId!] ?? '') : cell.text + (cell.note ?? ''),
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan
    }))
  )
}

/** Leaf rows of 表三: the printed label and the seven values in column order. */
export function table3ValueRows(): { label: string; values: string[] }[] {
  const columns = leaves(TABLE_3.columns)
  return leaves(TABLE_3.rows).map((row) => ({
    label: fullLabel(row.node),
    values: columns.map((c) => String(REPORT.values[cellId('t3', row.node.key, c.node.key)]))
  }))
}

export function cellTexts(row: readonly BlockCell[]): string[] {
  return row.map((c) => c.text)
}

let gbkTable: Map<string, number[]> | undefined

/** GBK bytes of a text (Node has no GBK encoder): each character looked up in the decoder's table. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        const char = decoder.decode(new Uint8Array([lead, trail]))
        if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, [lead, trail])
      }
    }
  }
  const table = gbkTable
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)))
}
