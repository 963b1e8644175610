/**
 * The statistical tables of a report whose whole text arrived on one line, every cell glued to the
 * next: `…现行有效件数规章000行政规范性文件1236210第二十条第（五）项…`. The tables are cut out of the
 * stream by their own labels (today's and the 2019 format's, from the table definitions): a
 * lexer finds the printed labels and the digit runs between them; a stretch of labels and runs,
 * anchored by a header or by rows with figures, is a table; it is given back as one line per
 * header and per row (`行政规范性文件 1236210`), for the table recogniser to read and split.
 *
 * A row's numbering glued to the figures before it (`…00000002.其他法律…`) goes back to its row:
 * labels that start with a number are matched before digits are taken, and a misprinted label
 * after a run that ends in its number gets that number back.
 */
import { matchLabel } from '../tables/labelMatcher'
import { normalizeLabel } from '../tables/normalize'
import { TARGETS, type Target } from '../tables/targets'

export interface TableRegion {
  /** Span in the original text. */
  start: number
  end: number
  /** The region as lines: headers, and rows as `label figures`. */
  lines: string[]
}

interface Token {
  kind: 'label' | 'digits' | 'other'
  /** Span in the compact text. */
  s: number
  e: number
  /** Labels: every target printed this way (总计 is a column, and 表三's last row unnumbered). */
  targets?: Target[]
  /** Labels: read as a row label here (decided from its neighbours when it could be either). */
  row?: boolean
}

interface Compact {
  text: string
  /** Original index of each compact character. */
  at: number[]
}

