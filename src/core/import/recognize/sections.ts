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
 * is split from its text. The title, web-page debris and the closing 落款 are not section text.
 */
import type { SectionId } from '../../report/sections'
import type { Block, ParsedSection } from '../types'
import { familyOf, type HeadingTopic } from './headingFamilies'
import { recognizeUnitYear } from './unitYear'

export interface SplitOptions {
  /** Blocks consumed elsewhere (tables read from paragraphs): left out of the text. */
  skip?: ReadonlySet<number>
}

type NumberStyle = 'chinese' | 'arabic' | 'paren'

const NUMBERING: readonly { style: NumberStyle; pattern: RegExp }[] = [
  { style: 'chinese', pattern: /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}\s*[、.．])\s*/ },
  { style: 'arabic', pattern: /^\d{1,2}\s*(?:[、．]|\.(?!\d))\s*/ },
  { style: 'paren', pattern: /^[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]\s*[、.．]?\s*/ }
]

const CHINESE_NUMERALS = '一二三四五六七八九'

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, “3、” → 3. */
export function ordinalOf(numbering: string): number | undefined {
  const digits = /\d+/.exec(numbering)
  if (digits) return Number(digits[0])
  const m = /[一二三四五六七八九十]+/.exec(numbering)
  if (!m) return undefined
  const [tens, ones] = m[0].includes('十') ? m[0].split('十') : ['', m[0]]
  const unit = (ch: string | undefined): number => (ch ? CHINESE_NUMERALS.indexOf(ch) + 1 : 0)
  return (m[0].includes('十') ? Math.max(1, unit(tens)) * 10 : 0) + unit(ones)
}

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
    const words = text.slice(m[0].length).replace(/\s+/g, '').replace(/[。；;：:]$/, '')
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
    } else if (h.style === 'arabic') take = names && h.topic !== 'overview' && (continues || last === undefined)
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
  /^(?:扫一扫|分享[:：]|打印本页|关闭窗口|【(?:打印|关闭|字体)|发布时间[:：]|发布日期[:：]|来源[:：]|浏览次数)/,
  /^[（(][\p{Script=Han}·]{2,5}[）)]$/u
]
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/
const SIGNATURE = /^[\p{Script=Han}]{2,24}(?:人民政府|办事处|局|办公室|委员会)$/u

function textOf(blocks: readonly Block[], from: number, to: number, skip: ReadonlySet<number>): string {
  const lines: string[] = []
  for (let i = from; i < to; i++) {
    const block = blocks[i]
    if (skip.has(i) || block?.kind !== 'paragraph') continue
    const line = block.text.trim()
    if (!line || DEBRIS.some((p) => p.test(line))) continue
    // The 落款 (unit and date) closes the body; it is printed by the export, not kept as text.
    if (DATE_LINE.test(line.replace(/\s+/g, ''))) {
      if (lines.length > 0 && SIGNATURE.test(lines[lines.length - 1]!.replace(/\s+/g, ''))) lines.pop()
      continue
    }
    lines.push(line)
  }
  return lines.join('\n')
}

export function splitSections(blocks: readonly Block[], options: SplitOptions = {}): ParsedSection[] {
  // The title and 发文字号 are not section text, whoever calls.
  const skip = new Set<number>([...(options.skip ?? []), ...recognizeUnitYear(blocks).titleBlocks])
  const candidates: Heading[] = []
  blocks.forEach((block, i) => {
    if (skip.has(i)) return
    const text = block.kind === 'paragraph' ? block.text.trim() : ''
    if (isAppendixStart(text)) {
      candidates.push({ block: i, text, style: 'chinese', topic: 'appendix' })
      return
    }
    const heading = headingOf(block, i)
    if (heading) candidates.push(heading)
  })
  const headings = selectHeadings(candidates)

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
