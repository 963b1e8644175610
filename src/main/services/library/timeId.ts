/**
 * Ids for backups and removals: the UTC time, compact and safe in file names on every platform
 * (no colons), sortable as text, with a counter when two fall in the same millisecond.
 */
const ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-(\d+))?$/

export function timeId(date: Date, counter = 0): string {
  const iso = date.toISOString() // 2025-11-23T06:40:31.123Z
  const compact = iso.replace(/[-:]/g, '').replace('.', '')
  return counter > 0 ? `${compact}-${counter}` : compact
}

export interface ParsedTimeId {
  time: Date
  counter: number
}

export function parseTimeId(id: string): ParsedTimeId | undefined {
  const m = ID.exec(id)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, ms, n] = m
  const time = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`)
  return Number.isNaN(time.getTime()) ? undefined : { time, counter: Number(n ?? 0) }
}

/** Newest first. */
export function compareTimeIdsDesc(a: ParsedTimeId, b: ParsedTimeId): number {
  return b.time.getTime() - a.time.getTime() || b.counter - a.counter
}

/** The first id for `date` not in `taken`. */
export function freeTimeId(date: Date, taken: ReadonlySet<string>): string {
  let counter = 0
  while (taken.has(timeId(date, counter))) counter++
  return timeId(date, counter)
}
