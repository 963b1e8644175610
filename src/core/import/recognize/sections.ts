/**
 * Splits a report's narrative into its sections, for every generation: the six headings of the
 * 2019/2021 template (template, shortened or instruction-style wording), and the pre-2019
 * families (第三十二条 list, 概述 + 附表, Shanghai style, 要点落实 style, nine- and seven-part
 * reports, numbered 一、 or 1、).
 *
 * A line is a heading when it is short, carries a heading number, and either
 * - is numbered 一、二、… (the top level in every generation), or
 * - is numbered 1、/1./（一） and its words match a heading family (“3、 政府信息依申请公开办理情况”
 *   in a report that began 一、二、). Numbered lines that match no family (“1、以政务公开助力
 *   稳增长”) are list items inside a section.
 * When a report has no 一、 headings at all, （一） headings that match a family are the top level
 * (the instruction-style “（一）总体情况。”). 一、 numbers only go up, so the numbered rows of a
 * table or an attachment are not taken for headings. A run-in heading (“一、总体情况。2023年…”)
 * is split from its text, and so is a template heading glued to its text with no stop. A 1、 line
 * inside 一、总体情况 is a sub-item when a later 一、 line owns its number. A table of contents
 * (the headings listed once before the body) is left out, so no section opens twice; a long
 * heading broken over two lines is joined. The title, anything above it, CMS metadata, page
 * numbers and the closing 落款 are not section text.
 */
import { sectionName, SECTIONS, type SectionId } from '../../report/sections'
import type { Block, ParsedSection } from '../types'
import { CMS_METADATA, paragraphText } from './blockText'
import { familyOf, type HeadingTopic } from './headingFamilies'
import { recognizeUnitYear } from './unitYear'
import { isSignerLine, parseChineseNumber, parseDate } from '../../text/chinese'

export interface SplitOptions {
  /** Blocks consumed elsewhere (tables read from paragraphs): left out of the text. */
  skip?: ReadonlySet<number>
}

type NumberStyle = 'chinese' | 'arabic' | 'paren'

const NUMBERING: readonly { style: NumberStyle; pattern: RegExp }[] = [
  { style: 'chinese', pattern: /^(?:第[一二三四五六七八九十]+部分\s*[:：、.．]?|[一二三四五六七八九十]{1,3}\s*[、.．])\s*/ },
  { style: 'arabic', pattern: /^\d{1,2}\s*(?:[、．]|\.(?!\d))\s*/ },
  { style: 'paren', pattern: /^[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]\s*[、.．]?\s*/ }
]

/** Any heading number, for taking the words of a heading. */
const NUMBER_PREFIX = new RegExp(NUMBERING.map((n) => n.pattern.source).join('|'))

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, “3、” → 3 (a run of digits that is no numeral counts 0). */
export function ordinalOf(numbering: string): number | undefined {
  const digits = /\d+/.exec(numbering)
  if (digits) return Number(digits[0])
  const m = /[一二三四五六七八九十]+/.exec(numbering)
  if (!m) return undefined
  return parseChineseNumber(m[0]) ?? 0
}

/** “一、总体情况……………1”: a contents line's dot leaders and page number. */
const CONTENTS_LEADER = /[.．·…。\-—_\s]{2,}\d{1,3}$/

/** Longest heading text (without its number) still taken as a heading, in characters. */
const MAX_HEADING = 40

interface Heading {
  block: number
  text: string
  style: NumberStyle
  /** The heading's number (一 → 1, 3、 → 3), when it has one. */
  ordinal?: number
  /** Text after a run-in heading, in the same paragraph. */
  rest?: string
  topic?: HeadingTopic
  section?: SectionId
}

