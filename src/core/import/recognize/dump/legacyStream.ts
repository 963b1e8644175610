/**
 * A pre-2019 statistics table glued into one line: `指标名称计量单位2015年度历年累计主动公开文件数条
 * 294981916其中：1、政府网站公开数条2949819162、政府公报公开数条00…`. Rows are label + unit +
 * figures; the next row's numbering glued to the figures (`…2949819162、`) goes back to its row;
 * each row's figures are split into its columns by the table's own relations — this year never
 * exceeds the cumulative total, a “其中” row never exceeds its parent — solved over all rows at
 * once, with the narrative's figures (“2015年主动公开政府信息2949条”) as evidence. What stays open
 * is left blank, with the candidates said. The table comes back as a real table block.
 */
import type { Block, BlockCell } from '../../types'
import { parentsOf } from '../legacy/hierarchy'
import { bareLabel } from '../legacy/mapping'
import { columnKey } from '../legacy/vocabulary'
import type { StepBudget } from '../tables/budget'
import { solveJointly, type Evidence, type Relation, type Run } from '../tables/jointSplit'
import { splitDigits } from '../tables/runTogether'

export interface LegacyRegion {
  start: number
  end: number
  block: Block
  warnings: string[]
}

/** The label column's header: distinctive ones alone, common words (项目, 名称) only before a unit column. */
const LABEL_HEADER = '指标名称|统计指标|统计项目|项目名称|指\\s*标'
const LOOSE_LABEL_HEADER = '项\\s*目|名\\s*称'
const UNIT_HEADER = '(?:计量)?单\\s*位'
const VALUE_HEADER = '(?:19|20)\\d{2}\\s*年\\s*度?|本年度?|本期(?:实际)?|本年累计|历年累[计积]|累计|统计数|全年|上年度?数?'
const HEADER = new RegExp(
  `(?:(${LABEL_HEADER})\\s*(${UNIT_HEADER})?|(${LOOSE_LABEL_HEADER})\\s*(${UNIT_HEADER}))\\s*((?:(?:${VALUE_HEADER})\\s*){1,4})`,
  'g'
)
const VALUE_WORD = new RegExp(VALUE_HEADER, 'g')
const UNIT = '万元|人次|条|件|项|个|次|人|篇|期|份|场|批|天|户|元'
/** A unit printed right before a figure: where a row's label ends. */
const UNIT_FIGURE = new RegExp(`(${UNIT})(?=\\d)`, 'g')
/** A unit followed by a new row's numbering: the row before printed no figure. */
const UNIT_THEN_ROW = new RegExp(`(${UNIT})(?=其中|[一二三四五六七八九十]{1,3}[、.．]|\\d{1,2}[、.．]\\D|[（(][一二三四五六七八九十\\d]{1,2}[）)])`)
const NUMBERING = /^(?:其中\s*[:：]?\s*)?(?:(\d{1,2})\s*[、.．]|[（(]([一二三四五六七八九十\d]{1,2})[）)]|[一二三四五六七八九十]{1,3}[、.．])/
/** A row label: no sentence in it, and not longer than this. */
const MAX_LABEL = 40

interface StreamRow {
  label: string
  unit: string
  digits: string
}

/**
 * Where a row's figures start in a table without a unit column: a run of digits after the label's
 * words — not a row's own number (“1.政府网站…”), which is short and followed by its mark.
 */
function labelFigures(text: string, from: number): { index: number; unit: string } | undefined {
  for (let i = Math.max(from, 1); i < text.length; i += 1) {
    if (!/\d/.test(text[i]!) || /\d/.test(text[i - 1]!) || !/[\p{Script=Han}）)”]/u.test(text[i - 1]!)) continue
    let end = i
    while (end < text.length && /\d/.test(text[end]!)) end += 1
    if (end - i <= 2 && /^\s*[、.．]\D/.test(text.slice(end, end + 3))) continue
    return { index: i, unit: '' }
  }
  return undefined
}

function unitFigures(text: string, from: number): { index: number; unit: string } | undefined {
  UNIT_FIGURE.lastIndex = from
  const m = UNIT_FIGURE.exec(text)
  return m ? { index: m.index, unit: m[1]! } : undefined
}

