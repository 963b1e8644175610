/**
 * Last year's narrative made into this year's starting text:
 *  1. the report year moved on where it means “this year” (“2024年，我镇…”, “2024年度”, the statistics
 *     period) and next year where it means “next year” (plans, the report's own publication);
 *     document numbers (〔2024〕12号), dates of documents and events (“2024年3月5日印发的…”), 《…》
 *     titles, spans and comparisons (“自2019年以来”, “较2023年”) are left alone;
 *  2. every figure marked 【待更新：…】, so that none is exported unchanged by accident.
 * Both work on plain strings and return what they changed, for the summary the officer sees.
 */
import { staleMark } from './marks'

// ---------------------------------------------------------------------------------------------
// Years

const DIGIT = '[0-9０-９]'
/** A four-digit year written before 年, not part of a longer number. */
const YEAR_BEFORE_NIAN = new RegExp(`(?<![0-9０-９])(${DIGIT}{4})(?=年)`, 'g')

/** Phrases that always mean the report year, from their first year to their end. */
const REPORT_YEAR_PHRASES: readonly RegExp[] = [
  // 统计期限为2024年1月1日至（2024年）12月31日
  new RegExp(`${DIGIT}{4}年[1１]月[1１]日(?:起)?\\s*(?:至|到|—|－|-|～|~)\\s*(?:${DIGIT}{4}年)?(?:12|１２)月(?:31|３１)日`, 'y'),
  // 截至2024年12月31日 (表二's reference date)
  new RegExp(`${DIGIT}{4}年(?:12|１２)月(?:31|３１)日`, 'y'),
  // 2024年度政府信息公开工作年度报告 (the title, often kept in the text by imports)
  new RegExp(`${DIGIT}{4}年度?政府信息公开(?:工作)?(?:年度)?报告`, 'y')
]

/** The clause refers back to or compares with a year on purpose. */
const REFERENCE_CUE = /[较比](?!例)|上年|去年|上一年|前年|同期|自(?=[0-9０-９]{4})|针对|整改|指出/
/** Inside a report-year phrase only a comparison makes the year another (“自…至…” is the period itself). */
const COMPARISON_CUE = /[较比](?!例)|上年|去年|上一年|前年|同期/
/** The sentence is about plans: the year after the report year means “next year”. */
const FORWARD_CUE = /将|计划|下一步|下步|继续|进一步|力争|拟|预计|争取|明年/
/** The sentence is about the report's own publication (“本报告于2025年1月发布”). */
const OWN_PUBLICATION = /本报告|本年报|年度报告/
const PUBLICATION_CUE = /发布|公布|公开|报送|印发/
/** A year that is a bound of a span (2019—2024年, 2024年至2026年) names a period, not this year. */
const RANGE_CHARS = /[—–\-－~～至到、]/
const SENTENCE_STOPS = /[。！？!?；;\n]/
const CLAUSE_STOPS = /[。！？!?；;\n，,：:]/

function lastIndexOfStop(text: string, before: number, stops: RegExp): number {
  for (let i = before - 1; i >= 0; i--) if (stops.test(text.charAt(i))) return i + 1
  return 0
}

function indexOfStop(text: string, from: number, stops: RegExp): number {
  for (let i = from; i < text.length; i++) if (stops.test(text.charAt(i))) return i
  return text.length
}

/** Whether `pos` is inside a 《…》 title opened within its sentence. */
function insideTitle(text: string, pos: number): boolean {
  const floor = lastIndexOfStop(text, pos, SENTENCE_STOPS)
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text.charAt(i)
    if (ch === '》') return false
    if (ch === '《') return true
  }
  return false
}

function digitsValue(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
}

/** Rewrite a year keeping the digit width the officer typed (ASCII or full-width). */
function writeYear(original: string, year: number): string {
  const ascii = String(year)
  return /[０-９]/.test(original)
    ? ascii.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    : ascii
}

interface YearContext {
  text: string
  start: number
  /** Just after the 年. */
  after: number
}

function followedByDate(ctx: YearContext): boolean {
  return /^[0-9０-９一二三四五六七八九十]{1,2}月/.test(ctx.text.slice(ctx.after, ctx.after + 3))
}

function isSpanBound(ctx: YearContext): boolean {
  const before = ctx.text.charAt(ctx.start - 1)
  const after = ctx.text.slice(ctx.after, ctx.after + 2).replace(/^度/, '')
  return RANGE_CHARS.test(before) || RANGE_CHARS.test(after.charAt(0))
}

function clauseOf(ctx: YearContext): string {
  return ctx.text.slice(lastIndexOfStop(ctx.text, ctx.start, CLAUSE_STOPS), indexOfStop(ctx.text, ctx.after, CLAUSE_STOPS))
}

function sentenceOf(ctx: YearContext): string {
  return ctx.text.slice(lastIndexOfStop(ctx.text, ctx.start, SENTENCE_STOPS), indexOfStop(ctx.text, ctx.after, SENTENCE_STOPS))
}

