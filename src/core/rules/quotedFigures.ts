/**
 * P5: figures quoted in the narrative must match the tables (“收到政府信息公开申请12件” against 表三).
 *
 * How a number is attributed: every “number + unit” in a text is a candidate. The words right before
 * it, back to the clause start or the previous figure (whichever is nearer), form its window. A
 * figure is named by the lead phrase that ends the window (“…其中予以公开5件”: the 5 belongs to
 * 予以公开, not to the 申请 of the previous figure). The checker stays silent when it is not sure:
 * a window that mentions two different figures (“行政复议、行政诉讼共1件”), a comparison
 * (“较上年增加3件”) or an approximation (“12件以上”) is not compared. Years (2024年), percentages and
 * document numbers (〔2024〕12号) never become candidates, as their units are not counting units.
 */
import { cellId, describeCell, type CellId } from '../report/cells'
import { SECTION_IDS, type SectionId } from '../report/sections'
import type { Finding, Rule } from './types'
import { allFilled, formatNumber, sameNumber, sectionLabel, spanStart, sumOf, type Values } from './format'
import { parseCount } from './numerals'
import { boundaryBefore, isStop, stops } from './textScan'

export interface QuotedFigure {
  id: string
  /** The words that end right before the number; tested against the end of the window. */
  lead: RegExp
  /** Any mention of this figure; a window mentioning another figure too is ambiguous. */
  mention: RegExp
  /** Counting units this figure is written with. */
  units: string
  /** The figure equals the sum of these cells. */
  cells: readonly CellId[]
  /** How the message names the cells (defaults to the single cell's official label). */
  label?: string
  /** Quotes that look like this figure but are something else (行政许可事项156项: items, not decisions). */
  reject?: RegExp
}

/** Words between a noun and its number: “申请数量共计12件”, “予以公开的有5件”. */
const FILLER = '的?(?:数量|总数|数)?(?:共计|合计|总计|累计|共|计|为|达到?|是|有)?'
/** A short gap inside a lead (“收到[各类]政府信息公开申请”): no digits, no list comma. */
const GAP = '[^0-9０-９、]{0,10}?'

function lead(source: string): RegExp {
  return new RegExp(`${source}${FILLER}$`)
}

const t3Total = (row: string): CellId => cellId('t3', row, 'total')
const WITHHELD_ROWS = [
  'stateSecret',
  'lawForbids',
  'threeSafety',
  'thirdParty',
  'internalAffairs',
  'processInfo',
  'enforcementFile',
  'inquiry'
]
const ITEM_LIST = /清单|目录|事项.*项$/

/** Order matters only for leads that could both end a window; the more specific comes first. */
export const QUOTED_FIGURES: readonly QuotedFigure[] = [
  {
    id: 'new',
    lead: lead(`(?:收到|新收|受理)${GAP}政府信息公开申请`),
    mention: /收到|新收|受理/,
    units: '件',
    cells: [t3Total('new')]
  },
  {
    id: 'carried',
    lead: lead(`上一?年度?结转${GAP}`),
    mention: /上一?年度?结转/,
    units: '件',
    cells: [t3Total('carried')]
  },
  {
    id: 'public',
    lead: lead('(?<![不分])予以公开'),
    mention: /(?<![不分])予以公开/,
    units: '件',
    cells: [t3Total('public')]
  },
  {
    id: 'partial',
    lead: lead('部分(?:予以)?公开'),
    mention: /部分(?:予以)?公开/,
    units: '件',
    cells: [t3Total('partial')]
  },
  {
    id: 'withheld',
    lead: lead('不予以?公开'),
    mention: /不予以?公开/,
    units: '件',
    cells: WITHHELD_ROWS.map(t3Total),
    label: '表三「三、本年度办理结果 / （三）不予公开」各项「总计」之和'
  },
  {
    id: 'carryOver',
    lead: lead('结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?'),
    mention: /结转(?:至|到)?下一?年/,
    units: '件',
    cells: [t3Total('carryOver')]
  },
  {
    id: 'review',
    lead: lead('行政复议(?:申请|案件)?'),
    mention: /行政复议/,
    units: '件起宗',
    cells: [cellId('t4', 'review', 'total')]
  },
  {
    id: 'litigation',
    lead: lead('行政诉讼(?:案件)?'),
    mention: /行政诉讼|起诉/,
    units: '件起宗',
    cells: [cellId('t4', 'direct', 'total'), cellId('t4', 'afterReview', 'total')],
    label: '表四「行政诉讼」中「未经复议直接起诉」与「复议后起诉」的「总计」之和'
  },
  {
    id: 'normative',
    lead: lead('制发(?:行政)?规范性文件'),
    mention: /规范性文件/,
    units: '件',
    cells: [cellId('t2', 'normative', 'issued')]
  },
  {
    id: 'license',
    lead: lead(`行政许可${GAP}`),
    mention: /行政许可/,
    units: '件项',
    cells: [cellId('t2', 'license', 'decisions')],
    reject: ITEM_LIST
  },
  {
    id: 'penalty',
    lead: lead(`行政处罚${GAP}`),
    mention: /行政处罚/,
    units: '件起宗',
    cells: [cellId('t2', 'penalty', 'decisions')],
    reject: ITEM_LIST
  },
  {
    id: 'coercion',
    lead: lead(`行政强制${GAP}`),
    mention: /行政强制/,
    units: '件起宗',
    cells: [cellId('t2', 'coercion', 'decisions')],
    reject: ITEM_LIST
  }
]

