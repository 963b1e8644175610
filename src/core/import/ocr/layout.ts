/**
 * OCR boxes of page images → blocks (paragraphs and tables), from geometry alone, so that a
 * scanned report goes through the same recognition as any other file.
 *
 * Lines are boxes whose vertical centres agree. A value row is a line of two or more boxes ending
 * in a figure; a table is a run of lines in the table's type size around value rows. Inside it:
 *  - value columns are clusters of the figures' x centres; a box covering two columns is split
 *    at its characters' positions; a column a row prints nothing in is a blank cell (never 0);
 *  - label text left of the columns is attached to the nearest value row (wrapped labels sit
 *    around their row); a stack of label text beside several rows that each have their own label
 *    further right is a merged group label (三、本年度办理结果, （三）不予公开), spanning those rows;
 *  - text above and between value rows over the value columns is header: a leaf row with, for
 *    each column, the lowest header text over it, and caption rows above it.
 * Every value cell keeps where it was read (page, box, score, crop) for the review. Pure.
 */
import type { Block, BlockCell, OcrSource } from '../types'
import { sectionName, SECTIONS } from '../../report/sections'
import { assignGroupSpans } from '../groupSpans'
import { isBlankMark, readNumeral, type Numeral } from './numerals'
import type { OcrBox, OcrPage } from './types'

interface Frag {
  text: string
  box: OcrBox
  x0: number
  y0: number
  x1: number
  y1: number
  cx: number
  cy: number
  h: number
  numeral?: Numeral
  blank: boolean
  line: number
  /** Type size from the box's width per character (Chinese characters are square), when it holds a few. */
  em?: number
}

interface TextLine {
  frags: Frag[]
  cy: number
  h: number
  index: number
  em?: number
}

/** Width of a text in character widths: Chinese and full-width characters 1, others ½. */
function units(text: string): number {
  let n = 0
  for (const ch of text) n += CJK.test(ch) ? 1 : 0.5
  return n
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g

const hanCount = (text: string) => text.match(HAN)?.length ?? 0

function clean(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/([\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef])/g, '$1')
    .trim()
}

/** Pieces of one wrapped cell or line, in reading order: no space where either side is Chinese. */
function join(pieces: readonly string[]): string {
  let out = ''
  for (const piece of pieces) {
    if (!piece) continue
    if (out && !CJK.test(out.at(-1)!) && !CJK.test(piece[0]!)) out += ' '
    out += piece
  }
  return out
}

