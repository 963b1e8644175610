/**
 * WordprocessingML (word/document.xml) → blocks, in one streaming pass of htmlparser2 in xmlMode.
 *
 * It gives the blocks mammoth's HTML read by htmlBlocks gave (the tests keep mammoth as the
 * oracle), without rendering HTML and parsing it again:
 * - a paragraph (w:p) is the text of its runs (w:t), split into paragraphs at line breaks (w:br,
 *   w:cr); page and column breaks are dropped, w:tab is a space, w:noBreakHyphen is “‑”, w:sym is
 *   read when it names a plain Unicode character; soft hyphens are dropped;
 * - tracked changes as accepted: w:ins and w:moveTo kept, w:del and w:moveFrom skipped, a deleted
 *   paragraph mark joins the paragraph to the next one, a deleted table row is skipped;
 * - fields show their result (after w:fldChar separate), never the instruction; w:sdt, w:smartTag,
 *   w:customXml and w:hyperlink show their content; check boxes carry no text;
 * - mc:AlternateContent is read through its mc:Fallback, as mammoth does; text boxes (w:txbxContent)
 *   become paragraphs after the paragraph that anchors them;
 * - tables keep the anchor convention: w:gridSpan → colSpan, w:vMerge restart/continue → rowSpan on
 *   the anchor and covered cells omitted; w:gridBefore positions are an empty cell so later cells
 *   keep their columns; a cell's paragraphs are joined as lines (joinLines); a table whose cells
 *   hold tables is layout: its cells are read as flowing content and only the innermost tables
 *   become table blocks;
 * - headers, footers, footnotes, endnotes and comments live in other parts and are not read, nor
 *   are the note marks in the text (mammoth wrote “[1]” there and the notes at the end);
 * - elements are known by namespace: a document whose namespaces are bound to other prefixes than
 *   Word's (a default namespace, “ns0:”) reads the same.
 * Nesting deeper than MAX_DEPTH elements is not read (no real document comes near it); parsing
 * stops at MARKUP_LIMITS (markupGuard) or once far more text than recognition keeps was read, and
 * the blocks stay within recognition's caps (BlockBudget).
 */
import { Parser } from 'htmlparser2'
import { BlockBudget, TEXT_LIMITS } from '@core/import/limits'
import type { Block, BlockCell } from '@core/import/types'
import { feedBounded, MarkupGuard } from './markupGuard'
import { cleanInline, joinLines } from './text'

const MAX_DEPTH = 400
/** Same clip as htmlBlocks: a span past the table is clipped by the recogniser. */
const MAX_SPAN = 1000

interface Paragraph {
  kind: 'p'
  /** Lines of the paragraph: a line break starts a new one. */
  lines: string[]
}

interface Table {
  kind: 'table'
  rows: Row[]
}

type Item = Paragraph | Table

interface Row {
  cells: Cell[]
  /** Grid columns skipped before the first cell (w:gridBefore). */
  gridBefore: number
  deleted: boolean
}

interface Cell {
  items: Item[]
  colSpan: number
  /** w:vMerge continue: covered by the cell above in the same grid column. */
  continued: boolean
}

interface OpenParagraph extends Paragraph {
  /** Paragraph mark deleted (tracked change): the text runs on into the next paragraph. */
  markDeleted: boolean
  /** Text boxes anchored in this paragraph: they follow it. */
  after: Item[]
}

/** Elements whose whole content is skipped. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:delInstrText',
  'w:instrText',
  'mc:Choice',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:rPr',
  'w:pPrChange',
  'w:rPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:tblGridChange',
  'w:numberingChange'
])

/** The prefixes this reader matches by name, with their namespaces (transitional and strict). */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14'
}

/**
 * Which of the namespaces above each prefix stands for, in an element's scope ('' is the default
 * namespace): documents rewritten by other tools bind them to other prefixes (“ns0:p”, or a default
 * namespace and bare “p”), so names are read by namespace, as the prefixes Word uses. `plain` when
 * every prefix in scope is Word's own: names are then used as they are.
 */
interface Scope {
  prefixes: ReadonlyMap<string, string | undefined>
  plain: boolean
}

const WORD_SCOPE: Scope = { prefixes: new Map(), plain: true }
const WORD_PREFIXES = new Set(Object.values(PREFIXES))

