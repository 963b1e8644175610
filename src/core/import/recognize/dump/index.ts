/**
 * Whole-page text dumps back into a document: what a browser's 另存为文本, a site archive or some
 * reader apps give — metadata lines first (`标题: …`, `发布时间: …`, `原文链接: …`, a `==== 正文 ====`
 * separator), breadcrumbs and widgets, then the whole report on one line with its headings inline
 * and every table's cells glued together. Here the page furniture goes, the title and the 落款
 * come apart from the body, the tables are cut out of the stream by their labels (tableStream,
 * legacyStream) and the narrative is split at its headings (inlineHeadings). Everything else in
 * recognition then works as on any document.
 *
 * Only what is clearly a page's furniture is dropped, and only around the body; a long paragraph
 * is re-cut only when it holds tables or several headings inline.
 */
import type { Block } from '../../types'
import type { StepBudget } from '../tables/budget'
import { classifyLine, LEADING_WIDGETS, TRAILER } from './furniture'
import { splitAtHeadings } from './inlineHeadings'
import { legacyRegions } from './legacyStream'
import { tableRegions } from './tableStream'
import { isSignerLine, WRITTEN_DATE } from '../../../text/chinese'

export interface Unflattened {
  blocks: Block[]
  /** What was done, in Chinese, for the officer. */
  notices: string[]
}

/** A paragraph this long may be a whole report on one line. */
const LONG_LINE = 200
/** Dropping this many header lines is said. */
const HEADER_NOTICE = 4
/** Header lines are looked for among the first blocks only. */
const HEADER_SCAN = 30
const DATE = WRITTEN_DATE
const CLOSING = new RegExp(`^([\\p{Script=Han}（）()·\\s]{2,40}?)\\s*(${DATE})\\s*$`, 'u')
const TOP_HEADING = /^[一二三四五六七八九十]{1,3}\s*[、．.]/
/** A page number printed inside the text: “— 15 —”, “- 3 -”. */
const INLINE_PAGE_NUMBER = /(?:^|\s)[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}(?=\s|$)|[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}\s*$/g

export function unflattenPage(blocks: readonly Block[], budget: StepBudget): Unflattened {
  const notices: string[] = []
  const header = dropHeader(blocks)
  // A line or two of CMS metadata is ordinary; a page's whole header block is worth saying.
  if (header.dropped >= HEADER_NOTICE) notices.push(`页面信息 ${header.dropped} 行（标题、发布时间、链接、导航等）未作为正文`)
  const out: Block[] = []
  let lines = 0
  let tables = 0
  let trailers = 0
  for (const block of header.blocks) {
    if (block.kind !== 'paragraph' || block.text.length < LONG_LINE) {
      out.push(block)
      continue
    }
    const cut = recut(block.text, budget)
    if (!cut) {
      out.push(block)
      continue
    }
    lines += 1
    tables += cut.tables
    if (cut.trailer) trailers += 1
    notices.push(...cut.warnings)
    out.push(...cut.blocks.map((b) => (block.page === undefined ? b : { ...b, page: block.page })))
  }
  if (lines) notices.unshift(`正文${lines > 1 ? `有 ${lines} 处` : ''}连成一行（整页保存的文字），已按标题拆分为段落${tables ? `，并从文字中切出统计表 ${tables} 处` : ''}`)
  if (trailers) notices.push('页面末尾的相关链接、版权信息等已略去')
  return { blocks: out, notices }
}

/** Metadata, separators, breadcrumbs and widgets above the body; a metadata title is kept as the title. */
function dropHeader(blocks: readonly Block[]): { blocks: Block[]; dropped: number } {
  const scan = blocks.slice(0, HEADER_SCAN)
  const separator = scan.findIndex((b) => b.kind === 'paragraph' && classifyLine(b.text).kind === 'separator')
  const out: Block[] = []
  let dropped = 0
  let body = false
  blocks.forEach((block, i) => {
    if (body || block.kind !== 'paragraph' || i >= HEADER_SCAN) {
      out.push(block)
      return
    }
    const line = classifyLine(block.text)
    if (line.kind === 'title') {
      if (line.title) out.push({ ...block, text: line.title })
      dropped += 1
      return
    }
    // Everything above an archive's separator is its header.
    if (i <= separator || line.kind !== 'text') {
      dropped += 1
      return
    }
    if (block.text.length > 80) body = true
    out.push(block)
  })
  return { blocks: out, dropped }
}

interface Recut {
  blocks: Block[]
  tables: number
  trailer: boolean
  warnings: string[]
}

