/**
 * How much of this year's text repeats last year's: per section, the share of characters in
 * sentences that equal or nearly equal a sentence of last year's report. County assessments deduct
 * points above 50%, and the format forbids section 五 being 年年雷同 (国办公开办函〔2021〕30号).
 *
 * Choices, each for a reason:
 *  - Sentences (split on 。！？； and line breaks) are the unit: officers copy and edit sentence by
 *    sentence, and a sentence-level share is what an assessor counts.
 *  - Normalised before comparing: whitespace and punctuation dropped, every number (years included)
 *    made “#”, 【待更新】 marks unwrapped — a copied sentence with new figures is still a copy.
 *  - “Nearly equal” is a character-bigram Jaccard similarity ≥ 0.9: a word changed here and there.
 *  - Compared with every sentence of last year's report, not only the same section's: moving a
 *    paragraph elsewhere does not make it new, and pre-2019 imports put most text in 总体情况.
 *  - Weighted by characters (of the normalised sentence, numbers as written), so a heading or a
 *    one-word line weighs little.
 *  - Boilerplate is left out (document titles, the standard sentences every report has, template
 *    headings, the 上年问题整改情况 checklist which quotes last year's problems in order to answer
 *    them); the list is data below.
 * Last year's sentences are prepared once per report and cached, so measuring on each keystroke
 * costs only this year's text.
 */
import { SECTION_IDS, sectionName, SECTIONS, type SectionId } from './sections'
import type { Report } from './report'
import { checklistSpan } from './checklist'
import { unmark } from './marks'
import { YEAR_DIGITS } from '../text/chinese'

/** Similarity at or above which two sentences count as the same. */
export const NEAR_COPY_JACCARD = 0.9

const CHINESE_YEAR = new RegExp(`[${YEAR_DIGITS}]{4}(?=年)`, 'g')

/**
 * What a comparison ignores, per UTF-16 code: whitespace and punctuation (ASCII, general, CJK and
 * full-width). A lookup table, because this runs over the whole text on every keystroke.
 */
const IGNORED = new Uint8Array(0x10000)
const markIgnored = (from: number, to: number): void => {
  IGNORED.fill(1, from, to + 1)
}
markIgnored(0x00, 0x2f)
markIgnored(0x3a, 0x40)
markIgnored(0x5b, 0x60)
markIgnored(0x7b, 0x7f)
markIgnored(0xa0, 0xbf)
markIgnored(0x2000, 0x206f)
markIgnored(0x2160, 0x21ff)
markIgnored(0x2460, 0x27bf)
markIgnored(0x3000, 0x303f)
markIgnored(0xfe30, 0xfe4f)
markIgnored(0xfeff, 0xff0f)
markIgnored(0xff1a, 0xff20)
markIgnored(0xff3b, 0xff40)
markIgnored(0xff5b, 0xff65)
/** The dot between the digits of a decimal is kept out too; digits are handled apart. */
const isDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)

/** Sentence ends: 。！？； and line breaks. */
const SENTENCE_END = new Uint8Array(0x10000)
for (const ch of '。！？!?；;\n\r') SENTENCE_END[ch.charCodeAt(0)] = 1

/** Without whitespace and punctuation (for the headings below). */
function normalize(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) if (IGNORED[text.charCodeAt(i)] !== 1) out += text.charAt(i)
  return out
}

/** Spans removed before splitting: references that are the same every year by nature. */
export const BOILERPLATE_SPANS: readonly RegExp[] = [
  // Document titles, the statute's first: 《中华人民共和国政府信息公开条例》, 《…〈…〉的通知》.
  /《[^《》]*》/g,
  /[（(]以下简称[^（）()]*[）)]/g,
  // Document numbers: 〔2021〕30号 (the issuer's abbreviation before it is a few characters at most).
  /[〔［[][0-9０-９]{4}[〕］\]][0-9０-９]+号/g
]

const SUBHEADINGS = [
  '存在的主要问题',
  '主要问题',
  '存在问题',
  '改进情况',
  '改进措施',
  '存在问题及改进情况',
  '主动公开',
  '依申请公开',
  '政府信息管理',
  '平台建设',
  '政府信息公开平台建设',
  '监督保障',
  '附表',
  '附件'
]
const HEADINGS = [...SECTIONS.map((s) => sectionName(s.id)), ...SUBHEADINGS]

/**
 * Whole sentences that every report has (matched against the normalised sentence: no spaces or
 * punctuation, numbers as #).
 */
