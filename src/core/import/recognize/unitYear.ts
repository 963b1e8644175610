/**
 * The unit's name and the report year from the title and the opening text. The year is the year
 * reported on, never the publication date: “霞美镇2016年政府信息公开年度报告”, published in
 * March 2017, is the 2016 report.
 */
import type { Block } from '../types'
import { arabicYears } from '../../text/chinese'
import { CMS_METADATA, paragraphText, unwrapTitle } from './blockText'
import { findSignature } from './signature'

/** Where the unit's name was taken from, most trusted first. */
export type UnitSource = 'title' | 'signature' | 'self' | 'frequent'

export interface UnitYear {
  unit?: string
  /** Where the unit was taken from. */
  unitSource?: UnitSource
  /**
   * Whether the unit is settled: named by the title (or the 落款, confirmed by the text) and by
   * nothing else differently. An unsettled unit is shown for confirmation, never stored silently.
   */
  unitSettled: boolean
  /** Every name the document gives the reporting body (title, 落款, self-reference), distinct. */
  unitCandidates: string[]
  year?: number
  /** The title as printed, lines of a broken title joined. */
  title?: string
  /** Blocks holding the title and the 发文字号, so the section splitter can leave them out. */
  titleBlocks: number[]
  /** 发文字号 such as 南霞政〔2016〕202号, when printed above the title. */
  documentNumber?: string
  /** How each value was found, in Chinese. */
  evidence: string[]
}

/** Title-area lines are short; the first long paragraph is the body. */
const TITLE_SCAN = 8
const MAX_TITLE_LINE = 48
const DOCUMENT_NUMBER = /^[\p{Script=Han}]{1,12}〔\d{4}〕\d+号$/u
const PUBLISHING_DEBRIS = /^(发布时间|发布日期|来源|时间|作者|浏览|点击|字号)/
const isDebris = (text: string): boolean => PUBLISHING_DEBRIS.test(text) || CMS_METADATA.test(text)
const TITLE_WORD = /报告|年报/
/** A title ends with its kind of document, perhaps followed by a bracketed year or note. */
const TITLE_END = /(?:报告|年报)\s*(?:[（(][^）)]*[）)])?\s*$/
/** Section headings (“六、其他需要报告的事项”) are never the title. */
const HEADING_NUMBER = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．])/
/** A breadcrumb left by a web page (“首页 > 政府信息公开 > 年报”) is not the title. */
const NAVIGATION = /[>＞»]|当前位置|您的位置|首页/
const TITLE_PART = /政府信息公开|政务公开|信息公开|\d{4}年|人民政府|镇|乡|街道|县|区|局|委员会|办公室|工作/

const YEAR_IN_TITLE = /(\d{4})\s*年度?/g
/** Sentences that state the period reported on, best evidence after the title. */
const PERIOD_PATTERNS: readonly RegExp[] = [
  /统计(?:期限|时限|时间|区间|口径)[^。\n]{0,12}?(\d{4})年\s*1月\s*1日/,
  /自(\d{4})年\s*1月\s*1日起?至/,
  /(?:统计|数据)[^。\n]{0,12}?截(?:至|止)(?:到)?(\d{4})年\s*12月\s*31日/,
  /统计(?:期限|时限|区间|时段|年度)[为是：:]?(\d{4})年度?(?!\s*\d{1,2}\s*月)/,
  /^(\d{4})年(?:度)?[，,]/,
  /(\d{4})年度?(?:政府信息公开|政务公开)工作/
]

function plausibleYear(y: number): boolean {
  return y >= 2000 && y <= 2100
}

interface Title {
  text: string
  blocks: number[]
  documentNumber?: string
}

