/**
 * An HTML document → blocks, for saved web pages (and, in the tests, mammoth's rendering of a .docx).
 *
 * A real parser (htmlparser2) builds the tree. Site chrome goes first: scripts and styles,
 * <nav>/<header>/<footer>, elements whose id or class names navigation, menus, footers,
 * breadcrumbs, sharing or sidebars, and link lists (most of their text inside <a>) — but never an
 * element that holds most of the page's Chinese text, which is the article however it is named.
 * Nesting deeper than MAX_DEPTH is not read (no real page comes near it); parsing stops at
 * MARKUP_LIMITS (markupGuard) and the blocks kept stay within recognition's caps (BlockBudget).
 * The rest is read in document order: block-level elements and <br> end paragraphs; a <table>
 * becomes a table block with rowspan/colspan kept as printed (anchor convention); a table whose
 * cells hold tables is page layout, so its cells are read as flowing content and only the
 * innermost (data) tables become table blocks.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler'
import { DomHandler, hasChildren, isTag, isText } from 'domhandler'
import { Parser } from 'htmlparser2'
import { BlockBudget, TEXT_LIMITS } from '@core/import/limits'
import type { Block, BlockCell } from '@core/import/types'
import { feedBounded, MarkupGuard } from './markupGuard'
import { cleanInline, hanCount, joinLines } from './text'

/** Never content: dropped with everything inside. */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head',
  'nav', 'header', 'footer', 'aside', 'form', 'select', 'option', 'button', 'input', 'textarea',
  'audio', 'video', 'map', 'title', 'meta', 'link'
])

/** Tags that end the current paragraph (the browser starts a new line before and after them). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'ul', 'body', 'html', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot'
])

/** id/class words of CMS chrome. Matched as whole words of the attribute (nav, top-nav, sub_menu). */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|footer|foot|header|topbar|breadcrumb|breadcrumbs|crumb|crumbs|position|location|share|bdshare|sidebar|side|aside|toolbar|copyright|banner|login|search|related|relevant|friendlink|links|qrcode|wza|skip)(?:$|[\s_-]|\d)/i

/**
 * What only a site's footer prints (ICP 备案号, 公安备案号, 版权, 网站标识码), never a report. An element
 * this small that holds one is the footer, even in an old layout table whose cells have no class
 * to name it; the lines printed with it (主办, 联系电话) go with it.
 */
const FOOTER_TEXT = /ICP[备证]|公网安备|版权所有|copyright|网站标识码/i
/** A footer holds a few lines; an element with more Chinese than this is content. */
const FOOTER_HAN = 150

/** Cap on tree depth walked: deeper nesting is malformed or hostile, and recursion must stay bounded. */
const MAX_DEPTH = 400

function classAndId(element: Element): string {
  return `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`
}

interface TextMeasure {
  /** Han characters inside. */
  han: number
  /** Non-space characters inside, and those inside <a>. */
  chars: number
  linked: number
  tables: number
  /** Some text inside reads as a site footer (FOOTER_TEXT). */
  footer: boolean
}

/**
 * Han count, text length, linked text length and tables of every element, in one iterative
 * post-order pass: chrome detection asks this of every element, and recomputing text per element
 * (or recursing) would be quadratic or overflow the stack on deeply nested pages.
 */
function measure(root: ParentNode): Map<AnyNode, TextMeasure> {
  const sizes = new Map<AnyNode, TextMeasure>()
  const stack: { node: AnyNode; visited: boolean }[] = root.children.map((node) => ({ node, visited: false }))
  while (stack.length) {
    const top = stack.pop()!
    const { node } = top
    if (isText(node)) {
      const chars = node.data.replace(/\s+/g, '').length
      sizes.set(node, { han: hanCount(node.data), chars, linked: 0, tables: 0, footer: FOOTER_TEXT.test(node.data) })
      continue
    }
    if (!hasChildren(node)) continue
    if (!top.visited) {
      stack.push({ node, visited: true })
      for (const child of node.children) stack.push({ node: child, visited: false })
      continue
    }
    const total: TextMeasure = { han: 0, chars: 0, linked: 0, tables: 0, footer: false }
    for (const child of node.children) {
      const m = sizes.get(child)
      if (!m) continue
      total.han += m.han
      total.chars += m.chars
      total.linked += m.linked
      total.tables += m.tables
      total.footer ||= m.footer
    }
    if (isTag(node) && node.name === 'a') total.linked = total.chars
    if (isTag(node) && node.name === 'table') total.tables += 1
    sizes.set(node, total)
  }
  return sizes
}

