/**
 * One table region of a PDF page (its lines, top-down) → rows in the anchor convention, from the
 * x/y geometry of the text alone (no ruling lines are read).
 *
 * The anchors are the value rows: lines whose last cells are numbers. Their numbers give the value
 * columns (x centres). Label text to the left is attached to the nearest value row, which reunites
 * labels wrapped over two or three lines around a vertically centred row; a stack of label text
 * beside rows that each have their own label further right (三、/本年/度办/理结/果) is a merged group
 * label, spanning rows (pdfGroups). Text above and between the value rows over the value columns
 * is header (headerRows).
 */
import type { BlockCell } from '@core/import/types'
import { assignPdfGroupSpans, type Group } from './pdfGroups'
import { isNumber, isValueRow, type Line } from './pdfLines'
import { stacks, type Fragment } from './pdfStacks'
import { joinLines } from './text'

/** Columns of numbers: clusters of the x centres of the numeric cells of value rows. */
export function valueColumns(rows: readonly Line[]): number[] {
  const centres = rows
    .flatMap((line) => line.segments.filter((s) => isNumber(s.text)).map((s) => ({ c: (s.x0 + s.x1) / 2, h: s.h })))
    .sort((a, b) => a.c - b.c)
  const clusters: { sum: number; n: number; last: number }[] = []
  for (const { c, h } of centres) {
    const cluster = clusters.at(-1)
    if (cluster && c - cluster.last <= Math.max(4, 0.9 * h)) {
      cluster.sum += c
      cluster.n += 1
      cluster.last = c
    } else clusters.push({ sum: c, n: 1, last: c })
  }
  return clusters.map((c) => c.sum / c.n)
}

interface TableRow {
  y: number
  cells: { column: number; text: string; rowSpan: number; colSpan: number }[]
}

