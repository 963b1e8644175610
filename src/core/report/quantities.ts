/**
 * The table quantities the narrative states, and the words it states them with: one vocabulary for
 * P5 (statements checked against the tables), for linking a 【待更新】 figure to the cell that
 * replaces it, and for the ready sentences built from the tables. It lives next to the table
 * definitions because it is their vocabulary: the cells come from tables.ts, never spelled again.
 *
 * Two kinds of phrase name a quantity:
 *  - a phrase that names it whole (“收到政府信息公开申请”, “予以公开”, “结转下年度继续办理”);
 *  - a measure (“结果维持”, “尚未审结”, “废止”, “现行有效”) of a subject (行政复议, 行政诉讼,
 *    规章, 行政规范性文件) named in the same words or earlier in the sentence: “被申请行政复议2件，
 *    其中结果维持1件” gives 行政复议 2 and 行政复议·结果维持 1.
 */
import { cellId, cellsOf, describeCell, LABEL_SEPARATOR, cellDef, leaves, type CellId } from './cells'
import { TABLE_3, TABLE_4, type ValueKind } from './tables'

export interface Quantity {
  id: string
  /** The quantity is the sum of these cells. */
  cells: readonly CellId[]
  /** How messages and sentences name it: the official label of its cell, or of the sum. */
  label: string
  kind: ValueKind
}

// ---------------------------------------------------------------------------------------------
// Quantities, derived from the table definitions

const t3Total = (row: string): CellId => cellId('t3', row, 'total')
/** 表三 rows under a 三、本年度办理结果 group (（三）不予公开 …): their 总计 cells. */
function t3GroupTotals(group: string): CellId[] {
  const result = TABLE_3.rows.find((r) => r.key === 'result')!
  const node = result.children!.find((r) => r.key === group)!
  return leaves(node.children ?? [node]).map((leaf) => t3Total(leaf.node.key))
}

function single(id: string, cell: CellId): Quantity {
  return { id, cells: [cell], label: describeCell(cell), kind: cellDef(cell).kind }
}

function sum(id: string, cells: readonly CellId[], label: string): Quantity {
  return { id, cells, label, kind: 'count' }
}

const T3_GROUPS = ['withheld', 'unable', 'notProcessed', 'otherHandling'] as const

function t3Quantities(): Quantity[] {
  const plain = ['new', 'carried', 'public', 'partial', 'resultTotal', 'carryOver'].map((row) => single(row, t3Total(row)))
  const groups = T3_GROUPS.map((group) => {
    const node = TABLE_3.rows.find((r) => r.key === 'result')!.children!.find((r) => r.key === group)!
    return sum(group, t3GroupTotals(group), `表三「${TABLE_3.rows.find((r) => r.key === 'result')!.label}${LABEL_SEPARATOR}${node.label}」各项「总计」之和`)
  })
  return [...plain, ...groups]
}

/** 表四's groups: 行政复议, the two kinds of 行政诉讼, and 行政诉讼 as a whole (their sum). */
export const CASE_SUBJECTS = ['review', 'litigation', 'direct', 'afterReview'] as const
export type CaseSubject = (typeof CASE_SUBJECTS)[number]
const LITIGATION_GROUPS = TABLE_4.rows.find((r) => r.key === 'litigation')!.children!.map((c) => c.key)

function t4Quantities(): Quantity[] {
  return CASE_SUBJECTS.flatMap((subject) =>
    TABLE_4.columns.map((column) => {
      const id = column.key === 'total' ? subject : `${subject}.${column.key}`
      if (subject !== 'litigation') return single(id, cellId('t4', subject, column.key))
      const cells = LITIGATION_GROUPS.map((group) => cellId('t4', group, column.key))
      const names = LITIGATION_GROUPS.map((group) => `「${cellDef(cellId('t4', group, column.key)).rowPath.at(-1)}」`).join('与')
      return sum(id, cells, `表四「行政诉讼」中${names}的「${column.label}」之和`)
    })
  )
}

/** 表二 第二十条第（一）项: 规章 and 行政规范性文件, each 制发/废止/现行有效. */
export const DOCUMENT_SUBJECTS = ['rules', 'normative'] as const
export type DocumentSubject = (typeof DOCUMENT_SUBJECTS)[number]

