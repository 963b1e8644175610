/**
 * The generated .docx shown as its printed pages. docx-preview renders the document itself (its
 * styles, paragraphs, tables, header and footers) but not page breaks, so the flow it renders is
 * measured here, in the browser's own layout, and laid into A4 pages by paginate.ts with the
 * pagination properties the .docx carries (keep-with-next, cantSplit, repeated header rows).
 * A paragraph broken across pages is shown clipped on each page at its line boundary (every body
 * line has the same exact pitch). Page numbers are the footer's PAGE field, filled in per page.
 */
import { renderAsync } from 'docx-preview'
import JSZip from 'jszip'
import { paginate, type Block, type Page } from './paginate'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** Put in the preview's copy where the footer's PAGE field is, and replaced by each page's number. */
export const PAGE_PLACEHOLDER = '\u2063PAGE\u2063'
const CLASS = 'docx'

interface RowFlow {
  header: boolean
  keepNext: boolean
}

type FlowBlock = { kind: 'paragraph'; keepNext: boolean; widowControl: boolean } | { kind: 'table'; rows: RowFlow[] }

const onOff = (element: Element | undefined | null): boolean => {
  if (!element) return false
  const value = element.getAttributeNS(W, 'val') ?? element.getAttribute('w:val')
  return value === null || !['0', 'false', 'off'].includes(value)
}

const child = (parent: Element | null | undefined, name: string): Element | undefined =>
  parent ? Array.from(parent.children).find((c) => c.localName === name) : undefined

/** The pagination properties of the body's blocks, in order, from word/document.xml. */
export function readFlow(documentXml: string): FlowBlock[] {
  const doc = new DOMParser().parseFromString(documentXml, 'application/xml')
  const body = doc.getElementsByTagNameNS(W, 'body')[0]
  if (!body) return []
  const out: FlowBlock[] = []
  for (const element of Array.from(body.children)) {
    if (element.localName === 'p') {
      const props = child(element, 'pPr')
      out.push({ kind: 'paragraph', keepNext: onOff(child(props, 'keepNext')), widowControl: onOff(child(props, 'widowControl')) })
    } else if (element.localName === 'tbl') {
      const rows = Array.from(element.children).filter((c) => c.localName === 'tr')
      out.push({
        kind: 'table',
        rows: rows.map((row) => {
          const paragraphs = Array.from(row.getElementsByTagNameNS(W, 'p'))
          return {
            header: onOff(child(child(row, 'trPr'), 'tblHeader')),
            keepNext: paragraphs.length > 0 && paragraphs.every((p) => onOff(child(child(p, 'pPr'), 'keepNext')))
          }
        })
      })
    }
  }
  return out
}

/**
 * The copy docx-preview renders: the PAGE field as a placeholder text it will show, and one page
 * break at the very end, so that it renders a second page with the even-page footer (and header)
 * the laid-out pages need. The document's own content is untouched.
 */
export async function previewCopy(bytes: Uint8Array): Promise<{ bytes: Uint8Array; flow: FlowBlock[] }> {
  const zip = await JSZip.loadAsync(bytes)
  const documentFile = zip.file('word/document.xml')
  if (!documentFile) throw new Error('不是有效的 Word 文档：缺少正文')
  const documentXml = await documentFile.async('string')
  const flow = readFlow(documentXml)
  const lastSection = documentXml.lastIndexOf('<w:sectPr')
  const breakParagraph = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
  zip.file('word/document.xml', `${documentXml.slice(0, lastSection)}${breakParagraph}${documentXml.slice(lastSection)}`)
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(footer|header)\d*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    zip.file(
      name,
      xml
        .replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/g, `<w:t>${PAGE_PLACEHOLDER}</w:t>`)
        .replace(/<w:fldChar [^>]*\/>/g, '')
    )
  }
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), flow }
}

export interface LaidOut {
  pages: number
  /** Blocks rendered but not matched to the .docx's own (should be 0; shown as plain paragraphs). */
  unmatched: number
}

/**
 * Closing punctuation a line may end with beyond the margin. Word and LibreOffice let it hang
 * (the .docx's overflowPunct default); Chromium has no hanging punctuation and instead carries
 * the last character over with it, so its lines would run longer than the printed ones.
 */
const HANGING = new Set(Array.from('，。、；：？！）》」』】〕”’…,.;:?!)'))

interface CharBox {
  node: Text
  offset: number
  char: string
}

function characters(paragraph: HTMLElement): CharBox[] {
  const out: CharBox[] = []
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data
    for (let i = 0; i < text.length; i++) out.push({ node, offset: i, char: text[i]! })
  }
  return out
}

function charRect(range: Range, box: CharBox): DOMRect {
  range.setStart(box.node, box.offset)
  range.setEnd(box.node, box.offset + 1)
  return range.getBoundingClientRect()
}