/** A heading candidate: numbered, short, not a sentence (no 。 inside, none but a final one). */
function headingOf(block: Block | undefined, index: number): Heading | undefined {
  if (block?.kind !== 'paragraph') return undefined
  const text = block.text.trim()
  for (const { style, pattern } of NUMBERING) {
    const m = pattern.exec(text)
    if (!m) continue
    const glued = style === 'arabic' ? undefined : gluedHeading(text, m[0], style, index)
    if (glued) return glued
    const words = text
      .slice(m[0].length)
      .replace(CONTENTS_LEADER, '')
      .replace(/\s+/g, '')
      .replace(/[。；;：:]$/, '')
    if (words.length > 0 && Array.from(words).length <= MAX_HEADING && !/[。；;：:]/.test(words)) {
      const family = familyOf(words)
      return { block: index, text, style, ordinal: ordinalOf(m[0]), topic: family?.topic, section: family?.section }
    }
    return runIn(text, m[0], style, index)
  }
  // Unnumbered headings of the Shanghai style are taken only in their exact short forms.
  const bare = text.replace(/\s+/g, '')
  if (/^(?:概述|附表|附件\d*[:：]?)$/.test(bare)) {
    const family = familyOf(bare)
    return { block: index, text, style: 'chinese', topic: family?.topic, section: family?.section }
  }
  return undefined
}

/**
 * A run-in heading: “一、总体情况。2023年，我镇……” — heading and text in one paragraph, as PDF
 * extraction and some writers produce. Taken only when the words before the first 。 or ：
 * name one of the main sections; the rest of the paragraph opens the section's text.
 */
function runIn(text: string, numbering: string, style: NumberStyle, index: number): Heading | undefined {
  const m = /^([^。：:]{2,40})[。：:]\s*(.+)$/su.exec(text.slice(numbering.length))
  if (!m) return undefined
  const family = familyOf(m[1]!.replace(/\s+/g, ''))
  if (!family || !family.section || family.topic === 'work') return undefined
  return {
    block: index,
    text: (numbering + m[1]!).trim(),
    rest: m[2]!.trim(),
    style,
    ordinal: ordinalOf(numbering),
    topic: family.topic,
    section: family.section
  }
}

/** The template's headings and their variants (report/sections.ts), longest first: what a glued heading starts with. */
const KNOWN_HEADINGS: readonly string[] = SECTIONS.flatMap((s) => [sectionName(s.id), ...(s.variants ?? [])]).sort((a, b) => b.length - a.length)

/**
 * A heading glued to its text with no stop between them (“一、总体情况2023年，我镇…”, or with a
 * comma or space): a Word paragraph whose heading run was not a paragraph of its own, or a space
 * the normaliser removed. Taken only for the template's own headings, and only when what follows
 * reads as text, not as the rest of a longer heading (“总体情况和主要做法”).
 */
function gluedHeading(text: string, numbering: string, style: NumberStyle, index: number): Heading | undefined {
  const after = text.slice(numbering.length)
  const compactAfter = after.replace(/\s+/g, '')
  const known = KNOWN_HEADINGS.find((k) => compactAfter.startsWith(k))
  if (!known) return undefined
  // Where the known words end in the uncompacted text.
  let end = 0
  for (let seen = 0; seen < known.length && end < after.length; end++) if (!/\s/.test(after[end]!)) seen++
  const rest = after.slice(end)
  const body = rest.replace(/^[\s。：:，,；;.]+/, '')
  if (body === '') return undefined
  const stopped = /^[\s。：:，,；;.]/.test(rest)
  const readsAsText = /^\d/.test(body) || (/[。，；]/.test(body) && !/^[和及与、的暨并]/.test(body))
  if (!stopped && !readsAsText) return undefined
  const family = familyOf(known)
  return {
    block: index,
    text: (numbering + after.slice(0, end)).trim(),
    rest: body.trim(),
    style,
    ordinal: ordinalOf(numbering),
    topic: family?.topic,
    section: family?.section
  }
}

/**
 * A table of contents before the body: three or more headings on consecutive lines, numbered from
 * the first, with no text between them, when the same numbering starts again later (the headings
 * themselves), or every line carries dot leaders and a page number. Its lines are navigation, not
 * headings and not text: splitting there would open each section twice.
 */
