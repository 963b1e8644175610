/**
 * The 上年问题整改情况 checklist: last year's listed problems, read from last year's section 五, one
 * item each with its 整改情况 to write. The format asks section 五 to be factual and forbids
 * 年年雷同 (国办公开办函〔2021〕30号); reviewers ask how last year's problems were dealt with, so the
 * draft opens section 五 with this list and every item left unanswered stays a 【待填写】 mark.
 *
 * Every problem becomes its own item, whatever shape the list takes:
 *  - a heading (“（一）存在的主要问题”, “（1）工作中存在的主要问题和困难；”) followed by numbered lines
 *    (1. / 1、 / （一） / (1)), each a problem whose first sentence names it;
 *  - a lead-in (“…还存在以下几个方面的问题：”, “…但仍存在很大不足和问题，”, “主要是”, “如”)
 *    followed by “一是…；二是…”, by sentences separated by 「；」 or 「。」, or by clauses each naming
 *    a shortfall (“主要是A还需进一步规范，B还需要进一步丰富”);
 *  - “存在A、B等问题”;
 *  - a paragraph of “一是…；二是…” with no lead-in at all.
 * The list ends where the improvements begin (“（二）改进情况”, “具体解决办法和改进措施”, “针对…”,
 * “下一步…”, “2024年，我局将…”).
 */
import { paragraphs } from './sections'
import { TO_FILL_MARK } from './marks'

export const CHECKLIST_HEADING = '上年问题整改情况：'
/** What follows each problem: the officer replaces the mark with what was done. */
export const CHECKLIST_ANSWER = `整改情况：${TO_FILL_MARK}`

/** A line that introduces the problems (a heading or a lead-in sentence). */
const PROBLEM_CUE = /问题|不足|困难|差距|短板|薄弱/
/** A heading or sentence that starts the improvements: the problem list has ended. */
const IMPROVEMENT_CUE = /改进|措施|解决|整改|下一步|下步|打算|努力方向|工作计划|工作重点|工作思路/
/** A sentence that turns from the problems to the remedies. */
const TURN_CUE = /^(?:针对|为进一步|为此|对此|下一步|下步|今后|在今后|新的一年|(?:19|20)\d\d年[，,度]?\s*(?:我|本|全|将|继续|进一步)|我[镇乡局区县市委办街]将|将进一步)/
/** Words that name a shortfall: a clause with one of these is a problem of its own. */
export const SHORTFALL =
  /有待|还需|仍需|尚需|亟需|亟待|需要进一步|需进一步|还要进一步|不够|不足|不强|不高|不到位|不及时|不完善|不规范|不平衡|不全面|不深入|不充分|不明显|不统一|不精准|不畅|不理想|较少|偏少|较弱|偏弱|薄弱|单一|欠缺|缺乏|缺少|滞后|差距|参差不齐|流于形式|偏低|较低|不多|较为简单|不高/
/** Where the problems start after a lead-in: after its colon, after “主要是”, “如” and the like. */
const LEAD_END =
  /(?:问题|不足|困难|差距|短板|薄弱环节)[^。；;:：]{0,12}?(?:[:：]|，(?=[一二三四五六七八九十]是|(?:比如|例如|如)[:：，])|。)|(?:主要|具体)(?:是|表现在|表现为|有|体现在)[:：]?|表现(?:在|为)[:：]?|(?<=[，,：:])(?:比如|例如|如)[:：]?/
/** “存在A、B等问题”: the problems are the words between. */
const EXISTS_LIST = /存在(?:着)?([^。；;:：]{4,}?)等(?:方面的?)?(?:问题|不足|短板|困难|情况)/
/** “一是”, “二是” … inside a paragraph. */
const ORDINAL_ITEM = /[一二三四五六七八九十]是/g
/** Numbering at the start of a line: （一） (1) 1. 1、 一、. */
const LINE_NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）])\s*/
/** Numbering inside a run-on paragraph (“…利用率不高。（二）改进措施”). */
const INLINE_NUMBERING = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．])\s*/
const HEADING_MAX = 30
const SENTENCE_END = /[。；;！!？?]/
const MIN_ITEM = 4
const MIN_CLAUSE = 5

/** A short line with numbering, or a line made of one clause: a heading rather than content. */
function headingPart(line: string): { head: string; rest: string } | undefined {
  const body = line.replace(LINE_NUMBERING, '')
  const end = body.search(/[。：:；;]/)
  const head = end < 0 ? body : body.slice(0, end)
  if (head.length > HEADING_MAX) return undefined
  const numbered = LINE_NUMBERING.test(line)
  // Unnumbered, a heading is one short clause: a comma makes it a sentence.
  const colon = end >= 0 && /[：:]/.test(body.charAt(end))
  if (!numbered && ((end >= 0 && end !== body.length - 1 && !colon) || /[，,]/.test(head))) return undefined
  // A numbered line whose first sentence names a shortfall is a problem, not a heading.
  if (numbered && SHORTFALL.test(head) && !/存在|主要问题/.test(head)) return undefined
  return { head, rest: end < 0 ? '' : body.slice(end + 1) }
}

function isImprovementHeading(line: string): boolean {
  const part = headingPart(line)
  return part !== undefined && IMPROVEMENT_CUE.test(part.head) && !/存在/.test(part.head)
}

function isProblemHeading(line: string): { rest: string } | undefined {
  const part = headingPart(line)
  return part && PROBLEM_CUE.test(part.head) && !isImprovementHeading(line) ? { rest: part.rest } : undefined
}