/** One table region (lines top-down) → rows in the anchor convention. */
export function buildTable(lines: readonly Line[]): BlockCell[][] {
  const valueLines = lines.filter(isValueRow)
  const columns = valueColumns(valueLines)
  if (columns.length === 0) return []
  const spacing = columns.length > 1 ? Math.min(...columns.slice(1).map((c, i) => c - columns[i]!)) : 4 * valueLines[0]!.h
  const valueLeft = columns[0]! - spacing / 2
  const columnOf = (x: number) => {
    let best = 0
    columns.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(columns[best]! - x)) best = i
    })
    return best
  }

  const rows = new Map<Line, { label: Fragment[]; values: string[] }>()
  for (const line of valueLines) rows.set(line, { label: [], values: columns.map(() => '') })
  const labels: Fragment[] = []
  const header: Fragment[] = []
  lines.forEach((line, lineIndex) => {
    const row = rows.get(line)
    const fragments = line.segments.map((s): Fragment => ({ ...s, lineIndex }))
    // A line without numbers that has text over the value columns is a header line, all of it.
    const headerLine = !row && fragments.some((f) => (f.x0 + f.x1) / 2 >= valueLeft)
    for (const f of fragments) {
      const centre = (f.x0 + f.x1) / 2
      if (row && centre >= valueLeft && isNumber(f.text)) {
        const c = columnOf(centre)
        row.values[c] = row.values[c] ? `${row.values[c]} ${f.text}` : f.text
      } else if (centre < valueLeft && !headerLine) labels.push(f)
      else header.push(f)
    }
  })

  // Value-row pitch: how far apart rows of one line are; labels belong to a row within most of it.
  const ordered = [...valueLines].sort((a, b) => b.y - a.y)
  const gaps = ordered.slice(1).map((l, i) => ordered[i]!.y - l.y).sort((a, b) => a - b)
  const pitch = gaps[0] ?? 1.5 * ordered[0]!.h
  const near = (line: Line, f: Fragment) => Math.abs(line.y - f.y) <= 0.75 * pitch
  const stacked = stacks(labels)
  // A stack of label text is a merged group label when every row beside it has its own label to its right.
  const groups: Group[] = []
  const loose: Fragment[] = []
  const nearRow = new Map<Line, Fragment[]>(ordered.map((l) => [l, labels.filter((f) => near(l, f))]))
  for (const stack of stacked) {
    const x0 = Math.min(...stack.map((f) => f.x0))
    const x1 = Math.max(...stack.map((f) => f.x1))
    const members = new Set(stack)
    const beside = ordered.filter((l) => nearRow.get(l)!.some((f) => members.has(f)))
    const isGroup =
      beside.length > 0 && beside.every((l) => nearRow.get(l)!.some((f) => !members.has(f) && f.x0 >= x1 - 1))
    if (isGroup) groups.push({ fragments: stack, x0, x1, rows: beside })
    else loose.push(...stack)
  }
  // A label wrapped over lines goes whole to the one value row beside it (a cell's text may sit at
  // the top of the cell or around its middle); other label fragments go to the nearest value row,
  // if one is near.
  const firstY = ordered[0]!.y
  const chained = new Set<Fragment>()
  for (const chain of wrappedLabels(loose, valueLeft)) {
    const top = chain[0]!.y
    const bottom = chain.at(-1)!.y
    const h = chain[0]!.h
    const beside = valueLines.filter((l) => l.y <= top + 0.8 * h && l.y >= bottom - 0.8 * h)
    if (beside.length !== 1) continue
    rows.get(beside[0]!)!.label.push(...chain)
    chain.forEach((f) => chained.add(f))
  }
  for (const f of loose) {
    if (chained.has(f)) continue
    let best: Line | undefined
    for (const l of valueLines) if (!best || Math.abs(l.y - f.y) < Math.abs(best.y - f.y)) best = l
    const reach = f.y > firstY ? 0.8 * f.h : 1.5 * f.h
    // Off its line, text that starts a label of its own (a number, a 表二 caption) is not part of
    // the label of a row that has one there.
    const onLine = best !== undefined && Math.abs(best.y - f.y) <= 0.5 * f.h
    const ownLabel = best !== undefined && rows.get(best)!.label.some((g) => Math.abs(g.y - best!.y) <= 0.5 * g.h)
    const starts = LABEL_START.test(f.text.trim()) || CAPTION.test(f.text.trim())
    if (best && Math.abs(best.y - f.y) <= reach && (onLine || !ownLabel || !starts)) rows.get(best)!.label.push(f)
    else header.push(f)
  }
  assignPdfGroupSpans(groups, ordered, (line, x0, x1) => rows.get(line)!.label.some((f) => f.x0 < x1 && x0 < f.x1))

  // Label columns: distinct left edges of row labels and groups.
  const lefts = [...groups.map((g) => g.x0), ...[...rows.values()].flatMap((r) => (r.label[0] ? [Math.min(...r.label.map((f) => f.x0))] : []))].sort(
    (a, b) => a - b
  )
  const labelColumns: number[] = []
  for (const x of lefts) if (!labelColumns.length || x - labelColumns.at(-1)! > 6) labelColumns.push(x)
  const labelColumnOf = (x: number) => {
    let best = 0
    labelColumns.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(labelColumns[best]! - x)) best = i
    })
    return best
  }
  // No label column at all (表四's lone value row) unless header text sits left of the values.
  const labelCount = labelColumns.length || (header.some((f) => (f.x0 + f.x1) / 2 < valueLeft) ? 1 : 0)

  const tableRows: TableRow[] = []
  for (const line of ordered) {
    const row = rows.get(line)!
    const cells: TableRow['cells'] = []
    for (const g of groups) {
      if (g.rows[0] === line) {
        cells.push({ column: labelColumnOf(g.x0), text: joinLines(g.fragments.map((f) => f.text)), rowSpan: g.rows.length, colSpan: 1 })
      }
    }
    if (row.label.length) {
      const sorted = [...row.label].sort((a, b) => b.y - a.y || a.x0 - b.x0)
      const column = labelColumnOf(Math.min(...sorted.map((f) => f.x0)))
      cells.push({ column, text: joinLines(sorted.map((f) => f.text)), rowSpan: 1, colSpan: labelCount - column })
    } else if (labelCount > 0) {
      // A row without a label (表四's single value row) still keeps the label columns' place.
      cells.push({ column: 0, text: '', rowSpan: 1, colSpan: labelCount })
    }
    row.values.forEach((text, i) => cells.push({ column: labelCount + i, text, rowSpan: 1, colSpan: 1 }))
    tableRows.push({ y: line.y, cells })
  }
  tableRows.push(...headerRows(header, columns, columnOf, valueLeft, labelCount))
  tableRows.sort((a, b) => b.y - a.y)
  return tableRows.map((row) =>
    row.cells.sort((a, b) => a.column - b.column).map(({ text, rowSpan, colSpan }) => ({ text, rowSpan, colSpan }))
  )
}

/** A row label starts with its number (一、 （二） 3、 1.); a wrapped line never does. */
const LABEL_START = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．](?!\d))/
/** A 表二 block caption (第二十条第（一）项): a row of its own. */
const CAPTION = /^第[一二三四五六七八九十]+条/

/**
 * Labels wrapped over several lines: a line that reaches the label column's right edge, continued by
 * the lines just below it that start no new number, aligned with it. Only chains of two lines or
 * more are returned.
 */