const QUOTES = /[“”"'‘’「」『』]/
const CHINESE_NUMERAL = /[一二三四五六七八九十]/

/** The text without spaces and quotes, brackets and numbering in one style, with the way back. */
/** A page number printed inside a table the page broke: “-3-”, “— 4 —”. */
const PAGE_NUMBER = /[-—–－]\s?\d{1,3}\s?[-—–－](?![\d-—–－])/y

function compact(source: string): Compact {
  const chars: string[] = []
  const at: number[] = []
  let space = false
  for (let i = 0; i < source.length; i += 1) {
    PAGE_NUMBER.lastIndex = i
    const page = PAGE_NUMBER.exec(source)
    if (page) {
      i += page[0].length - 1
      space = true
      continue
    }
    let ch = source[i]!
    if (/\s/.test(ch)) {
      space = true
      continue
    }
    if (QUOTES.test(ch)) continue
    // Figures printed apart stay apart: a space between two figures is kept (one).
    if (space && isDigit(ch) && isDigit(chars.at(-1))) {
      chars.push(' ')
      at.push(i - 1)
    }
    space = false
    if (ch === '(') ch = '（'
    else if (ch === ')') ch = '）'
    else if (ch === '．') ch = '.'
    const previous = chars.at(-1)
    if ((ch === '、' || ch === '.') && previous && /\d/.test(previous) && !isDigit(source[i + 1])) ch = '.'
    else if (ch === '.' && previous && CHINESE_NUMERAL.test(previous)) ch = '、'
    chars.push(ch)
    at.push(i)
  }
  return { text: chars.join(''), at }
}

/** Every printed form of every label, by first character, longest first. */
const DICTIONARY = (() => {
  const byFirst = new Map<string, { text: string; targets: Target[] }[]>()
  for (const target of TARGETS) {
    for (const variant of target.variants) {
      if (variant.text.length < 2) continue
      const list = byFirst.get(variant.text[0]!) ?? []
      const entry = list.find((l) => l.text === variant.text)
      if (entry) {
        if (!entry.targets.includes(target)) entry.targets.push(target)
      } else list.push({ text: variant.text, targets: [target] })
      byFirst.set(variant.text[0]!, list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length)
  return byFirst
})()

function labelAt(text: string, i: number): { text: string; targets: Target[] } | undefined {
  const list = DICTIONARY.get(text[i]!)
  if (!list) return undefined
  return list.find((l) => text.startsWith(l.text, i))
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9'

function lex(text: string): Token[] {
  const out: Token[] = []
  let other = -1
  const flush = (i: number) => {
    if (other >= 0) out.push({ kind: 'other', s: other, e: i })
    other = -1
  }
  let i = 0
  while (i < text.length) {
    const label = labelAt(text, i)
    if (label) {
      flush(i)
      out.push({ kind: 'label', s: i, e: i + label.text.length, targets: label.targets })
      i += label.text.length
      continue
    }
    // Figures: digits, spaces between figures printed apart, thousands separators, a sign (本年增/减).
    if (isDigit(text[i]) || (/[-+－]/.test(text[i]!) && isDigit(text[i + 1]) && out.at(-1)?.kind === 'digits' && out.at(-1)!.e === i)) {
      flush(i)
      const previous = out.at(-1)
      let j = i + 1
      for (;;) {
        if (j < text.length && isDigit(text[j]) && !labelAt(text, j)) j += 1
        else if (text[j] === ' ' && isDigit(text[j + 1])) j += 1
        // A thousands separator inside a run (the next figure may follow its last group at once).
        else if (/[,，]/.test(text[j] ?? '') && /^\d{3}/.test(text.slice(j + 1, j + 4))) j += 1
        else if (/[-+－]/.test(text[j] ?? '') && isDigit(text[j + 1])) j += 1
        // A decimal amount (万元): a point between digits that does not start a numbered label.
        else if (text[j] === '.' && isDigit(text[j + 1]) && !labelAt(text, j - 1)) j += 1
        else break
      }
      if (previous?.kind === 'digits' && previous.e === i) previous.e = j
      else out.push({ kind: 'digits', s: i, e: j })
      i = j
      continue
    }
    if (other < 0) other = i
    i += 1
  }
  flush(text.length)
  return out
}

/** What follows a count in a sentence: a figure followed by these is narrative, not a cell. */
const UNIT_AFTER = /^[件条项个次人户家元万%％年月日号页期份名天宗起篇场批余多号个]/
/** Sentence punctuation: a span holding it is narrative. */
const SENTENCE = /[。！？!?；;]/
const SECTION_HEADING = /^[一二三四五六七八九十]{1,3}、/
/** Unlabelled text longer than this between labels and figures is narrative. */
const MAX_OTHER = 20

function tableLike(tokens: readonly Token[], k: number, text: string): boolean {
  const t = tokens[k]!
  if (t.kind === 'label') return true
  if (t.kind === 'digits') {
    if (UNIT_AFTER.test(text.slice(t.e, t.e + 1))) return false
    return !/第$/.test(text.slice(Math.max(0, t.s - 1), t.s))
  }
  const span = text.slice(t.s, t.e)
  // A section heading (三、收到和处理…) between two tables is narrative: row labels so numbered are labels.
  return span.length <= MAX_OTHER && !SENTENCE.test(span) && !SECTION_HEADING.test(span)
}

const isHeader = (t: Token) => t.kind === 'label' && !t.row
const isRow = (t: Token) => t.kind === 'label' && t.row === true

/**
 * Whether each label reads as a row label: it can only be one, or it could be both (总计) and
 * does not follow a header label — a header's 总计 is its last column.
 */
function decideRows(tokens: Token[]): void {
  tokens.forEach((t, k) => {
    if (t.kind !== 'label') return
    const rows = t.targets!.some((x) => x.kind === 'row')
    const others = t.targets!.some((x) => x.kind !== 'row')
    const previous = tokens[k - 1]
    t.row = rows && (!others || !(previous && previous.kind === 'label' && !previous.row))
  })
}

/** Table stretches of the token list: [first, last] token indexes. */
function regions(tokens: readonly Token[], text: string): [number, number][] {
  const out: [number, number][] = []
  let k = 0
  while (k < tokens.length) {
    if (!tableLike(tokens, k, text)) {
      k += 1
      continue
    }
    let end = k
    while (end + 1 < tokens.length && tableLike(tokens, end + 1, text)) end += 1
    // Anchored by a header (two labels of columns or captions) or by rows with figures.
    let first = -1
    for (let m = k; m <= end; m += 1) {
      const two = isHeader(tokens[m]!) && m + 1 <= end && tokens[m + 1]!.kind === 'label'
      const rows = isRow(tokens[m]!) && tokens[m + 1]?.kind === 'digits' && countRows(tokens, m, end) >= 3
      if (two || rows) {
        first = m
        break
      }
    }
    let last = end
    while (last >= 0 && last > first && tokens[last]!.kind !== 'digits') last -= 1
    if (first >= 0 && last > first) {
      // Labels just before the anchor belong to the header (行政复议 行政诉讼 above 表四's columns).
      while (first > k && tokens[first - 1]!.kind === 'label') first -= 1
      const headers = tokens.slice(first, last + 1).filter(isHeader).length
      const figures = tokens.slice(first, last + 1).filter((t) => t.kind === 'digits').length
      if (figures >= 1 && (headers >= 2 || countRows(tokens, first, last) >= 3)) out.push([first, last])
    }
    k = end + 1
  }
  return out
}

function countRows(tokens: readonly Token[], from: number, to: number): number {
  let n = 0
  for (let m = from; m < to; m += 1) if (isRow(tokens[m]!) && tokens[m + 1]?.kind === 'digits') n += 1
  return n
}

/**
 * A run that ends in the next row's number (`…00000002.其他法律法规禁止公开`, a label misprinted so
 * that the lexer did not know it): the number goes back to the label, when the label then reads
 * better as a numbered row.
 */
function returnNumbering(tokens: Token[], text: string): void {
  for (let k = 0; k + 1 < tokens.length; k += 1) {
    const run = tokens[k]!
    const next = tokens[k + 1]!
    if (run.kind !== 'digits' || next.kind !== 'other' || !/^[.、]/.test(text.slice(next.s, next.e))) continue
    if (run.e - run.s < 2) continue
    const words = text.slice(next.s + 1, next.e)
    let best = 1
    let bestScore = -1
    for (const digits of [1, 2]) {
      if (run.e - run.s <= digits) continue
      const numbered = `${text.slice(run.e - digits, run.e)}.${words}`
      const found = matchLabel(numbered, (t) => t.kind === 'row')
      const score = found && normalizeLabel(found.target.variants[0]!.text).startsWith(text.slice(run.e - digits, run.e)) ? found.score : 0
      if (score > bestScore) {
        best = digits
        bestScore = score
      }
    }
    run.e -= best
    next.s -= best
  }
}

/** Cuts the tables out of a one-line text: their spans and their lines. */
export function tableRegions(source: string): TableRegion[] {
  const { text, at } = compact(source)
  const tokens = lex(text)
  decideRows(tokens)
  returnNumbering(tokens, text)
  // The original text of a token, a closing quote the compact form left out included.
  const original = (t: Token) => {
    let end = at[t.e - 1]! + 1
    while (end < source.length && QUOTES.test(source[end]!) && (t.e >= at.length || at[t.e]! > end)) end += 1
    return source.slice(at[t.s]!, end).trim()
  }
  return regions(tokens, text).map(([first, last]) => {
    const lines: string[] = []
    let pending: Token[] = []
    for (let m = first; m <= last; m += 1) {
      const t = tokens[m]!
      if (t.kind !== 'digits') {
        pending.push(t)
        continue
      }
      // The row label: the last row label and what follows it, or the trailing unlabelled text.
      let labelFrom = pending.length
      for (let p = pending.length - 1; p >= 0; p -= 1) {
        const piece = pending[p]!
        if (piece.kind === 'other') labelFrom = p
        else if (isRow(piece)) {
          labelFrom = p
          break
        } else break
      }
      // Header cells one per line, as a copy of the table's cells gives them.
      lines.push(...pending.slice(0, labelFrom).map(original))
      const label = pending.slice(labelFrom).map(original).join('')
      // A sign starts a figure (本年增/减): printed apart from the one before.
      const figures = text.slice(t.s, t.e).replace(/(\d)([-+－])/g, '$1 $2')
      lines.push(label ? `${label} ${figures}` : figures)
      pending = []
    }
    return { start: at[tokens[first]!.s]!, end: at[tokens[last]!.e - 1]! + 1, lines }
  })
}
