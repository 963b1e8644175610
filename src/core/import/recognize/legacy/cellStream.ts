/**
 * Statistics tables that reached us as paragraphs: one cell per line (web copies), tab-separated
 * lines (.doc text), or space-separated lines (PDF text). All become one stream of cell tokens;
 * rows are read from the stream by the table's own structure — a label (possibly wrapped over
 * lines), then the unit and values the header announced — never by line position.
 */
import type { Block, ValueSource } from '../../types'
import { compact } from '../blockText'
import type { LegacyRow, LegacyTable } from './types'
import {
  CODE_HEADER,
  columnKey,
  LABEL_HEADER,
  NIL_VALUE,
  NUMBER,
  ROW_NUMBERING,
  UNIT_HEADER,
  UNITS,
  VALUE_HEADER,
  YEAR_FRAGMENT,
  type Column
} from './vocabulary'

type TokenKind = 'text' | 'number' | 'unit' | 'blank' | 'gap'

interface Token {
  kind: TokenKind
  text: string
  source: ValueSource
}

const MAX_LABEL_PARTS = 4
const MAX_LABEL_CHARS = 80

function classify(text: string): TokenKind {
  const t = text.trim()
  if (t === '') return 'blank'
  if (NUMBER.test(t)) return 'number'
  if (UNITS.has(t)) return 'unit'
  return 'text'
}

/** A one-line row such as “主动公开文件数 条 53 259” (PDF text), split into cells. */
function splitSpacedRow(text: string): string[] | undefined {
  const parts = text.trim().split(/\s+/)
  if (parts.length < 2) return undefined
  let k = parts.length
  while (k > 0 && (NUMBER.test(parts[k - 1]!) || NIL_VALUE.test(parts[k - 1]!))) k--
  if (k === parts.length) return undefined
  if (k > 0 && UNITS.has(parts[k - 1]!)) k--
  if (k === 0) return undefined
  return [parts.slice(0, k).join(''), ...parts.slice(k)]
}

/** A header line printed on one line: “指标名称 计量单位 2016年度 历年累计”. */
function splitSpacedHeader(text: string): string[] | undefined {
  const parts = text.trim().split(/\s+/)
  if (parts.length < 2) return undefined
  const first = compact(parts[0]!)
  return LABEL_HEADER.test(first) || CODE_HEADER.test(first) ? parts : undefined
}

function tokenize(blocks: readonly Block[], claimed: ReadonlySet<number>): Token[] {
  const tokens: Token[] = []
  blocks.forEach((block, b) => {
    // Real tables are read by their grid (tableBlock.ts); there they only break the stream.
    if (block.kind === 'table' && claimed.has(b)) {
      tokens.push({ kind: 'gap', text: '', source: { block: b } })
      return
    }
    if (block.kind === 'table') {
      // A table no header explains may be a piece of a flattened table that a reader took for a
      // table (one tab-indented line per cell): its cells join the stream; the empty cells are
      // only the indentation.
      block.rows.forEach((row, r) => {
        const cells = row.map((c, i) => ({ text: c.text.trim(), i })).filter((c) => c.text !== '')
        for (const c of cells) tokens.push({ kind: classify(c.text), text: c.text, source: { block: b, row: r, cell: c.i, text: c.text } })
        if (cells.length > 1) tokens.push({ kind: 'gap', text: '', source: { block: b, row: r } })
      })
      return
    }
    const raw = block.text
    const text = raw.trim()
    if (text === '') {
      // A tab-indented empty line is an empty cell in a web copy; a truly empty line separates rows.
      tokens.push({ kind: raw.includes('\t') ? 'blank' : 'gap', text: '', source: { block: b } })
      return
    }
    const cells = text.includes('\t') ? text.split(/\t+/) : (splitSpacedHeader(text) ?? splitSpacedRow(text))
    if (cells && cells.length > 1) {
      for (const cell of cells) tokens.push({ kind: classify(cell), text: cell.trim(), source: { block: b, text: cell.trim() } })
      tokens.push({ kind: 'gap', text: '', source: { block: b } })
      return
    }
    tokens.push({ kind: classify(text), text, source: { block: b, text } })
  })
  return tokens
}

interface Header {
  /** A running-number column before the label (“序号”). */
  leadingCode: boolean
  columns: Column[]
  next: number
  firstBlock: number
}

function nextNonGap(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && tokens[i]!.kind === 'gap') i++
  return i
}

