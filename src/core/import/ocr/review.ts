/**
 * What the officer must check after OCR, decided by the tables' own arithmetic. Every value read
 * from a page image is marked `ocr`; a value is flagged for review when its recognition score is
 * low, when an identity it takes part in (R1–R4) does not hold, or when no identity covers it at
 * all (表二). Where exactly one single-digit change to one flagged value makes every failing
 * identity hold (and breaks none), that change is offered as a suggestion — never applied: the
 * value imported is the value printed.
 */
import { BALANCES, CELLS, type Balance, type CellId } from '../../report/cells'
import type { Report } from '../../report/report'
import { QUOTED_FIGURES_RULE } from '../../rules/quotedFigures'
import type { Block, ImportedValue, OcrSource } from '../types'

/** Below this recognition score (least sure character) a value is flagged whatever the arithmetic says. */
export const LOW_SCORE = 0.8
/** Confidence of an OCR value the arithmetic confirms: still below a clean text read's 1. */
const CHECKED_CONFIDENCE = 0.9
/** Confidence of a flagged OCR value. */
const FLAGGED_CONFIDENCE = 0.4

export type OcrReason =
  /** The recogniser was unsure of a character. */
  | 'low-score'
  /** A row or column identity it is part of does not hold. */
  | 'identity'
  /** No identity covers the cell (表二), or its identities lack other values. */
  | 'unchecked'
  /** Characters had to be taken for digits, or the box was split between two columns. */
  | 'repaired'

export const OCR_REASON_TEXT: Record<OcrReason, string> = {
  'low-score': '识别把握不大',
  identity: '所在行或列的合计关系不成立',
  unchecked: '没有合计关系可以验证',
  repaired: '字符经过推断（如把“O”读作 0）'
}

export interface OcrReviewItem {
  cell: CellId
  /** The value imported (as read). */
  value: number
  /** The text the recogniser saw. */
  read: string
  page: number
  box: [number, number, number, number]
  score: number
  crop?: string
  /** Why to look; empty when the arithmetic (or the narrative's own figure) confirms the value. */
  reasons: OcrReason[]
  /** What confirmed it: the tables' identities, or the same figure quoted in the narrative. */
  checkedBy?: 'arithmetic' | 'narrative'
  /** The one single-digit change that makes every identity hold, when there is exactly one. */
  suggestion?: number
}

export interface OcrReview {
  /** Pages read by OCR. */
  pages: number[]
  /** Flagged values first (failing identities, then low scores, then unchecked), then the confirmed ones. */
  items: OcrReviewItem[]
  /** How many items are flagged. */
  flagged: number
}

function ocrSourceOf(blocks: readonly Block[], value: ImportedValue): OcrSource | 'paragraph' | undefined {
  const block = blocks[value.source.block]
  if (!block) return undefined
  if (block.kind === 'paragraph') return block.ocr ? 'paragraph' : undefined
  const { row, cell } = value.source
  if (row === undefined || cell === undefined) return block.ocr ? 'paragraph' : undefined
  return block.rows[row]?.[cell]?.ocr ?? (block.ocr ? 'paragraph' : undefined)
}

const sum = (cells: readonly CellId[], known: ReadonlyMap<CellId, number>) => cells.reduce((s, c) => s + known.get(c)!, 0)

function state(balance: Balance, known: ReadonlyMap<CellId, number>): 'holds' | 'fails' | 'incomplete' {
  const cells = [...balance.left, ...balance.right]
  if (!cells.every((c) => known.has(c))) return 'incomplete'
  return Math.abs(sum(balance.left, known) - sum(balance.right, known)) < 1e-6 ? 'holds' : 'fails'
}

/** Every figure one digit away: a digit replaced, removed, or added. */
export function oneDigitAway(value: number): number[] {
  if (!Number.isInteger(value) || value < 0) return []
  const digits = String(value)
  const out = new Set<number>()
  const add = (text: string) => {
    if (text !== '' && (text === '0' || !text.startsWith('0'))) out.add(Number(text))
  }
  for (let i = 0; i < digits.length; i += 1) {
    for (let d = 0; d <= 9; d += 1) add(digits.slice(0, i) + d + digits.slice(i + 1))
    add(digits.slice(0, i) + digits.slice(i + 1))
  }
  for (let i = 0; i <= digits.length; i += 1) for (let d = 0; d <= 9; d += 1) add(digits.slice(0, i) + d + digits.slice(i))
  out.delete(value)
  return [...out]
}

export interface OcrReviewed {
  values: ImportedValue[]
  review?: OcrReview
}

/**
 * Whether the narrative quotes this cell's figure and agrees (“制发行政规范性文件2件”): the P5
 * check stays silent with the value as read and speaks once the value is changed. The two were
 * read apart (a table cell, a sentence), so an agreement is a real confirmation.
 */
function quotedAlike(report: Report, cell: CellId, value: number): boolean {
  const mentions = (values: Report['values']) =>
    QUOTED_FIGURES_RULE.evaluate({ report: { ...report, values } }).filter((f) => f.cells?.length === 1 && f.cells[0] === cell).length
  return mentions(report.values) === 0 && mentions({ ...report.values, [cell]: value + 1000 }) > 0
}