/**
 * Removes chrome in place. `bodyHan` is the page's Chinese character count: an element holding
 * more than half of it is the content, whatever its class says (some CMSs call the article “main-nav-content”).
 */
function dropChrome(node: ParentNode, sizes: Map<AnyNode, TextMeasure>, bodyHan: number, depth: number): void {
  if (depth > MAX_DEPTH) return
  const kept: AnyNode[] = []
  for (const child of node.children) {
    if (isTag(child)) {
      const tag = child.name.toLowerCase()
      if (DROPPED_TAGS.has(tag)) continue
      const m = sizes.get(child) ?? { han: 0, chars: 0, linked: 0, tables: 0, footer: false }
      // The footer of a page laid out in tables (a <td> or <tr> with no class to name it).
      if (tag !== 'table' && m.footer && m.han <= FOOTER_HAN && m.han < bodyHan * 0.5 && m.tables === 0) continue
      if (tag !== 'table' && tag !== 'td' && tag !== 'tr') {
        const minor = m.han < bodyHan * 0.5
        if (minor && CHROME_WORDS.test(classAndId(child))) continue
        // Menus and “相关链接” lists: text that is mostly links, and not a small part of an article.
        if (minor && m.han > 0 && m.linked > 0.7 * m.chars && m.tables === 0) continue
      }
    }
    if (hasChildren(child)) dropChrome(child, sizes, bodyHan, depth + 1)
    kept.push(child)
  }
  node.children = kept
}

/**
 * The rows of this table (through thead/tbody/tfoot), not those of tables nested in its cells; one
 * more than a table keeps at most, so that the budget sees the table was cut.
 */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = []
  for (const child of table.children) {
    if (rows.length > TEXT_LIMITS.maxTableRows) break
    if (!isTag(child)) continue
    if (child.name === 'tr') rows.push(child)
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (isTag(row) && row.name === 'tr') rows.push(row)
    }
  }
  return rows
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = []
  for (const c of row.children) {
    if (cells.length > TEXT_LIMITS.maxTableColumns) break
    if (isTag(c) && (c.name === 'td' || c.name === 'th')) cells.push(c)
  }
  return cells
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10)
  // Word's HTML sometimes writes rowspan="0" or absurd values; a span past the table is clipped by the recogniser.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1
}

/** Raw characters gathered per cell: the budget keeps at most maxCellChars of them after cleaning. */
const CELL_RAW_CHARS = TEXT_LIMITS.maxCellChars * 4

interface CellLines {
  lines: string[]
  /** Characters gathered so far: past CELL_RAW_CHARS the rest of the cell is not read. */
  chars: number
}

/** Lines of text inside an element: runs joined (“20” + “23”), <br> and block elements break lines. */
function collectLines(node: AnyNode, out: CellLines, depth: number): void {
  if (depth > MAX_DEPTH || out.chars > CELL_RAW_CHARS) return
  if (isText(node)) {
    const data = node.data.slice(0, CELL_RAW_CHARS - out.chars + 1)
    out.lines[out.lines.length - 1] += data
    out.chars += data.length
    return
  }
  if (!isTag(node)) return
  const tag = node.name.toLowerCase()
  if (DROPPED_TAGS.has(tag)) return
  if (tag === 'br') {
    out.lines.push('')
    out.chars += 1
    return
  }
  const block = BLOCK_TAGS.has(tag) || tag === 'table'
  if (block) out.lines.push('')
  node.children.forEach((child) => collectLines(child, out, depth + 1))
  if (block) out.lines.push('')
}

function cellText(cell: Element): string {
  const out: CellLines = { lines: [''], chars: 0 }
  cell.children.forEach((child) => collectLines(child, out, 0))
  return joinLines(out.lines)
}

