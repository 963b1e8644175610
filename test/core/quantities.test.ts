/**
 * The shared vocabulary of table quantities: read in the narrative (P5), used to link 【待更新】 marks
 * to their cells, and to word the ready sentences — which read back to exactly the cells they came
 * from, so an inserted sentence stays checked against its table.
 */
import { describe, expect, it } from 'vitest'
import { CELLS, cellId } from '@core/report/cells'
import { cellsOfMissing, importedFacts } from '@core/report/importedFacts'
import { linkedMarks, resolveLinkedMarks } from '@core/report/markLinks'
import { QUANTITIES, quantity } from '@core/report/quantities'
import type { Report } from '@core/report/report'
import { SENTENCE_TEMPLATES, suggestSentences } from '@core/report/sentences'
import { readStatements } from '@core/report/statements'
import { checkReport } from '@core/rules/index'
import { consistentReport, previousReport, withSection, withValues } from '../support/reports'

const base = consistentReport()
const read = (text: string): string[] => readStatements(text).map((s) => `${s.quantity.id}=${s.value}${s.marked ? '*' : ''}`)

describe('the vocabulary is derived from the table definitions', () => {
  it('names only cells that exist, every 表四 group and result, every 表二 row', () => {
    for (const q of QUANTITIES) for (const id of q.cells) expect(CELLS.some((c) => c.id === id)).toBe(true)
    expect(quantity('litigation.upheld').cells).toEqual(['t4.direct.upheld', 't4.afterReview.upheld'])
    expect(quantity('withheld').cells).toHaveLength(8)
    expect(quantity('normative.inForce').label).toBe('表二「行政规范性文件」「现行有效件数」')
    expect(quantity('fees').kind).toBe('amount')
  })
})

describe('reading statements', () => {
  it.each<[string, string[]]>([
    ['本年度共收到政府信息公开申请39件，上年结转3件。', ['new=39', 'carried=3']],
    ['其中予以公开16件，部分公开5件，不予公开5件，无法提供8件，不予处理4件，其他处理1件，结转下年度继续办理3件。', ['public=16', 'partial=5', 'withheld=5', 'unable=8', 'notProcessed=4', 'otherHandling=1', 'carryOver=3']],
    ['被申请行政复议2件，其中结果维持1件、尚未审结1件；被提起行政诉讼1件，其中结果纠正1件。', ['review=2', 'review.upheld=1', 'review.pending=1', 'litigation=1', 'litigation.corrected=1']],
    ['本年度制发行政规范性文件2件、废止1件，现行有效14件；制发规章0件。', ['normative.issued=2', 'normative.repealed=1', 'normative.inForce=14', 'rules.issued=0']],
    ['行政事业性收费0.35万元。', ['fees=0.35']],
    ['本年度共收到政府信息公开申请【待更新：39】件，上年结转【待更新：3】件。', ['new=39*', 'carried=3*']],
    ['本年度未发生行政复议、行政诉讼案件。', ['review=0', 'litigation=0']]
  ])('%s', (text, statements) => {
    expect(read(text)).toEqual(statements)
  })
})

describe('marks linked to the tables', () => {
  const sections: Report['sections'] = {
    ...base.sections,
    overview: '本年度共收到政府信息公开申请【待更新：39】件，上年结转【待更新：3】件，组织培训【待更新：2】次。',
    requests: '其中予以公开【待更新：16】件，不予公开【待更新：5】件。'
  }

  it('links a mark that states a quantity, and only those', () => {
    expect(linkedMarks(sections).map((m) => [m.section, m.quantity.id, m.figure])).toEqual([
      ['overview', 'new', '39'],
      ['overview', 'carried', '3'],
      ['requests', 'public', '16'],
      ['requests', 'withheld', '5']
    ])
  })

  it('replaces a mark by the table’s figure once every cell of it is filled', () => {
    const values = withValues(base, { 't3.new.total': 42, 't3.stateSecret.total': undefined }).values
    const { sections: next, resolved } = resolveLinkedMarks(sections, values)
    expect(resolved.map((r) => [r.quantity.id, r.value])).toEqual([
      ['new', '42'],
      ['carried', '3'],
      ['public', '16']
    ])
    expect(next.overview).toBe('本年度共收到政府信息公开申请42件，上年结转3件，组织培训【待更新：2】次。')
    // 不予公开 is a sum of eight cells, one of them blank: its mark stays.
    expect(next.requests).toBe('其中予以公开16件，不予公开【待更新：5】件。')
    expect(next.proactive).toBe(sections.proactive)
  })

  it('changes nothing while the cells are blank', () => {
    const { sections: next, resolved } = resolveLinkedMarks(sections, {})
    expect(resolved).toEqual([])
    expect(next).toBe(sections)
  })
})

