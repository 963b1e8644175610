/**
 * Reading the narrative's statements of table quantities (quantities.ts): “本年度共收到政府信息公开
 * 申请39件，上年结转3件”, “被申请行政复议2件，其中结果维持1件”. Used by P5 (each statement against
 * the tables) and by the mark linking (a 【待更新：39】 standing where a quantity is stated).
 *
 * How a number is attributed: every number (or 【待更新】 mark) followed by a unit is a candidate.
 * The words right before it, back to the clause start or the previous candidate (whichever is
 * nearer), are its window. The phrase that ends the window names it; a measure (“结果维持”,
 * “废止”) takes its subject from the window or, failing that, from earlier in the sentence. The
 * reader stays silent when it is not sure: a window that mentions two different quantities
 * (“行政复议、行政诉讼共1件”), a comparison (“较上年增加3件”) or an approximation (“12件以上”) is
 * not read. Years (2024年), percentages and document numbers (〔2024〕12号) never become candidates,
 * as their units are not counting units.
 */
import { STALE_MARK_OPEN } from './marks'
import {
  FILLER,
  MEASURES,
  measureOf,
  PHRASES,
  quantity,
  SUBJECTS,
  ZERO_MENTIONS,
  ZERO_PHRASES,
  type Measure,
  type Phrase,
  type Quantity,
  type Subject
} from './quantities'
import { COUNT_CHARACTERS, parseCount } from '../text/chinese'
import { boundaryBefore, isStop, SENTENCE_STOPS, stops } from '../rules/textScan'

export interface Statement {
  quantity: Quantity
  /** The figure as stated (0 for a statement of none). */
  value: number
  /** The whole quote, from the first word of its phrase to its unit. */
  start: number
  end: number
  /** The figure itself (or the mark standing for it). */
  numberStart: number
  numberEnd: number
  /** The figure is a 【待更新：…】 mark: last year's figure, awaiting this year's. */
  marked: boolean
  /** The unit as written (件, 起, 万元…); empty for a statement of none. */
  unit: string
}

const UNIT = /万元|[件起项宗]/g
const NUMERAL_CODES: ReadonlySet<number> = new Set(
  Array.from(`0123456789０１２３４５６７８９${COUNT_CHARACTERS}`, (ch) => ch.charCodeAt(0))
)
/** The window never reaches across these, nor further back than WINDOW_MAX characters. */
const WINDOW_STOPS = stops('。！？!?；;\n\r，,：:（）()【】[]')
const WINDOW_MAX = 40
const COMPARISON = /较|比|增加|增长|减少|下降|上升|提高|降低|同期|多于|少于|占/
const APPROXIMATE = /以上|以下|左右|多|余/y
const APPROXIMATE_START = stops('以左多余')
const DECIMAL_POINT = stops('.．')
const MARK_CLOSE_CODE = '】'.charCodeAt(0)

const compile = (source: string): RegExp => new RegExp(`(?:${source})${FILLER}$`)

interface CompiledPhrase extends Phrase {
  leadRe: RegExp
}
interface CompiledMeasure extends Measure {
  leadRe: RegExp
}
interface CompiledSubject extends Subject {
  leadRe: RegExp
}

const PHRASE_LEADS: readonly CompiledPhrase[] = PHRASES.map((p) => ({ ...p, leadRe: compile(p.lead) }))
const MEASURE_LEADS: readonly CompiledMeasure[] = MEASURES.map((m) => ({ ...m, leadRe: compile(m.words) }))
const SUBJECT_LEADS: readonly CompiledSubject[] = SUBJECTS.map((s) => ({ ...s, leadRe: compile(`(?:${s.mention})(?:申请|案件)?`) }))