/** A table whose cells hold tables is page layout, not data. */
function isLayoutTable(table: Element, sizes: Map<AnyNode, TextMeasure>): boolean {
  return rowsOf(table).some((row) => cellsOf(row).some((cell) => (sizes.get(cell)?.tables ?? 0) > 0))
}

class BlockWriter {
  readonly budget = new BlockBudget()
  private line = ''

  get full(): boolean {
    return this.budget.full
  }

  text(data: string): void {
    // Raw text past what the budget can still take is never kept (a 20 MB text node).
    const room = this.budget.remainingChars * 2 + 1000 - this.line.length
    if (room > 0) this.line += data.length > room ? data.slice(0, room) : data
  }

  /** Ends the current paragraph: a block element or <br> closed it. */
  flush(): void {
    const text = cleanInline(this.line)
    if (text) this.budget.paragraph(text)
    this.line = ''
  }

  table(rows: BlockCell[][]): void {
    this.flush()
    if (rows.some((row) => row.some((cell) => cell.text))) this.budget.table(rows)
  }
}

function walk(node: AnyNode, out: BlockWriter, sizes: Map<AnyNode, TextMeasure>, depth: number): void {
  if (depth > MAX_DEPTH || out.full) return
  if (isText(node)) {
    out.text(node.data)
    return
  }
  if (!isTag(node)) return
  const tag = node.name.toLowerCase()
  if (DROPPED_TAGS.has(tag)) return
  if (tag === 'br') {
    out.flush()
    return
  }
  if (tag === 'table' && !isLayoutTable(node, sizes)) {
    out.table(
      rowsOf(node)
        .map((row) =>
          cellsOf(row).map((cell) => ({
            text: cellText(cell),
            rowSpan: span(cell.attribs.rowspan),
            colSpan: span(cell.attribs.colspan)
          }))
        )
        .filter((row) => row.length > 0)
    )
    return
  }
  const block = BLOCK_TAGS.has(tag) || tag === 'table'
  if (block) out.flush()
  node.children.forEach((child) => walk(child, out, sizes, depth + 1))
  if (block) out.flush()
}

export interface HtmlBlocksOptions {
  /** Drop site chrome (saved web pages). HTML rendered from a document (mammoth's, in the tests) has none. */
  dropChrome: boolean
}

export interface HtmlBlocks {
  blocks: Block[]
  /** <script> elements in the page, before anything was dropped: the mark of a script-loaded shell. */
  scripts: number
  /** Limits the page hit (parsing stopped, text or tables cut), in Chinese. */
  warnings: string[]
}

/** A DOM handler that reports every element opened and closed to the guard. */
class GuardedDomHandler extends DomHandler {
  constructor(private readonly guard: MarkupGuard) {
    super()
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.guard.open()
    super.onopentag(name, attribs)
  }

  override onclosetag(): void {
    this.guard.close()
    super.onclosetag()
  }
}

/** The page's DOM, parsed within MARKUP_LIMITS. */
function parseBounded(html: string): { document: ParentNode; guard: MarkupGuard } {
  const guard = new MarkupGuard()
  const handler = new GuardedDomHandler(guard)
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  feedBounded(parser, html, () => guard.stopped !== undefined)
  return { document: handler.root, guard }
}

export function htmlToBlocks(html: string, options: HtmlBlocksOptions): HtmlBlocks {
  const { document, guard } = parseBounded(html)
  let scripts = 0
  const countScripts = (node: AnyNode, depth: number) => {
    if (!isTag(node) || depth > MAX_DEPTH) return
    if (node.name === 'script') scripts += 1
    node.children.forEach((child) => countScripts(child, depth + 1))
  }
  document.children.forEach((child) => countScripts(child, 0))
  const sizes = measure(document)
  // <head> (and its <title>) is dropped with the other non-content tags.
  if (options.dropChrome) {
    const bodyHan = document.children.reduce((sum, node) => sum + (sizes.get(node)?.han ?? 0), 0)
    dropChrome(document, sizes, bodyHan, 0)
  }
  const out = new BlockWriter()
  document.children.forEach((node) => walk(node, out, sizes, 0))
  out.flush()
  return { blocks: out.budget.blocks, scripts, warnings: [...guard.warnings(), ...out.budget.warnings()] }
}