describe('ready sentences from the tables', () => {
  it('words the three tables, with the change from last year', () => {
    const previous = withValues(previousReport(base), { 't3.new.total': 30 })
    expect(suggestSentences(base, previous).map((s) => s.text)).toEqual([
      '本年度共收到政府信息公开申请39件，较上年增加9件（增长30%）；上年结转3件；办理完结39件，其中予以公开16件、部分公开5件、不予公开5件、无法提供8件、不予处理4件、其他处理1件；结转下年度继续办理3件。',
      '本年度制发行政规范性文件2件、废止2件，现行有效行政规范性文件14件；作出行政许可决定156件、行政处罚决定48件、行政强制决定5件；行政事业性收费0万元。',
      '本年度因政府信息公开工作被申请行政复议2件，其中结果维持1件、尚未审结1件；被提起行政诉讼1件，其中尚未审结1件；未经复议直接起诉1件、复议后起诉0件。'
    ])
  })

  it('says 减少 and 持平, and states none when the tables say none', () => {
    const fewer = suggestSentences(base, withValues(previousReport(base), { 't3.new.total': 52 }), ['requests'])[0]!.text
    expect(fewer).toContain('较上年减少13件（下降25%）')
    const same = suggestSentences(base, previousReport(base), ['requests'])[0]!.text
    expect(same).toContain('，与上年持平；')
    const none = withValues(base, { 't4.review.upheld': 0, 't4.review.pending': 0, 't4.review.total': 0, 't4.direct.pending': 0, 't4.direct.total': 0 })
    expect(suggestSentences(none, undefined, ['review'])[0]!.text).toBe('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。')
  })

  it('offers nothing while a figure it needs is blank', () => {
    expect(suggestSentences(withValues(base, { 't3.carried.total': undefined }), undefined, ['requests'])).toEqual([])
  })

  // Deterministic variations of the tables: every sentence must read back to the figures it states.
  const variations = [0, 1, 2, 3, 4, 5].map((seed) => {
    const values = { ...base.values }
    for (const [i, c] of CELLS.entries()) if (c.kind === 'count') values[c.id] = (i * 7 + seed * 13) % (seed + 3)
    values[cellId('t2', 'fees', 'amount')] = seed / 4
    return { ...base, values }
  })

  it.each(variations.map((r, i) => [i, r] as const))('variation %i: each sentence reads back to its cells, and P5 agrees', (_i, report) => {
    for (const suggestion of suggestSentences(report)) {
      const statements = readStatements(suggestion.text)
      expect(statements.map((s) => s.quantity.id).sort()).toEqual([...suggestion.quantities].sort())
      for (const s of statements) {
        const expected = s.quantity.cells.reduce((sum, id) => sum + (report.values[id] ?? 0), 0)
        expect([s.quantity.id, s.value]).toEqual([s.quantity.id, expected])
      }
      // Inserted, the sentence raises no P5; with the table changed under it, P5 says so.
      const inserted = withSection(report, suggestion.section, suggestion.text)
      const p5 = (r: Report) => checkReport(r).filter((f) => f.rule === 'P5' && f.target.kind === 'section' && f.target.section === suggestion.section)
      expect(p5(inserted)).toEqual([])
      const first = statements.find((s) => s.quantity.cells.length === 1 && s.unit !== '')!
      const changed = withValues(inserted, { [first.quantity.cells[0]!]: (report.values[first.quantity.cells[0]!] ?? 0) + 1 })
      expect(p5(changed).some((f) => f.cells.includes(first.quantity.cells[0]!))).toBe(true)
    }
  })

  it('templates are data naming known quantities', () => {
    for (const template of SENTENCE_TEMPLATES) {
      for (const part of template.parts) {
        for (const text of [part.text, ...(part.items ?? [])]) {
          for (const [, id] of text.matchAll(/\{(?:change:)?([A-Za-z.]+)\}/g)) expect(() => quantity(id!)).not.toThrow()
        }
      }
    }
  })
})

describe('what the import saw, kept for the checks', () => {
  it('maps recognition’s missing list to cells: a table, a row, a cell', () => {
    const cells = cellsOfMissing(['表四', '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」', '表二「规章」「本年废止件数」'])
    expect(cells).toHaveLength(15 + 7 + 1)
    expect(cells).toContain('t3.stateSecret.natural')
    expect(cells).toContain('t2.rules.repealed')
  })

  it('keeps the generation, printed wording, unread and doubtful cells', () => {
    const facts = importedFacts({
      generation: '2021',
      title: ' 某局2024年政府信息公开年度报告 ',
      sections: [
        { heading: '一、总体情况', section: 'overview' },
        { heading: '五、存在的主要问题及整改措施', section: 'problems' },
        { heading: '七、附表' }
      ],
      missing: ['表四'],
      values: [
        { cell: 't3.new.natural', value: 45, flags: ['split'], note: '由连写数字拆分' },
        { cell: 't3.new.business', value: 6, flags: [] },
        { cell: 't2.normative.issued', value: 5, flags: ['review'], note: '行名印作“规范性文件”，按“行政规范性文件”导入' }
      ],
      warnings: ['表二「规章」只有 1 个数值，应为 3 个，已留空', '表三「二、上年结转政府信息公开申请数量」「自然人」空白，可能为 0，已留空']
    })
    expect(facts).toEqual({
      generation: '2021',
      title: '某局2024年政府信息公开年度报告',
      headings: { overview: '一、总体情况', problems: '五、存在的主要问题及整改措施' },
      labels: [{ printed: '规范性文件', official: '行政规范性文件' }],
      unread: [...CELLS.filter((c) => c.table === 't4').map((c) => c.id), 't2.rules.issued', 't2.rules.repealed', 't2.rules.inForce'],
      flagged: [
        { cell: 't3.new.natural', value: 45, note: '由连写数字拆分' },
        { cell: 't2.normative.issued', value: 5, note: '行名印作“规范性文件”，按“行政规范性文件”导入' }
      ]
    })
  })
})
