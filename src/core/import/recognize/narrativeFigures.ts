/**
 * Figures the narrative states about the tables' cells — “制发行政规范性文件12件，废止36件，现行有效
 * 210件”, “共收到政府信息公开申请39件”, “被申请行政复议2件，其中结果维持1件” — as evidence for
 * splitting run-together table figures. They only ever choose among splits the tables' own
 * identities leave open; a figure the text gets wrong never overrides the tables.
 *
 * A sentence is read left to right. Each “number + counting unit” is attributed by the words since
 * the previous figure: a subject (规范性文件, 行政复议, 申请…) named there, or carried from earlier
 * in the same sentence, and an attribute (制发/废止/现行有效, 结果维持/尚未审结…). Comparisons
 * (“较上年增加3件”) and approximations (“10件以上”) are not evidence. Subjects and attributes are data.
 */
import { cellId, type CellId } from '../../report/cells'
import type { Evidence } from './tables/jointSplit'

interface Subject {
  /** Words naming it. */
  words: RegExp
  /** Attribute key → the cells whose sum the figure states; `''`: the subject alone. */
  attributes: Readonly<Record<string, readonly CellId[]>>
  units: string
}

interface Attribute {
  key: string
  words: RegExp
}

const t3 = (row: string) => cellId('t3', row, 'total')
const rowsTotal = (rows: readonly string[]) => rows.map(t3)
const t4 = (group: string, column: string) => cellId('t4', group, column)
const LITIGATION = ['direct', 'afterReview'] as const
const litigation = (column: string) => LITIGATION.map((g) => t4(g, column))

/** Order matters: the first subject whose words end nearest the figure is taken. */
const SUBJECTS: readonly Subject[] = [
  {
    words: /(?:行政)?规范性文件/,
    attributes: {
      '': [cellId('t2', 'normative', 'issued')],
      issued: [cellId('t2', 'normative', 'issued')],
      repealed: [cellId('t2', 'normative', 'repealed')],
      inForce: [cellId('t2', 'normative', 'inForce')]
    },
    units: '件'
  },
  {
    words: /规章/,
    attributes: {
      '': [cellId('t2', 'rules', 'issued')],
      issued: [cellId('t2', 'rules', 'issued')],
      repealed: [cellId('t2', 'rules', 'repealed')],
      inForce: [cellId('t2', 'rules', 'inForce')]
    },
    units: '件'
  },
  { words: /行政许可/, attributes: { '': [cellId('t2', 'license', 'decisions')] }, units: '件' },
  { words: /行政处罚/, attributes: { '': [cellId('t2', 'penalty', 'decisions')] }, units: '件起宗' },
  { words: /行政强制/, attributes: { '': [cellId('t2', 'coercion', 'decisions')] }, units: '件起宗' },
  { words: /行政事业性收费/, attributes: { '': [cellId('t2', 'fees', 'amount')] }, units: '万元' },
  {
    words: /未经复议直接(?:起诉|提起行政诉讼)/,
    attributes: columnsOf((c) => [t4('direct', c)]),
    units: '件起宗'
  },
  { words: /复议后起诉/, attributes: columnsOf((c) => [t4('afterReview', c)]), units: '件起宗' },
  { words: /行政复议/, attributes: columnsOf((c) => [t4('review', c)]), units: '件起宗' },
  { words: /行政诉讼|起诉/, attributes: columnsOf(litigation), units: '件起宗' },
  {
    words: /(?:收到|新收|受理)[^，。；0-9]{0,10}?(?:政府信息公开)?申请/,
    attributes: {
      '': [t3('new')],
      carried: [t3('carried')],
      public: [t3('public')],
      partial: [t3('partial')],
      withheld: rowsTotal(['stateSecret', 'lawForbids', 'threeSafety', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'inquiry']),
      unable: rowsTotal(['notHeld', 'needsCreating', 'stillUnclear']),
      notProcessed: rowsTotal(['petition', 'repeated', 'publication', 'massRepeated', 'confirmation']),
      otherHandling: rowsTotal(['noCorrection', 'feeUnpaid', 'otherReason']),
      carryOver: [t3('carryOver')]
    },
    units: '件'
  }
]

function columnsOf(cells: (column: string) => readonly CellId[]): Record<string, readonly CellId[]> {
  return {
    '': cells('total'),
    total: cells('total'),
    upheld: cells('upheld'),
    corrected: cells('corrected'),
    other: cells('other'),
    pending: cells('pending')
  }
}

const ATTRIBUTES: readonly Attribute[] = [
  { key: 'repealed', words: /废止|废除|宣布失效/ },
  { key: 'inForce', words: /现行有效|有效/ },
  { key: 'issued', words: /制发|制定|出台|印发|新发布/ },
  { key: 'carried', words: /上一?年度?结转/ },
  { key: 'carryOver', words: /结转(?:至|到)?下一?年/ },
  { key: 'partial', words: /部分(?:予以)?公开/ },
  { key: 'withheld', words: /不予以?公开/ },
  { key: 'public', words: /(?<![不分])予以公开|同意公开/ },
  { key: 'unable', words: /无法提供/ },
  { key: 'notProcessed', words: /不予处理/ },
  { key: 'otherHandling', words: /其他处理/ },
  { key: 'upheld', words: /(?:结果)?维持/ },
  { key: 'corrected', words: /(?:结果)?纠正|撤销|确认违法/ },
  { key: 'pending', words: /尚未审结|未审结|正在审理|审理中/ },
  { key: 'other', words: /其他结果/ }
]