/** Rows from `from`: label, unit, digits — until the text stops looking like a table. */
function readRows(text: string, from: number, withUnit: boolean): { rows: StreamRow[]; end: number } {
  const rows: StreamRow[] = []
  let at = from
  let lastNumber = 0
  for (;;) {
    const m = withUnit ? unitFigures(text, at) : labelFigures(text, at)
    if (!m) break
    let label = text.slice(at, m.index).replace(/\s+/g, '')
    if (label.length === 0 || label.length > MAX_LABEL * 2 || /[。；;！？]/.test(label)) break
    // Rows printed without figures before this one.
    for (let empty = withUnit ? UNIT_THEN_ROW.exec(label) : null; empty; empty = UNIT_THEN_ROW.exec(label)) {
      rows.push({ label: label.slice(0, empty.index), unit: empty[1]!, digits: '' })
      label = label.slice(empty.index + empty[1]!.length)
    }
    if (label.length > MAX_LABEL) break
    const digitsStart = m.index + m.unit.length
    let end = digitsStart
    while (end < text.length && /\d/.test(text[end]!)) end += 1
    let digits = text.slice(digitsStart, end)
    // The next row's number glued on (`…2949819162、政府公报…`): it goes back to that row.
    if (/^\s*[、.．]\D/.test(text.slice(end, end + 2)) && digits.length >= 2) {
      const number = NUMBERING.exec(label)?.[1]
      const expected = String((number ? Number(number) : lastNumber) + 1)
      const take = digits.endsWith(expected) && digits.length > expected.length ? expected.length : 1
      digits = digits.slice(0, -take)
      end -= take
    }
    const own = NUMBERING.exec(label)?.[1]
    lastNumber = own ? Number(own) : /^其中/.test(label) ? 0 : lastNumber
    rows.push({ label, unit: m.unit, digits })
    at = end
  }
  return { rows, end: at }
}

/** The words of a row that the narrative would use (主动公开文件数 → 主动公开文件). */
function keyOf(label: string): string {
  return bareLabel(label).replace(/(?:总数|数量|件数|条数|数)$/, '')
}

function longestCommon(a: string, b: string): number {
  let best = 0
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      let k = 0
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k += 1
      best = Math.max(best, k)
    }
  }
  return best
}

/** Figures the narrative states with the row's unit after words of the row's label. */
function evidenceFor(rows: readonly StreamRow[], keys: readonly string[], narrative: string): Evidence[] {
  const out: Evidence[] = []
  rows.forEach((row, i) => {
    const key = keyOf(row.label)
    if (key.length < 2) return
    const values = new Set<number>()
    const quotes: string[] = []
    const figure = new RegExp(`(\\d+)(?:${row.unit || UNIT})`, 'g')
    for (const m of narrative.matchAll(figure)) {
      const start = m.index ?? 0
      const window = narrative.slice(Math.max(0, start - 24), start).split(/[。，；,;：:]/).at(-1) ?? ''
      if (/\d$/.test(narrative.slice(0, start))) continue
      if (longestCommon(key, window) < Math.min(4, key.length)) continue
      values.add(Number(m[1]))
      if (quotes.length < 2) quotes.push((window + m[0]).trim())
    }
    if (values.size) out.push({ keys: [keys[i]!], values, quote: quotes.join('；') })
  })
  return out
}

/** Statistics tables glued into `text`; `narrative(start, end)`: the text around a table. */
export function legacyRegions(text: string, narrative: (start: number, end: number) => string, budget: StepBudget): LegacyRegion[] {
  const out: LegacyRegion[] = []
  HEADER.lastIndex = 0
  for (let header = HEADER.exec(text); header; header = HEADER.exec(text)) {
    const columns = [...header[5]!.matchAll(VALUE_WORD)].map((m) => m[0].replace(/\s+/g, ''))
    const withUnit = (header[2] ?? header[4]) !== undefined
    const { rows, end } = readRows(text, header.index + header[0].length, withUnit)
    if (rows.filter((r) => r.digits).length < 2) continue
    HEADER.lastIndex = end
    const region = solveRegion(rows, columns, header, narrative(header.index, end), budget)
    out.push({ start: header.index, end, ...region })
  }
  return out
}

