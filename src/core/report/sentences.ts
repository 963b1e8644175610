/**
 * Ready sentences from the tables: once the officer has filled a table, the statement the section
 * usually makes of it is offered, worded from templates (data, below) and the table's own figures —
 * deterministic, never guessed. Every figure in a sentence is a statement of a quantity in the
 * shared vocabulary (quantities.ts), so P5 keeps checking it against its cells after it is inserted
 * (“stays linked”), and a test reads every generated sentence back to the cells it came from.
 *
 * 「本年度共收到政府信息公开申请42件，较上年增加3件（增长7.7%）；上年结转3件；办理完结42件，其中
 * 予以公开16件、部分公开5件…；结转下年度继续办理3件。」
 */
import type { Report } from './report'
import type { SectionId } from './sections'
import { quantity } from './quantities'

/** A part of a sentence: text with {quantity} slots, used when its conditions hold. */
export interface SentencePart {
  /** Text with `{id}` for a quantity's figure and `{change:id}` for its change from last year. */
  text: string
  /** Put before the part when a part precedes it (default “；”). */
  before?: string
  /** Conditions on the figures: all of `zero` are 0, all of `nonzero` are not, one of `any` is not. */
  when?: { zero?: readonly string[]; nonzero?: readonly string[]; any?: readonly string[] }
  /** Items listed after the part, each only when its figure is not 0 (“其中予以公开16件、部分公开5件”). */
  items?: readonly string[]
  /** Words before the items (default “，其中”). */
  itemsLead?: string
}

export interface SentenceTemplate {
  id: string
  section: SectionId
  /** What the sentence states, shown with it. */
  name: string
  /** Words before the first part. */
  lead?: string
  parts: readonly SentencePart[]
}

const CASE_RESULTS = (subject: string): string[] => [
  `结果维持{${subject}.upheld}件`,
  `结果纠正{${subject}.corrected}件`,
  `其他结果{${subject}.other}件`,
  `尚未审结{${subject}.pending}件`
]

export const SENTENCE_TEMPLATES: readonly SentenceTemplate[] = [
  {
    id: 'requests',
    section: 'requests',
    name: '依申请公开情况（表三）',
    parts: [
      { text: '本年度共收到政府信息公开申请{new}件{change:new}' },
      { text: '上年结转{carried}件' },
      {
        text: '办理完结{resultTotal}件',
        items: ['予以公开{public}件', '部分公开{partial}件', '不予公开{withheld}件', '无法提供{unable}件', '不予处理{notProcessed}件', '其他处理{otherHandling}件']
      },
      { text: '结转下年度继续办理{carryOver}件' }
    ]
  },
  {
    id: 'proactive',
    section: 'proactive',
    name: '主动公开情况（表二）',
    lead: '本年度',
    parts: [
      { text: '制发规章{rules.issued}件、废止{rules.repealed}件，现行有效规章{rules.inForce}件', when: { any: ['rules.issued', 'rules.repealed', 'rules.inForce'] } },
      { text: '制发行政规范性文件{normative.issued}件、废止{normative.repealed}件，现行有效行政规范性文件{normative.inForce}件' },
      { text: '作出行政许可决定{license}件、行政处罚决定{penalty}件、行政强制决定{coercion}件' },
      { text: '行政事业性收费{fees}万元' }
    ]
  },
  {
    id: 'review',
    section: 'review',
    name: '行政复议、行政诉讼情况（表四）',
    lead: '本年度',
    parts: [
      { text: '未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况', when: { zero: ['review', 'litigation'] } },
      { text: '因政府信息公开工作被申请行政复议{review}件', when: { nonzero: ['review'] }, items: CASE_RESULTS('review') },
      { text: '未发生因政府信息公开工作被申请行政复议的情况', when: { zero: ['review'], nonzero: ['litigation'] } },
      { text: '被提起行政诉讼{litigation}件', when: { nonzero: ['litigation'] }, items: CASE_RESULTS('litigation') },
      { text: '未经复议直接起诉{direct}件、复议后起诉{afterReview}件', when: { nonzero: ['litigation'] } },
      { text: '未发生因政府信息公开工作被提起行政诉讼的情况', when: { zero: ['litigation'], nonzero: ['review'] } }
    ]
  }
]