/** The scope inside an element: its parent's, with the element's own xmlns declarations. */
function declare(scope: Scope, attribs: Record<string, string>): Scope {
  let prefixes: Map<string, string | undefined> | undefined
  for (const [name, value] of Object.entries(attribs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue
    prefixes ??= new Map(scope.prefixes)
    prefixes.set(name === 'xmlns' ? '' : name.slice(6), PREFIXES[value])
  }
  if (!prefixes) return scope
  // Plain: no default namespace of ours, each of ours under its Word prefix, no Word prefix bound elsewhere.
  const plain = [...prefixes].every(([prefix, known]) =>
    prefix === '' ? known === undefined : known === prefix || (known === undefined && !WORD_PREFIXES.has(prefix))
  )
  return { prefixes, plain }
}

/**
 * An element or attribute name as Word writes it. A name in a namespace this reader does not know
 * gets a prefix no rule matches; an undeclared prefix is taken as written.
 */
function wordName(name: string, scope: Scope, element: boolean): string {
  const colon = name.indexOf(':')
  // A bare attribute name is in no namespace, whatever the default is.
  if (colon < 0 && !element) return name
  const prefix = colon < 0 ? '' : name.slice(0, colon)
  if (!scope.prefixes.has(prefix)) return name
  const known = scope.prefixes.get(prefix)
  return known === undefined ? `?${name}` : `${known}:${name.slice(colon + 1)}`
}

function wordAttributes(attribs: Record<string, string>, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(attribs)) out[wordName(name, scope, false)] = value
  return out
}

/** Fonts whose w:sym characters are pictures (check boxes, arrows), not text. */
const SYMBOL_FONTS = /symbol|wingdings|webdings|dingbat/i

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : fallback
}

function symbolText(attribs: Record<string, string>): string {
  const code = Number.parseInt(attribs['w:char'] ?? '', 16)
  if (!Number.isFinite(code) || code < 0x20) return ''
  // F000–F0FF is the private-use echo of a symbol font's byte; only a real Unicode character is text.
  if (code >= 0xe000 && code <= 0xf8ff) return ''
  if (SYMBOL_FONTS.test(attribs['w:font'] ?? '')) return ''
  return String.fromCodePoint(code)
}

/** Raw text read before parsing stops: twice what recognition keeps (markup-free text shrinks little). */
const MAX_RAW_TEXT = TEXT_LIMITS.maxTextChars * 2

