/**
 * Plain text (a .txt file, or text pasted from Word, Excel or a web page) → blocks.
 *
 * Each non-empty line is a paragraph. A line with a tab between cells is a table row, as copying
 * a table gives it; consecutive tab lines form one table. Empty lines only separate: they carry no
 * structure the recogniser needs.
 *
 * Lines are taken one at a time and reading stops at recognition's caps (core/import/limits), so
 * a text of millions of lines or cells costs no more than its first part.
 */
import { BlockBudget, TEXT_LIMITS } from '@core/import/limits'
import type { BlockCell } from '@core/import/types'
import { cleanInline } from './text'

function cell(text: string): BlockCell {
  return { text: cleanInline(text), rowSpan: 1, colSpan: 1 }
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g

/** The lines of `text`, lazily. */
function* lines(text: string): Generator<string> {
  let start = 0
  LINE_BREAK.lastIndex = 0
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    yield text.slice(start, match.index)
    start = LINE_BREAK.lastIndex
  }
  yield text.slice(start)
}

/** `line` without leading and trailing tabs (no regex: `\t+$` backtracks quadratically on long tab runs). */
function trimTabs(line: string): string {
  let start = 0
  let end = line.length
  while (start < end && line.charCodeAt(start) === 9) start += 1
  while (end > start && line.charCodeAt(end - 1) === 9) end -= 1
  return line.slice(start, end)
}

function trimTrailingTabs(line: string): string {
  let end = line.length
  while (end > 0 && line.charCodeAt(end - 1) === 9) end -= 1
  return line.slice(0, end)
}

/** A row's cells, at most as many as a table keeps (a million tabs on one line are not a million cells). */
function rowCells(line: string): BlockCell[] {
  const parts = trimTrailingTabs(line).split('\t', TEXT_LIMITS.maxTableColumns + 1)
  return parts.map(cell)
}

/** Blocks of a text within recognition's caps; `budget.warnings()` says what was cut. */
export function textToBudget(text: string, budget = new BlockBudget()): BlockBudget {
  let table: BlockCell[][] | undefined
  const closeTable = () => {
    if (table) budget.table(table)
    table = undefined
  }
  for (const raw of lines(text)) {
    if (budget.full) break
    if (!raw) {
      closeTable()
      continue
    }
    // Longer than any paragraph kept: the budget splits it; cleaning all of a 20 MB line is wasted.
    const line = raw.length > budget.remainingChars * 2 + 1000 ? raw.slice(0, budget.remainingChars * 2 + 1000) : raw
    // A tab between two cells makes a row. Tabs only at the ends (web copies indent every line of
    // a flattened table with one) make a row only inside a table already open.
    const inner = trimTabs(line)
    const innerTab = inner.includes('\t')
    if (line.includes('\t') && inner.trim() && (innerTab || table)) {
      // Trailing tabs are what Excel leaves after the last filled cell; they are not cells.
      table ??= []
      if (table.length <= TEXT_LIMITS.maxTableRows) table.push(rowCells(line))
      continue
    }
    closeTable()
    const paragraph = cleanInline(line)
    if (paragraph) budget.paragraph(paragraph)
  }
  closeTable()
  return budget
}

export function textToBlocks(text: string): { blocks: BlockBudget['blocks']; warnings: string[] } {
  const budget = textToBudget(text)
  return { blocks: budget.blocks, warnings: budget.warnings() }
}