function solveRegion(
  rows: readonly StreamRow[],
  columns: readonly string[],
  header: RegExpExecArray,
  narrative: string,
  budget: StepBudget
): { block: Block; warnings: string[] } {
  const keys = rows.map((_, i) => columns.map((c) => `${i}:${c}`))
  const runs: Run[] = []
  const runRow: number[] = []
  const known = new Map<string, number>()
  rows.forEach((row, i) => {
    if (!row.digits) return
    if (columns.length === 1) {
      known.set(keys[i]![0]!, Number(row.digits))
      return
    }
    const split = splitDigits([row.digits], [{ size: columns.length, totalLast: false }], budget.slice(budget.remaining / 4))
    runs.push({ keys: keys[i]!, candidates: split.candidates, complete: split.complete })
    runRow.push(i)
  })
  // This year never exceeds the cumulative total; a “其中” row never exceeds its parent.
  const relations: Relation[] = []
  const yearColumn = columns.findIndex((c) => columnKey(c) === '本年')
  const totalColumn = columns.findIndex((c) => columnKey(c) === '历年累计')
  const present = (i: number) => rows[i]!.digits !== ''
  rows.forEach((_, i) => {
    if (present(i) && yearColumn >= 0 && totalColumn >= 0) {
      relations.push({ left: [keys[i]![yearColumn]!], right: [keys[i]![totalColumn]!], kind: 'le' })
    }
  })
  const parents = parentsOf(rows.map((r) => r.label))
  parents.forEach((parent, i) => {
    const p = parent === undefined ? -1 : rows.findIndex((r) => r.label === parent)
    if (p < 0 || !present(i) || !present(p) || rows[p]!.unit !== rows[i]!.unit) return
    columns.forEach((_, c) => relations.push({ left: [keys[i]![c]!], right: [keys[p]![c]!], kind: 'le' }))
  })
  const yearKeys = yearColumn >= 0 ? keys.map((k) => k[yearColumn]!) : []
  const evidence = yearColumn >= 0 ? evidenceFor(rows, yearKeys, narrative) : []
  const outcomes = solveJointly(runs, known, relations, budget, evidence)

  const warnings: string[] = []
  const unitHeader = header[2] ?? header[4]
  const cellsOf = rows.map((row, i): BlockCell[] => {
    const cell = (text: string, derived?: string): BlockCell => ({ text, rowSpan: 1, colSpan: 1, ...(derived ? { derived } : {}) })
    const unit = unitHeader ? [cell(row.unit)] : []
    const r = runRow.indexOf(i)
    if (r < 0) {
      const value = columns.length === 1 ? row.digits : ''
      return [cell(row.label), ...unit, cell(value), ...columns.slice(1).map(() => cell(''))]
    }
    const outcome = outcomes[r]!
    const how =
      outcome.basis === 'narrative'
        ? `由连写数字“${row.digits}”拆分，按正文“${outcome.quotes.join('；')}”确定`
        : `由连写数字“${row.digits}”按本年不超过累计、分项不超过总数拆分`
    if (outcome.values.some((v) => v === undefined)) {
      const open = outcome.open.map((c) => c.join('|')).join('；')
      warnings.push(
        outcome.openCount > 1
          ? `旧版统计表“${row.label}”数字连写“${row.digits}”有 ${outcome.openCount} 种可能的拆分（如 ${open}），无法确定，已留空`
          : `旧版统计表“${row.label}”数字连写“${row.digits}”无法拆分为 ${columns.length} 个数，已留空`
      )
    }
    return [cell(row.label), ...unit, ...outcome.values.map((v) => (v === undefined ? cell('') : cell(String(v), how)))]
  })
  const headerRow: BlockCell[] = [header[1] ?? header[3]!, ...(unitHeader ? [unitHeader] : []), ...columns].map((text) => ({
    text: text.replace(/\s+/g, ''),
    rowSpan: 1,
    colSpan: 1
  }))
  return { block: { kind: 'table', rows: [headerRow, ...cellsOf] }, warnings }
}