export interface Suggestion {
  id: string
  section: SectionId
  name: string
  text: string
  /** The quantities the sentence states, each checked against its cells by P5. */
  quantities: string[]
  /** The section already holds this very sentence. */
  present: boolean
}

const SLOT = /\{(change:)?([A-Za-z.]+)\}/g

function figure(report: Report, id: string): number | undefined {
  let sum = 0
  for (const cell of quantity(id).cells) {
    const v = report.values[cell]
    if (v === undefined || !Number.isFinite(v)) return undefined
    sum += v
  }
  return sum
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)))
}

/** “，较上年增加3件（增长7.7%）”, from last year's report when it is the year before and filled. */
function change(report: Report, previous: Report | undefined, id: string, now: number): string {
  if (!previous || previous.year !== report.year - 1) return ''
  const before = figure(previous, id)
  if (before === undefined) return ''
  const delta = now - before
  if (delta === 0) return '，与上年持平'
  const word = delta > 0 ? '增加' : '减少'
  const percent = before > 0 ? `（${delta > 0 ? '增长' : '下降'}${format(Math.round((Math.abs(delta) / before) * 1000) / 10)}%）` : ''
  return `，较上年${word}${format(Math.abs(delta))}件${percent}`
}

/** The part's text with its figures, or undefined when one of them is blank. */
function fill(text: string, report: Report, previous: Report | undefined, used: Set<string>): string | undefined {
  let blank = false
  const out = text.replace(SLOT, (_all, isChange: string | undefined, id: string) => {
    const value = figure(report, id)
    if (value === undefined) {
      blank = true
      return ''
    }
    if (isChange) return change(report, previous, id, value)
    used.add(id)
    return format(value)
  })
  return blank ? undefined : out
}

function holds(report: Report, when: SentencePart['when']): boolean | undefined {
  if (!when) return true
  const values = (ids: readonly string[] = []) => ids.map((id) => figure(report, id))
  const all = [...values(when.zero), ...values(when.nonzero), ...values(when.any)]
  if (all.some((v) => v === undefined)) return undefined
  return (
    values(when.zero).every((v) => v === 0) &&
    values(when.nonzero).every((v) => v !== 0) &&
    (!when.any?.length || values(when.any).some((v) => v !== 0))
  )
}

/** The template's sentence from the report's tables, or undefined while a figure it needs is blank. */
export function buildSentence(template: SentenceTemplate, report: Report, previous?: Report): Omit<Suggestion, 'present'> | undefined {
  const used = new Set<string>()
  const parts: string[] = []
  for (const part of template.parts) {
    const applies = holds(report, part.when)
    if (applies === undefined) return undefined
    if (!applies) continue
    const text = fill(part.text, report, previous, used)
    if (text === undefined) return undefined
    // “未发生…行政复议…的情况” states those figures as 0.
    for (const id of part.when?.zero ?? []) used.add(id)
    const items: string[] = []
    for (const item of part.items ?? []) {
      const itemUsed = new Set<string>()
      const filled = fill(item, report, previous, itemUsed)
      if (filled === undefined) return undefined
      if ([...itemUsed].every((id) => figure(report, id) === 0)) continue
      itemUsed.forEach((id) => used.add(id))
      items.push(filled)
    }
    const listed = items.length ? `${part.itemsLead ?? '，其中'}${items.join('、')}` : ''
    parts.push(`${parts.length ? (part.before ?? '；') : ''}${text}${listed}`)
  }
  if (parts.length === 0) return undefined
  return {
    id: template.id,
    section: template.section,
    name: template.name,
    text: `${template.lead ?? ''}${parts.join('')}。`,
    quantities: [...used]
  }
}

/** Every sentence the filled tables allow, for the sections given (all by default). */
export function suggestSentences(report: Report, previous?: Report, sections?: readonly SectionId[]): Suggestion[] {
  return SENTENCE_TEMPLATES.filter((t) => !sections || sections.includes(t.section)).flatMap((template) => {
    const built = buildSentence(template, report, previous)
    return built ? [{ ...built, present: report.sections[built.section].includes(built.text) }] : []
  })
}