function wrappedLabels(fragments: readonly Fragment[], valueLeft: number): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const right = Math.min(Math.max(...sorted.map((f) => f.x1), -Infinity), valueLeft)
  const chains: Fragment[][] = []
  const used = new Set<Fragment>()
  for (const first of sorted) {
    if (used.has(first)) continue
    const chain = [first]
    for (;;) {
      const last = chain.at(-1)!
      // Only a full line wrapped: its text reaches the label column's right edge.
      const full = last.x1 >= right - 1.2 * last.h
      if (!full) break
      const next = sorted.find(
        (f) =>
          !used.has(f) &&
          !chain.includes(f) &&
          f.y < last.y &&
          last.y - f.y <= 1.7 * Math.max(last.h, f.h) &&
          f.x0 < last.x1 &&
          last.x0 < f.x1 &&
          !LABEL_START.test(f.text.trim()) &&
          !CAPTION.test(f.text.trim())
      )
      if (!next) break
      chain.push(next)
    }
    if (chain.length > 1) {
      chain.forEach((f) => used.add(f))
      chains.push(chain)
    }
  }
  return chains
}

/**
 * Header text (above or between value rows) → header rows, one band of header lines at a time.
 *
 * Without the ruling lines, a spanning caption's full width cannot be seen (申请人情况 is printed
 * narrower than the seven columns it heads), so the header is laid out for what the recogniser
 * needs: a leaf row with, for each value column, the lowest header text over it (自然人, 商业企业 …
 * 总计), and above it caption rows with each caption over the columns its text covers. Text over
 * the label columns becomes one corner cell down the band.
 */
function headerRows(
  fragments: readonly Fragment[],
  columns: readonly number[],
  columnOf: (x: number) => number,
  valueLeft: number,
  labelCount: number
): TableRow[] {
  if (!fragments.length) return []
  const blocks = stacks(fragments).map((stack) => {
    const x0 = Math.min(...stack.map((f) => f.x0))
    const x1 = Math.max(...stack.map((f) => f.x1))
    const corner = (x0 + x1) / 2 < valueLeft
    const covered = columns.map((c, i) => (c >= x0 - 2 && c <= x1 + 2 ? i : -1)).filter((i) => i >= 0)
    const c0 = covered[0] ?? columnOf((x0 + x1) / 2)
    return {
      text: joinLines(stack.map((f) => f.text)),
      top: stack[0]!.y,
      bottom: stack.at(-1)!.y,
      h: stack[0]!.h,
      corner,
      c0,
      c1: covered.at(-1) ?? c0
    }
  })
  type HeaderBlock = (typeof blocks)[number]
  // Bands: header blocks whose vertical extents chain together within a couple of lines.
  blocks.sort((a, b) => b.top - a.top)
  const bands: HeaderBlock[][] = []
  for (const block of blocks) {
    const band = bands.at(-1)
    if (band && Math.min(...band.map((b) => b.bottom)) - block.top <= 2.5 * block.h) band.push(block)
    else bands.push([block])
  }
  const out: TableRow[] = []
  for (const band of bands) {
    const headings = band.filter((b) => !b.corner)
    // The leaf of each column: the lowest heading over it.
    const leafOf = columns.map((_, i) => {
      const over = headings.filter((b) => b.c0 <= i && i <= b.c1)
      return over.length ? over.reduce((low, b) => (b.bottom < low.bottom ? b : low)) : undefined
    })
    const leaves = new Set(leafOf.filter((b): b is HeaderBlock => b !== undefined))
    // Caption rows: the other headings, top-down, a new row whenever a caption would overlap one already in the row.
    const captionRows: HeaderBlock[][] = []
    for (const caption of headings.filter((b) => !leaves.has(b))) {
      const row = captionRows.find((r) => r.every((o) => o.c1 < caption.c0 || caption.c1 < o.c0))
      if (row) row.push(caption)
      else captionRows.push([caption])
    }
    const rows: TableRow['cells'][] = captionRows.map((captions) => {
      const cells: TableRow['cells'] = []
      let next = 0
      for (const b of [...captions].sort((a, c) => a.c0 - c.c0)) {
        if (b.c0 > next) cells.push({ column: labelCount + next, text: '', rowSpan: 1, colSpan: b.c0 - next })
        cells.push({ column: labelCount + b.c0, text: b.text, rowSpan: 1, colSpan: b.c1 - b.c0 + 1 })
        next = b.c1 + 1
      }
      if (next < columns.length) cells.push({ column: labelCount + next, text: '', rowSpan: 1, colSpan: columns.length - next })
      return cells
    })
    const leafRow: TableRow['cells'] = []
    leafOf.forEach((b, i) => {
      const previous = leafRow.at(-1)
      if (b && i > 0 && leafOf[i - 1] === b && previous) previous.colSpan += 1
      else leafRow.push({ column: labelCount + i, text: b?.text ?? '', rowSpan: 1, colSpan: 1 })
    })
    rows.push(leafRow)
    const corner = band.filter((b) => b.corner)
    if (labelCount > 0) rows[0]!.unshift({
      column: 0,
      text: joinLines(corner.map((b) => b.text)),
      rowSpan: rows.length,
      colSpan: labelCount
    })
    // Keep the band's rows in this order when all rows are sorted by height on the page.
    const top = Math.max(...band.map((b) => b.top))
    rows.forEach((cells, k) => out.push({ y: top - k * 1e-3, cells }))
  }
  return out
}