/** Parses document.xml into items: paragraphs and tables, tables as a tree of rows and cells. */
function parseItems(xml: string, guard: MarkupGuard): Item[] {
  const body: Item[] = []
  let textChars = 0
  /** Where finished paragraphs and tables go: the body, a table cell, or a text box. */
  const containers: Item[][] = [body]
  const paragraphs: OpenParagraph[] = []
  const tables: Table[] = []
  /** Open element names (as Word writes them), for properties read by their parent (w:tcPr/w:gridSpan…). */
  const names: string[] = []
  /** The namespace scope of each open element. */
  const scopes: Scope[] = [WORD_SCOPE]
  /** Depth inside a skipped element (0: not skipping). */
  let skip = 0
  let inText = 0
  /** Complex fields open: true while in the instruction part (before w:fldChar separate). */
  const fields: boolean[] = []
  let instruction = 0
  /** Lines of a paragraph whose mark was deleted: they start the next paragraph. */
  let carried: string[] | undefined
  /** Depth of check-box content controls: their one character is a box, not text. */
  let checkbox = 0
  const sdtCheckbox: boolean[] = []

  const append = (text: string) => {
    const paragraph = paragraphs.at(-1)
    if (!paragraph || instruction > 0 || checkbox > 0) return
    paragraph.lines[paragraph.lines.length - 1] += text
    textChars += text.length
  }
  const lineBreak = () => {
    const paragraph = paragraphs.at(-1)
    if (paragraph && instruction === 0 && checkbox === 0) paragraph.lines.push('')
  }

  const parser = new Parser(
    {
      onopentag(rawName, rawAttribs) {
        guard.open()
        const parent = names.at(-1)
        const scope = declare(scopes.at(-1)!, rawAttribs)
        scopes.push(scope)
        const name = scope.plain ? rawName : wordName(rawName, scope, true)
        const attribs = scope.plain ? rawAttribs : wordAttributes(rawAttribs, scope)
        names.push(name)
        if (skip > 0 || names.length > MAX_DEPTH) {
          skip += 1
          return
        }
        if (name === 'w:del') {
          // A deleted paragraph mark or table row (in properties), else deleted content.
          if (parent === 'w:rPr' && names.at(-3) === 'w:pPr') {
            const paragraph = paragraphs.at(-1)
            if (paragraph) paragraph.markDeleted = true
          } else if (parent === 'w:trPr') {
            const row = tables.at(-1)?.rows.at(-1)
            if (row) row.deleted = true
          }
          skip = 1
          return
        }
        if (name === 'w:rPr' && parent === 'w:pPr') return
        if (SKIPPED.has(name)) {
          skip = 1
          return
        }
        switch (name) {
          case 'w:t':
            inText += 1
            return
          case 'w:tab':
          case 'w:ptab':
            // w:tab in w:pPr/w:tabs is a tab stop, not a character.
            if (parent !== 'w:tabs') append('\t')
            return
          case 'w:br': {
            const type = attribs['w:type']
            if (!type || type === 'textWrapping') lineBreak()
            return
          }
          case 'w:cr':
            lineBreak()
            return
          case 'w:noBreakHyphen':
            append('\u2011')
            return
          case 'w:sym':
            append(symbolText(attribs))
            return
          case 'w:fldChar': {
            const type = attribs['w:fldCharType']
            if (type === 'begin') {
              fields.push(true)
              instruction += 1
            } else if (type === 'separate') {
              if (fields.at(-1) === true) {
                fields[fields.length - 1] = false
                instruction -= 1
              }
            } else if (type === 'end' && fields.length > 0) {
              if (fields.pop() === true) instruction -= 1
            }
            return
          }
          case 'w:p':
            paragraphs.push({ kind: 'p', lines: carried ?? [''], markDeleted: false, after: [] })
            carried = undefined
            return
          case 'w:tbl':
            tables.push({ kind: 'table', rows: [] })
            return
          case 'w:tr':
            tables.at(-1)?.rows.push({ cells: [], gridBefore: 0, deleted: false })
            return
          case 'w:tc': {
            const cell: Cell = { items: [], colSpan: 1, continued: false }
            tables.at(-1)?.rows.at(-1)?.cells.push(cell)
            containers.push(cell.items)
            return
          }
          case 'w:gridSpan':
            if (parent === 'w:tcPr') {
              const cell = tables.at(-1)?.rows.at(-1)?.cells.at(-1)
              if (cell) cell.colSpan = positiveInt(attribs['w:val'], 1)
            }
            return
          case 'w:vMerge':
            if (parent === 'w:tcPr') {
              const cell = tables.at(-1)?.rows.at(-1)?.cells.at(-1)
              const value = attribs['w:val']
              if (cell) cell.continued = !value || value === 'continue'
            }
            return
          case 'w:gridBefore':
            if (parent === 'w:trPr') {
              const row = tables.at(-1)?.rows.at(-1)
              if (row) row.gridBefore = positiveInt(attribs['w:val'], 0)
            }
            return
          case 'w:txbxContent':
            containers.push([])
            return
          case 'w:sdt':
            sdtCheckbox.push(false)
            return
          case 'w14:checkbox':
            if (parent === 'w:sdtPr' && sdtCheckbox.length > 0) sdtCheckbox[sdtCheckbox.length - 1] = true
            return
          case 'w:sdtContent':
            if (sdtCheckbox.at(-1)) checkbox += 1
            return
          default:
            return
        }
      },
      ontext(data) {
        if (inText > 0 && skip === 0) append(data)
      },
      onclosetag() {
        guard.close()
        scopes.pop()
        const name = names.pop()
        if (skip > 0) {
          skip -= 1
          return
        }
        switch (name) {
          case 'w:t':
            inText -= 1
            return
          case 'w:p': {
            const paragraph = paragraphs.pop()
            if (!paragraph) return
            if (paragraph.markDeleted) {
              carried = paragraph.lines
            } else {
              containers.at(-1)!.push({ kind: 'p', lines: paragraph.lines })
            }
            containers.at(-1)!.push(...paragraph.after)
            return
          }
          case 'w:tc':
            if (containers.length > 1) containers.pop()
            return
          case 'w:tbl': {
            const table = tables.pop()
            if (table) containers.at(-1)!.push(table)
            return
          }
          case 'w:txbxContent': {
            if (containers.length <= 1) return
            const items = containers.pop()!
            const host = paragraphs.at(-1)
            if (host) host.after.push(...items)
            else containers.at(-1)!.push(...items)
            return
          }
          case 'w:sdtContent':
            if (sdtCheckbox.at(-1) && checkbox > 0) checkbox -= 1
            return
          case 'w:sdt':
            sdtCheckbox.pop()
            return
          default:
            return
        }
      }
    },
    { xmlMode: true, decodeEntities: true }
  )
  feedBounded(parser, xml, () => guard.stopped !== undefined || textChars > MAX_RAW_TEXT)
  if (carried) body.push({ kind: 'p', lines: carried })
  return body
}