const TITLE_DATE = /^[（(]\d{4}年(?:[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?)?[）)]$/

/** A web page title's site name: “…年度报告_XX县人民政府网”, “…年度报告 - XX市政府门户网站”. */
const SITE_NAME = /\s*(?:[_|｜]|\s[-—－]+\s)[^_|｜]*(?:网|网站|门户|政府)\s*$/u

/** Marks a converter or a CMS puts before a title line: `标题：`, `# `, `**…**`, `【…】`. */
const TITLE_PREFIX = /^\s*(?:#{1,6}\s+|(?:标题|题目|文章标题|信息名称|名称)\s*[:：]\s*)/
function cleanTitleLine(text: string): string {
  return text.replace(TITLE_PREFIX, '').replace(/\*\*(.+?)\*\*/g, '$1').trim()
}

function withoutSiteName(text: string): string {
  const stripped = text.replace(SITE_NAME, '')
  return TITLE_END.test(stripped) ? stripped : text
}

function findTitle(blocks: readonly Block[]): Title | undefined {
  const lines: { index: number; text: string }[] = []
  let documentNumber: string | undefined
  let numberBlock: number | undefined
  for (let i = 0; i < blocks.length && lines.length < TITLE_SCAN; i++) {
    const text = paragraphText(blocks[i])
    if (text === undefined || text === '') continue
    if (text.length > MAX_TITLE_LINE * 2) break
    if (DOCUMENT_NUMBER.test(text.replace(/\s+/g, ''))) {
      if (documentNumber === undefined) {
        documentNumber = text.replace(/\s+/g, '')
        numberBlock = i
      }
      continue
    }
    const cleaned = cleanTitleLine(text)
    if (isDebris(cleaned)) continue
    lines.push({ index: i, text: unwrapTitle(withoutSiteName(cleaned)) })
  }
  const at = lines.findIndex(
    (l) =>
      TITLE_END.test(l.text) &&
      l.text.length <= MAX_TITLE_LINE &&
      !NAVIGATION.test(l.text) &&
      !HEADING_NUMBER.test(l.text)
  )
  if (at < 0) return undefined
  // A title broken over lines (“…政府信息公开工作” / “年度报告”, “XX镇人民政府” / “2023年…报告”):
  // take up to two lines before it, while the title so far names no unit. A line above a title
  // that names its unit (a site name, an issuing body) is not part of it.
  let first = at
  const joined = (from: number): string => lines.slice(from, at + 1).map((l) => l.text.replace(/\s+/g, '')).join('')
  while (first > 0 && at - first < 2 && unitFromTitle(joined(first)).length < 2) {
    const prev = lines[first - 1]!
    if (prev.text.length > MAX_TITLE_LINE || TITLE_WORD.test(prev.text) || !TITLE_PART.test(prev.text) || isDebris(prev.text)) break
    first--
  }
  // A bracketed year on the next line (“（2023年度）”) completes the title.
  const next = lines[at + 1]
  const last = next && /^[（(][〇零一二三四五六七八九\d]{4}年度?[）)]$/.test(next.text.replace(/\s+/g, '')) ? at + 1 : at
  const parts = lines.slice(first, last + 1)
  const text = parts.map((p) => p.text.replace(/\s+/g, '')).join('')
  // The title printed again (a page title above the article's own) and a bracketed date under it
  // (“（2024年1月18日）”) belong to the title area too.
  const repeats = lines
    .slice(last + 1)
    .filter((l) => l.text.replace(/\s+/g, '') === text || TITLE_DATE.test(arabicYears(l.text.replace(/\s+/g, ''))))
    .map((l) => l.index)
  return {
    text,
    blocks: [...(numberBlock === undefined ? [] : [numberBlock]), ...parts.map((p) => p.index), ...repeats],
    documentNumber
  }
}

/** “关于2018年度政府信息公开工作的报告” → '' ; “2017年闽清县白樟镇人民政府信息公开工作年度报告” → 闽清县白樟镇人民政府. */
export function unitFromTitle(title: string): string {
  // A web page title carries the site name after a separator: “…年度报告_XX县人民政府网”.
  let t = arabicYears(title).split(/[_|｜]| [-—] /)[0]!.replace(/[（(][^）)]*[）)]/g, '')
  t = t.replace(/^关于/, '').replace(/\d{4}\s*年度?/g, '')
  const keyword = /政府信息公开|政务公开|信息公开|年度报告|工作报告|报告|年报/.exec(t)
  let unit = keyword ? t.slice(0, keyword.index) : t
  // “…人民政府信息公开” shares 政府 between the name and the subject.
  if (keyword?.[0] === '政府信息公开' && /人民$/.test(unit)) unit += '政府'
  // “工作年度报告”, the second line of a broken title, names no unit.
  return unit.replace(/(?:关于|的|年|工作)+$/, '').trim()
}

/** The full name when the text spells it out: 霞美镇 → 霞美镇人民政府. */
const FULL_NAME_SUFFIXES = ['人民政府', '街道办事处', '办事处'] as const

function completeName(printed: string, text: string): string {
  if (/人民政府$|办事处$|局$|委员会$|办公室$|中心$/.test(printed)) return printed
  // “XX镇政府” is the short form of XX镇人民政府: complete it the same way.
  const unit = printed.replace(/(?<=[镇乡区县市])政府$/, '')
  if (unit !== printed && !text.includes(unit + '人民政府')) return printed
  // The text may print the short name: “平安县青山镇” in the title, “青山镇人民政府” in the 落款.
  const chars = Array.from(unit)
  const tails = [unit, ...chars.flatMap((ch, k) => (/[省市州盟县区旗]/.test(ch) && chars.length - k - 1 >= 2 ? [chars.slice(k + 1).join('')] : []))]
  for (const suffix of FULL_NAME_SUFFIXES) {
    if (unit.endsWith('街道') && suffix === '人民政府') continue
    const added = unit.endsWith('街道') && suffix === '街道办事处' ? '办事处' : suffix
    if (tails.some((tail) => text.includes(tail + added))) return unit + added
  }
  return unit
}

const UNIT_PHRASE = /[\p{Script=Han}]{2,16}?(?:镇|乡|街道|县|区|市)(?:人民政府|街道办事处|办事处)|[\p{Script=Han}]{2,12}?局/gu

/** The most frequent “XX镇人民政府”-like phrase: the fallback when the title names no unit. */
function mostFrequentUnit(text: string): string | undefined {
  const counts = new Map<string, number>()
  for (const m of text.matchAll(UNIT_PHRASE)) {
    const name = m[0].replace(/^(?:关于|根据|按照|由|我|在|经|对|向|是)/, '')
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0]
}

function yearFromText(text: string): { year: number; how: string } | undefined {
  const lines = arabicYears(text).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 40)
  for (const pattern of PERIOD_PATTERNS) {
    for (const line of lines) {
      const m = pattern.exec(line)
      if (m && plausibleYear(Number(m[1]))) return { year: Number(m[1]), how: `正文“${m[0].slice(0, 30)}”` }
    }
  }
  return undefined
}

