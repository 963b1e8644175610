/**
 * The report as a .docx in GB/T 9704 layout: title, the six sections with their text and tables,
 * page numbers “— N —” on the outer side, and optionally the 落款. A report still holding the app's
 * marks (gate.ts) is refused unless exported as a draft: 草稿 in the header of every page and each
 * mark highlighted.
 *
 * Runs in Node and in the renderer: no fs, and the package is produced as an ArrayBuffer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HighlightColor,
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
  FONT_TABLES,
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
  fontFace,
  titleBold,
  type FontChoice,
  type FontTable
} from './gbt9704'
import { assertNoMarks, describeMarkKinds, findAppMarks, reportMarks } from './gate'
import { reportPrint, withGiven, type PrintOptions } from './print'
import { formatDate } from '../text/chinese'
import { signatureIndents, splitLevel2, splitLevel3, titleLines } from './text'

/**
 * The print options (print.ts), each defaulting to the report's own and then the national default:
 * blank cells as 0 or empty, 三级标题 bold, the 落款 with its date style and place. The app and the
 * CLI resolve them with 设置 first (`reportPrint(report, settings)`) and pass them all.
 */
export interface DocxOptions extends Partial<PrintOptions> {
  /**
   * A draft for review: allowed with the app's marks left in, each highlighted, and 草稿 in the
   * header of every page. Without it, a report with marks is refused (MarksRemainError).
   */
  draft?: boolean
  /** Name the official fonts (default) or the common substitutes every Windows PC has. */
  fonts?: FontChoice
}

/** What one export is built with, resolved once. */
interface Build {
  report: Report
  fonts: FontTable
  print: PrintOptions
  draft: boolean
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

function title({ report, fonts }: Build): Paragraph {
  const lines = titleLines(report.unit.name, report.year)
  const bold = titleBold(fonts)
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    children: lines.map(
      (text, i) =>
        new TextRun({ text, font: fontFace(fonts.title), size: SIZE.erhao, ...(bold ? { bold } : {}), ...(i > 0 ? { break: 1 } : {}) })
    )
  })
}

/** Level 1 (一、…) in 黑体; kept with what follows so a heading never ends a page. */
function heading1(text: string, fonts: FontTable): Paragraph {
  return bodyParagraph([new TextRun({ text, font: fontFace(fonts.heading1) })], { keepNext: true, outlineLevel: 0 })
}

/** Runs of a piece of text; in a draft each app mark is its own run, highlighted. */
function textRuns(text: string, build: Build, style: { font?: string; bold?: boolean } = {}): TextRun[] {
  const face = { ...(style.font === undefined ? {} : { font: fontFace(style.font) }), ...(style.bold ? { bold: true } : {}) }
  const marks = build.draft ? findAppMarks(text) : []
  if (marks.length === 0) return [new TextRun({ text, ...face })]
  const out: TextRun[] = []
  let at = 0
  for (const mark of marks) {
    if (mark.start > at) out.push(new TextRun({ text: text.slice(at, mark.start), ...face }))
    out.push(new TextRun({ text: mark.text, ...face, highlight: HighlightColor.YELLOW }))
    at = mark.end
  }
  if (at < text.length) out.push(new TextRun({ text: text.slice(at), ...face }))
  return out
}

/**
 * A paragraph of section text: （一）… opens with a 楷体 heading; 1. … with a 仿宋 one, in bold when
 * the print options say so; everything else is 仿宋 body.
 */
function textParagraph(text: string, build: Build): Paragraph {
  const level2 = splitLevel2(text)
  if (level2) return headingParagraph(level2.heading, level2.rest, build, { font: build.fonts.heading2 }, 1)
  const level3 = build.print.level3Bold ? splitLevel3(text) : undefined
  if (level3) return headingParagraph(level3.heading, level3.rest, build, { bold: true }, 2)
  return bodyParagraph(textRuns(text, build))
}

function headingParagraph(heading: string, rest: string, build: Build, style: { font?: string; bold?: boolean }, outlineLevel: number): Paragraph {
  const children = textRuns(heading, build, style)
  if (rest) children.push(...textRuns(rest, build))
  // A heading on its own line stays with the paragraph after it and shows in Word's navigation
  // pane; a run-in heading is part of an ordinary paragraph.
  return bodyParagraph(children, rest ? {} : { keepNext: true, outlineLevel })
}

function section(build: Build, def: SectionDef): FileChild[] {
  const { report } = build
  const out: FileChild[] = [
    heading1(def.heading, build.fonts),
    ...paragraphs(report.sections[def.id]).map((text) => textParagraph(text, build))
  ]
  if (def.table) out.push(buildTable(tableById(def.table), report, build.print.blankCells, build.fonts))
  return out
}

/**
 * 落款 without a seal (7.3.5.1): one blank line, the unit name, then the date if known, placed as
 * the standard says or flush right, the date in Arabic or Chinese numerals.
 */
function signature({ report, print }: Build): Paragraph[] {
  const date = report.document.publishedOn ? formatDate(report.document.publishedOn, print.dateStyle) : undefined
  const indents = signatureIndents(report.unit.name, date, print.signatureAlign)
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

/** What a draft says at the top of every page. */
export const DRAFT_HEADER = '草稿'

/**
 * A draft's header: 草稿 and why, in red, on every page. Not part of GB/T 9704 (a published document
 * has no header); it is there so that nobody takes the draft for the document.
 */
function draftHeader({ report, fonts }: Build): Header {
  const marks = reportMarks(report)
  const why = marks.length > 0 ? `（尚有${describeMarkKinds(marks)}，不得公开发布）` : '（不得公开发布）'
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: DRAFT_HEADER, font: fontFace(fonts.heading1), size: SIZE.sanhao, bold: true, color: 'C00000' }),
          new TextRun({ text: why, font: fontFace(fonts.song), size: SIZE.wuhao, color: 'C00000' })
        ]
      })
    ]
  })
}

/** “— N —”, 四号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even', fonts: FontTable): Footer {
  const indent = PAGE_NUMBER_INDENT_CHARS * charWidth(SIZE.sihao)
  // “4号半角宋体阿拉伯数字”: the digits in 宋体 too.
  const font = fontFace(fonts.song, fonts.song)
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

/** The document; throws MarksRemainError when the report holds app marks and this is not a draft. */
export function buildDocument(report: Report, options: DocxOptions = {}): Document {
  const draft = options.draft ?? false
  if (!draft) assertNoMarks(report)
  const build: Build = {
    report,
    draft,
    fonts: FONT_TABLES[options.fonts ?? 'official'],
    print: withGiven(reportPrint(report), options)
  }
  const children: FileChild[] = [
    title(build),
    blankLine(),
    ...SECTIONS.flatMap((def) => section(build, def)),
    ...(build.print.signature ? signature(build) : [])
  ]
  const headers = draft ? { headers: { default: draftHeader(build), even: draftHeader(build) } } : {}
  return new Document({
    title: titleLines(report.unit.name, report.year).join(''),
    creator: report.unit.name,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // The body face for every run that does not name its own: 三号 仿宋_GB2312 + Times New Roman.
        document: { run: { font: fontFace(build.fonts.body), size: SIZE.sanhao } }
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
        ...headers,
        footers: { default: pageNumberFooter('odd', build.fonts), even: pageNumberFooter('even', build.fonts) },
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
