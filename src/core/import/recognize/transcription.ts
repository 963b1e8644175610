/**
 * Reports re-typed, OCR'd or converted to Markdown by other tools, back into the shapes the
 * recognisers read: `#` heading marks and emphasis dropped; pipe tables (`| 自然人 | 商业企业 |`)
 * made real table blocks, their `|---|` rules and empty rows left out; header rows of placeholders
 * (`数据1…`, `列1`, `Column 2`) dropped, since they name nothing; figures OCR read with look-alike
 * characters (`〇`/`O`/`o` for 0, `l`/`I` for 1) read as figures, each such cell marked so that its
 * value is flagged for review. Stray characters between rows (a lone `|`, `·`, `*`) are dropped.
 */
import type { Block, BlockCell } from '../types'

const HEADING_MARKS = /^\s{0,3}#{1,6}\s+/
const EMPHASIS = /(\*\*|__)(.+?)\1/g
const PIPE_ROW = /^\s*\|.*\|\s*$|^[^|]+(?:\|[^|]*){2,}$/
const RULE_CELL = /^\s*:?-{2,}:?\s*$/
/** A header cell that names nothing: a converter's or a spreadsheet's column placeholder. */
const PLACEHOLDER = /^(?:数据|列|栏|字段|项|Column|Col|Field|Data)\s*\d{1,2}$|^[A-Z]$|^(?:Unnamed:?\s*\d+)$/i
/** A line of nothing but stray marks (dashes and slashes are not: they print an empty cell). */
const STRAY = /^[\s|｜·•*_~^`'"“”‘’,，.。:：;；、\\]*$/

/** Look-alike characters OCR puts for digits. */
const LOOK_ALIKES: Record<string, string> = { O: '0', o: '0', 〇: '0', l: '1', I: '1', '|': '1' }
/** A figure read with look-alikes: digits and look-alikes only, a real digit among them or a lone 〇/O. */
const OCR_FIGURE = /^(?:(?=.*\d)[\dOo〇lI|]+|[O〇lI])$/

export interface Transcribed {
  blocks: Block[]
  notices: string[]
}

function ocrFigure(text: string): { text: string; note: string } | undefined {
  const t = text.trim()
  if (!t || /^\d+$/.test(t) || !OCR_FIGURE.test(t)) return undefined
  const fixed = Array.from(t, (ch) => LOOK_ALIKES[ch] ?? ch).join('')
  return { text: fixed, note: `原文“${t}”中有易混字符，按“${fixed}”读取` }
}

/** A row copied as text (“（一）予以公开 9 3 l 1 1 1 16”): look-alikes among its trailing figures. */
function trailingFigures(text: string): { text: string; note: string; fixed: number } | undefined {
  const tokens = text.trim().split(/\s+/)
  let k = tokens.length
  const notes: string[] = []
  while (k > 1 && (/^\d+$/.test(tokens[k - 1]!) || ocrFigure(tokens[k - 1]!))) k -= 1
  if (tokens.length - k < 3) return undefined
  for (let i = k; i < tokens.length; i += 1) {
    const fixed = ocrFigure(tokens[i]!)
    if (fixed) {
      notes.push(fixed.note)
      tokens[i] = fixed.text
    }
  }
  return notes.length ? { text: tokens.join(' '), note: notes.join('；'), fixed: notes.length } : undefined
}

function cellsOf(line: string): string[] {
  let body = line.trim()
  if (body.startsWith('|')) body = body.slice(1)
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1)
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim())
}

export function readTranscription(blocks: readonly Block[]): Transcribed {
  const out: Block[] = []
  let ocr = 0
  let placeholders = 0
  let pipeTables = 0
  let rows: BlockCell[][] | undefined
  const close = () => {
    if (rows?.length) {
      out.push({ kind: 'table', rows })
      pipeTables += 1
    }
    rows = undefined
  }
  const cell = (text: string): BlockCell => {
    const fixed = ocrFigure(text)
    if (fixed) ocr += 1
    return fixed ? { text: fixed.text, rowSpan: 1, colSpan: 1, derived: fixed.note } : { text, rowSpan: 1, colSpan: 1 }
  }
  for (const block of blocks) {
    if (block.kind === 'table') {
      close()
      const fixed = block.rows
        .map((row) => row.map((c) => (ocrFigure(c.text) ? { ...c, ...cell(c.text) } : c)))
        .filter((row) => {
          const placeholder = row.length > 1 && row.every((c) => PLACEHOLDER.test(c.text.trim()) || !c.text.trim()) && row.some((c) => c.text.trim())
          if (placeholder) placeholders += 1
          return !placeholder
        })
      out.push({ ...block, rows: fixed })
      continue
    }
    const text = block.text
    if (PIPE_ROW.test(text) && text.includes('|')) {
      const cells = cellsOf(text)
      if (cells.every((c) => RULE_CELL.test(c) || c === '')) continue
      if (cells.length > 1 && cells.every((c) => PLACEHOLDER.test(c) || c === '')) {
        placeholders += 1
        rows ??= []
        continue
      }
      if (cells.every((c) => STRAY.test(c))) continue
      rows ??= []
      rows.push(cells.map(cell))
      continue
    }
    if (rows && STRAY.test(text)) continue
    close()
    const plain = text.replace(HEADING_MARKS, '').replace(EMPHASIS, '$2')
    if (!plain.trim() || (STRAY.test(plain) && plain.trim().length <= 3)) continue
    const figures = trailingFigures(plain)
    if (figures) ocr += figures.fixed
    out.push(figures ? { ...block, text: figures.text, derived: figures.note } : plain === text ? block : { ...block, text: plain })
  }
  close()
  const notices: string[] = []
  if (pipeTables) notices.push(`按 Markdown 表格读取 ${pipeTables} 张表`)
  if (placeholders) notices.push(`表头为占位符（如“数据1”“列1”“Column 2”）的 ${placeholders} 行未作为标签，按行标签和合计关系识别`)
  if (ocr) notices.push(`${ocr} 个数字中有易混字符（如“O”“l”），已按数字读取并标为需核对`)
  return { blocks: out, notices }
}
