/**
 * The report as a .docx in GB/T 9704 layout: title, the six sections with their text and tables,
 * page numbers “— N —” on the outer side, and optionally the 落款.
 *
 * Runs in Node and in the renderer: no fs, and the package is produced as an ArrayBuffer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphOptions
} from 'docx'
import type { Report } from '../report/report'
import { SECTIONS, paragraphs, type SectionDef } from '../report/sections'
import { tableById } from '../report/tables'
import { buildTable } from './docxTables'
import {
  FIRST_LINE_CHARS,
  FONT,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_NUMBER_INDENT_CHARS,
  PAGE_NUMBER_PREFIX,
  PAGE_NUMBER_SUFFIX,
  PAGE_WIDTH,
  SIZE,
  charWidth,
  fontFace
} from './gbt9704'
import { chineseDate, signatureIndents, splitLevel2, titleLines } from './text'
import type { BlankCells } from './values'

export interface DocxOptions {
  /** Print blank cells as 0 (default from the report's settings) or leave them empty. */
  blankCells?: BlankCells
  /** Append the unit name and date (落款). */
  signature?: boolean
}

/** Every body line sits on the 28 pt grid. */
const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }

/**
 * Two characters in. Word reads the character count (right for any font size); LibreOffice 7
 * ignores it and reads the twips.
 */
const FIRST_LINE = {
  firstLineChars: FIRST_LINE_CHARS * 100,
  firstLine: FIRST_LINE_CHARS * charWidth(SIZE.sanhao)
}

/** A body paragraph: two characters in, exact line pitch; the font comes from the default style. */
function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    spacing: EXACT_LINE,
    indent: FIRST_LINE,
    ...extra,
    children
  })
}

function blankLine(): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, children: [] })
}

function title(report: Report): Paragraph {
  const lines = titleLines(report.unit.name, report.year)
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    children: lines.map(
      (text, i) =>
        new TextRun({ text, font: fontFace(FONT.title), size: SIZE.erhao, ...(i > 0 ? { break: 1 } : {}) })
    )
  })
}

/** Level 1 (一、…) in 黑体; kept with what follows so a heading never ends a page. */
function heading1(text: string): Paragraph {
  return bodyParagraph([new TextRun({ text, font: fontFace(FONT.heading1) })], { keepNext: true, outlineLevel: 0 })
}

/** A paragraph of section text: （一）… opens with a 楷体 heading; everything else is 仿宋 body. */
function textParagraph(text: string): Paragraph {
  const level2 = splitLevel2(text)
  if (!level2) return bodyParagraph([new TextRun(text)])
  const children = [new TextRun({ text: level2.heading, font: fontFace(FONT.heading2) })]
  if (level2.rest) children.push(new TextRun(level2.rest))
  // A heading on its own line stays with the paragraph after it and shows in Word's navigation
  // pane; a run-in heading is part of an ordinary paragraph.
  return bodyParagraph(children, level2.rest ? {} : { keepNext: true, outlineLevel: 1 })
}

function section(report: Report, def: SectionDef, blankCells: BlankCells): FileChild[] {
  const out: FileChild[] = [heading1(def.heading), ...paragraphs(report.sections[def.id]).map(textParagraph)]
  if (def.table) out.push(buildTable(tableById(def.table), report, blankCells))
  return out
}

/** 落款 without a seal (7.3.5.1): one blank line, the unit name, then the date if known. */
function signature(report: Report): Paragraph[] {
  const date = report.document.publishedOn ? chineseDate(report.document.publishedOn) : undefined
  const indents = signatureIndents(report.unit.name, date)
  const line = (text: string, right: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: EXACT_LINE,
      indent: { right },
      children: [new TextRun(text)]
    })
  const out = [blankLine(), line(report.unit.name, indents.name)]
  if (date) out.push(line(date, indents.date))
  return out
}

/** “— N —”, 四号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = PAGE_NUMBER_INDENT_CHARS * charWidth(SIZE.sihao)
  // “4号半角宋体阿拉伯数字”: the digits in 宋体 too.
  const font = fontFace(FONT.song, FONT.song)
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        children: [
          new TextRun({
            font,
            size: SIZE.sihao,
            children: [PAGE_NUMBER_PREFIX, PageNumber.CURRENT, PAGE_NUMBER_SUFFIX]
          })
        ]
      })
    ]
  })
}

export function buildDocument(report: Report, options: DocxOptions = {}): Document {
  const blankCells = options.blankCells ?? report.settings.blankCells
  const withSignature = options.signature ?? report.settings.signature
  const children: FileChild[] = [
    title(report),
    blankLine(),
    ...SECTIONS.flatMap((def) => section(report, def, blankCells)),
    ...(withSignature ? signature(report) : [])
  ]
  return new Document({
    title: titleLines(report.unit.name, report.year).join(''),
    creator: report.unit.name,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // The body face for every run that does not name its own: 三号 仿宋_GB2312 + Times New Roman.
        document: { run: { font: fontFace(FONT.body), size: SIZE.sanhao } }
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE
            }
          },
          // The pitch for Word's page setup, but no snapping grid: LibreOffice would then stretch
          // every table line to 28 pt. The 22 lines come from each paragraph's exact pitch.
          grid: { linePitch: LINE_PITCH }
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children
      }
    ]
  })
}

/** The .docx file's bytes. */
export async function buildDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  // toArrayBuffer works without Node's Buffer, so the renderer can call this too.
  return new Uint8Array(await Packer.toArrayBuffer(buildDocument(report, options)))
}