/** `report`: the report as recognised (its narrative is read for figures quoted in the text). */
export function reviewOcr(blocks: readonly Block[], values: readonly ImportedValue[], report?: Report): OcrReviewed {
  const sources = values.map((v) => ocrSourceOf(blocks, v))
  if (!sources.some((s) => s !== undefined)) return { values: [...values] }

  // The report keeps the first reading of a cell; the arithmetic is checked on those.
  const known = new Map<CellId, number>()
  const firstIndex = new Map<CellId, number>()
  values.forEach((v, i) => {
    if (!known.has(v.cell)) {
      known.set(v.cell, v.value)
      firstIndex.set(v.cell, i)
    }
  })
  const byCell = new Map<CellId, Balance[]>()
  for (const balance of BALANCES) for (const c of [...balance.left, ...balance.right]) byCell.set(c, [...(byCell.get(c) ?? []), balance])
  const states = new Map(BALANCES.map((b) => [b, state(b, known)]))
  const failing = BALANCES.filter((b) => states.get(b) === 'fails')
  const ocrCells = new Set(values.filter((_, i) => sources[i] !== undefined && firstIndex.get(values[i]!.cell) === i).map((v) => v.cell))

  const suggestions = suggest(failing, ocrCells, known, byCell)
  const items: OcrReviewItem[] = []
  const out = values.map((value, i): ImportedValue => {
    const source = sources[i]
    if (source === undefined) return value
    const balances = byCell.get(value.cell) ?? []
    const fails = balances.some((b) => states.get(b) === 'fails')
    const confirmed = balances.some((b) => states.get(b) === 'holds')
    const score = source === 'paragraph' ? 0 : source.score
    const reasons: OcrReason[] = []
    if (fails) reasons.push('identity')
    if (source !== 'paragraph' && score < LOW_SCORE) reasons.push('low-score')
    const narrative = !fails && !confirmed && report !== undefined && quotedAlike(report, value.cell, value.value)
    if (!fails && !confirmed && !narrative) reasons.push('unchecked')
    if (source !== 'paragraph' && source.repaired && !confirmed) reasons.push('repaired')
    const suggestion = suggestions.get(value.cell)
    if (source !== 'paragraph' && firstIndex.get(value.cell) === i) {
      items.push({
        cell: value.cell,
        value: value.value,
        read: source.read,
        page: source.page,
        box: source.box,
        score: source.score,
        ...(source.crop ? { crop: source.crop } : {}),
        reasons,
        ...(confirmed && !fails ? { checkedBy: 'arithmetic' as const } : narrative ? { checkedBy: 'narrative' as const } : {}),
        ...(suggestion !== undefined ? { suggestion } : {})
      })
    }
    const flagged = reasons.length > 0
    const words = reasons.map((r) => OCR_REASON_TEXT[r])
    if (narrative) words.push('与正文所述数字一致')
    if (suggestion !== undefined) words.push(`改为 ${suggestion} 可使各项合计关系成立`)
    const note = ['图片文字识别（OCR）读出', ...words].join('；')
    return {
      ...value,
      confidence: Math.min(value.confidence, flagged ? FLAGGED_CONFIDENCE : CHECKED_CONFIDENCE),
      flags: [...new Set([...value.flags, 'ocr' as const, ...(flagged ? ['review' as const] : [])])],
      note: value.note ? `${value.note}；${note}` : note
    }
  })
  const rank = (item: OcrReviewItem) =>
    item.reasons.includes('identity') ? 0 : item.reasons.includes('low-score') ? 1 : item.reasons.length ? 2 : 3
  const order = new Map(CELLS.map((c, i) => [c.id, i]))
  items.sort((a, b) => rank(a) - rank(b) || order.get(a.cell)! - order.get(b.cell)!)
  const pages = [...new Set(blocks.flatMap((b) => (b.kind === 'paragraph' ? (b.ocr ? [b.ocr.page] : []) : b.ocr && b.page !== undefined ? [b.page] : [])))]
  return {
    values: out,
    review: { pages: pages.sort((a, b) => a - b), items, flagged: items.filter((i) => i.reasons.length > 0).length }
  }
}

/**
 * The single-digit changes to one OCR'd value that make every failing identity hold without
 * breaking a holding one; a cell gets a suggestion only when the whole table has exactly one.
 */
function suggest(
  failing: readonly Balance[],
  ocrCells: ReadonlySet<CellId>,
  known: ReadonlyMap<CellId, number>,
  byCell: ReadonlyMap<CellId, Balance[]>
): Map<CellId, number> {
  const out = new Map<CellId, number>()
  if (!failing.length) return out
  const candidates = [...new Set(failing.flatMap((b) => [...b.left, ...b.right]))].filter((c) => ocrCells.has(c))
  const found: { cell: CellId; value: number }[] = []
  for (const cell of candidates) {
    // A change to this cell cannot mend an identity it is not part of.
    const own = new Set(byCell.get(cell) ?? [])
    if (!failing.every((b) => own.has(b))) continue
    const trial = new Map(known)
    for (const value of oneDigitAway(known.get(cell)!)) {
      trial.set(cell, value)
      if ([...own].every((b) => state(b, trial) !== 'fails')) found.push({ cell, value })
      if (found.length > 1) return out
    }
  }
  if (found.length === 1) out.set(found[0]!.cell, found[0]!.value)
  return out
}