/**
 * The body naming itself: “由白樟镇人民政府编制本报告”, “XX局（以下简称“我局”）”, “我区（平潭综合实验区）”.
 */
const SELF_REFERENCES: readonly RegExp[] = [
  /由([\p{Script=Han}]{2,24}?(?:人民政府|办事处|管理委员会|管委会|委员会|办公室|局|中心))(?:办公室)?(?:负责)?编制(?:完成)?(?:了)?本(?:年度)?报告/u,
  /([\p{Script=Han}]{2,24}?(?:人民政府|办事处|管委会|委员会|办公室|局|中心|镇|乡|街道|区|县|市))\s*[（(]以下简称[“"]?我[镇乡区县市局委办中街]/u,
  /我[镇乡区县市局委][（(]([\p{Script=Han}]{2,24}?(?:人民政府|镇|乡|街道|区|县|市|局))[）)]/u
]

function selfReference(text: string): string | undefined {
  for (const pattern of SELF_REFERENCES) {
    const m = pattern.exec(text)
    if (m) return m[1]!.replace(/^(?:本报告|报告|根据|按照|现|由)/, '')
  }
  return undefined
}

/** Two names of one body: equal, or one completing the other (青山镇 / 平安县青山镇人民政府). */
function sameBody(a: string, b: string): boolean {
  const core = (name: string) => name.replace(/(?:人民政府|街道办事处|办事处|政府)$/, '')
  const x = core(a)
  const y = core(b)
  return x === y || x.endsWith(y) || y.endsWith(x)
}

export function recognizeUnitYear(blocks: readonly Block[]): UnitYear {
  const evidence: string[] = []
  const title = findTitle(blocks)
  const body = blocks.map((b) => paragraphText(b) ?? '').join('\n')
  let year: number | undefined
  let unit: string | undefined

  if (title) {
    const years = [...arabicYears(title.text).matchAll(YEAR_IN_TITLE)].map((m) => Number(m[1])).filter(plausibleYear)
    if (years[0] !== undefined) {
      year = years[0]
      evidence.push(`年度取自标题“${title.text}”`)
    }
    const fromTitle = unitFromTitle(title.text)
    if (fromTitle.length >= 2) {
      unit = completeName(fromTitle, body)
      evidence.push(unit === fromTitle ? `单位取自标题` : `单位取自标题“${fromTitle}”，按正文补全为“${unit}”`)
    }
  }
  if (year === undefined) {
    const found = yearFromText(body)
    if (found) {
      year = found.year
      evidence.push(`年度取自${found.how}`)
    }
  }
  // The 落款 names the body that issues the report; the text may cite its superiors more often.
  const signature = findSignature(blocks)
  const signerText = signature.blocks.length === 2 ? paragraphText(blocks[signature.blocks[0]!])?.replace(/\s+/g, '') : undefined
  const signer = signerText && signerText.length >= 3 ? completeName(signerText, body) : undefined
  const self = selfReference(body)
  let unitSource: UnitSource | undefined = unit === undefined ? undefined : 'title'
  if (unit === undefined && signer) {
    unit = signer
    unitSource = 'signature'
    evidence.push(`单位取自落款“${signerText}”`)
  }
  if (unit === undefined && self) {
    unit = completeName(self, body)
    unitSource = 'self'
    evidence.push(`单位取自正文中的自称“${self}”`)
  }
  if (unit === undefined) {
    const frequent = mostFrequentUnit(body)
    if (frequent) {
      unit = frequent
      unitSource = 'frequent'
      evidence.push(`单位取自正文中最常出现的“${frequent}”`)
    }
  }
  // Every name the document gives itself; a unit is settled when no other names a different body.
  const named = [unit, signer, self && completeName(self, body)].filter((n): n is string => !!n && n.length >= 2)
  const unitCandidates = [...new Set(named)]
  const conflicting = unit !== undefined && unitCandidates.some((c) => !sameBody(c, unit!))
  const mentions = (name: string) => body.split(name.replace(/人民政府$/, '')).length - 1
  // The title is trusted; a 落款 needs the text to name the same body once more besides itself.
  const confirmed = unitSource === 'title' || (unitSource === 'signature' && (self !== undefined ? sameBody(self, unit!) : mentions(unit!) >= 2))
  const unitSettled = unit !== undefined && confirmed && !conflicting
  if (conflicting) evidence.push(`文中的单位名称不一致：${unitCandidates.map((c) => `“${c}”`).join('、')}`)
  return {
    unit,
    ...(unitSource ? { unitSource } : {}),
    unitSettled,
    unitCandidates,
    year,
    title: title?.text,
    titleBlocks: title?.blocks ?? [],
    documentNumber: title?.documentNumber,
    evidence
  }
}

/** The name the report assembler uses. */
export const findUnitAndYear = recognizeUnitYear