const median = (values: readonly number[]) => {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * A box of figures whose characters are far apart is several cells read as one (the detector
 * joined them across a faint ruling): split where the gap between characters exceeds the box
 * height. Digits of one figure sit half a height apart.
 */
function splitSpaced(box: OcrBox): OcrBox[] {
  const chars = [...box.text]
  const xs = box.charX
  if (!xs || xs.length !== chars.length || chars.length < 2 || !/^[\d,，.．\s〇Ool|]+$/.test(box.text)) return [box]
  const h = box.y1 - box.y0
  // Digits of one figure sit half a height apart or less; cells are further apart than that.
  const threshold = 0.78 * h
  const out: OcrBox[] = []
  let start = 0
  const flush = (end: number) => {
    const text = chars.slice(start, end).join('').trim()
    if (!text) return
    const half = h * 0.35
    out.push({ ...box, text, x0: Math.max(box.x0, xs[start]! - half), x1: Math.min(box.x1, xs[end - 1]! + half), charX: xs.slice(start, end), split: true })
  }
  for (let k = 1; k < chars.length; k += 1) {
    // A space the recogniser read between figures is a cut too (“1,203 45”).
    if (/\s/.test(chars[k]!)) {
      flush(k)
      start = k + 1
    } else if (k > start && xs[k]! - xs[k - 1]! > threshold) {
      flush(k)
      start = k
    }
  }
  if (start === 0) return [box]
  flush(chars.length)
  return out
}

function fragsOf(page: OcrPage): Frag[] {
  return page.boxes
    .flatMap(splitSpaced)
    .map((box) => {
      const text = clean(box.text)
      return {
        text,
        box,
        x0: box.x0,
        y0: box.y0,
        x1: box.x1,
        y1: box.y1,
        cx: (box.x0 + box.x1) / 2,
        cy: (box.y0 + box.y1) / 2,
        h: box.y1 - box.y0,
        numeral: readNumeral(text),
        blank: isBlankMark(text),
        line: -1,
        ...(units(text) >= 2 ? { em: (box.x1 - box.x0 - (box.y1 - box.y0) * 0.5) / units(text) } : {})
      }
    })
    .filter((f) => f.text !== '')
}

/**
 * Boxes → lines, left to right. Lines are made of the boxes of two or more characters and of
 * figures, each line's boxes within a third of a height of its first box's centre; lone
 * characters (a row title printed one character per line) then join the nearest line or stand
 * alone, so that they never anchor a line and pull a row's figures away from it.
 */
function buildLines(frags: Frag[]): TextLine[] {
  const lone = (f: Frag) => units(f.text) <= 1 && !isValue(f)
  const sorted = frags.filter((f) => !lone(f)).sort((a, b) => a.cy - b.cy)
  const lines: TextLine[] = []
  for (const f of sorted) {
    const line = lines.at(-1)
    // Against the line's first box, so that staggered header cells do not chain into one line.
    const first = line?.frags[0]
    // A sliver of a box (a lone “1” trimmed to its stroke) is measured by its neighbour's height.
    if (line && first && Math.abs(f.cy - first.cy) <= 0.35 * Math.max(Math.min(f.h, first.h), 0.6 * Math.max(f.h, first.h))) {
      line.frags.push(f)
      line.cy = line.frags.reduce((s, g) => s + g.cy, 0) / line.frags.length
      line.h = median(line.frags.map((g) => g.h))
    } else lines.push({ frags: [f], cy: f.cy, h: f.h, index: 0 })
  }
  for (const f of frags.filter(lone)) {
    let best: TextLine | undefined
    for (const line of lines) if (!best || Math.abs(line.cy - f.cy) < Math.abs(best.cy - f.cy)) best = line
    if (best && Math.abs(best.cy - f.cy) <= 0.35 * Math.min(f.h, best.h)) best.frags.push(f)
    else lines.push({ frags: [f], cy: f.cy, h: f.h, index: 0 })
  }
  lines.sort((a, b) => a.cy - b.cy)
  lines.forEach((line, index) => {
    line.index = index
    const ems = line.frags.flatMap((f) => (f.em === undefined ? [] : [f.em]))
    if (ems.length) line.em = median(ems)
    line.frags.sort((a, b) => a.x0 - b.x0)
    for (const f of line.frags) f.line = index
  })
  return lines
}

const isValue = (f: Frag) => f.numeral !== undefined || f.blank

/** Two or more boxes, the last a figure (or a dash among figures). */
function isValueLine(line: TextLine): boolean {
  const last = line.frags.at(-1)!
  if (line.frags.length < 2) return false
  return last.numeral !== undefined || (last.blank && line.frags.some((f) => f.numeral !== undefined))
}

/** A section heading of the report's body (三、收到和处理政府信息公开申请情况): never part of a table. */
const SECTION_TITLES = SECTIONS.map((s) => sectionName(s.id))
function isSectionHeading(line: TextLine): boolean {
  const text = line.frags.map((f) => f.text).join('').replace(/\s/g, '')
  return /^[一二三四五六七八九十]{1,2}[、．.]/.test(text) && SECTION_TITLES.some((t) => text.includes(t))
}

interface Region {
  start: number
  end: number
}

/**
 * Runs of lines around value rows, in the table's type size and no more than a few lines apart.
 * Type size is told by the width per character (`em`): box heights say little, a long line's box
 * is padded more than a lone digit's.
 */
function tableRegions(lines: readonly TextLine[], valueHeight: number, tableEm: number | undefined): Region[] {
  const regions: Region[] = []
  const fits = (a: TextLine, b: TextLine) => {
    if (Math.abs(a.cy - b.cy) > 4 * valueHeight || isSectionHeading(b)) return false
    const text = b.frags.map((f) => f.text).join('')
    // Running text: a sentence's end, or a long line set larger than the table (short header
    // cells' widths per character are too rough to tell sizes apart), or a very long line.
    if (/[。；;]$/.test(text)) return false
    if (tableEm !== undefined && b.em !== undefined) {
      if (b.em > tableEm * 1.3 && units(text) >= 10) return false
    } else if (b.h > valueHeight * 1.3) return false
    return !(b.frags.length === 1 && hanCount(b.frags[0]!.text) > 30)
  }
  let i = 0
  while (i < lines.length) {
    if (!isValueLine(lines[i]!)) {
      i += 1
      continue
    }
    let start = i
    let end = i
    while (end + 1 < lines.length && !isSectionHeading(lines[end + 1]!) && (isValueLine(lines[end + 1]!) || fits(lines[end]!, lines[end + 1]!))) end += 1
    // Below the last row of figures only a wrapped label's last line belongs to the table; a
    // heading or the next table's header (四、…, 行政复议 …) starts what comes next.
    let last = end
    while (!isValueLine(lines[last]!)) last -= 1
    let keep = last
    while (
      keep < end &&
      lines[keep + 1]!.cy - lines[keep]!.cy <= 1.3 * valueHeight &&
      !isSectionHeading(lines[keep + 1]!)
    ) keep += 1
    end = keep
    const floor = regions.at(-1)?.end ?? -1
    while (start - 1 > floor && fits(lines[start]!, lines[start - 1]!)) start -= 1
    regions.push({ start, end })
    i = end + 1
  }
  return regions
}

/** Lines outside tables → paragraphs: a new one at an indent, after a short line, or after a gap. */
function paragraphs(lines: readonly TextLine[], left: number, right: number, page: number): Block[] {
  const out: Block[] = []
  let current: TextLine[] = []
  const flush = () => {
    const text = join(current.map((l) => join(l.frags.map((f) => f.text))))
    if (text) {
      const score = Math.min(...current.flatMap((l) => l.frags.map((f) => f.box.score)))
      out.push({ kind: 'paragraph', text, page, ocr: { page, score } })
    }
    current = []
  }
  for (const line of lines) {
    const previous = current.at(-1)
    if (previous) {
      const indented = line.frags[0]!.x0 > left + 1.2 * line.h
      const previousShort = previous.frags.at(-1)!.x1 < right - 3 * previous.h
      const gap = line.cy - previous.cy > 2.2 * Math.max(previous.h, line.h)
      const sizeChange = Math.abs(previous.h - line.h) > 0.25 * line.h
      if (indented || previousShort || gap || sizeChange) flush()
    }
    current.push(line)
  }
  flush()
  return out
}

/** All pages → blocks in reading order; a table continued on the next page is joined to its first part. */
export function ocrBlocks(pages: readonly OcrPage[]): Block[] {
  const blocks: Block[] = []
  let openTable: { block: Block & { kind: 'table' }; columns: number } | undefined
  for (const page of pages) {
    const frags = fragsOf(page)
    const lines = buildLines(frags)
    if (!lines.length) continue
    // The table's line height: boxes on value rows (labels and figures; a digit alone is shorter than a character).
    const valueHeight = median(lines.filter(isValueLine).flatMap((l) => l.frags.map((f) => f.h))) || median(frags.map((f) => f.h))
    const left = Math.min(...lines.map((l) => l.frags[0]!.x0))
    const right = Math.max(...lines.map((l) => l.frags.at(-1)!.x1))
    let cursor = 0
    // The table's type size: its labels beside figures, or else the page's short pieces of text.
    const labelEms = lines.filter(isValueLine).flatMap((l) => l.frags.flatMap((f) => (f.em === undefined ? [] : [f.em])))
    const shortEms = frags.filter((f) => f.em !== undefined && units(f.text) <= 6).map((f) => f.em!)
    const tableEm = labelEms.length ? median(labelEms) : shortEms.length ? median(shortEms) : undefined
    for (const region of tableRegions(lines, valueHeight, tableEm)) {
      const before = paragraphs(lines.slice(cursor, region.start), left, right, page.number)
      if (before.length) openTable = undefined
      blocks.push(...before)
      const table = buildTable(lines.slice(region.start, region.end + 1), valueHeight, page.number)
      if (table.rows.length) {
        if (openTable && region.start === 0 && cursor === 0 && table.columns === openTable.columns) {
          openTable.block.rows.push(...table.rows)
        } else {
          const block: Block & { kind: 'table' } = { kind: 'table', rows: table.rows, page: page.number, ocr: true }
          blocks.push(block)
          openTable = { block, columns: table.columns }
        }
      }
      if (region.end !== lines.length - 1) openTable = undefined
      cursor = region.end + 1
    }
    const after = paragraphs(lines.slice(cursor), left, right, page.number)
    if (after.length) openTable = undefined
    blocks.push(...after)
  }
  return blocks
}

/** Clusters of x centres: a new column where the gap to the previous centre exceeds `gap`. */
function clusterColumns(centres: number[], gap: number): number[] {
  const sorted = [...centres].sort((a, b) => a - b)
  const clusters: { sum: number; n: number; last: number }[] = []
  for (const c of sorted) {
    const cluster = clusters.at(-1)
    if (cluster && c - cluster.last <= gap) {
      cluster.sum += c
      cluster.n += 1
      cluster.last = c
    } else clusters.push({ sum: c, n: 1, last: c })
  }
  return clusters.map((c) => c.sum / c.n)
}

interface ValueCell {
  frags: Frag[]
  /** The figure each box gives this cell. */
  parts: string[]
}

interface Row {
  line: TextLine
  values: ValueCell[]
  label: Frag[]
}

interface Stack {
  frags: Frag[]
  x0: number
  x1: number
  y0: number
  y1: number
}

function stackOf(frags: Frag[]): Stack {
  return {
    frags,
    x0: Math.min(...frags.map((f) => f.x0)),
    x1: Math.max(...frags.map((f) => f.x1)),
    y0: Math.min(...frags.map((f) => f.y0)),
    y1: Math.max(...frags.map((f) => f.y1))
  }
}

/**
 * Vertical stacks: the lines of one wrapped cell. A fragment continues the stack above it when it
 * is close below and aligned with it (left edge or centre). For header text (`captions`), it must
 * also be no wider than the stack's first line and have no neighbour on its line under the same
 * stack: a wider caption over several cells is not one cell with them.
 */
function stacks(frags: readonly Frag[], h: number, captions: boolean): Stack[] {
  const out: Frag[][] = []
  const sorted = [...frags].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
  for (const f of sorted) {
    const stack = out.find((s) => {
      const last = s.at(-1)!
      if (last.line === f.line || f.y0 - last.y1 > 0.8 * h || f.cy <= last.cy) return false
      const aligned = Math.abs(last.x0 - f.x0) <= 0.75 * h || Math.abs(last.cx - f.cx) <= 0.75 * h
      if (!aligned) return false
      if (!captions) return true
      const first = s[0]!
      if (f.x1 - f.x0 > first.x1 - first.x0 + 0.5 * h) return false
      const x0 = Math.min(...s.map((g) => g.x0))
      const x1 = Math.max(...s.map((g) => g.x1))
      return !frags.some((g) => g !== f && g.line === f.line && g.cx > x0 && g.cx < x1)
    })
    if (stack) stack.push(f)
    else out.push([f])
  }
  return out.map(stackOf)
}

const textOf = (frags: readonly Frag[]) => {
  const ordered = [...frags].sort((a, b) => a.line - b.line || a.x0 - b.x0)
  return join(ordered.map((f) => f.text))
}

function ocrSource(cell: ValueCell, page: number): OcrSource {
  const frags = cell.frags
  const box: OcrSource['box'] = [
    Math.round(Math.min(...frags.map((f) => f.x0))),
    Math.round(Math.min(...frags.map((f) => f.y0))),
    Math.round(Math.max(...frags.map((f) => f.x1))),
    Math.round(Math.max(...frags.map((f) => f.y1)))
  ]
  const repaired = frags.some((f) => f.box.split || f.numeral?.repaired)
  const crop = frags.find((f) => f.box.crop)?.box.crop
  return {
    page,
    box,
    score: Math.min(...frags.map((f) => f.box.minScore ?? f.box.score)),
    read: frags.map((f) => f.box.text).join(' '),
    ...(repaired ? { repaired } : {}),
    ...(crop ? { crop } : {})
  }
}

function splitAcrossColumns(f: Frag, columns: readonly number[], columnOf: (x: number) => number): Frag[] {
  const xs = f.box.charX
  const chars = [...f.box.text]
  const covered = columns.filter((c) => c > f.x0 && c < f.x1).length
  if (!xs || xs.length !== chars.length || covered < 2 || chars.length < 4) return [f]
  const steps = xs.slice(1).map((x, k) => x - xs[k]!)
  const typical = median(steps)
  const cuts = steps.flatMap((step, k) => (step > 1.3 * typical ? [k + 1] : []))
  if (!cuts.length) return [f]
  const bounds = [0, ...cuts, chars.length]
  const pieces = bounds.slice(1).map((end, k) => {
    const start = bounds[k]!
    const half = typical / 2
    return { text: chars.slice(start, end).join(''), x0: xs[start]! - half, x1: xs[end - 1]! + half }
  })
  const cols = pieces.map((p) => columnOf((p.x0 + p.x1) / 2))
  if (new Set(cols).size !== pieces.length) return [f]
  return pieces.map((p) => ({ ...f, text: clean(p.text), x0: p.x0, x1: p.x1, cx: (p.x0 + p.x1) / 2, em: undefined }))
}

/** One table region → rows in the anchor convention, and its number of value columns. */
function buildTable(lines: readonly TextLine[], h: number, page: number): { rows: BlockCell[][]; columns: number } {
  const valueLines = lines.filter(isValueLine)
  // Figures right of the row labels: a digit read in a label column (a group title's stray
  // character, a row number) must not open a value column there.
  const labelEnds = valueLines.flatMap((l) => {
    const text = l.frags.filter((f) => !isValue(f))
    return text.length ? [Math.max(...text.map((f) => f.x1))] : []
  })
  const labelEdge = labelEnds.length >= 2 ? median(labelEnds) : -Infinity
  const figures = valueLines.flatMap((l) =>
    l.frags.filter((f, i) => isValue(f) && f.cx > labelEdge && (i > 0 || !l.frags.slice(1).some((g) => !isValue(g))))
  )
  const gap = Math.max(0.8 * h, 8)
  // Figures are centred in most tables, left- or right-aligned in some (Word tables pasted into a
  // web page): the alignment that gives the fewest columns is the table's.
  const anchors: ((f: Frag) => number)[] = [(f) => f.cx, (f) => f.x0, (f) => f.x1]
  let anchor = anchors[0]!
  let columns = clusterColumns(figures.map(anchor), gap)
  for (const other of anchors.slice(1)) {
    const clustered = clusterColumns(figures.map(other), gap)
    if (clustered.length < columns.length) [anchor, columns] = [other, clustered]
  }
  if (!columns.length) return { rows: [], columns: 0 }
  const nearest = (positions: readonly number[], x: number) => {
    let best = 0
    positions.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(positions[best]! - x)) best = i
    })
    return best
  }
  const columnOfFrag = (f: Frag) => nearest(columns, anchor(f))
  // Where each column's figures sit, for header text centred over it.
  const centres = columns.map((_, i) => {
    const members = figures.filter((f) => columnOfFrag(f) === i)
    return (Math.min(...members.map((f) => f.x0)) + Math.max(...members.map((f) => f.x1))) / 2
  })
  const columnOf = (x: number) => nearest(centres, x)
  const spacing = columns.length > 1 ? Math.min(...columns.slice(1).map((c, i) => c - columns[i]!)) : 3 * h
  const valueLeft = Math.min(...figures.filter((f) => columnOfFrag(f) === 0).map((f) => f.x0)) - Math.max(spacing / 2 - h, 0.5 * h)

  const rows = new Map<TextLine, Row>()
  for (const line of valueLines) rows.set(line, { line, values: columns.map(() => ({ frags: [], parts: [] })), label: [] })
  const labels: Frag[] = []
  const header: Frag[] = []
  for (const line of lines) {
    const row = rows.get(line)
    // A line without figures that has text over the value columns is a header line, all of it.
    const headerLine = !row && line.frags.some((f) => f.cx >= valueLeft)
    for (const f of line.frags) {
      if (row && f.cx >= valueLeft && (isValue(f) || f.text.length <= 3)) place(row, f)
      else if (f.cx < valueLeft && !headerLine) labels.push(f)
      else header.push(f)
    }
  }

  /** A figure into its column (boxes holding two cells' figures were split before, at the gap between them). */
  function place(row: Row, f: Frag) {
    const cell = row.values[columnOfFrag(f)]!
    cell.frags.push(f)
    cell.parts.push(f.numeral?.text ?? (f.blank ? f.text : ''))
  }

  // Header boxes the detector ran across several cells (结果|结果|其他|尚未): split at the wider gaps
  // between characters when each piece then sits over its own column.
  const headerFrags = header.splice(0).flatMap((f) => splitAcrossColumns(f, centres, columnOf))
  header.push(...headerFrags)

  const ordered = [...valueLines].sort((a, b) => a.cy - b.cy)
  const gaps = ordered.slice(1).map((l, i) => l.cy - ordered[i]!.cy).sort((a, b) => a - b)
  const pitch = gaps[0] ?? 1.5 * h
  const nearRows = (s: Stack) => ordered.filter((l) => s.frags.some((f) => Math.abs(l.cy - f.cy) <= 0.75 * pitch))
  const groups: { stack: Stack; rows: TextLine[] }[] = []
  const loose: Frag[] = []
  for (const stack of stacks(labels, h, false)) {
    const members = new Set(stack.frags)
    const beside = nearRows(stack)
    const ownLabelRight = (l: TextLine) => labels.some((f) => !members.has(f) && f.x0 >= stack.x1 - 0.3 * h && Math.abs(f.cy - l.cy) <= 0.75 * pitch)
    if (beside.length > 0 && beside.every(ownLabelRight) && (stack.frags.length > 1 || beside.length > 1 || stack.x1 < valueLeft - 6 * h)) {
      groups.push({ stack, rows: beside })
    } else loose.push(...stack.frags)
  }
  attachLabels(loose, ordered, rows, header, h)
  assignGroupSpans(groups, ordered, {
    left: (g) => g.stack.x0,
    right: (g) => g.stack.x1,
    // OCR boxes of one column do not share a left edge exactly: overlapping extents do.
    sameColumn: (a, b) => a.stack.x0 < b.stack.x1 && b.stack.x0 < a.stack.x1,
    centre: (g) => (g.stack.y0 + g.stack.y1) / 2,
    y: (line) => line.cy,
    labelledIn: (line, x0, x1) => rows.get(line)!.label.some((f) => f.x0 < x1 && x0 < f.x1)
  })

  // Label columns: distinct left edges of row labels and groups.
  const lefts = [...groups.map((g) => g.stack.x0), ...[...rows.values()].flatMap((r) => (r.label.length ? [Math.min(...r.label.map((f) => f.x0))] : []))].sort((a, b) => a - b)
  const labelColumns: number[] = []
  for (const x of lefts) if (!labelColumns.length || x - labelColumns.at(-1)! > 0.8 * h) labelColumns.push(x)
  const labelColumnOf = (x: number) => {
    let best = 0
    labelColumns.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(labelColumns[best]! - x)) best = i
    })
    return best
  }
  const labelCount = labelColumns.length || (header.some((f) => f.cx < valueLeft) ? 1 : 0)

  interface OutRow {
    y: number
    cells: BlockCell[]
  }
  const out: OutRow[] = []
  // Label columns still covered by a group anchored in an earlier row.
  const coveredUntil = new Array<number>(labelCount).fill(-1)
  ordered.forEach((line, r) => {
    const row = rows.get(line)!
    const cells: BlockCell[] = []
    let next = 0
    const skipCovered = () => {
      while (next < labelCount && coveredUntil[next]! >= r) next += 1
    }
    skipCovered()
    for (const g of groups.filter((g) => g.rows[0] === line).sort((a, b) => a.stack.x0 - b.stack.x0)) {
      const column = Math.max(next, labelColumnOf(g.stack.x0))
      if (column >= labelCount) continue
      if (column > next) cells.push({ text: '', rowSpan: 1, colSpan: column - next })
      cells.push({ text: textOf(g.stack.frags), rowSpan: g.rows.length, colSpan: 1 })
      coveredUntil[column] = r + g.rows.length - 1
      next = column + 1
      skipCovered()
    }
    if (next < labelCount) {
      const text = textOf(row.label)
      const column = row.label.length ? Math.min(labelCount - 1, Math.max(next, labelColumnOf(Math.min(...row.label.map((f) => f.x0))))) : next
      if (column > next) cells.push({ text: '', rowSpan: 1, colSpan: column - next })
      cells.push({ text, rowSpan: 1, colSpan: labelCount - column })
    }
    for (const cell of row.values) {
      const text = cell.parts.join('')
      cells.push(cell.frags.length ? { text, rowSpan: 1, colSpan: 1, ocr: ocrSource(cell, page) } : { text: '', rowSpan: 1, colSpan: 1 })
    }
    out.push({ y: line.cy, cells })
  })
  out.push(...headerRows(header, centres, columnOf, valueLeft, labelCount, h))
  out.sort((a, b) => a.y - b.y)
  return { rows: out.map((r) => r.cells), columns: columns.length }
}