function t2Quantities(): Quantity[] {
  const documents = cellsOf('t2')
    .filter((c) => (DOCUMENT_SUBJECTS as readonly string[]).includes(c.row))
    .map((c) => single(`${c.row}.${c.column}`, c.id))
  const decisions = cellsOf('t2')
    .filter((c) => !(DOCUMENT_SUBJECTS as readonly string[]).includes(c.row))
    .map((c) => single(c.row, c.id))
  return [...documents, ...decisions]
}

export const QUANTITIES: readonly Quantity[] = [...t3Quantities(), ...t4Quantities(), ...t2Quantities()]

const BY_ID = new Map(QUANTITIES.map((q) => [q.id, q]))

export function quantity(id: string): Quantity {
  const q = BY_ID.get(id)
  if (!q) throw new Error(`unknown quantity ${id}`)
  return q
}

export function hasQuantity(id: string): boolean {
  return BY_ID.has(id)
}

// ---------------------------------------------------------------------------------------------
// Words

/** Words between a noun and its number: “申请数量共计12件”, “予以公开的有5件”. */
export const FILLER = '的?(?:数量|总数|数|决定|案件)?(?:共计|合计|总计|累计|共|计|为|达到?|是|有)?'
/** A short gap inside a lead (“收到[各类]政府信息公开申请”): no digits, no list comma. */
const GAP = '[^0-9０-９、【】]{0,10}?'

/** A subject named in the words: measures without one take it from the sentence. */
export interface Subject {
  id: CaseSubject | DocumentSubject
  mention: string
  /** The measure when the words name none (“行政复议2件” is the total); none for 规章/规范性文件. */
  defaultMeasure?: string
}

/** Most specific first: “复议后起诉” is not 行政复议, “未经复议直接起诉” is not 行政诉讼 as a whole. */
export const SUBJECTS: readonly Subject[] = [
  { id: 'afterReview', mention: '复议后(?:提起)?(?:行政)?(?:诉讼|起诉)|经复议后起诉', defaultMeasure: 'total' },
  { id: 'direct', mention: '未经(?:行政)?复议(?:直接)?(?:提起)?(?:行政)?(?:诉讼|起诉)|直接(?:提起)?(?:行政)?(?:诉讼|起诉)', defaultMeasure: 'total' },
  { id: 'review', mention: '行政复议', defaultMeasure: 'total' },
  { id: 'litigation', mention: '行政诉讼|提起诉讼|被诉', defaultMeasure: 'total' },
  { id: 'rules', mention: '规章(?!制度)' },
  { id: 'normative', mention: '(?:行政)?规范性文件' }
]

/** A measure of a subject: the words, and which subjects have it. */
export interface Measure {
  id: string
  words: string
  subjects: readonly Subject['id'][]
}

export const MEASURES: readonly Measure[] = [
  { id: 'upheld', words: '(?:结果)?维持(?:原)?(?:具体)?(?:行政)?(?:行为|决定)?', subjects: CASE_SUBJECTS },
  { id: 'corrected', words: '(?:结果)?(?:被)?纠正|被(?:依法)?纠错|结果纠错', subjects: CASE_SUBJECTS },
  { id: 'other', words: '其他结果', subjects: CASE_SUBJECTS },
  { id: 'pending', words: '尚未审结|未审结|正在审理', subjects: CASE_SUBJECTS },
  { id: 'issued', words: '制发|出台|印发|制定|新制定', subjects: DOCUMENT_SUBJECTS },
  { id: 'repealed', words: '废止', subjects: DOCUMENT_SUBJECTS },
  { id: 'inForce', words: '现行有效', subjects: DOCUMENT_SUBJECTS }
]

/** The quantity a subject and a measure name together, if the tables have it. */
export function measureOf(subject: Subject['id'], measure: string): string | undefined {
  const id = measure === 'total' ? subject : `${subject}.${measure}`
  return BY_ID.has(id) ? id : undefined
}

