/**
 * The joint split: run-together rows decided by every identity of the tables at once, the
 * narrative's figures choosing where the identities leave several splits, blanks and candidates
 * where nothing decides, and a search bounded by steps whatever the input.
 */
import { describe, expect, it } from 'vitest'
import { SPLIT_ROW_SHARE, SPLIT_STEP_BUDGET } from '@core/import/limits'
import { StepBudget } from '@core/import/recognize/tables/budget'
import { recognizeTables } from '@core/import/recognize/tables/index'
import { solveJointly } from '@core/import/recognize/tables/jointSplit'
import { splitDigits } from '@core/import/recognize/tables/runTogether'
import type { Block } from '@core/import/types'

const T3_ROW = [{ size: 7, totalLast: true }]
const para = (text: string): Block => ({ kind: 'paragraph', text })

describe('solveJointly', () => {
  const runs = [
    { keys: ['a1', 'a2'], candidates: [[1, 2], [2, 1]], complete: true },
    { keys: ['b1', 'b2'], candidates: [[5, 0], [0, 5]], complete: true }
  ]
  it('decides each run by the relations it shares with the others and the values read', () => {
    const known = new Map([['t1', 6], ['t2', 2]])
    const relations = [
      { left: ['a1', 'b1'], right: ['t1'], kind: 'eq' as const },
      { left: ['a2', 'b2'], right: ['t2'], kind: 'eq' as const }
    ]
    const out = solveJointly(runs, known, relations, new StepBudget(1000))
    expect(out.map((o) => [o.values, o.basis])).toEqual([
      [[1, 2], 'joint'],
      [[5, 0], 'joint']
    ])
  })
  it('leaves what the solutions disagree on open, and lists them', () => {
    const out = solveJointly(runs, new Map(), [], new StepBudget(1000))
    expect(out[0]).toMatchObject({ values: [undefined, undefined], problem: 'ambiguous', openCount: 2, open: [[1, 2], [2, 1]] })
  })
  it('lets the narrative choose only among what the identities allow', () => {
    const evidence = [{ keys: ['a1'], values: new Set([2, 9]), quote: '甲2件' }]
    const out = solveJointly(runs, new Map(), [], new StepBudget(1000), evidence)
    expect(out[0]).toMatchObject({ values: [2, 1], basis: 'narrative', quotes: ['甲2件'] })
    // A narrative figure no split allows is no evidence.
    const wrong = solveJointly(runs, new Map(), [], new StepBudget(1000), [{ keys: ['a1'], values: new Set([7]), quote: '甲7件' }])
    expect(wrong[0]!.problem).toBe('ambiguous')
  })
  it('honours ≤ relations (a pre-2019 figure is at most its cumulative total)', () => {
    const run = { keys: ['y', 'c'], candidates: [[2, 94981916], [29, 4981916], [2949, 81916], [29498, 1916]], complete: true }
    const parent = { keys: ['py', 'pc'], candidates: [[2949, 81916]], complete: true }
    const le = (a: string, b: string) => ({ left: [a], right: [b], kind: 'le' as const })
    const out = solveJointly([run, parent], new Map(), [le('y', 'c'), le('y', 'py'), le('c', 'pc')], new StepBudget(1000))
    expect(out[0]!.values).toEqual([2949, 81916])
  })
  it('searches a table of tens of thousands of runs without exhausting the call stack', () => {
    // A damaged page repeating its table: every run forced, the search as deep as the runs are many.
    const many = Array.from({ length: 50_000 }, (_, i) => ({ keys: [`r${i}`], candidates: [[i % 10]], complete: true }))
    const out = solveJointly(many, new Map(), [], new StepBudget(60_000))
    expect(out).toHaveLength(50_000)
    expect(out.every((o, i) => o.values[0] === i % 10 && o.problem === undefined)).toBe(true)
  })
})

describe('a search bounded by steps', () => {
  it('prunes a hostile digit string at once by its length', () => {
    const budget = new StepBudget(1_000_000)
    expect(splitDigits(['7'.repeat(600)], T3_ROW, budget)).toEqual({ candidates: [], complete: true })
    expect(budget.spent).toBe(1)
  })
  it('stops when its budget is spent and says the list is partial', () => {
    const budget = new StepBudget(500)
    const result = splitDigits(['1'.repeat(30)], [{ size: 7, totalLast: false }], budget)
    expect(result.complete).toBe(false)
    expect(budget.spent).toBeLessThanOrEqual(500)
  })
  it('keeps a whole document within the budget however many hostile rows it holds, and leaves them blank', () => {
    const rows = ['（一）予以公开', '（二）部分公开', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理']
    const blocks: Block[] = []
    for (let i = 0; i < 400; i += 1) blocks.push(para(`${rows[i % rows.length]} ${'1234567890'.repeat(3).slice(0, 24 + (i % 7))}`))
    const budget = new StepBudget(SPLIT_STEP_BUDGET)
    const result = recognizeTables(blocks, '2021', { budget })
    expect(budget.spent).toBeLessThanOrEqual(SPLIT_STEP_BUDGET)
    expect(result.values.filter((v) => v.flags.includes('split'))).toEqual([])
    expect(SPLIT_STEP_BUDGET * SPLIT_ROW_SHARE).toBeGreaterThan(1000)
  })
})

describe('the narrative as evidence', () => {
  const table2 = (sentence: string): Block[] => [
    para('二、主动公开政府信息情况'),
    para(sentence),
    para('第二十条第（一）项'),
    para('信息内容 本年制发件数 本年废止件数 现行有效件数'),
    para('规章 000'),
    para('行政规范性文件 1236210')
  ]
  it('decides a 表二 row, which has no identity, by a sentence stating its figures', () => {
    const result = recognizeTables(table2('本年度制发行政规范性文件12件，废止36件，现行有效210件。'), '2021')
    const got = new Map(result.values.map((v) => [v.cell, v]))
    expect(['issued', 'repealed', 'inForce'].map((c) => got.get(`t2.normative.${c}`)?.value)).toEqual([12, 36, 210])
    const issued = got.get('t2.normative.issued')!
    expect(issued).toMatchObject({ method: 'derived', flags: ['split'] })
    expect(issued.note).toContain('按正文')
    expect(issued.confidence).toBeLessThan(got.get('t2.rules.issued')!.confidence + 0.0001)
    expect(result.warnings.filter((w) => w.includes('行政规范性文件'))).toEqual([])
  })
  it('leaves the row blank and lists candidates without such a sentence', () => {
    const result = recognizeTables(table2('本年度持续做好规范性文件管理工作。'), '2021')
    expect(result.values.some((v) => v.cell.startsWith('t2.normative.'))).toBe(false)
    expect(result.warnings).toEqual([expect.stringMatching(/^表二「行政规范性文件」数字连写“1236210”有 \d+ 种可能的拆分（如 .*），无法确定，已留空$/)])
  })
  it('decides only the cells the sentence settles', () => {
    const result = recognizeTables(table2('目前现行有效的行政规范性文件共210件。'), '2021')
    const got = new Map(result.values.map((v) => [v.cell, v.value]))
    expect(got.get('t2.normative.inForce')).toBe(210)
    expect(got.has('t2.normative.issued')).toBe(false)
    expect(result.warnings).toEqual([expect.stringContaining('其中「本年制发件数、本年废止件数」无法确定')])
  })
})