/** A label's own numbering: 一、 （三） 3. — the first line of a row's label. */
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])/

/**
 * Row labels, wrapped over several lines around their row, put back together and given to their
 * row. A label cell starts on its row's line, or at a numbered line (3.其他); an unnumbered line
 * continues the cell just above it (or just below). A cell that is not on a value row's line goes
 * to the row nearest its middle: a merged cell centres its text on the row.
 */
function attachLabels(frags: readonly Frag[], ordered: readonly TextLine[], rows: Map<TextLine, Row>, header: Frag[], h: number): void {
  const valueLineOf = new Map(ordered.map((l) => [l.index, l]))
  interface Cell {
    frags: Frag[]
    row?: TextLine
  }
  const cells: Cell[] = []
  const sorted = [...frags].sort((a, b) => a.line - b.line || a.x0 - b.x0)
  const continuations: Frag[] = []
  for (const f of sorted) {
    const row = valueLineOf.get(f.line)
    const own = row ? cells.find((c) => c.row === row) : undefined
    if (own) own.frags.push(f)
    else if (row) cells.push({ frags: [f], row })
    else if (NUMBERED.test(f.text)) cells.push({ frags: [f] })
    else continuations.push(f)
  }
  const adjacent = (f: Frag, g: Frag) => f.x0 < g.x1 && g.x0 < f.x1 && Math.min(Math.abs(f.y0 - g.y1), Math.abs(g.y0 - f.y1)) <= 0.8 * h
  // Continuations in reading order, each to the cell whose text ends just above it, else begins just below.
  let pending = continuations
  for (let pass = 0; pass < 3 && pending.length; pass += 1) {
    const left: Frag[] = []
    for (const f of pending) {
      const above = cells.find((c) => c.frags.some((g) => g.y1 <= f.cy && adjacent(f, g)))
      const below = cells.find((c) => c.frags.some((g) => g.y0 >= f.cy && adjacent(f, g)))
      const cell = above ?? below
      if (cell) cell.frags.push(f)
      else left.push(f)
    }
    pending = left
  }
  for (const f of pending) cells.push({ frags: [f] })
  const firstY = ordered[0]!.cy
  for (const cell of cells) {
    if (cell.row) {
      rows.get(cell.row)!.label.push(...cell.frags)
      continue
    }
    const middle = (Math.min(...cell.frags.map((f) => f.y0)) + Math.max(...cell.frags.map((f) => f.y1))) / 2
    let best: TextLine | undefined
    for (const l of ordered) if (!best || Math.abs(l.cy - middle) < Math.abs(best.cy - middle)) best = l
    const reach = middle < firstY ? 0.8 * h : 1.5 * h
    if (best && Math.abs(best.cy - middle) <= reach) rows.get(best)!.label.push(...cell.frags)
    else header.push(...cell.frags)
  }
}