/**
 * Lets closing punctuation hang at the end of a line as Word does: where Chromium carried a
 * character over only because the punctuation after it would not fit, the punctuation is given no
 * width (it still shows, past the margin), and the line is laid out again.
 */
function hangPunctuation(paragraph: HTMLElement): void {
  const range = document.createRange()
  const right = (): number => {
    const box = paragraph.getBoundingClientRect()
    const style = getComputedStyle(paragraph)
    return box.right - Number.parseFloat(style.paddingRight || '0')
  }
  for (let guard = 0; guard < 200; guard++) {
    const chars = characters(paragraph)
    if (chars.length < 3) return
    const limit = right() + 0.5
    let changed = false
    let previous = charRect(range, chars[0]!)
    for (let i = 1; i + 1 < chars.length; i++) {
      const rect = charRect(range, chars[i]!)
      const wrapped = rect.top > previous.top + previous.height / 2
      const punct = chars[i + 1]!
      const hung = punct.node.parentElement?.classList.contains('docx-hang') ?? false
      if (wrapped && !hung && HANGING.has(punct.char) && previous.right + rect.width <= limit) {
        const holder = document.createElement('span')
        holder.className = 'docx-hang'
        const width = charRect(range, punct).width
        holder.style.marginRight = `${-width}px`
        const after = punct.node.splitText(punct.offset)
        after.splitText(1)
        after.parentNode!.insertBefore(holder, after)
        holder.appendChild(after)
        changed = true
        break
      }
      previous = rect
    }
    if (!changed) return
  }
}

function measureBlocks(article: HTMLElement, flow: readonly FlowBlock[]): { blocks: Block[]; elements: HTMLElement[]; unmatched: number } {
  let elements = Array.from(article.children).filter((e): e is HTMLElement => e instanceof HTMLElement)
  // The paragraph holding the page break the preview copy added ends the first page's flow: not the document's.
  if (elements.length === flow.length + 1 && elements.at(-1)?.textContent === '') elements = elements.slice(0, -1)
  const blocks: Block[] = []
  let unmatched = 0
  elements.forEach((element, i) => {
    const described = flow[i]
    if (element.tagName === 'TABLE') {
      const rows = Array.from((element as HTMLTableElement).rows)
      const rowFlow = described?.kind === 'table' && described.rows.length === rows.length ? described.rows : undefined
      if (!rowFlow) unmatched++
      blocks.push({
        kind: 'table',
        rows: rows.map((row, r) => ({
          height: row.getBoundingClientRect().height,
          header: rowFlow?.[r]?.header ?? false,
          keepNext: rowFlow?.[r]?.keepNext ?? false
        }))
      })
      return
    }
    const style = getComputedStyle(element)
    const height = element.getBoundingClientRect().height
    const lineHeight = Number.parseFloat(style.lineHeight) || height
    if (described?.kind !== 'paragraph') unmatched++
    blocks.push({
      kind: 'paragraph',
      height,
      lineHeight,
      keepNext: described?.kind === 'paragraph' && described.keepNext,
      widowControl: described?.kind === 'paragraph' && described.widowControl
    })
  })
  return { blocks, elements, unmatched }
}

/** Grid positions of a rendered table's cells (docx-preview keeps merged-away cells, hidden). */
function cellColumns(table: HTMLTableElement): Map<HTMLTableCellElement, number> {
  const out = new Map<HTMLTableCellElement, number>()
  for (const row of Array.from(table.rows)) {
    let column = 0
    for (const cell of Array.from(row.cells)) {
      out.set(cell, column)
      column += cell.colSpan
    }
  }
  return out
}

/**
 * The rows of one page of a table, cloned, with vertical merges cut at the page's edges: an
 * anchor spans only the rows on its page, and a merge continued from the page before shows as an
 * empty cell (as Word draws it).
 */
function tableSlice(table: HTMLTableElement, rows: readonly number[]): HTMLTableElement {
  const clone = table.cloneNode(false) as HTMLTableElement
  for (const part of Array.from(table.children)) if (part.tagName === 'COLGROUP') clone.appendChild(part.cloneNode(true))
  const columns = cellColumns(table)
  const shown = new Set(rows)
  // Each grid column's covering anchor, by row: which anchor spans (row, column).
  const anchorOf = new Map<string, { row: number; span: number }>()
  Array.from(table.rows).forEach((row, r) => {
    for (const cell of Array.from(row.cells)) {
      if (cell.rowSpan > 1 && cell.style.display !== 'none') {
        const column = columns.get(cell)!
        for (let k = 0; k < cell.rowSpan; k++) anchorOf.set(`${r + k}:${column}`, { row: r, span: cell.rowSpan })
      }
    }
  })
  const body = document.createElement('tbody')
  clone.appendChild(body)
  rows.forEach((r, position) => {
    const source = table.rows[r]!
    const row = source.cloneNode(true) as HTMLTableRowElement
    Array.from(source.cells).forEach((cell, c) => {
      const copy = row.cells[c]!
      const column = columns.get(cell)!
      const anchor = anchorOf.get(`${r}:${column}`)
      if (!anchor) return
      // How many of the anchor's rows from here on are on this page, consecutively.
      let run = 0
      while (run < anchor.row + anchor.span - r && shown.has(r + run) && rows[position + run] === r + run) run++
      const startsHere = anchor.row === r || position === 0 || rows[position - 1] !== r - 1
      if (startsHere) {
        copy.style.display = ''
        copy.rowSpan = Math.max(1, run)
      } else {
        copy.style.display = 'none'
      }
    })
    body.appendChild(row)
  })
  return clone
}