function tableOfContents(blocks: readonly Block[], candidates: readonly Heading[], skip: ReadonlySet<number>): number[] {
  const out: number[] = []
  const adjacent = (a: number, b: number): boolean => {
    for (let i = a + 1; i < b; i++) {
      const block = blocks[i]
      if (skip.has(i)) continue
      if (block?.kind !== 'paragraph' || block.text.trim() !== '') return false
    }
    return true
  }
  let i = 0
  while (i < candidates.length) {
    const first = candidates[i]!
    let j = i
    while (
      j + 1 < candidates.length &&
      candidates[j + 1]!.style === first.style &&
      candidates[j + 1]!.ordinal !== undefined &&
      candidates[j + 1]!.ordinal === (candidates[j]!.ordinal ?? NaN) + 1 &&
      adjacent(candidates[j]!.block, candidates[j + 1]!.block)
    )
      j++
    const run = candidates.slice(i, j + 1)
    const restarts = candidates.slice(j + 1).some((h) => h.style === first.style && h.ordinal === first.ordinal && h.topic === first.topic)
    const leaders = run.every((h) => CONTENTS_LEADER.test(h.text))
    if (first.ordinal === 1 && run.length >= 3 && (restarts || leaders) && run.every((h) => h.topic !== undefined)) {
      out.push(...run.map((h) => h.block))
    }
    i = j + 1
  }
  return out
}

/** A line that opens the appendix (“附件3”, “附：2011年度…统计表”): the narrative ends there. */
function isAppendixStart(text: string): boolean {
  return /^(?:附件\s*\d*\s*[:：]?|附表\s*\d*\s*[:：]?|附\s*[:：].*(?:统计表|附表).*)$/.test(text.replace(/\s+/g, ''))
}

const MAIN_TOPICS: ReadonlySet<HeadingTopic> = new Set(['proactive', 'requests', 'review', 'problems', 'other', 'fees', 'appendix'])

/**
 * 一、 headings are the top level, numbered upwards: a 一、 that does not go beyond the last one
 * (“三、本年度办理结果” under “三、收到和处理…”, the rows of an attachment's table) is a label
 * inside a section. Of two 一、 lines with the same number, one naming a section wins over one
 * that names none (“四、结转下年度继续办理” before “四、政府信息公开行政复议…”).
 * A 1、 heading is one only when its words name a main section and its number continues the top
 * level (“3、” after “二、”): a list inside 概述 can start “1. 基本情况”.
 */
function selectHeadings(candidates: readonly Heading[]): Heading[] {
  const hasChinese = candidates.some((h) => h.style === 'chinese')
  const selected: Heading[] = []
  let lastChinese = 0
  candidates.forEach((h, i) => {
    const last = selected[selected.length - 1]
    const continues = h.ordinal !== undefined && (last?.ordinal === undefined ? h.ordinal === 1 : h.ordinal === last.ordinal + 1)
    const names = h.topic !== undefined && (MAIN_TOPICS.has(h.topic) || h.topic === 'overview')
    let take: boolean
    if (h.topic === 'appendix') take = true
    else if (h.style === 'chinese') {
      const upwards = h.ordinal === undefined || h.ordinal > lastChinese
      const outranked =
        h.topic === undefined &&
        candidates.slice(i + 1).some((later) => later.style === 'chinese' && later.ordinal === h.ordinal && later.topic !== undefined)
      take = upwards && !outranked
      if (take && h.ordinal !== undefined) lastChinese = h.ordinal
    } else if (h.style === 'arabic') {
      // “2.依申请公开” inside 一、总体情况 is a sub-item when “二、…” follows: the 一、 level owns
      // that number. “1、总体情况” opens a report numbered 1、2、3、 throughout.
      const topLevel = (later: Heading): boolean => later.style === 'chinese' || (!hasChinese && later.style === 'paren')
      const owned = candidates.slice(i + 1).some((later) => topLevel(later) && later.ordinal === h.ordinal && later.topic !== undefined)
      const opens = !hasChinese && last === undefined && h.ordinal === 1
      take = names && !owned && (h.topic !== 'overview' || opens) && (continues || last === undefined)
    }
    else take = !hasChinese && names
    if (take) selected.push(h)
  })
  return selected
}

/** Where text under a heading goes in the 2021 model; see headingFamilies for the choices. */
function sectionFor(heading: Heading, seenLater: boolean): SectionId | undefined {
  if (heading.section) return heading.section
  if (heading.topic === undefined) return seenLater ? undefined : 'overview'
  return undefined
}