/**
 * Header text (above or between value rows) → header rows, one band of header lines at a time: a
 * leaf row with, for each value column, the lowest header text over it (自然人, 商业企业 … 总计),
 * and above it caption rows (申请人情况, 法人或其他组织), each caption over the columns its text
 * covers. Text over the label columns becomes one corner cell down the band.
 */
function headerRows(
  frags: readonly Frag[],
  columns: readonly number[],
  columnOf: (x: number) => number,
  valueLeft: number,
  labelCount: number,
  h: number
): { y: number; cells: BlockCell[] }[] {
  if (!frags.length) return []
  const blocks = stacks(frags, h, true).map((stack) => {
    const corner = (stack.x0 + stack.x1) / 2 < valueLeft
    const covered = columns.map((c, i) => (c >= stack.x0 - 2 && c <= stack.x1 + 2 ? i : -1)).filter((i) => i >= 0)
    const c0 = covered[0] ?? columnOf((stack.x0 + stack.x1) / 2)
    return { text: textOf(stack.frags), top: stack.y0, bottom: stack.y1, corner, c0, c1: covered.at(-1) ?? c0 }
  })
  type HeaderBlock = (typeof blocks)[number]
  blocks.sort((a, b) => a.top - b.top)
  const bands: HeaderBlock[][] = []
  for (const block of blocks) {
    const band = bands.at(-1)
    if (band && block.top - Math.max(...band.map((b) => b.bottom)) <= 1.5 * h) band.push(block)
    else bands.push([block])
  }
  const out: { y: number; cells: BlockCell[] }[] = []
  for (const band of bands) {
    const headings = band.filter((b) => !b.corner)
    const leafOf = columns.map((_, i) => {
      const over = headings.filter((b) => b.c0 <= i && i <= b.c1)
      return over.length ? over.reduce((low, b) => (b.bottom > low.bottom ? b : low)) : undefined
    })
    const leaves = new Set(leafOf.filter((b): b is HeaderBlock => b !== undefined))
    const captionRows: HeaderBlock[][] = []
    for (const caption of headings.filter((b) => !leaves.has(b))) {
      const row = captionRows.find((r) => r.every((o) => o.c1 < caption.c0 || caption.c1 < o.c0))
      if (row) row.push(caption)
      else captionRows.push([caption])
    }
    const rows: BlockCell[][] = captionRows.map((captions) => {
      const cells: BlockCell[] = []
      let next = 0
      for (const b of [...captions].sort((a, c) => a.c0 - c.c0)) {
        if (b.c0 > next) cells.push({ text: '', rowSpan: 1, colSpan: b.c0 - next })
        cells.push({ text: b.text, rowSpan: 1, colSpan: b.c1 - b.c0 + 1 })
        next = b.c1 + 1
      }
      if (next < columns.length) cells.push({ text: '', rowSpan: 1, colSpan: columns.length - next })
      return cells
    })
    const leafRow: BlockCell[] = []
    leafOf.forEach((b, i) => {
      const previous = leafRow.at(-1)
      if (b && i > 0 && leafOf[i - 1] === b && previous) previous.colSpan += 1
      else leafRow.push({ text: b?.text ?? '', rowSpan: 1, colSpan: 1 })
    })
    rows.push(leafRow)
    const corner = band.filter((b) => b.corner)
    if (labelCount > 0) rows[0]!.unshift({ text: join(corner.map((b) => b.text)), rowSpan: rows.length, colSpan: labelCount })
    const top = Math.min(...band.map((b) => b.top))
    rows.forEach((cells, k) => out.push({ y: top + k * 1e-3, cells }))
  }
  return out
}