/** Last year's own year: does it mean “the report year” here? */
function meansReportYear(ctx: YearContext): boolean {
  if (insideTitle(ctx.text, ctx.start) || isSpanBound(ctx) || followedByDate(ctx)) return false
  return !REFERENCE_CUE.test(clauseOf(ctx))
}

/** The year after last year's: does it mean “next year” (a plan, the report's publication)? */
function meansNextYear(ctx: YearContext): boolean {
  if (insideTitle(ctx.text, ctx.start) || isSpanBound(ctx)) return false
  const sentence = sentenceOf(ctx)
  if (OWN_PUBLICATION.test(sentence) && PUBLICATION_CUE.test(sentence)) return true
  return !followedByDate(ctx) && FORWARD_CUE.test(sentence)
}

function phraseEnd(text: string, start: number): number | undefined {
  for (const phrase of REPORT_YEAR_PHRASES) {
    phrase.lastIndex = start
    if (phrase.test(text)) return phrase.lastIndex
  }
  return undefined
}

export interface MovedYears {
  text: string
  /** How many years were moved on. */
  moved: number
}

/**
 * Move `fromYear` (last year's report year) on by one where it means the report year, and
 * `fromYear + 1` on by one where it means the year after the report.
 */
export function moveYears(text: string, fromYear: number): MovedYears {
  const out: string[] = []
  let copied = 0
  let moved = 0
  // Years inside a report-year phrase already decided move with it (2024年1月1日至2024年12月31日).
  let phraseUntil = -1
  for (const match of text.matchAll(YEAR_BEFORE_NIAN)) {
    const start = match.index
    const digits = match[1]!
    const year = digitsValue(digits)
    const ctx: YearContext = { text, start, after: start + 5 }
    let move = false
    if (start < phraseUntil) move = year === fromYear
    else if (year === fromYear) {
      const end = phraseEnd(text, start)
      if (end !== undefined && !insideTitle(text, start) && !COMPARISON_CUE.test(clauseOf(ctx))) {
        phraseUntil = end
        move = true
      } else move = meansReportYear(ctx)
    } else if (year === fromYear + 1) move = meansNextYear(ctx)
    if (!move) continue
    out.push(text.slice(copied, start), writeYear(digits, year + 1))
    copied = start + 4
    moved++
  }
  out.push(text.slice(copied))
  return { text: out.join(''), moved }
}

// ---------------------------------------------------------------------------------------------
// Figures

/** Arabic figures: digits with an optional decimal part and percent sign. */
const ARABIC_FIGURE = /[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?/g
/** Counting units after which a Chinese numeral is a figure (“组织培训两次”). */
const CHINESE_FIGURE = /[零〇一二两三四五六七八九十百千万]+(?=[余多]?(?:人次|[件条次名篇期场份户家人批]))/g

/**
 * What is not a statistic. A carried-over draft marks every figure of last year's work for review,
 * and only those: a number that is a size, an address, a time, an age, a code or a numbering is
 * not the year's figure, and a mark on it (“主楼【待更新：9】层”) teaches the officer to ignore marks.
 * The decision is data: the measure words below, and patterns of what stands around the number.
 */

/** Measure words after which a number is not a count of the report's work. */
export const NON_STATISTIC_UNITS: readonly string[] = [
  // sizes and distances: 主楼9层, 40海里, 600平方米的服务中心, 55英寸显示屏
  '层', '楼', '海里', '公里', '千米', '平方米', '平方公里', '立方米', '厘米', '毫米', '米', '英寸', '寸', '千瓦', '兆', '度',
  // addresses: 白樟街50号, 301室, 3栋2单元, 8路公交
  '号', '室', '栋', '幢', '单元', '弄', '巷', '路',
  // durations, deadlines and times fixed by rule: 5个工作日内, 24小时, 9时至17时
  '小时', '个工作日', '工作日', '日内', '天内', '分钟', '秒', '时',
  // ages, anniversaries, editions, sessions: 60周岁以上, 建党100周年, 2019版, 14届
  '周岁', '岁', '周年', '版', '届'
]

/** Service hotlines: numbers, not figures, unless a counting unit follows. */
const SERVICE_NUMBERS = ['12345', '12315', '12369', '12388', '12320', '12333', '12348', '110', '119', '120', '122']
const COUNTING_UNIT = '人次|[件条次项个名篇期场份户家人批余多万元%％]'

/**
 * Patterns around an Arabic number that make it something other than a statistic. `figure` is
 * tested on the number (ASCII digits, decimals and % left out), `before` on up to eight characters
 * before it (a text start reads as a line start), `after` on the characters after it; every
 * pattern given must match.
 */
export interface NotStatistic {
  why: string
  figure?: RegExp
  before?: RegExp
  after?: RegExp
}

export const NOT_STATISTICS: readonly NotStatistic[] = [
  { why: '年份', figure: /^(?:1[89]|2[01])\d\d$/, after: /^(?:年|[—–\-－~～至到、][0-9０-９]{4})/ },
  { why: '附件、附表的编号', before: /(?:附件|附表|表)$/ },
  { why: '日期', figure: /^(?:0?[1-9]|[12]\d|3[01])$/, after: /^[月日]/ },
  { why: '序号、条款（第N条）', before: /第$/ },
  { why: '文号、门牌号', after: /^号/ },
  { why: '列表编号（1）', before: /[（(]$/, after: /^[)）]/ },
  { why: '列表编号 1. 1、', before: /[\n\s\u3000：:。；;，,]$/, after: /^[.．、)）](?![0-9０-９])/ },
  // A heading run into its list (“主要形式1.门户网站”): a dot before a Han character is never a decimal point.
  { why: '列表编号 1.', after: /^[.．](?=[\u4e00-\u9fff])/ },
  { why: '电话、邮编等号码', before: /(?:邮编|邮政编码|电话|传真|热线|号码|QQ|手机)[:：]?\s*$/ },
  { why: '编码、网址', before: /[A-Za-z./:_@\-－]$/ },
  { why: '编码、网址', after: /^[A-Za-z_@\-－/]/ },
  { why: '电话号码等长号码', figure: /^\d{7,}$/ },
  { why: '“7×24小时”之类的时段', after: /^[×xX*＊][0-9０-９]/ },
  { why: '服务热线', figure: new RegExp(`^(?:${SERVICE_NUMBERS.join('|')})$`), after: new RegExp(`^(?!${COUNTING_UNIT})`) },
  { why: '尺寸、地址、时间、年龄等', after: new RegExp(`^(?:${NON_STATISTIC_UNITS.join('|')})`) }
]