export const BOILERPLATE_SENTENCES: readonly RegExp[] = [
  /^本(?:年度)?(?:报告|年报)中?所列数据/,
  /^如对本(?:年度)?(?:报告|年报)/,
  /^本(?:年度)?(?:报告|年报)(?:的)?电子版/,
  /^(?:根据|按照|依据).*(?:编制|发布|公布)(?:本|此)(?:年度)?(?:报告|年报)$/,
  /^本(?:年度)?(?:报告|年报)(?:根据|由)/,
  /^[^#]{0,30}#年度?政府信息公开(?:工作)?(?:年度)?报告$/,
  /^[^未没无]{0,10}(?:未|没有|无)(?:收取|产生)[^信]{0,6}信息处理费.{0,6}$/,
  new RegExp(`^(?:[一二三四五六七八九十#]+)?(?:${HEADINGS.map(normalize).join('|')})$`)
]

export interface CopyShare {
  /** repeatedChars / totalChars, 0 for an empty section. */
  share: number
  repeatedChars: number
  totalChars: number
}

export interface CopyMeasure {
  sections: Record<SectionId, CopyShare>
  /** Over the whole narrative, weighted by characters. */
  overall: number
  repeatedChars: number
  totalChars: number
}

interface Sentence {
  /** Normalised, numbers as #. */
  key: string
  /** Characters it weighs. */
  weight: number
}

function isBoilerplate(key: string): boolean {
  for (const pattern of BOILERPLATE_SENTENCES) if (pattern.test(key)) return true
  return false
}

/** Text with the checklist and boilerplate spans taken out, 待更新 marks unwrapped. */
function comparedText(text: string): string {
  const span = checklistSpan(text)
  let body = unmark(span ? text.slice(0, span.start) + text.slice(span.end) : text)
  for (const pattern of BOILERPLATE_SPANS) body = body.replace(pattern, '')
  return body
}

/**
 * The sentences of a section's text that count, boilerplate left out. One pass over the text that
 * splits, drops whitespace and punctuation and makes numbers “#” at once, copying runs of kept
 * characters by slices: this is the measure's hot loop.
 */
function sentencesOf(text: string): Sentence[] {
  const body = comparedText(text)
  const out: Sentence[] = []
  let key = ''
  let weight = 0
  let runStart = -1
  let inNumber = false
  for (let i = 0; i <= body.length; i++) {
    const code = i < body.length ? body.charCodeAt(i) : 0x0a
    const kept = SENTENCE_END[code] !== 1 && IGNORED[code] !== 1 && !isDigit(code)
    if (kept) {
      if (runStart < 0) runStart = i
      inNumber = false
      weight++
      continue
    }
    if (runStart >= 0) {
      key += body.slice(runStart, i)
      runStart = -1
    }
    if (isDigit(code)) {
      // A decimal point is ignored, so 1.5 stays one number.
      if (!inNumber) key += '#'
      inNumber = true
      weight++
    } else if (SENTENCE_END[code] === 1) {
      if (weight > 0) {
        const final = key.includes('年') ? key.replace(CHINESE_YEAR, '#') : key
        if (!isBoilerplate(final)) out.push({ key: final, weight })
      }
      key = ''
      weight = 0
      inNumber = false
    }
  }
  return out
}

/** Distinct character bigrams of a key, as numbers (two UTF-16 codes). */
function bigrams(key: string): number[] {
  const set = new Set<number>()
  for (let i = 0; i + 1 < key.length; i++) set.add(key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1))
  return [...set]
}

/** Last year's sentences, ready to be looked up: exact keys, and bigram postings for near matches. */
interface Prepared {
  exact: ReadonlySet<string>
  sizes: Int32Array
  postings: ReadonlyMap<number, readonly number[]>
}

function prepare(report: Report): Prepared {
  const exact = new Set<string>()
  for (const id of SECTION_IDS) for (const s of sentencesOf(report.sections[id])) exact.add(s.key)
  const keys = [...exact]
  const sizes = new Int32Array(keys.length)
  const postings = new Map<number, number[]>()
  keys.forEach((key, i) => {
    const grams = bigrams(key)
    sizes[i] = grams.length
    for (const gram of grams) {
      const list = postings.get(gram)
      if (list) list.push(i)
      else postings.set(gram, [i])
    }
  })
  return { exact, sizes, postings }
}

/** Keyed by the sections object, checked against its texts (a report may be edited in place). */
const CACHE = new WeakMap<object, { texts: string[]; prepared: Prepared }>()

function prepared(report: Report): Prepared {
  const texts = SECTION_IDS.map((id) => report.sections[id])
  const hit = CACHE.get(report.sections)
  if (hit && hit.texts.every((text, i) => text === texts[i])) return hit.prepared
  const fresh = prepare(report)
  CACHE.set(report.sections, { texts, prepared: fresh })
  return fresh
}

/** Overlap counts per candidate, reused across calls (reset after each use). */
let overlap = new Int32Array(0)

function nearlyCopied(key: string, source: Prepared): boolean {
  const grams = bigrams(key)
  if (grams.length === 0) return false
  if (overlap.length < source.sizes.length) overlap = new Int32Array(source.sizes.length)
  const touched: number[] = []
  for (const gram of grams) {
    const list = source.postings.get(gram)
    if (!list) continue
    for (const i of list) {
      const seen = overlap[i]!
      if (seen === 0) touched.push(i)
      overlap[i] = seen + 1
    }
  }
  let found = false
  for (const i of touched) {
    const common = overlap[i]!
    overlap[i] = 0
    if (!found && common / (grams.length + source.sizes[i]! - common) >= NEAR_COPY_JACCARD) found = true
  }
  return found
}

function share(repeatedChars: number, totalChars: number): CopyShare {
  return { share: totalChars === 0 ? 0 : repeatedChars / totalChars, repeatedChars, totalChars }
}

/** The share of this year's text that repeats last year's, per section and overall. */
export function copyMeasure(current: Report, previous: Report): CopyMeasure {
  const source = prepared(previous)
  const sections = {} as Record<SectionId, CopyShare>
  let repeated = 0
  let total = 0
  for (const id of SECTION_IDS) {
    let sectionRepeated = 0
    let sectionTotal = 0
    for (const sentence of sentencesOf(current.sections[id])) {
      sectionTotal += sentence.weight
      if (source.exact.has(sentence.key) || nearlyCopied(sentence.key, source)) sectionRepeated += sentence.weight
    }
    sections[id] = share(sectionRepeated, sectionTotal)
    repeated += sectionRepeated
    total += sectionTotal
  }
  return { sections, overall: share(repeated, total).share, repeatedChars: repeated, totalChars: total }
}