interface VisibleCell {
  cell: Cell | undefined
  rowSpan: number
  colSpan: number
}

/**
 * The cells of each row as printed: vertically merged cells become one anchor with its rowSpan and
 * the positions it covers are omitted. Columns are grid columns, gridBefore counted.
 */
function visibleRows(table: Table): VisibleCell[][] {
  const rows = table.rows.filter((row) => !row.deleted)
  const anchors = new Map<number, VisibleCell>()
  return rows.map((row) => {
    const out: VisibleCell[] = []
    let column = row.gridBefore
    for (const cell of row.cells) {
      const above = anchors.get(column)
      if (cell.continued && above) {
        above.rowSpan += 1
      } else {
        const visible: VisibleCell = { cell, rowSpan: 1, colSpan: cell.colSpan }
        anchors.set(column, visible)
        out.push(visible)
      }
      column += cell.colSpan
    }
    // Skipped leading grid positions: an empty cell keeps the later cells in their columns.
    if (row.gridBefore > 0 && out.length > 0) out.unshift({ cell: undefined, rowSpan: 1, colSpan: row.gridBefore })
    return out
  })
}

/** A data cell's lines: its paragraphs split at line breaks (a data cell holds no tables). */
function cellLines(items: readonly Item[]): string[] {
  return items.flatMap((item) => (item.kind === 'p' ? item.lines : []))
}

function emit(items: readonly Item[], blocks: BlockBudget, depth: number): void {
  if (depth > MAX_DEPTH) return
  for (const item of items) {
    if (blocks.full) return
    if (item.kind === 'p') {
      for (const line of item.lines) {
        const text = cleanInline(line)
        if (text) blocks.paragraph(text)
      }
      continue
    }
    // Rows past what a table keeps are never built (the budget still sees the table was cut).
    const rows = visibleRows({ ...item, rows: item.rows.slice(0, TEXT_LIMITS.maxTableRows + 1) })
    const layout = rows.some((row) => row.some((v) => v.cell?.items.some((i) => i.kind === 'table')))
    if (layout) {
      for (const row of rows) for (const v of row) if (v.cell) emit(v.cell.items, blocks, depth + 1)
      continue
    }
    const cells: BlockCell[][] = rows
      .map((row) =>
        row.map((v) => ({ text: v.cell ? joinLines(cellLines(v.cell.items)) : '', rowSpan: v.rowSpan, colSpan: v.colSpan }))
      )
      .filter((row) => row.length > 0)
    if (cells.some((row) => row.some((cell) => cell.text))) blocks.table(cells)
  }
}

/** The blocks of a .docx's main part (word/document.xml as text), and the limits it hit. */
export function readDocumentXml(xml: string): { blocks: Block[]; warnings: string[] } {
  const guard = new MarkupGuard('xml')
  const budget = new BlockBudget()
  emit(parseItems(xml, guard), budget, 0)
  return { blocks: budget.blocks, warnings: [...guard.warnings(), ...budget.warnings()] }
}

export function documentXmlToBlocks(xml: string): Block[] {
  return readDocumentXml(xml).blocks
}

/** document.xml bytes → text: UTF-8 unless a UTF-16 byte order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}
