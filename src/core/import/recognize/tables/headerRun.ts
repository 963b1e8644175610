/**
 * A header row copied as one line with the spaces between its cells lost (“结果维持结果纠正其他结果
 * 尚未审结总计”, “行政复议行政诉讼”): the line is read as the labels it is made of, when it is
 * nothing but whole labels of one table run together. Only exact labels count, so a sentence
 * or a misprinted row label never reads as a header.
 */
import type { TableId } from '../../../report/tables'
import { normalizeLabel } from './normalize'
import { TARGETS, type Target } from './targets'

/** Longer lines are narrative; header rows of the three tables are shorter. */
const MAX_LENGTH = 240

/** Exact label forms per table: normalised text → the targets printing it. */
const LABELS = new Map<TableId, Map<string, Target[]>>()
for (const target of TARGETS) {
  let table = LABELS.get(target.table)
  if (!table) LABELS.set(target.table, (table = new Map()))
  for (const variant of target.variants) {
    if (variant.exact < 1 || variant.text.length < 2) continue
    table.set(variant.text, [...(table.get(variant.text) ?? []), target])
  }
}
const LENGTHS = new Map([...LABELS].map(([table, labels]) => [table, [...new Set([...labels.keys()].map((k) => k.length))]]))

/** The labels of one table the text is made of, in order (fewest pieces), or undefined. */
function segment(text: string, table: TableId): Target[] | undefined {
  const labels = LABELS.get(table)!
  const lengths = LENGTHS.get(table)!
  // best[i]: fewest pieces covering text[0, i), with the way back.
  const best: ({ pieces: number; from: number; target: Target } | undefined)[] = new Array(text.length + 1)
  best[0] = { pieces: 0, from: -1, target: undefined as never }
  for (let i = 0; i < text.length; i += 1) {
    const here = best[i]
    if (!here) continue
    for (const length of lengths) {
      const targets = labels.get(text.slice(i, i + length))
      if (!targets || i + length > text.length) continue
      const at = best[i + length]
      // A column is likelier than a row or caption printed the same way (总计).
      const target = targets.find((t) => t.kind === 'column') ?? targets[0]!
      if (!at || at.pieces > here.pieces + 1) best[i + length] = { pieces: here.pieces + 1, from: i, target }
    }
  }
  if (!best[text.length]) return undefined
  const out: Target[] = []
  for (let i = text.length; i > 0; i = best[i]!.from) out.unshift(best[i]!.target)
  return out
}

/**
 * The header cells a label-only line is made of: two or more whole labels of one table, at least
 * one of them a column (or 表四's row labels, which it prints above its columns). The table in
 * context is tried first.
 */
export function headerRun(text: string, context: TableId | undefined): Target[] | undefined {
  const normalized = normalizeLabel(text)
  if (normalized.length < 4 || normalized.length > MAX_LENGTH || /[。；]/.test(normalized)) return undefined
  const order = [...new Set([...(context ? [context] : []), ...LABELS.keys()])]
  for (const table of order) {
    const pieces = segment(normalized, table)
    if (!pieces || pieces.length < 2) continue
    if (pieces.some((t) => t.kind === 'column') || pieces.every((t) => t.table === 't4')) return pieces
  }
  return undefined
}