/** A phrase that names one quantity whole. */
export interface Phrase {
  quantity: string
  /** The words that end right before the number. */
  lead: string
  /** Any mention of it: a stretch of words mentioning two different quantities is ambiguous. */
  mention: string
  /** Units it is written with: counting units, or 万元 for an amount. */
  units: readonly string[]
  /** Quotes that look like it but are something else (行政许可事项156项: items, not decisions). */
  reject?: RegExp
}

const COUNT_UNITS = ['件', '起', '宗']
const ITEM_LIST = /清单|目录|事项.*项$/

/** Order matters only for leads that could both end the words; the more specific comes first. */
export const PHRASES: readonly Phrase[] = [
  { quantity: 'new', lead: `(?:收到|新收|受理)${GAP}政府信息公开申请`, mention: '收到|新收|受理', units: COUNT_UNITS },
  { quantity: 'carried', lead: `上一?年度?结转${GAP}`, mention: '上一?年度?结转', units: COUNT_UNITS },
  { quantity: 'public', lead: '(?<![不分])予以公开', mention: '(?<![不分])予以公开', units: COUNT_UNITS },
  { quantity: 'partial', lead: '部分(?:予以)?公开', mention: '部分(?:予以)?公开', units: COUNT_UNITS },
  { quantity: 'withheld', lead: '不予以?公开', mention: '不予以?公开', units: COUNT_UNITS },
  { quantity: 'unable', lead: '无法提供', mention: '无法提供', units: COUNT_UNITS },
  { quantity: 'notProcessed', lead: '不予处理', mention: '不予处理', units: COUNT_UNITS },
  { quantity: 'otherHandling', lead: '其他处理', mention: '其他处理', units: COUNT_UNITS },
  { quantity: 'resultTotal', lead: '(?<!按时|延期|逾期|按期)(?:办理完结|办结)(?:申请)?', mention: '办理完结|办结', units: COUNT_UNITS },
  {
    quantity: 'carryOver',
    lead: '结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?',
    mention: '结转(?:至|到)?下一?年',
    units: COUNT_UNITS
  },
  { quantity: 'license', lead: `行政许可${GAP}`, mention: '行政许可', units: [...COUNT_UNITS, '项'], reject: ITEM_LIST },
  { quantity: 'penalty', lead: `行政处罚${GAP}`, mention: '行政处罚', units: COUNT_UNITS, reject: ITEM_LIST },
  { quantity: 'coercion', lead: `行政强制${GAP}`, mention: '行政强制', units: COUNT_UNITS, reject: ITEM_LIST },
  { quantity: 'fees', lead: '行政事业性收费(?:金额|总额|总计)?', mention: '行政事业性收费', units: ['万元'] }
]

/** Statements of none (“未发生行政复议、行政诉讼案件”) read as 0 for each quantity they mention. */
export interface ZeroPhrase {
  pattern: RegExp
  quantities: readonly string[]
}

/** Only whole clauses count: “无行政复议被纠正” says nothing about how many cases there were. */
const CLAUSE_END = '(?=$|[，,。；;！!？?\\s）)])'
const CASE_VERB = '(?:被申请|被提起|申请|提起)?'
const CASE_NOUN = '(?:行政复议|行政诉讼)'

export const ZERO_PHRASES: readonly ZeroPhrase[] = [
  {
    pattern: new RegExp(`(?:未|没有)(?:收到|受理)(?:任何)?政府信息公开申请${CLAUSE_END}`, 'g'),
    quantities: ['new']
  },
  {
    pattern: new RegExp(
      `(?:未发生|未出现|没有发生|没有|无)(?:因政府信息公开(?:工作)?而?)?${CASE_VERB}${CASE_NOUN}` +
        `(?:(?:、|和|及|与|或|以及)${CASE_VERB}${CASE_NOUN})?(?:案件|的?情况|的?情形|事项)?${CLAUSE_END}`,
      'g'
    ),
    quantities: ['review', 'litigation']
  }
]

/** The words of a quantity for the zero phrases: which of the two a phrase mentions. */
export const ZERO_MENTIONS: Readonly<Record<string, RegExp>> = {
  new: /收到|受理/,
  review: /行政复议/,
  litigation: /行政诉讼/
}
