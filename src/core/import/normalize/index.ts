/**
 * Text normalisation of imported blocks, before any recognition. Order matters:
 * 1. NFC, so glosses with combining tone marks and compatibility ideographs compare equal;
 * 2. mojibake repair, on the original characters (their GBK bytes are the evidence; the pinyin
 *    gloss after a damaged run also bounds it);
 * 3. pinyin gloss removal;
 * 4. traditional → simplified, decided once for the whole document;
 * 5. full-width digits and letters → ASCII;
 * 6. stray spaces inside Chinese text.
 * Every change is listed in `repairs` for the officer. Figures are never altered: digits only
 * change width, and no rule can join two numbers.
 */
import { NORMALIZE_LIMITS } from '../limits'
import type { Block, BlockCell } from '../types'
import { GARBLED_MARK, markUnrepaired, repairMojibake, type MojibakeBudget } from './mojibake'
import { removePinyinGlosses } from './pinyin'
import { removeStraySpaces } from './spaces'
import { convertToSimplified, isTraditional } from './traditional'
import { toHalfWidth } from './width'

export { GARBLED_MARK } from './mojibake'

export interface NormalizeResult {
  blocks: Block[]
  /** What was changed, in Chinese, for the officer to review. */
  repairs: string[]
}

interface Counters {
  /** Repair still allowed in this document (see NORMALIZE_LIMITS). */
  mojibake: MojibakeBudget
  glosses: string[]
  halfWidth: number
  spaces: number
  traditional: number
}

/** Where a text sits, as the officer would say it. */
function place(block: number, row?: number, cell?: number): string {
  return row === undefined ? `第${block + 1}段` : `第${block + 1}块表格第${row + 1}行第${(cell ?? 0) + 1}格`
}

function short(text: string): string {
  const chars = Array.from(text)
  return chars.length > 24 ? chars.slice(0, 24).join('') + '…' : text
}

/** Steps 1–3: everything that works on the characters as found. */
function repairText(text: string, where: string, repairs: string[], counters: Counters): string {
  let out = text.normalize('NFC')
  const lines = out.split('\n').map((line) => {
    const fixed = repairMojibake(line, counters.mojibake)
    for (const r of fixed.repairs) {
      const how = r.kind === 'gbk-shift' ? 'GBK 错位乱码' : 'UTF-8 误读乱码'
      const lost = r.lost ? `；个别字已无法恢复，标为${GARBLED_MARK}，请对照原文补全` : ''
      repairs.push(`${where}：${how}“${short(r.from)}”已修复为“${short(r.to)}”${lost}`)
    }
    const marked = markUnrepaired(fixed.text)
    for (const m of marked.marked) repairs.push(`${where}：无法修复的乱码“${short(m)}”已标为${GARBLED_MARK}，请对照原文补全`)
    // U+FFFD is where a reader met bytes it could not decode: the character is gone.
    return marked.text.replace(/\ufffd+/g, (lost) => {
      repairs.push(`${where}：有 ${lost.length} 个字无法解码，已标为${GARBLED_MARK}，请对照原文补全`)
      return GARBLED_MARK
    })
  })
  out = lines.join('\n')
  const glossed = removePinyinGlosses(out)
  counters.glosses.push(...glossed.removed)
  return glossed.text
}

/** Steps 5–6, after the document-wide conversion. */
function tidyText(text: string, counters: Counters): string {
  const half = toHalfWidth(text)
  counters.halfWidth += half.changed
  const spaced = removeStraySpaces(half.text)
  counters.spaces += spaced.removed
  return spaced.text
}

function mapTexts(blocks: readonly Block[], fn: (text: string, where: string) => string): Block[] {
  return blocks.map((block, b): Block => {
    if (block.kind === 'paragraph') return { ...block, text: fn(block.text, place(b)) }
    const rows = block.rows.map((row, r) => row.map((cell, c): BlockCell => ({ ...cell, text: fn(cell.text, place(b, r, c)) })))
    return { ...block, rows }
  })
}

function allText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n')))
    .join('\n')
}

export function normalizeBlocks(blocks: Block[]): NormalizeResult {
  const repairs: string[] = []
  const counters: Counters = {
    mojibake: { attempts: NORMALIZE_LIMITS.maxMojibakeAttempts, chars: NORMALIZE_LIMITS.maxMojibakeChars },
    glosses: [],
    halfWidth: 0,
    spaces: 0,
    traditional: 0
  }
  let out = mapTexts(blocks, (text, where) => repairText(text, where, repairs, counters))

  if (isTraditional(allText(out))) {
    let changed = 0
    out = mapTexts(out, (text) => {
      const converted = convertToSimplified(text)
      const a = Array.from(text)
      const b = Array.from(converted)
      a.forEach((ch, i) => {
        if (b[i] !== ch) changed++
      })
      return converted
    })
    counters.traditional = changed
  }
  out = mapTexts(out, (text) => tidyText(text, counters))

  if (counters.glosses.length > 0) {
    const examples = [...new Set(counters.glosses)].slice(0, 3).map((g) => `“${g}”`).join('')
    repairs.push(`删除字后的拼音注音 ${counters.glosses.length} 处（如${examples}）`)
  }
  if (counters.traditional > 0) repairs.push(`原文为繁体字，已转换为简体（${counters.traditional} 字）`)
  if (counters.halfWidth > 0) repairs.push(`全角数字、字母改为半角 ${counters.halfWidth} 处`)
  if (counters.spaces > 0) repairs.push(`删除中文之间多余的空格 ${counters.spaces} 处`)
  return { blocks: out, repairs: capNotes(repairs) }
}

/** The first notes one by one, the rest as a count: a garbled file would otherwise list thousands. */
function capNotes(repairs: string[]): string[] {
  const max = NORMALIZE_LIMITS.maxRepairNotes
  if (repairs.length <= max) return repairs
  return [...repairs.slice(0, max - 1), `另有 ${repairs.length - max + 1} 处乱码修复或标记未逐条列出，请对照原文核对`]
}

/** The same steps on one piece of text (pasted text, a title): traditional decided on the text itself. */
export function normalizeText(text: string): { text: string; repairs: string[] } {
  const { blocks, repairs } = normalizeBlocks([{ kind: 'paragraph', text }])
  const first = blocks[0]
  return { text: first?.kind === 'paragraph' ? first.text : text, repairs }
}