function readHeader(tokens: readonly Token[], at: number): Header | undefined {
  let first = tokens[at]
  if (!first || first.kind !== 'text') return undefined
  let leadingCode = false
  let i = at
  if (CODE_HEADER.test(compact(first.text))) {
    const j = nextNonGap(tokens, at + 1)
    const label = tokens[j]
    if (!label || !LABEL_HEADER.test(compact(label.text))) return undefined
    leadingCode = true
    i = j
  } else if (!LABEL_HEADER.test(compact(first.text))) return undefined
  const columns: Column[] = []
  const printed: string[] = []
  i++
  for (;;) {
    const j = nextNonGap(tokens, i)
    const t = tokens[j]
    if (!t || t.kind === 'blank') break
    const h = compact(t.text)
    const last = columns[columns.length - 1]
    if (UNIT_HEADER.test(h)) columns.push({ kind: 'unit' })
    else if (CODE_HEADER.test(h)) columns.push({ kind: 'code' })
    else if (VALUE_HEADER.test(h)) {
      columns.push({ kind: 'value', key: '' })
      printed.push(h)
    } else if (YEAR_FRAGMENT.test(h) && last?.kind === 'value' && /^\d{4}$/.test(printed[printed.length - 1]!)) {
      // “2016” / “年度”: one header cell wrapped over two lines.
      printed[printed.length - 1] += h
    } else break
    i = j + 1
  }
  if (printed.length === 0) return undefined
  let v = 0
  for (const column of columns) if (column.kind === 'value') column.key = columnKey(printed[v++]!)
  first = tokens[at]!
  return { leadingCode, columns, next: i, firstBlock: first.source.block }
}

function isLabelText(t: Token): boolean {
  return t.kind === 'text' && t.text.length <= MAX_LABEL_CHARS && !/[。]/.test(t.text)
}

function isValueToken(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'blank' || ((t.kind === 'unit' || t.kind === 'text') && NIL_VALUE.test(t.text))
}

/** One row from `at`; undefined where the table ends. */
function readRow(tokens: readonly Token[], at: number, header: Header): { row: LegacyRow; next: number; lastBlock: number } | undefined {
  let i = nextNonGap(tokens, at)
  if (header.leadingCode && tokens[i]?.kind === 'number') i = nextNonGap(tokens, i + 1)
  const parts: Token[] = []
  while (i < tokens.length) {
    const t = tokens[i]!
    if (t.kind === 'gap') {
      i++
      continue
    }
    if (!isLabelText(t)) break
    if (parts.length > 0 && ROW_NUMBERING.test(t.text)) break
    if (parts.length >= MAX_LABEL_PARTS) return undefined
    parts.push(t)
    i++
  }
  if (parts.length === 0) return undefined
  const label = parts.map((p) => p.text.replace(/\s+/g, '')).join('')
  const row: LegacyRow = { label, values: {}, sources: {}, source: parts[0]!.source }
  let lastBlock = parts[parts.length - 1]!.source.block
  const after = tokens[i]
  // A group row (“二、回应解读情况” with nothing beside it) is followed directly by the next label.
  if (after === undefined || (after.kind === 'text' && ROW_NUMBERING.test(after.text))) return { row, next: i, lastBlock }
  if (after.kind === 'text' && !NIL_VALUE.test(after.text)) return undefined
  for (const column of header.columns) {
    let t = tokens[i]
    if (t?.kind === 'gap' && Object.keys(row.values).length === 0 && column.kind === 'value') {
      // A reader that drops tab-only lines leaves gaps between a unit and its values.
      const j = nextNonGap(tokens, i)
      if (tokens[j]?.kind === 'number') {
        i = j
        t = tokens[i]
      }
    }
    if (!t || t.kind === 'gap') break
    if (column.kind === 'unit') {
      // A row may lack its unit; then the values follow at once.
      if (t.kind === 'unit') {
        row.unit = t.text
        lastBlock = t.source.block
        i++
      }
      continue
    }
    if (column.kind === 'code') {
      if (t.kind === 'number' || t.kind === 'blank' || (t.kind === 'text' && t.text.length <= 8)) {
        lastBlock = t.source.block
        i++
      }
      continue
    }
    if (!isValueToken(t)) break
    if (!(column.key in row.values)) {
      row.values[column.key] = t.text
      row.sources[column.key] = t.source
    }
    lastBlock = t.source.block
    i++
  }
  return { row, next: i, lastBlock }
}

/** `claimed`: table blocks already read by their grid. */
export function readStreamTables(blocks: readonly Block[], claimed: ReadonlySet<number> = new Set()): LegacyTable[] {
  const tokens = tokenize(blocks, claimed)
  const tables: LegacyTable[] = []
  let i = 0
  while (i < tokens.length) {
    const header = readHeader(tokens, i)
    if (!header) {
      i++
      continue
    }
    const rows: LegacyRow[] = []
    let lastBlock = header.firstBlock
    let at = header.next
    for (;;) {
      const read = readRow(tokens, at, header)
      if (!read) break
      rows.push(read.row)
      lastBlock = Math.max(lastBlock, read.lastBlock)
      at = read.next
    }
    // A header with no row under it is a word in the text, not a table.
    if (rows.length === 0) {
      i++
      continue
    }
    const occupied: number[] = []
    for (let b = header.firstBlock; b <= lastBlock; b++) occupied.push(b)
    tables.push({ rows, blocks: occupied })
    i = at
  }
  return tables
}