function paragraphSlice(element: HTMLElement, fromLine: number, toLine: number, lines: number, lineHeight: number): HTMLElement {
  const copy = element.cloneNode(true) as HTMLElement
  if (fromLine === 0 && toLine === lines) return copy
  const clip = document.createElement('div')
  clip.className = 'docx-line-clip'
  clip.style.height = `${(toLine - fromLine) * lineHeight}px`
  clip.style.overflow = 'hidden'
  copy.style.marginTop = `${-fromLine * lineHeight}px`
  clip.appendChild(copy)
  return clip
}

function fillPageNumber(element: Element, page: number): void {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes(PAGE_PLACEHOLDER)) node.nodeValue = node.nodeValue.replaceAll(PAGE_PLACEHOLDER, String(page))
  }
}

/**
 * Renders the .docx into `host` as pages. `styleHost` receives docx-preview's style elements.
 * Measures in a hidden copy inside `host`, so `host` must be in the document and laid out.
 */
export async function layPages(docx: Uint8Array, host: HTMLElement, styleHost: HTMLElement): Promise<LaidOut> {
  const { bytes, flow } = await previewCopy(docx)
  host.replaceChildren()
  styleHost.replaceChildren()
  const measure = document.createElement('div')
  measure.className = 'docx-measure'
  measure.setAttribute('aria-hidden', 'true')
  Object.assign(measure.style, { position: 'absolute', left: '-100000px', top: '0', visibility: 'hidden' })
  host.appendChild(measure)
  await renderAsync(bytes, measure, styleHost, {
    className: CLASS,
    inWrapper: false,
    breakPages: true,
    ignoreLastRenderedPageBreak: true,
    ignoreWidth: false,
    ignoreHeight: false,
    ignoreFonts: true,
    renderHeaders: true,
    renderFooters: true,
    renderFootnotes: false,
    renderEndnotes: false,
    renderComments: false,
    renderChanges: false,
    useBase64URL: true,
    experimental: false
  })
  // Fonts decide line breaks: lay out once so the faces in use are requested, then wait for them.
  measure.getBoundingClientRect()
  await document.fonts?.ready
  const rendered = Array.from(measure.querySelectorAll<HTMLElement>(`section.${CLASS}`))
  const first = rendered[0]
  if (!first) throw new Error('文档内容为空')
  const odd = { header: first.querySelector(':scope > header'), footer: first.querySelector(':scope > footer') }
  const second = rendered[1]
  const even = second ? { header: second.querySelector(':scope > header'), footer: second.querySelector(':scope > footer') } : odd
  const article = first.querySelector<HTMLElement>(':scope > article')
  if (!article) throw new Error('文档内容为空')

  for (const paragraph of Array.from(article.querySelectorAll<HTMLElement>(':scope > p'))) hangPunctuation(paragraph)
  const style = getComputedStyle(first)
  const pageHeight = Number.parseFloat(style.minHeight)
  const contentHeight = pageHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom)
  const { blocks, elements, unmatched } = measureBlocks(article, flow)
  const pages: Page[] = paginate(blocks, contentHeight)

  const out = document.createDocumentFragment()
  pages.forEach((pieces, i) => {
    const number = i + 1
    const page = first.cloneNode(false) as HTMLElement
    page.style.height = `${pageHeight}px`
    page.style.minHeight = ''
    page.classList.add('docx-page')
    page.dataset.page = String(number)
    const parts = number % 2 === 1 ? odd : even
    if (parts.header) page.appendChild(parts.header.cloneNode(true))
    const body = article.cloneNode(false) as HTMLElement
    for (const piece of pieces) {
      const element = elements[piece.block]!
      const block = blocks[piece.block]!
      if (piece.kind === 'paragraph' && block.kind === 'paragraph') {
        body.appendChild(paragraphSlice(element, piece.fromLine, piece.toLine, piece.lines, block.lineHeight))
      } else if (piece.kind === 'table') {
        body.appendChild(tableSlice(element as HTMLTableElement, piece.rows))
      }
    }
    page.appendChild(body)
    if (parts.footer) {
      const footer = parts.footer.cloneNode(true) as HTMLElement
      fillPageNumber(footer, number)
      page.appendChild(footer)
    }
    out.appendChild(page)
  })
  measure.remove()
  host.appendChild(out)
  return { pages: pages.length, unmatched }
}
