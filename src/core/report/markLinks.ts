/**
 * Marks tied to the tables. A carried-over draft marks every figure of last year's text
 * 【待更新：39】; where the figure states a table quantity (“共收到政府信息公开申请【待更新：39】件”,
 * “上年结转【待更新：3】件”, “其中结果维持【待更新：1】件”), the officer fills the cell anyway, so
 * the mark is linked to it: once every cell of the quantity is filled, the mark is replaced by the
 * table's figure. Pure: the editor store applies the replacement in the same undo step as the cell
 * edit that made it possible, and the draft applies it at once for the cells carried from last year.
 */
import type { CellId } from './cells'
import type { Report } from './report'
import { SECTION_IDS, type SectionId } from './sections'
import type { Quantity } from './quantities'
import { readStatements } from './statements'

export interface LinkedMark {
  section: SectionId
  /** The mark's span in the section text. */
  start: number
  end: number
  /** Last year's figure the mark holds. */
  figure: string
  quantity: Quantity
}

export interface ResolvedMark extends LinkedMark {
  /** The table's figure that replaces it. */
  value: string
}

/** Integers as typed; 万元 amounts without binary noise. */
function formatFigure(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)))
}

/** Every 【待更新】 mark that stands where a table quantity is stated, in reading order. */
export function linkedMarks(sections: Report['sections']): LinkedMark[] {
  return SECTION_IDS.flatMap((section) => {
    const text = sections[section]
    if (!text.includes('【待更新：')) return []
    return readStatements(text)
      .filter((s) => s.marked)
      .map((s) => ({
        section,
        start: s.numberStart,
        end: s.numberEnd,
        figure: text.slice(s.numberStart, s.numberEnd).replace(/^【待更新：|】$/g, ''),
        quantity: s.quantity
      }))
  })
}

function filledSum(values: Report['values'], cells: readonly CellId[]): number | undefined {
  let sum = 0
  for (const id of cells) {
    const v = values[id]
    if (v === undefined || !Number.isFinite(v)) return undefined
    sum += v
  }
  return sum
}

/**
 * The sections with every linked mark whose cells are all filled replaced by the table's figure,
 * and what was replaced. Sections without such a mark are returned unchanged (the same strings).
 */
export function resolveLinkedMarks(
  sections: Report['sections'],
  values: Report['values']
): { sections: Report['sections']; resolved: ResolvedMark[] } {
  const resolved: ResolvedMark[] = []
  for (const mark of linkedMarks(sections)) {
    const sum = filledSum(values, mark.quantity.cells)
    if (sum !== undefined) resolved.push({ ...mark, value: formatFigure(sum) })
  }
  if (resolved.length === 0) return { sections, resolved }
  const next = { ...sections }
  for (const section of SECTION_IDS) {
    const marks = resolved.filter((m) => m.section === section)
    if (marks.length === 0) continue
    let text = sections[section]
    // Back to front, so earlier offsets stay valid.
    for (const mark of [...marks].reverse()) text = text.slice(0, mark.start) + mark.value + text.slice(mark.end)
    next[section] = text
  }
  return { sections: next, resolved }
}