function recut(source: string, budget: StepBudget): Recut | undefined {
  let text = source.replace(INLINE_PAGE_NUMBER, ' ')
  const regions = [
    ...tableRegions(text).map((r) => ({ ...r, block: undefined as Block | undefined, warnings: [] as string[] })),
    ...legacyRegions(text, (start, end) => text.slice(0, start) + text.slice(end), budget).map((r) => ({ ...r, lines: [] as string[] }))
  ].sort((a, b) => a.start - b.start)
  const kept = regions.filter((r, k) => !regions.slice(0, k).some((p) => p.end > r.start))
  // A long paragraph of an ordinary document (an enumeration “（一）…（二）…”) is left as it is:
  // only tables inside it, or several top-level headings, say the lines were lost.
  const headings = splitAtHeadings(text).filter((piece) => TOP_HEADING.test(piece)).length
  if (kept.length === 0 && headings < 2) return undefined

  const blocks: Block[] = []
  const paragraph = (t: string): Block => ({ kind: 'paragraph', text: t })
  let from = 0
  const head = pageHead(text, kept[0]?.start ?? text.length)
  if (head) {
    if (head.documentNumber) blocks.push(paragraph(head.documentNumber))
    blocks.push(paragraph(head.title))
    from = head.bodyStart
  }
  // After the body: related links and the site's footer.
  let to = text.length
  const lastTable = kept.at(-1)?.end ?? from
  for (const m of text.matchAll(new RegExp(TRAILER.source, 'g'))) {
    const at = m.index ?? 0
    if (at < lastTable || at < from) continue
    if (at > text.length * 0.7 || new RegExp(`${DATE}\\s*$`).test(text.slice(Math.max(from, at - 24), at).trim())) {
      to = at
      break
    }
  }
  text = text.slice(0, to)
  const narrative = (start: number, end: number) => {
    const pieces = splitAtHeadings(text.slice(start, end))
    const last = pieces.pop()
    if (last !== undefined) pieces.push(...closing(last))
    blocks.push(...pieces.map(paragraph))
  }
  let at = from
  const warnings: string[] = []
  for (const region of kept) {
    if (region.start < at) continue
    narrative(at, region.start)
    if (region.block) blocks.push(region.block)
    else blocks.push(...region.lines.map(paragraph))
    warnings.push(...region.warnings)
    at = region.end
  }
  narrative(at, text.length)
  return { blocks, tables: kept.length, trailer: to < source.length, warnings }
}

const DOCUMENT_NUMBER = /^\s*([\p{Script=Han}]{1,12}〔\d{4}〕\d{1,4}号)\s*/u
/** A title anywhere: a name, a year, …报告 — no colon, space or page furniture inside. */
const TITLE_ANYWHERE =
  /[^\s：:>＞»›【】[\]！!。，,；;|｜]{2,40}?(?:19|20|二〇|二零)[\d〇零一二三四五六七八九]{2}\s*年度?[^\s：:>＞»›【】[\]！!。，,；;|｜]{0,40}?(?:年度报告|工作报告|年报|报告)(?:[（(][^）)]{1,16}[）)])?/gu
/** What starts a report's body: its opening sentence, or its first heading. */
const BODY_START =
  /(?:根据|按照|依据|依照)《|本(?:年度)?报告(?:根据|依据|按照|是|由|所列)|[一二]\s*、\s*(?:总体情况|概述|概况|基本情况)|(?:19|20)\d{2}\s*年度?\s*[，,]/
/** Words a unit's name never holds: what is before them in a title is a breadcrumb's last step. */
const NOT_A_NAME = /.*(?:报告|年报|首页|位置|正文|栏目)/
/** A metadata label (`发布时间：`, `来源：`) in the stretch between the title and the body. */
const METADATA_WORD = /(?:发布时间|发布日期|信息来源|来源|浏览次数|点击数|访问量|字号|作者|编辑|生成日期|发文日期)\s*[:：]/

/**
 * The head of a page whose text is one line: the 发文字号 and title, and where the body starts.
 * Whatever lies before the title (navigation, breadcrumb, metadata) and between the title and
 * the body (发布时间、来源、字号) is the page's, not the report's.
 */
function pageHead(text: string, limit: number): { title: string; documentNumber?: string; bodyStart: number } | undefined {
  const body = BODY_START.exec(text.slice(0, Math.min(limit, 5000)))
  const end = body ? body.index : Math.min(limit, 400)
  let title: { text: string; end: number } | undefined
  for (const m of text.slice(0, end).matchAll(TITLE_ANYWHERE)) {
    let found = m[0]
    const year = /(?:19|20|二〇|二零)[\d〇零一二三四五六七八九]{2}\s*年/.exec(found)!
    const cut = NOT_A_NAME.exec(found.slice(0, year.index))
    if (cut) found = found.slice(cut[0].length)
    title = { text: found, end: (m.index ?? 0) + m[0].length }
    // Without a body start to go by, the first title is the page's; with one, the nearest before it.
    if (!body) break
  }
  if (!title) return undefined
  const number = DOCUMENT_NUMBER.exec(title.text)
  const documentNumber = number?.[1]
  const titleText = number ? title.text.slice(number[0].length) : title.text
  // What lies between the title and the body: page metadata (dropped), or the start of the text.
  const between = text.slice(title.end, end)
  const bodyStart = body && between.length <= 200 && (METADATA_WORD.test(between) || LEADING_WIDGETS.test(between.trim()) || !between.trim()) ? end : title.end
  return { title: titleText.trim(), ...(documentNumber ? { documentNumber } : {}), bodyStart }
}

/** The 落款 at the end of the text (“…发布。XX镇人民政府2026年1月20日”) as its own lines. */
function closing(text: string): string[] {
  const end = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'))
  const tail = text.slice(end + 1).trim()
  const m = CLOSING.exec(tail)
  if (!m) {
    const date = new RegExp(`^(${DATE})$`).exec(tail)
    return date && end >= 0 ? [text.slice(0, end + 1), date[1]!] : [text]
  }
  const head = text.slice(0, end + 1).trim()
  const signer = m[1]!.replace(/\s+/g, '')
  const lines = isSignerLine(signer) ? [signer, m[2]!] : [`${m[1]}${m[2]}`]
  return head ? [head, ...lines] : lines
}