/** Chinese numerals in set phrases and ordinals: “一次性告知”, “一条龙”, “七届人大三次会议”. */
const CHINESE_NOT_FIGURE_AFTER = /^(?:次性|条龙|件事|次(?:会议|全会|全体|党代会))/
const CHINESE_NOT_FIGURE_BEFORE = /[第每逐单任何同]$/

/** Existing marks and titles are opaque: nothing inside them is marked (again). */
const OPAQUE = /【待更新：[^】\n]*】|【待填写】|《[^《》\n]*》|〔[^〔〕\n]*〕|\[[^[\]\n]*\]|［[^［］\n]*］/g

function opaqueSpans(text: string): [number, number][] {
  return [...text.matchAll(OPAQUE)].map((m) => [m.index, m.index + m[0].length])
}

function inside(spans: readonly [number, number][], pos: number): boolean {
  for (const [start, end] of spans) if (pos >= start && pos < end) return true
  return false
}

const ASCII_DIGITS = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

/** Why the Arabic run at [start, end) is not a figure of the year; undefined when it is one. */
export function notStatistic(text: string, start: number, end: number): string | undefined {
  const figure = ASCII_DIGITS(text.slice(start, end)).replace(/[%％]$/, '').replace(/[.．].*$/, '')
  const before = (start <= 8 ? '\n' : '') + text.slice(Math.max(0, start - 8), start)
  const after = text.slice(end, end + 6)
  for (const pattern of NOT_STATISTICS) {
    if (pattern.figure && !pattern.figure.test(figure)) continue
    if (pattern.before && !pattern.before.test(before)) continue
    if (pattern.after && !pattern.after.test(after)) continue
    return pattern.why
  }
  return undefined
}

function notChineseFigure(text: string, start: number, end: number, run: string): boolean {
  // A lone 一 is idiom far more often than a count (一次性, 一名分管领导, 一条龙), except “申请一件”.
  if (run === '一' && text.charAt(end) !== '件') return true
  return CHINESE_NOT_FIGURE_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || CHINESE_NOT_FIGURE_AFTER.test(text.slice(end, end + 5))
}

export interface MarkedFigures {
  text: string
  /** The old figures marked, in reading order. */
  figures: string[]
}

/** Wrap every figure of the year in 【待更新：…】. */
export function markFigures(text: string): MarkedFigures {
  const opaque = opaqueSpans(text)
  const found: { start: number; end: number; run: string }[] = []
  for (const match of text.matchAll(ARABIC_FIGURE)) {
    const start = match.index
    const end = start + match[0].length
    if (inside(opaque, start) || notStatistic(text, start, end) !== undefined) continue
    found.push({ start, end, run: match[0] })
  }
  for (const match of text.matchAll(CHINESE_FIGURE)) {
    const start = match.index
    const end = start + match[0].length
    if (inside(opaque, start) || notChineseFigure(text, start, end, match[0])) continue
    found.push({ start, end, run: match[0] })
  }
  found.sort((a, b) => a.start - b.start)
  const out: string[] = []
  let copied = 0
  for (const figure of found) {
    out.push(text.slice(copied, figure.start), staleMark(figure.run))
    copied = figure.end
  }
  out.push(text.slice(copied))
  return { text: out.join(''), figures: found.map((f) => f.run) }
}