/** A sentence that turns to the remedies: a turn word, or an improvement heading run into the text. */
function isTurn(sentence: string): boolean {
  const trimmed = sentence.trim()
  if (TURN_CUE.test(trimmed)) return true
  const numbering = INLINE_NUMBERING.exec(trimmed)
  return numbering !== null && IMPROVEMENT_CUE.test(trimmed.slice(numbering[0].length, numbering[0].length + 12)) && !/存在/.test(trimmed.slice(0, 16))
}

/** A paragraph up to the first sentence that turns to the remedies (the first sentence always stays). */
function untilTurn(paragraph: string): string {
  const sentences = paragraph.split(/(?<=[。；;！!？?])/)
  const kept: string[] = []
  for (const sentence of sentences) {
    if (kept.length > 0 && isTurn(sentence)) break
    kept.push(sentence)
  }
  return kept.join('')
}

/** The text after a lead-in sentence (“…还存在以下几个方面的问题：”), or undefined when there is none. */
function afterLeadIn(line: string): string | undefined {
  const lead = LEAD_END.exec(line)
  if (!lead) return undefined
  const upTo = line.slice(0, lead.index + lead[0].length)
  if (!/存在|以下|如下|主要|还有|仍有|不足|问题/.test(upTo)) return undefined
  return line.slice(lead.index + lead[0].length)
}

/** A paragraph that lists problems without a lead-in: “一是…有待提高；二是…不够平衡。” */
function isBareList(line: string): boolean {
  const ordinals = [...line.matchAll(ORDINAL_ITEM)].length
  return (ordinals >= 2 || LINE_NUMBERING.test(line)) && SHORTFALL.test(untilTurn(line)) && !isImprovementHeading(line) && !isTurn(line)
}

/**
 * The stretches of text that list last year's problems, each cut after its lead-in and before a
 * turn to the remedies; the list ends at an improvement heading or at the first such turn.
 */
function problemRegion(lines: readonly string[]): string[] {
  const region: string[] = []
  let inside = false
  const take = (rest: string): boolean => {
    const kept = untilTurn(rest)
    if (kept.trim()) region.push(kept)
    // A turn inside the paragraph ends the list.
    return kept.length < rest.length
  }
  for (const line of lines) {
    if (!inside) {
      const heading = isProblemHeading(line)
      if (heading) {
        inside = true
        if (heading.rest.trim() && take(afterLeadIn(heading.rest) ?? heading.rest)) break
        continue
      }
      if (EXISTS_LIST.test(line) || (PROBLEM_CUE.test(line) && afterLeadIn(line) !== undefined) || isBareList(line)) {
        inside = true
        if (take(EXISTS_LIST.test(line) ? line : (afterLeadIn(line) ?? line))) break
      }
      continue
    }
    if (isImprovementHeading(line) || isTurn(line)) break
    if (take(afterLeadIn(line) ?? line)) break
  }
  return region
}

/** “一是…；二是…。”: one item per ordinal, the last up to its sentence end. */
function ordinalItems(text: string): string[] | undefined {
  const starts = [...text.matchAll(ORDINAL_ITEM)].map((m) => m.index)
  if (starts.length < 2) return undefined
  return starts.map((start, i) => {
    const next = starts[i + 1]
    const piece = text.slice(start + 2, next ?? text.length)
    if (next !== undefined) return piece
    const end = piece.search(SENTENCE_END)
    return end < 0 ? piece : piece.slice(0, end)
  })
}

/** Clauses of a sentence, when each names a shortfall of its own (“A还需进一步规范，B还需要丰富”). */
function shortfallClauses(sentence: string): string[] {
  for (const separator of [/[，,]/, /、/]) {
    const clauses = sentence.split(separator).map((c) => c.trim())
    if (clauses.length >= 2 && clauses.every((c) => c.length >= MIN_CLAUSE && SHORTFALL.test(c))) return clauses
  }
  return [sentence]
}

/** Lead words left at an item's start (“主要是”, “如”), numbering and trailing “等问题”. */
function clean(item: string): string {
  return item
    .replace(INLINE_NUMBERING, '')
    .replace(/^(?:主要(?:是|表现在|表现为|有)|比如|例如|如)[:：，,]?/, '')
    .replace(/等(?:方面的?)?(?:问题|不足|短板|困难|情况|现象)$/, '')
    .replace(/^[，,、：:\s]+|[，,、；;。：:\s]+$/g, '')
    .trim()
}

function itemsOf(text: string): string[] {
  const ordinals = ordinalItems(text)
  if (ordinals) return ordinals
  const exists = EXISTS_LIST.exec(text)
  if (exists) return exists[1]!.split('、').length > 1 ? shortfallClauses(exists[1]!) : [exists[1]!]
  // A numbered line: its first sentence names the problem, the rest explains it.
  if (INLINE_NUMBERING.test(text)) {
    const body = text.replace(INLINE_NUMBERING, '')
    const end = body.search(SENTENCE_END)
    return [end < 0 ? body : body.slice(0, end)]
  }
  // Sentences separated by 「；」 or 「。」, each split further when its clauses are problems of their own.
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean)
  const named = sentences.filter((s) => SHORTFALL.test(s))
  return (named.length ? named : sentences).flatMap(shortfallClauses)
}

/** Last year's problems, one line each, in the order written. Empty when none could be read. */
export function extractProblems(sectionText: string): string[] {
  return problemRegion(paragraphs(sectionText))
    .flatMap(itemsOf)
    .map(clean)
    .filter((item) => item.length >= MIN_ITEM)
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