/** Statements of none (“未发生行政复议、行政诉讼案件”) read as 0 for each figure they mention. */
export interface ZeroPhrase {
  pattern: RegExp
  figures: readonly string[]
}

/** Only whole clauses count: “无行政复议被纠正” says nothing about how many cases there were. */
const CLAUSE_END = '(?=$|[，,。；;！!？?\\s）)])'
const CASE_VERB = '(?:被申请|被提起|申请|提起)?'
const CASE_NOUN = '(?:行政复议|行政诉讼)'

export const ZERO_PHRASES: readonly ZeroPhrase[] = [
  {
    pattern: new RegExp(`(?:未|没有)(?:收到|受理)(?:任何)?政府信息公开申请${CLAUSE_END}`, 'g'),
    figures: ['new']
  },
  {
    pattern: new RegExp(
      `(?:未发生|未出现|没有发生|没有|无)(?:因政府信息公开(?:工作)?而?)?${CASE_VERB}${CASE_NOUN}` +
        `(?:(?:、|和|及|与|或|以及)${CASE_VERB}${CASE_NOUN})?(?:案件|的?情况|的?情形|事项)?${CLAUSE_END}`,
      'g'
    ),
    figures: ['review', 'litigation']
  }
]

/**
 * Candidates are found from their unit backwards: searching for a unit character is fast, while a
 * pattern starting with a class of numerals would test every character of the text.
 */
const UNIT = /[件起项宗]/g
const NUMERAL_CODES: ReadonlySet<number> = new Set(
  Array.from('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千', (ch) => ch.charCodeAt(0))
)
/** The window never reaches across these, nor further back than WINDOW_MAX characters. */
const WINDOW_STOPS = stops('。！？!?；;\n\r，,：:（）()【】[]')
const WINDOW_MAX = 40
const COMPARISON = /较|比|增加|增长|减少|下降|上升|提高|降低|同期|多于|少于/
const APPROXIMATE = /以上|以下|左右|多|余/y
/** First characters of APPROXIMATE: the regex only runs after one of these. */
const APPROXIMATE_START = stops('以左多余')
/** A number right before the candidate's digits makes them the decimals of 1.5件. */
const DECIMAL_POINT = stops('.．')

const LABELS = new Map(QUOTED_FIGURES.map((f) => [f.id, f.label ?? describeCell(f.cells[0]!)]))
const BY_ID = new Map(QUOTED_FIGURES.map((f) => [f.id, f]))

function mismatch(
  section: SectionId,
  figure: QuotedFigure,
  values: Values,
  quoted: number,
  quote: string,
  start: number
): Finding | undefined {
  if (!allFilled(values, figure.cells)) return undefined
  const expected = sumOf(values, figure.cells)
  if (sameNumber(expected, quoted)) return undefined
  const spelled = quote.includes(String(quoted)) ? '' : `（即 ${quoted}）`
  return {
    rule: 'P5',
    severity: 'warning',
    message: `${sectionLabel(section)}写“${quote}”${spelled}，但${LABELS.get(figure.id)}为 ${formatNumber(expected)}，两者不一致`,
    cells: figure.cells,
    target: { kind: 'section', section, start, end: start + quote.length }
  }
}

