/**
 * The 上年问题整改情况 checklist: last year's listed problems, read from last year's section 五, one
 * line each with an answer to write. The format asks section 五 to say how last year's problems were
 * dealt with and forbids 年年雷同 (国办公开办函〔2021〕30号), so the draft opens section 五 with it.
 *
 * Reports list their problems in a few recurring shapes, all handled here:
 *  - a heading (“（一）存在的主要问题”, “（1）工作中存在的主要问题和困难；”) followed by numbered lines;
 *  - a lead-in sentence (“…还存在以下几个方面的问题：”, “…但仍存在很大不足和问题，”) followed by
 *    “一是…；二是…。” in the same paragraph or by numbered lines;
 *  - a single sentence (“…存在一些问题，主要是…”).
 * The list ends where the improvements begin (“（二）改进情况”, “具体解决办法和改进措施”, “针对…”).
 */
import { paragraphs } from './sections'
import { TO_FILL_MARK } from './marks'

export const CHECKLIST_HEADING = '上年问题整改情况：'
/** What follows each problem: the officer replaces the mark with what was done. */
export const CHECKLIST_ANSWER = `整改情况：${TO_FILL_MARK}`

/** A line that introduces the problems (a heading or a lead-in sentence). */
const PROBLEM_CUE = /问题|不足|困难|差距|短板|薄弱/
/** A line or sentence that starts the improvements: the problem list has ended. */
const IMPROVEMENT_CUE = /改进|措施|解决|整改|下一步|下步|打算|努力方向|工作计划|工作重点/
/** A sentence that turns from the problems to the remedies, inside a paragraph. */
const TURN_CUE = /^(?:针对|为进一步|为此|下一步|下步|今后|在今后|202\d年|201\d年|我[镇乡局街]将)/
/** Where the problems start after a lead-in: after its colon, or after “主要是” and the like. */
const LEAD_END = /(?:问题|不足|困难|差距|短板)[^。；;:：]{0,12}?(?:[:：]|，(?=[一二三四五六七八九十]是)|。)|主要(?:是|表现在|有)[:：]?|表现(?:在|为)[:：]?/
/** “一是”, “二是” … inside a paragraph. */
const ORDINAL_ITEM = /[一二三四五六七八九十]是/g
/** Numbering at the start of a line: （一） (1) 1. 1、 一、. */
const LINE_NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）])\s*/
const HEADING_MAX = 30
const SENTENCE_END = /[。；;！!？?]/

/** A short line with numbering, or a line made of one clause: a heading rather than content. */
function headingPart(line: string): string | undefined {
  const body = line.replace(LINE_NUMBERING, '')
  const end = body.search(/[。：:；;]/)
  const head = end < 0 ? body : body.slice(0, end)
  return head.length <= HEADING_MAX && (end < 0 || LINE_NUMBERING.test(line) || end === body.length - 1) ? head : undefined
}

function isImprovementHeading(line: string): boolean {
  const head = headingPart(line)
  return head !== undefined && IMPROVEMENT_CUE.test(head) && !/存在/.test(head)
}

/** A lead-in sentence (“…存在以下几个方面的问题：”): cut before the problems it introduces. */
function afterLeadIn(line: string): string | undefined {
  const lead = LEAD_END.exec(line)
  if (!lead || !/存在|以下|如下|主要/.test(line.slice(0, lead.index + lead[0].length))) return undefined
  return line.slice(lead.index + lead[0].length)
}

/**
 * The paragraphs that list last year's problems, each cut after its lead-in and before a turn to
 * the remedies; the list ends at an improvement heading or at the first such turn.
 */
function problemRegion(lines: readonly string[]): string[] {
  const region: string[] = []
  let inside = false
  for (const line of lines) {
    if (!inside) {
      if (!PROBLEM_CUE.test(line) || isImprovementHeading(line)) continue
      inside = true
      const rest = afterLeadIn(line) ?? (headingPart(line) === undefined ? line : '')
      const kept = untilTurn(rest)
      if (kept.trim()) region.push(kept)
      if (kept.length < rest.length) break
      continue
    }
    if (isImprovementHeading(line) || TURN_CUE.test(line)) break
    const rest = afterLeadIn(line) ?? line
    const kept = untilTurn(rest)
    if (kept.trim()) region.push(kept)
    if (kept.length < rest.length) break
  }
  return region
}

function clean(item: string): string {
  return item
    .replace(LINE_NUMBERING, '')
    .replace(/^[，,、：:\s]+|[，,、；;。：:\s]+$/g, '')
    .trim()
}

/** Sentences of a paragraph up to the first one that turns to remedies. */
function untilTurn(paragraph: string): string {
  const sentences = paragraph.split(/(?<=[。；;！!？?])/)
  const kept: string[] = []
  for (const sentence of sentences) {
    if (kept.length > 0 && TURN_CUE.test(sentence.trim())) break
    kept.push(sentence)
  }
  return kept.join('')
}

/** “一是…；二是…。”: one item per ordinal, each up to its sentence end. */
function ordinalItems(paragraph: string): string[] | undefined {
  const starts = [...paragraph.matchAll(ORDINAL_ITEM)].map((m) => m.index)
  if (starts.length < 2) return undefined
  return starts.map((start, i) => {
    const next = starts[i + 1] ?? paragraph.length
    const piece = paragraph.slice(start + 2, next)
    const end = piece.search(i + 1 < starts.length ? /$/ : SENTENCE_END)
    return end < 0 ? piece : piece.slice(0, end)
  })
}

/** Last year's problems, one line each, in the order written. Empty when none could be read. */
export function extractProblems(sectionText: string): string[] {
  const items: string[] = []
  for (const text of problemRegion(paragraphs(sectionText))) {
    const ordinals = ordinalItems(text)
    if (ordinals) {
      items.push(...ordinals)
      // Text after an ordinal list that ends the paragraph is a turn to remedies, not another problem.
      continue
    }
    // A numbered line or a plain sentence: its first sentence names the problem.
    const body = text.replace(LINE_NUMBERING, '')
    const end = body.search(SENTENCE_END)
    items.push(end < 0 ? body : body.slice(0, end))
  }
  return items.map(clean).filter((item) => item.length >= 4)
}

/** The checklist as it opens this year's section 五. */
export function formatChecklist(problems: readonly string[]): string {
  const lines = problems.length
    ? problems.map((problem, i) => `${i + 1}. ${problem}。${CHECKLIST_ANSWER}`)
    : [`（未能从上年报告中自动识别出问题，请对照上年报告第五部分逐条说明整改情况）${TO_FILL_MARK}`]
  return [CHECKLIST_HEADING, ...lines].join('\n')
}

/** A line of the checklist after its heading: numbered, with its answer part. */
const CHECKLIST_LINE = /^\s*(?:\d+[.．]|（未能从上年报告)/

/**
 * The span of the checklist in a section's text (heading to its last item line), or undefined. The
 * copy measure leaves it out: quoting last year's problems in order to answer them is not copying.
 */
export function checklistSpan(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(CHECKLIST_HEADING)
  if (start < 0) return undefined
  let end = start + CHECKLIST_HEADING.length
  while (end < text.length) {
    const lineStart = text.charAt(end) === '\n' ? end + 1 : end
    const lineEnd = text.indexOf('\n', lineStart)
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
    if (!CHECKLIST_LINE.test(line)) break
    end = lineEnd < 0 ? text.length : lineEnd
  }
  return { start, end }
}