// Starts only where a digit run starts: inside a long run of digits with no unit after it, every
// start would scan the rest of the run again (quadratic on a page of run-together figures).
const FIGURE = /(?<!\d)(\d+(?:\.\d+)?)\s*(万元|件|起|宗|项|条)/g
const COMPARISON = /较|比|增加|增长|减少|下降|上升|提高|降低|同期|同比|环比|多于|少于|占/
const APPROXIMATE = /^(?:以上|以下|左右|多|余)/
const SENTENCE = /[^。！？!?\n]+/g
const CLAUSE_BREAK = /[，,；;：:、]/

/** Statements of none, read as 0 for the cells named. */
const ZERO_PHRASES: readonly { pattern: RegExp; cells: readonly CellId[] }[] = [
  { pattern: /(?:未|没有)(?:收到|受理)(?:任何|有关)?(?:政府信息公开|依申请公开)?(?:的)?申请/, cells: [t3('new')] },
  { pattern: /(?:未|没有)(?:发生|出现)?(?:因政府信息公开[^，。；]{0,8})?(?:被)?(?:申请)?行政复议/, cells: [t4('review', 'total')] },
  { pattern: /(?:未|没有)(?:发生|出现)?(?:因政府信息公开[^，。；]{0,8})?(?:被)?(?:提起)?行政诉讼|(?:未|没有)(?:发生|出现)?[^，。；]{0,12}行政复议[、和及与]?(?:提起)?行政诉讼/, cells: litigation('total') }
]

const GLOBAL = new Map<RegExp, RegExp>()

/** The last match of `pattern` in `text`, with its end. */
function lastMatch(pattern: RegExp, text: string): { end: number } | undefined {
  let global = GLOBAL.get(pattern)
  if (!global) GLOBAL.set(pattern, (global = new RegExp(pattern.source, 'g')))
  global.lastIndex = 0
  let found: { end: number } | undefined
  for (let m = global.exec(text); m; m = global.exec(text)) {
    found = { end: m.index + m[0].length }
    if (m[0].length === 0) global.lastIndex += 1
  }
  return found
}

/** Every figure the text states about table cells, merged by cells. */
export function narrativeFigures(texts: readonly string[]): Evidence[] {
  const byKey = new Map<string, { keys: CellId[]; values: Set<number>; quotes: string[] }>()
  const add = (keys: readonly CellId[], value: number, quote: string) => {
    const key = keys.join('+')
    const entry = byKey.get(key) ?? { keys: [...keys], values: new Set<number>(), quotes: [] }
    entry.values.add(value)
    if (entry.quotes.length < 3) entry.quotes.push(quote)
    byKey.set(key, entry)
  }
  for (const text of texts) {
    for (const sentenceMatch of text.matchAll(SENTENCE)) {
      const sentence = sentenceMatch[0]
      readSentence(sentence, add)
      for (const zero of ZERO_PHRASES) {
        const m = zero.pattern.exec(sentence)
        if (m) add(zero.cells, 0, m[0])
      }
    }
  }
  return [...byKey.values()].map((e) => ({ keys: e.keys, values: e.values, quote: e.quotes.join('；') }))
}

function readSentence(sentence: string, add: (keys: readonly CellId[], value: number, quote: string) => void): void {
  let subject: Subject | undefined
  let previousEnd = 0
  for (const m of sentence.matchAll(FIGURE)) {
    const start = m.index ?? 0
    const end = start + m[0].length
    const window = sentence.slice(previousEnd, start)
    previousEnd = end
    // The subject named nearest before the figure, in this window or earlier in the sentence.
    let nearest: { subject: Subject; end: number } | undefined
    for (const s of SUBJECTS) {
      const found = lastMatch(s.words, window)
      if (found && (!nearest || found.end > nearest.end)) nearest = { subject: s, end: found.end }
    }
    if (nearest) subject = nearest.subject
    if (/\d/.test(sentence.charAt(start - 1)) || APPROXIMATE.test(sentence.slice(end))) continue
    // The clause the figure sits in: a comparison or a share is not the count itself.
    const clauseStart = lastMatch(CLAUSE_BREAK, window)?.end ?? 0
    if (COMPARISON.test(window.slice(clauseStart))) continue
    // The attribute named nearest before the figure; it may name its subject too (予以公开 → 申请).
    let attribute: Attribute | undefined
    let attributeEnd = -1
    for (const a of ATTRIBUTES) {
      const found = lastMatch(a.words, window)
      if (found && found.end > attributeEnd) {
        attribute = a
        attributeEnd = found.end
      }
    }
    let owner = subject
    if (attribute && (!owner || !(attribute.key in owner.attributes)) && (!nearest || nearest.end < attributeEnd)) {
      const owners = SUBJECTS.filter((s) => attribute!.key in s.attributes)
      owner = owners.length === 1 ? owners[0] : owner
    }
    if (!owner) continue
    const unit = m[2]!
    if (!owner.units.includes(unit)) continue
    const key = attribute && attribute.key in owner.attributes && (!nearest || attributeEnd >= nearest.end - 1 || nearest.subject === owner) ? attribute.key : ''
    const cells = owner.attributes[key] ?? owner.attributes['']
    if (!cells) continue
    add(cells, Number(m[1]), sentence.slice(Math.max(0, start - 16), end).trim())
  }
}