/** All mentions of one family in one pattern, one capture group per entry: a window is searched once. */
function mentions(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((source) => `(${source.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'g')
}

const PHRASE_MENTIONS = mentions(PHRASES.map((p) => p.mention))
const SUBJECT_MENTIONS = mentions(SUBJECTS.map((s) => s.mention))
const MEASURE_MENTIONS = mentions(MEASURES.map((m) => m.words))

/** Indexes (into the family) of the entries mentioned in `text`, in order, left to right, no overlap. */
function mentioned(pattern: RegExp, text: string): number[] {
  const out: number[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const index = match.findIndex((group, i) => i > 0 && group !== undefined)
    if (index > 0) out.push(index - 1)
    if (match[0].length === 0) pattern.lastIndex++
  }
  return out
}

const distinct = (xs: readonly number[]): number[] => [...new Set(xs)]

interface Attribution {
  quantity: string
  /** Offset of the lead's first character in the window. */
  at: number
  reject?: RegExp
}

/** The quantity the window's last words name, or undefined when there is none or the words are ambiguous. */
function attribute(window: string, before: string, unit: string): Attribution | undefined {
  if (COMPARISON.test(window)) return undefined
  const phrases = distinct(mentioned(PHRASE_MENTIONS, window))
  const subjects = distinct(mentioned(SUBJECT_MENTIONS, window))
  const measures = distinct(mentioned(MEASURE_MENTIONS, window))
  for (const phrase of PHRASE_LEADS) {
    const match = phrase.leadRe.exec(window)
    if (!match) continue
    const own = PHRASES.indexOf(phrase)
    if (phrases.some((i) => PHRASES[i]!.quantity !== phrase.quantity && i !== own) || subjects.length) return undefined
    if (!phrase.units.includes(unit)) return undefined
    return { quantity: phrase.quantity, at: match.index, ...(phrase.reject ? { reject: phrase.reject } : {}) }
  }
  if (phrases.length || subjects.length > 1 || measures.length > 1) return undefined
  if (!['件', '起', '宗'].includes(unit)) return undefined
  for (const measure of MEASURE_LEADS) {
    const match = measure.leadRe.exec(window)
    if (!match) continue
    const subject = subjects.length ? SUBJECTS[subjects[0]!]!.id : lastSubject(before)
    if (!subject || !measure.subjects.includes(subject)) return undefined
    const id = measureOf(subject, measure.id)
    return id ? { quantity: id, at: Math.min(match.index, subjectStart(window) ?? match.index) } : undefined
  }
  for (const subject of SUBJECT_LEADS) {
    const match = subject.leadRe.exec(window)
    if (!match) continue
    const measure = measures.length ? MEASURES[measures[0]!]!.id : subject.defaultMeasure
    if (!measure) return undefined
    const id = measureOf(subject.id, measure)
    const measureAt = measures.length ? window.search(new RegExp(MEASURES[measures[0]!]!.words)) : -1
    return id ? { quantity: id, at: measureAt >= 0 ? Math.min(measureAt, match.index) : match.index } : undefined
  }
  return undefined
}

function subjectStart(window: string): number | undefined {
  SUBJECT_MENTIONS.lastIndex = 0
  const match = SUBJECT_MENTIONS.exec(window)
  return match ? match.index : undefined
}

/** The subject last named in the sentence before the window (“行政复议2件，其中结果维持1件”). */
function lastSubject(before: string): Subject['id'] | undefined {
  const found = mentioned(SUBJECT_MENTIONS, before)
  const last = found.at(-1)
  return last === undefined ? undefined : SUBJECTS[last]!.id
}

/** The figure right before `unitAt`: a run of numerals, or a 【待更新：…】 mark. */
function figureBefore(text: string, unitAt: number, floor: number, amount: boolean): { start: number; figure: string; marked: boolean } | undefined {
  if (unitAt > 0 && text.charCodeAt(unitAt - 1) === MARK_CLOSE_CODE) {
    const open = text.lastIndexOf(STALE_MARK_OPEN, unitAt - 1)
    if (open < floor || open < 0) return undefined
    const figure = text.slice(open + STALE_MARK_OPEN.length, unitAt - 1)
    return figure.includes('】') ? undefined : { start: open, figure, marked: true }
  }
  let start = unitAt
  while (start > floor && (NUMERAL_CODES.has(text.charCodeAt(start - 1)) || (amount && isStop(text.charCodeAt(start - 1), DECIMAL_POINT)))) start--
  if (start === unitAt) return undefined
  return { start, figure: text.slice(start, unitAt), marked: false }
}

function parseFigure(figure: string, amount: boolean): number | undefined {
  const trimmed = figure.replace(/[%％]$/, '')
  if (!amount) return parseCount(trimmed)
  const ascii = trimmed.replace(/[０-９．]/g, (d) => (d === '．' ? '.' : String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii)
  return parseCount(trimmed)
}

function scanFigures(text: string, out: Statement[]): void {
  let previousEnd = 0
  UNIT.lastIndex = 0
  for (let match = UNIT.exec(text); match; match = UNIT.exec(text)) {
    const unit = match[0]
    const unitAt = match.index
    const amount = unit === '万元'
    const found = figureBefore(text, unitAt, previousEnd, amount)
    if (!found) continue
    const { start, figure, marked } = found
    const end = unitAt + unit.length
    const floor = Math.max(previousEnd, start - WINDOW_MAX)
    previousEnd = end
    if (!marked && !amount && start > 0 && isStop(text.charCodeAt(start - 1), DECIMAL_POINT)) continue
    if (end < text.length && isStop(text.charCodeAt(end), APPROXIMATE_START)) {
      APPROXIMATE.lastIndex = end
      if (APPROXIMATE.test(text)) continue
    }
    const windowStart = boundaryBefore(text, start, WINDOW_STOPS, floor)
    const sentenceStart = boundaryBefore(text, windowStart, SENTENCE_STOPS)
    const found2 = attribute(text.slice(windowStart, start), text.slice(sentenceStart, windowStart), unit)
    if (!found2) continue
    const quoteStart = windowStart + found2.at
    if (found2.reject?.test(text.slice(quoteStart, end))) continue
    const value = parseFigure(figure, amount)
    if (value === undefined) continue
    out.push({
      quantity: quantity(found2.quantity),
      value,
      start: quoteStart,
      end,
      numberStart: start,
      numberEnd: unitAt,
      marked,
      unit
    })
  }
}

function scanZeroPhrases(text: string, out: Statement[]): void {
  for (const phrase of ZERO_PHRASES) {
    for (const match of text.matchAll(phrase.pattern)) {
      for (const id of phrase.quantities) {
        if (!ZERO_MENTIONS[id]?.test(match[0])) continue
        const end = match.index + match[0].length
        out.push({
          quantity: quantity(id),
          value: 0,
          start: match.index,
          end,
          numberStart: match.index,
          numberEnd: end,
          marked: false,
          unit: ''
        })
      }
    }
  }
}

/** Every statement of a table quantity in a text, in reading order. */
export function readStatements(text: string): Statement[] {
  const out: Statement[] = []
  scanFigures(text, out)
  scanZeroPhrases(text, out)
  return out.sort((a, b) => a.start - b.start)
}
