/**
 * The narrative text cut into plain runs and the app's marks, for the highlight layer under the
 * section editor's textarea, and the moves between marks (F3, Shift+F3) across the six sections.
 */
import { findAppMarks, type AppMark, type MarkKind } from '@core/export/gate'
import { SECTION_IDS, type SectionId } from '@core/report/sections'

export interface Segment {
  text: string
  /** The mark's kind; undefined for plain text. */
  mark?: MarkKind
  start: number
}

export function markSegments(text: string, marks: readonly AppMark[] = findAppMarks(text)): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at })
    out.push({ text: m.text, mark: m.kind, start: m.start })
    at = m.end
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), start: at })
  return out
}

export interface MarkPlace {
  section: SectionId
  start: number
  end: number
}

/**
 * The mark after (or before) a place in the report, wrapping around at the ends; undefined when
 * the report has none. Forward takes the first mark starting at or after `offset` (pass the
 * selection's end, so a selected mark is passed); backward the last ending at or before it (pass
 * the selection's start).
 */
export function nextMark(
  sections: Readonly<Record<SectionId, string>>,
  from: { section: SectionId; offset: number } | undefined,
  direction: 1 | -1 = 1
): MarkPlace | undefined {
  const all: MarkPlace[] = SECTION_IDS.flatMap((section) =>
    findAppMarks(sections[section]).map((m) => ({ section, start: m.start, end: m.end }))
  )
  if (all.length === 0) return undefined
  if (!from) return direction === 1 ? all[0] : all.at(-1)
  const order = (section: SectionId, offset: number) => SECTION_IDS.indexOf(section) * 1e9 + offset
  const here = order(from.section, from.offset)
  if (direction === 1) return all.find((m) => order(m.section, m.start) >= here) ?? all[0]
  return all.findLast((m) => order(m.section, m.end) <= here) ?? all.at(-1)
}

/** The mark of a text exactly covered by a selection, if any. */
export function markAt(text: string, start: number, end: number): AppMark | undefined {
  return findAppMarks(text).find((m) => m.start === start && m.end === end)
}

/** `【待更新：12】` → `12`: the old figure kept (the officer checked it is still right). */
export function keptFigure(mark: AppMark): string | undefined {
  if (mark.kind !== 'stale') return undefined
  return mark.text.slice('【待更新：'.length, -1)
}
