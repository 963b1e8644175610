/**
 * Plain text (a .txt file, or text pasted from Word, Excel or a web page) → blocks.
 *
 * Each non-empty line is a paragraph. A line with a tab between cells is a table row, as copying
 * a table gives it; consecutive tab lines form one table. Empty lines only separate: they carry no
 * structure the recogniser needs.
 */
import type { Block, BlockCell } from '../../../core/import/types'
import { cleanInline } from './text'

function cell(text: string): BlockCell {
  return { text: cleanInline(text), rowSpan: 1, colSpan: 1 }
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let table: BlockCell[][] | undefined
  const closeTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table })
    table = undefined
  }
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    // A tab between two cells makes a row. Tabs only at the ends (web copies indent every line of
    // a flattened table with one) make a row only inside a table already open.
    const innerTab = line.replace(/^\t+|\t+$/g, '').includes('\t')
    if (line.includes('\t') && line.replace(/\t/g, '').trim() && (innerTab || table)) {
      // Trailing tabs are what Excel leaves after the last filled cell; they are not cells.
      const row = line.replace(/\t+$/, '').split('\t').map(cell)
      table ??= []
      table.push(row)
      continue
    }
    closeTable()
    const paragraph = cleanInline(line)
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph })
  }
  closeTable()
  return blocks
}
