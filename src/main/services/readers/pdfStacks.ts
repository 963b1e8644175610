/**
 * Fragments of table text and their vertical stacks: the lines of one wrapped cell put back
 * together. Shared by the label, group and header passes of the table recovery.
 */
import type { Segment } from './pdfLines'

export interface Fragment extends Segment {
  /** Index of the fragment's line in its table region: fragments of one line are side by side. */
  lineIndex: number
}

/**
 * Vertical stacks of fragments: the lines of one wrapped cell. A fragment continues the stack
 * above it when it is close below, aligned with it (same left edge or same centre), no wider than
 * the stack's first line, and no other fragment on its own line sits under the stack — then the
 * stack is a spanning caption and the fragment one of the cells beneath it (法人或其他组织 / 社会).
 */
export function stacks(fragments: readonly Fragment[]): Fragment[][] {
  const out: Fragment[][] = []
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const byLine = new Map<number, Fragment[]>()
  for (const f of fragments) {
    const line = byLine.get(f.lineIndex)
    if (line) line.push(f)
    else byLine.set(f.lineIndex, [f])
  }
  for (const f of sorted) {
    const stack = out.find((s) => {
      const last = s.at(-1)!
      const first = s[0]!
      const h = Math.max(last.h, f.h)
      if (!(last.y > f.y && last.y - f.y <= 1.6 * h && last.lineIndex !== f.lineIndex)) return false
      const aligned = Math.abs(last.x0 - f.x0) <= 0.75 * h || Math.abs(last.x0 + last.x1 - f.x0 - f.x1) / 2 <= 0.75 * h
      if (!aligned || f.x1 - f.x0 > first.x1 - first.x0 + 0.5 * h) return false
      const x0 = Math.min(...s.map((g) => g.x0))
      const x1 = Math.max(...s.map((g) => g.x1))
      return !(byLine.get(f.lineIndex) ?? []).some((g) => g !== f && g.x0 < x1 && x0 < g.x1)
    })
    if (stack) stack.push(f)
    else out.push([f])
  }
  return out
}