const LATER_SECTIONS: ReadonlySet<SectionId> = new Set(['proactive', 'requests', 'review', 'problems', 'other'])

/** Lines a web page or the signature block adds, which are not report text. */
const DEBRIS = [
  CMS_METADATA,
  /^目\s*录$/,
  // Page numbers copied out of a PDF or a printed page: “- 4 -”, “— 4 —”, “第 4 页 共 9 页”.
  /^[-—–－]+\s*\d{1,3}\s*[-—–－]+$/,
  /^第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?$/,
  /^(?:扫一扫|分享[:：]|打印本页|关闭窗口|【(?:打印|关闭|字体)|发布时间[:：]|发布日期[:：]|来源[:：]|浏览次数)/,
  /^[（(][\p{Script=Han}·]{2,5}[）)]$/u
]

function textOf(blocks: readonly Block[], from: number, to: number, skip: ReadonlySet<number>): string {
  const lines: string[] = []
  for (let i = from; i < to; i++) {
    const block = blocks[i]
    if (skip.has(i) || block?.kind !== 'paragraph') continue
    const line = block.text.trim()
    if (!line || DEBRIS.some((p) => p.test(line))) continue
    // The 落款 (unit and date) closes the body; it is printed by the export, not kept as text.
    if (parseDate(line) !== undefined) {
      if (lines.length > 0 && isSignerLine(lines[lines.length - 1]!)) lines.pop()
      continue
    }
    lines.push(line)
  }
  return lines.join('\n')
}

export function splitSections(blocks: readonly Block[], options: SplitOptions = {}): ParsedSection[] {
  // The title and 发文字号 are not section text, whoever calls.
  // Lines above the title (a site name, a CMS header) are page furniture, not report text.
  const { titleBlocks } = recognizeUnitYear(blocks)
  const aboveTitle = titleBlocks.length > 0 ? Array.from({ length: Math.min(...titleBlocks) }, (_, i) => i) : []
  const skip = new Set<number>([...(options.skip ?? []), ...titleBlocks, ...aboveTitle])
  const candidates: Heading[] = []
  blocks.forEach((block, i) => {
    if (skip.has(i)) return
    const text = block.kind === 'paragraph' ? block.text.trim() : ''
    if (isAppendixStart(text)) {
      candidates.push({ block: i, text, style: 'chinese', topic: 'appendix' })
      return
    }
    const heading = headingOf(block, i)
    if (!heading) return
    candidates.push(heading)
    // A heading broken over two lines (“四、因政府信息公开工作被申请行政复议、提起行政诉” / “讼情况”),
    // as PDF extraction leaves long headings: joined when the two make a known heading.
    const next = paragraphText(blocks[i + 1])
    const words = heading.text.replace(NUMBER_PREFIX, '').replace(/\s+/g, '')
    if (heading.rest === undefined && next && next.length <= 8 && KNOWN_HEADINGS.includes(words + next.replace(/\s+/g, ''))) {
      heading.text = heading.text + next.replace(/\s+/g, '')
      const family = familyOf(words + next)
      heading.topic = family?.topic
      heading.section = family?.section
      skip.add(i + 1)
    }
  })
  for (const block of tableOfContents(blocks, candidates, skip)) skip.add(block)
  const headings = selectHeadings(candidates.filter((h) => !skip.has(h.block)))

  const sections: ParsedSection[] = []
  const firstAt = headings[0]?.block ?? blocks.length
  const preamble = textOf(blocks, 0, firstAt, skip)
  if (preamble) sections.push({ heading: '', section: 'overview', text: preamble, blocks: [0, firstAt - 1] })

  let seenLater = false
  headings.forEach((heading, k) => {
    const end = headings[k + 1]?.block ?? blocks.length
    const section = sectionFor(heading, seenLater)
    if (section && LATER_SECTIONS.has(section)) seenLater = true
    const body = textOf(blocks, heading.block + 1, end, skip)
    const parsed: ParsedSection = {
      heading: heading.text,
      text: heading.rest ? (body ? `${heading.rest}\n${body}` : heading.rest) : body,
      blocks: [heading.block, end - 1]
    }
    if (section) parsed.section = section
    sections.push(parsed)
  })
  return sections
}