/**
 * All mentions in one pattern, one capture group per figure (in QUOTED_FIGURES order): a window is
 * searched once instead of once per figure.
 */
const MENTIONS = new RegExp(
  QUOTED_FIGURES.map((figure) => {
    if (new RegExp(`${figure.mention.source}|`).exec('')!.length > 1) {
      throw new Error(`mention of ${figure.id} must not capture`)
    }
    return `(${figure.mention.source})`
  }).join('|'),
  'g'
)

function mentionedFigure(match: RegExpExecArray): QuotedFigure | undefined {
  for (let i = 0; i < QUOTED_FIGURES.length; i++) if (match[i + 1] !== undefined) return QUOTED_FIGURES[i]
  return undefined
}

/** The figure a window's last words name, or undefined when there is none or more than one. */
function attribute(window: string, unit: string): { figure: QuotedFigure; at: number } | undefined {
  // A lead contains its figure's mention, so exactly one figure may be mentioned in the window.
  let mentioned: QuotedFigure | undefined
  MENTIONS.lastIndex = 0
  for (let match = MENTIONS.exec(window); match; match = MENTIONS.exec(window)) {
    const figure = mentionedFigure(match)
    if (mentioned && figure !== mentioned) return undefined
    mentioned = figure
  }
  if (!mentioned || !mentioned.units.includes(unit) || COMPARISON.test(window)) return undefined
  const match = mentioned.lead.exec(window)
  return match ? { figure: mentioned, at: match.index } : undefined
}

function scanNumbers(section: SectionId, text: string, values: Values, out: Finding[]): void {
  let previousEnd = 0
  UNIT.lastIndex = 0
  for (let match = UNIT.exec(text); match; match = UNIT.exec(text)) {
    const unitAt = match.index
    let start = unitAt
    while (start > previousEnd && NUMERAL_CODES.has(text.charCodeAt(start - 1))) start--
    if (start === unitAt) continue
    const end = unitAt + 1
    const floor = Math.max(previousEnd, start - WINDOW_MAX)
    previousEnd = end
    if (start > 0 && isStop(text.charCodeAt(start - 1), DECIMAL_POINT)) continue
    if (end < text.length && isStop(text.charCodeAt(end), APPROXIMATE_START)) {
      APPROXIMATE.lastIndex = end
      if (APPROXIMATE.test(text)) continue
    }
    const windowStart = boundaryBefore(text, start, WINDOW_STOPS, floor)
    const found = attribute(text.slice(windowStart, start), match[0])
    if (!found) continue
    const quoteStart = windowStart + found.at
    const quote = text.slice(quoteStart, end)
    if (found.figure.reject?.test(quote)) continue
    const quoted = parseCount(text.slice(start, unitAt))
    if (quoted === undefined) continue
    const finding = mismatch(section, found.figure, values, quoted, quote, quoteStart)
    if (finding) out.push(finding)
  }
}

function scanZeroPhrases(section: SectionId, text: string, values: Values, out: Finding[]): void {
  for (const phrase of ZERO_PHRASES) {
    for (const match of text.matchAll(phrase.pattern)) {
      for (const id of phrase.figures) {
        const figure = BY_ID.get(id)
        if (!figure || !figure.mention.test(match[0])) continue
        const finding = mismatch(section, figure, values, 0, match[0], match.index)
        if (finding) out.push(finding)
      }
    }
  }
}

export const QUOTED_FIGURES_RULE: Rule = {
  id: 'P5',
  severity: 'warning',
  title: '正文中引用的数字应与表格一致',
  reads: { cells: [...new Set(QUOTED_FIGURES.flatMap((f) => f.cells))], sections: SECTION_IDS },
  evaluate({ report }) {
    const findings: Finding[] = []
    for (const section of SECTION_IDS) {
      const text = report.sections[section]
      const found: Finding[] = []
      scanNumbers(section, text, report.values, found)
      scanZeroPhrases(section, text, report.values, found)
      // Reading order inside a section, whichever scanner found it.
      found.sort((a, b) => spanStart(a) - spanStart(b))
      findings.push(...found)
    }
    return findings
  }
}
