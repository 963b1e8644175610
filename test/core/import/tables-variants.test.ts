/**
 * The ways real reports bend the tables: misprinted and broken labels, vertical row titles,
 * split column headers, page numbers and repeated headers inside a table, a CMS metadata table
 * before it, a header grid misaligned with the data rows, empty cells, wrong totals, big figures
 * and six-decimal amounts.
 */
import { describe, expect, it } from 'vitest'
import { recognizeTables, type TableRecognition } from '@core/import/recognize/tables/index'
import type { Block, BlockCell } from '@core/import/types'
import { CELLS, type CellId } from '@core/report/cells'
import { TABLE_2, TABLE_3, TABLE_4 } from '@core/report/tables'
import { consistentValues } from '../../support/reports'
import { cellPerLine, flattened, reportBlocks, tableBlock, tableRows, type Values } from './tablesRender'

const values = consistentValues()

function valueMap(result: TableRecognition): Map<CellId, number> {
  return new Map(result.values.map((v) => [v.cell, v.value]))
}

function expectAll(result: TableRecognition, expected: Values = values, except: readonly CellId[] = []): void {
  const got = valueMap(result)
  const wanted = CELLS.filter((c) => !except.includes(c.id)).map((c) => [c.id, expected[c.id]])
  expect(wanted.map(([id]) => [id, got.get(id as CellId)])).toEqual(wanted)
}

/** A copy of the blocks with every label cell of the tables passed through `relabel`. */
function relabel(blocks: readonly Block[], relabelText: (text: string) => string): Block[] {
  return blocks.map((b) =>
    b.kind === 'table'
      ? { ...b, rows: b.rows.map((row) => row.map((c) => (/^[\d.,]*$/.test(c.text) ? c : { ...c, text: relabelText(c.text) }))) }
      : b
  )
}

const cell = (text: string, colSpan = 1, rowSpan = 1): BlockCell => ({ text, colSpan, rowSpan })
const t3Row = (label: string, figures: readonly (number | string)[]): BlockCell[] => [
  cell(label, 3),
  ...figures.map((f) => cell(String(f)))
]

describe('labels printed differently', () => {
  it('survives misprints, other numbering, broken labels and quote styles', () => {
    const blocks = relabel(reportBlocks(values), (text) =>
      text
        .replace('2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开')
        .replace(/^行政复议$/, '行政法复议')
        .replace(/^(\d)\./, '$1、')
        .replace('“三安全一稳定”', '"三安全 一稳定"')
        .replace('本机关不掌握相关政府信息', '本机关不掌握相关\n政府 信息')
    )
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    const fuzzy = result.values.find((v) => v.cell === 't3.lawForbids.natural')!
    expect(fuzzy.confidence).toBeLessThan(1)
    expect(fuzzy.confidence).toBeGreaterThan(0.7)
    expect(fuzzy.flags).toContain('review')
    expect(fuzzy.note).toContain('其他法律法规禁止公开')
    expect(result.values.find((v) => v.cell === 't3.stateSecret.natural')!.confidence).toBe(1)
  })

  it('reads row titles printed vertically, one character per line', () => {
    const vertical = (text: string) => [...text].join('\n')
    const blocks = relabel(reportBlocks(values), (text) =>
      ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '行政复议'].includes(text) ? vertical(text) : text
    )
    expectAll(recognizeTables(blocks, '2021'))
    // Flattened, the characters become paragraphs of their own.
    const flat = flattened(blocks, cellPerLine).flatMap((b): Block[] =>
      b.kind === 'paragraph' && b.text.includes('\n') ? b.text.split('\n').map((text) => ({ kind: 'paragraph', text })) : [b]
    )
    const result = recognizeTables(flat, '2021')
    expectAll(result)
    expect(result.warnings).toEqual([])
  })

  it('reads column headers split over lines and cells (商业企 / 业)', () => {
    const blocks = relabel(reportBlocks(values), (text) =>
      text === '商业企业' ? '商业企\n业' : text === '本年制发件数' ? '本年制发\n件数' : text
    )
    expectAll(recognizeTables(blocks, '2021'))
    const flat = flattened(blocks, cellPerLine).flatMap((b): Block[] =>
      b.kind === 'paragraph' && b.text.includes('\n') ? b.text.split('\n').map((text) => ({ kind: 'paragraph', text })) : [b]
    )
    expectAll(recognizeTables(flat, '2021'))
  })

  it('imports 表二 “规范性文件” of a 2021 report as 行政规范性文件, noted', () => {
    const blocks = relabel(reportBlocks(values), (text) => (text === '行政规范性文件' ? '规范性文件' : text))
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    const normative = result.values.find((v) => v.cell === 't2.normative.inForce')!
    expect(normative.note).toContain('规范性文件')
    expect(normative.confidence).toBeLessThan(1)
  })
})

describe('tables as printed on paper and on the web', () => {
  it('ignores a CMS metadata table before the report’s tables', () => {
    const metadata: Block = {
      kind: 'table',
      rows: [
        [cell('名称'), cell('示例镇2025年政府信息公开工作年度报告'), cell('索引号'), cell('11410xxx/2026-00012')],
        [cell('发布机构'), cell('示例镇人民政府'), cell('公开日期'), cell('2026-01-20')],
        [cell('文号'), cell(''), cell('主题分类'), cell('政务公开')]
      ]
    }
    const blocks = [metadata, ...reportBlocks(values)]
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.consumed.has(0)).toBe(false)
    expect(result.warnings).toEqual([])
  })

  it('reads a PDF-like grid: no merges, wrapped headers, page number rows and a repeated header', () => {
    const header: BlockCell[][] = [
      [cell(TABLE_3.corner), cell(''), cell(''), cell(TABLE_3.columnCaption), ...Array.from({ length: 6 }, () => cell(''))],
      [cell(''), cell(''), cell(''), cell('自然人'), cell('法人或其他组织'), cell(''), cell(''), cell(''), cell(''), cell('总计')],
      [cell(''), cell(''), cell(''), cell(''), cell('商业企'), cell('科研'), cell('社会公益'), cell('法律服务'), cell('其他'), cell('')],
      [cell(''), cell(''), cell(''), cell(''), cell('业'), cell('机构'), cell('组织'), cell('机构'), cell(''), cell('')]
    ]
    const t3 = tableRows(TABLE_3, values).slice(3)
    // Flatten the merges: every data row gets its full 10 cells, group labels only on their first row.
    const body = t3.map((row) => {
      const labels = row.filter((c) => !/^\d+$/.test(c.text)).map((c) => c.text)
      const figures = row.filter((c) => /^\d+$/.test(c.text))
      const padded = [...Array.from({ length: 3 - labels.length }, () => ''), ...labels]
      return [...padded.map((t) => cell(t)), ...figures]
    })
    const page = [cell('- 4 -'), ...Array.from({ length: 9 }, () => cell(''))]
    const rows = [...header, ...body.slice(0, 10), page, ...header, ...body.slice(10)]
    const blocks: Block[] = [{ kind: 'table', rows }]
    const result = recognizeTables(blocks, '2021')
    const t3Cells = CELLS.filter((c) => c.table === 't3').map((c) => c.id)
    const got = valueMap(result)
    expect(t3Cells.map((id) => [id, got.get(id)])).toEqual(t3Cells.map((id) => [id, values[id]]))
    expect(result.missing).toEqual(['表二', '表四'])
    expect(result.warnings).toEqual([])
  })

  it('reads a 表三 split over two table blocks by a page break, page number between them', () => {
    const rows = tableRows(TABLE_3, values)
    // The vertical merge of 三、本年度办理结果 is cut at the break.
    const first: Block = { kind: 'table', rows: rows.slice(0, 12).map((r) => r.map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, 12) }))) }
    const second: Block = { kind: 'table', rows: [...rows.slice(0, 3), ...rows.slice(12)] }
    const blocks = [tableBlock(TABLE_2, values), first, { kind: 'paragraph', text: '-5-' } as Block, second, tableBlock(TABLE_4, values)]
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect([...result.consumed].sort()).toEqual([0, 1, 2, 3, 4])
  })

  it('places columns by the data rows when the header grid is misaligned', () => {
    const rows = tableRows(TABLE_3, values)
    // Header: 自然人 spans two grid columns over an empty one; data rows carry an empty cell there.
    const misaligned = rows.map((row, r) => {
      if (r === 0) return row.map((c) => (c.text === TABLE_3.columnCaption ? { ...c, colSpan: 8 } : c))
      if (r === 1) return row.map((c) => (c.text === '自然人' ? { ...c, colSpan: 2 } : c))
      if (r === 2) return row
      const firstFigure = row.findIndex((c) => /^\d+$/.test(c.text))
      return [...row.slice(0, firstFigure + 1), cell(''), ...row.slice(firstFigure + 1)]
    })
    // Some rows split differently: the empty cell before the figures instead of after the first.
    misaligned[5] = (() => {
      const row = rows[5]!
      const firstFigure = row.findIndex((c) => /^\d+$/.test(c.text))
      return [...row.slice(0, firstFigure), cell('\u00a0'), ...row.slice(firstFigure)]
    })()
    const blocks = [tableBlock(TABLE_2, values), { kind: 'table', rows: misaligned } as Block, tableBlock(TABLE_4, values)]
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.warnings).toEqual([])
  })

  it('reads 表四 printed as three rows of five', () => {
    const t4: Block = {
      kind: 'table',
      rows: [
        [cell(''), cell('结果维持'), cell('结果纠正'), cell('其他结果'), cell('尚未审结'), cell('总计')],
        ...(['review', 'direct', 'afterReview'] as const).map((g, i) => [
          cell(['行政复议', '未经复议直接起诉', '复议后起诉'][i]!),
          ...(['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((c) => cell(String(values[`t4.${g}.${c}`])))
        ])
      ]
    }
    const result = recognizeTables([tableBlock(TABLE_2, values), tableBlock(TABLE_3, values), t4], '2021')
    expectAll(result)
  })
})

describe('figures as printed', () => {
  it('leaves empty cells blank with a warning, never 0', () => {
    const blank: Values = { ...values }
    const emptied: CellId[] = ['t3.stateSecret.research', 't3.stateSecret.welfare', 't2.rules.repealed', 't4.afterReview.other']
    for (const id of emptied) delete blank[id]
    const result = recognizeTables(reportBlocks(blank), '2021')
    expectAll(result, blank, emptied)
    for (const id of emptied) expect(result.values.some((v) => v.cell === id)).toBe(false)
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        '表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」「科研机构、社会公益组织」空白，可能为 0，已留空',
        '表二「规章」「本年废止件数」空白，可能为 0，已留空',
        '表四「其他结果」空白，可能为 0，已留空'
      ])
    )
  })

  it('imports a wrong total exactly as printed', () => {
    const wrong: Values = { ...values, 't3.new.total': (values['t3.new.total'] ?? 0) + 5, 't4.review.total': 9 }
    expectAll(recognizeTables(reportBlocks(wrong), '2021'), wrong)
  })

  it('reads figures in the millions with thousands separators and amounts with six decimals', () => {
    const big: Values = { ...values, 't2.license.decisions': 1234567, 't2.penalty.decisions': 2048, 't2.fees.amount': 12.345678 }
    const format = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-US') : String(value))
    const result = recognizeTables(reportBlocks(big, { format }), '2021')
    expectAll(result, big)
    expect(result.values.find((v) => v.cell === 't2.license.decisions')!.source.text).toBe('1,234,567')
  })

  it('reads figures padded with NBSP and Word leftovers', () => {
    const format = (value: number) => `\u00a0${value}\u00a0`
    expectAll(recognizeTables(reportBlocks(values, { format }), '2021'))
  })
})

describe('（六）其他处理 printed as one undivided row', () => {
  it('puts its figures into 3.其他, flagged, sub-rows 1 and 2 blank', () => {
    const rows = tableRows(TABLE_3, values)
    const at = rows.findIndex((row) => row.some((c) => c.text === '（六）其他处理'))
    const sums = (['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total'] as const).map((c) =>
      (['noCorrection', 'feeUnpaid', 'otherReason'] as const).reduce((a, r) => a + (values[`t3.${r}.${c}`] ?? 0), 0)
    )
    const undivided = [
      ...rows.slice(0, at).map((row) => row.map((c) => (c.text === '三、本年度办理结果' ? { ...c, rowSpan: 20 } : c))),
      [cell('（六）其他处理', 2), ...sums.map((s) => cell(String(s)))],
      ...rows.slice(at + 3)
    ]
    const blocks = [tableBlock(TABLE_2, values), { kind: 'table', rows: undivided } as Block, tableBlock(TABLE_4, values)]
    const result = recognizeTables(blocks, '2021')
    const sub: CellId[] = CELLS.filter((c) => ['noCorrection', 'feeUnpaid', 'otherReason'].includes(c.row)).map((c) => c.id)
    expectAll(result, values, sub)
    const other = result.values.find((v) => v.cell === 't3.otherReason.natural')!
    expect(other.value).toBe(sums[0])
    expect(other.flags).toContain('mapped-2019')
    expect(other.confidence).toBeLessThan(1)
    expect(result.values.some((v) => v.cell.startsWith('t3.noCorrection') || v.cell.startsWith('t3.feeUnpaid'))).toBe(false)
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual([expect.stringContaining('（六）其他处理」未分项')])
  })
})

describe('group rows printed with figures', () => {
  it('ignores a subtotal row of a group whose sub-rows are printed too, with a warning', () => {
    const p = (text: string): Block => ({ kind: 'paragraph', text })
    const blocks = [
      p('（六）其他处理 4 0 0 0 0 0 4'),
      p('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1'),
      p('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0'),
      p('3.其他 3 0 0 0 0 0 3'),
      p('（三）不予公开 2 0 0 0 0 0 2'),
      p('1.属于国家秘密 2 0 0 0 0 0 2')
    ]
    const result = recognizeTables(blocks, '2021')
    const got = valueMap(result)
    expect([got.get('t3.noCorrection.total'), got.get('t3.feeUnpaid.total'), got.get('t3.otherReason.total')]).toEqual([1, 0, 3])
    expect(got.get('t3.stateSecret.total')).toBe(2)
    expect(result.warnings).toEqual([
      '表三「三、本年度办理结果 / （六）其他处理」印有小计数字，现行格式无此行，未导入',
      '表三「三、本年度办理结果 / （三）不予公开」印有小计数字，现行格式无此行，未导入'
    ])
  })
})

describe('the 2019 format (spec §2.1)', () => {
  /** 表二 as the 2019 template prints it. */
  function table2019(): Block {
    const caption = (text: string) => [cell(text, 4)]
    return {
      kind: 'table',
      rows: [
        caption('第二十条第（一）项'),
        [cell('信息内容'), cell('本年新制作数量'), cell('本年新公开数量'), cell('对外公开总数量')],
        [cell('规章'), cell('0'), cell('0'), cell('0')],
        [cell('规范性文件'), cell('3'), cell('3'), cell('41')],
        caption('第二十条第（五）项'),
        [cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')],
        [cell('行政许可'), cell('25'), cell('-2'), cell('160')],
        [cell('其他对外管理服务事项'), cell('4'), cell('0'), cell('12')],
        caption('第二十条第（六）项'),
        [cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')],
        [cell('行政处罚'), cell('30'), cell('+1'), cell('52')],
        [cell('行政强制'), cell('5'), cell('0'), cell('6')],
        caption('第二十条第（八）项'),
        [cell('信息内容'), cell('上一年项目数量'), cell('本年增/减', 2)],
        [cell('行政事业性收费'), cell('2'), cell('0', 2)],
        caption('第二十条第（九）项'),
        [cell('信息内容'), cell('采购项目数量'), cell('采购总金额', 2)],
        [cell('政府集中采购'), cell('7'), cell('251000', 2)]
      ]
    }
  }

  it('maps 表二 as the spec says, flagged, and explains what has no target', () => {
    const result = recognizeTables([table2019(), tableBlock(TABLE_3, values), tableBlock(TABLE_4, values)], '2019')
    const got = valueMap(result)
    const t2 = [...got].filter(([id]) => id.startsWith('t2.'))
    expect(Object.fromEntries(t2)).toEqual({
      't2.rules.issued': 0,
      't2.normative.issued': 3,
      't2.license.decisions': 160,
      't2.penalty.decisions': 52,
      't2.coercion.decisions': 6
    })
    for (const v of result.values.filter((v) => v.cell.startsWith('t2.'))) {
      expect(v.flags).toContain('mapped-2019')
      expect(v.confidence).toBeLessThan(1)
    }
    // 对外公开总数量 is not 现行有效件数.
    expect(got.has('t2.normative.inForce')).toBe(false)
    expect(result.warnings.join('\n')).toContain('对外公开总数量')
    expect(result.warnings.join('\n')).toContain('政府集中采购')
    expect(result.warnings.join('\n')).toContain('其他对外管理服务事项')
    expect(result.warnings.join('\n')).toMatch(/行政事业性收费.*上一年项目数量/)
    // 表三, 表四: 1:1.
    const t34 = CELLS.filter((c) => c.table !== 't2')
    expect(t34.map((c) => got.get(c.id))).toEqual(t34.map((c) => values[c.id]))
    expect(result.missing).toEqual([])
    expect(result.warnings).toContain('表二「行政事业性收费」：2019 年格式没有“本年收费金额（单位：万元）”栏目，留空')
  })

  it('maps 表二 by the format when the 2019 header row is lost in a flattened copy', () => {
    const flat = flattened([table2019()], (b) =>
      cellPerLine(b).filter((p) => !(p.kind === 'paragraph' && /数量|增\/减|总金额/.test(p.text)))
    )
    const result = recognizeTables(flat, '2019')
    const got = valueMap(result)
    expect(got.get('t2.normative.issued')).toBe(3)
    expect(got.get('t2.license.decisions')).toBe(160)
    expect(got.has('t2.normative.inForce')).toBe(false)
  })
})

describe('rows assembled from parts of a table', () => {
  it('takes a table that has only some of the rows and reports the others', () => {
    const rows = tableRows(TABLE_3, values).filter((row) => !row.some((c) => c.text === '四、结转下年度继续办理'))
    const blocks = [tableBlock(TABLE_2, values), { kind: 'table', rows } as Block, tableBlock(TABLE_4, values)]
    expect(recognizeTables(blocks, '2021').missing).toEqual(['表三「四、结转下年度继续办理」'])
  })

  it('reads 表三 rows given as one row per table row with a label cell of the full path', () => {
    const rows: BlockCell[][] = [
      [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), cell('自然人'), cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他'), cell('总计')],
      t3Row('（三）不予公开 1.属于国家秘密', [1, 2, 3, 4, 5, 6, 21])
    ]
    const result = recognizeTables([{ kind: 'table', rows }], '2021')
    expect(result.values.filter((v) => v.cell.startsWith('t3.stateSecret')).map((v) => v.value)).toEqual([1, 2, 3, 4, 5, 6, 21])
  })
})

describe('more ways tables bend', () => {
  it('drops an unofficial 法人或其他组织小计 column by the row totals', () => {
    const rows = tableRows(TABLE_3, values).map((row, r) => {
      if (r === 0) return row.map((c) => (c.text === TABLE_3.columnCaption ? { ...c, colSpan: 8 } : c))
      if (r === 1) return row.map((c) => (c.text === '法人或其他组织' ? { ...c, colSpan: 6 } : c))
      if (r === 2) return [...row, cell('小计')]
      const figures = row.filter((c) => /^\d+$/.test(c.text))
      const legal = figures.slice(1, 6).reduce((a, c) => a + Number(c.text), 0)
      const labels = row.slice(0, row.length - figures.length)
      return [...labels, ...figures.slice(0, 6), cell(String(legal)), figures[6]!]
    })
    const blocks = [tableBlock(TABLE_2, values), { kind: 'table', rows } as Block, tableBlock(TABLE_4, values)]
    const result = recognizeTables(blocks, '2021')
    expectAll(result)
    expect(result.warnings).toEqual(['表三「一、本年新收政府信息公开申请数量」等 25 行印有 8 个数字，多于 7 个，按各行合计关系取其中 7 个'])
  })

  it('reads 表四 with an unofficial 案件数量 label column', () => {
    const rows = tableRows(TABLE_4, values)
    const labelled = rows.map((row, r) => (r === 0 ? [cell('', 1, 3), ...row] : r === 3 ? [cell('案件数量'), ...row] : row))
    const blocks = [tableBlock(TABLE_2, values), tableBlock(TABLE_3, values), { kind: 'table', rows: labelled } as Block]
    expectAll(recognizeTables(blocks, '2021'))
  })

  it('reads a flattened 表三 with page numbers and the header repeated halfway', () => {
    const lines = cellPerLine(tableBlock(TABLE_3, values, { lineBreaks: true })).flatMap((b): Block[] =>
      b.kind === 'paragraph' ? b.text.split('\n').map((text) => ({ kind: 'paragraph', text })) : [b]
    )
    const header = lines.slice(0, lines.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith('一、')))
    const at = lines.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith('（四）'))
    const page: Block[] = [{ kind: 'paragraph', text: '- 4 -' }, { kind: 'paragraph', text: '第 5 页' }]
    const blocks = [...lines.slice(0, at), ...page, ...header, ...lines.slice(at)]
    const result = recognizeTables(blocks, '2021')
    const t3 = CELLS.filter((c) => c.table === 't3')
    const got = valueMap(result)
    expect(t3.map((c) => got.get(c.id))).toEqual(t3.map((c) => values[c.id]))
    expect(result.warnings).toEqual([])
    expect(result.consumed.size).toBe(blocks.length)
  })

  it('reads PDF text lines whose labels wrap, figures on the first or on the second line', () => {
    const row = (id: string) => (['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total'] as const).map((c) => values[`t3.${id}.${c}` as CellId])
    const p = (text: string): Block => ({ kind: 'paragraph', text })
    const blocks: Block[] = [
      p('申请人情况'),
      p(`1.本机关不掌握相关 ${row('notHeld').join(' ')}`),
      p('政府信息'),
      p('2.没有现成信息需要另行'),
      p(`制作 ${row('needsCreating').join(' ')}`),
      p(`3.补正后申请内容仍不明确 ${row('stillUnclear').join(' ')}`)
    ]
    const result = recognizeTables(blocks, '2021')
    const got = valueMap(result)
    for (const id of ['notHeld', 'needsCreating', 'stillUnclear']) {
      expect((['natural', 'total'] as const).map((c) => got.get(`t3.${id}.${c}`))).toEqual([values[`t3.${id}.natural`], values[`t3.${id}.total`]])
    }
    expect(result.warnings).toEqual([])
  })

  it('reads a 2019 report flattened one row per line, 其他处理 undivided', () => {
    const p = (text: string): Block => ({ kind: 'paragraph', text })
    const blocks: Block[] = [
      p('三、收到和处理政府信息公开申请情况'),
      p('申请人情况'),
      p('自然人 法人或其他组织 总计'),
      p('商业企业 科研机构 社会公益组织 法律服务机构 其他'),
      p('一、本年新收政府信息公开申请数量 20 3 0 0 0 1 24'),
      p('（五）不予处理 1.信访举报投诉类申请 2 0 0 0 0 0 2'),
      p('（六）其他处理 3 0 0 0 0 0 3'),
      p('（七）总计 20 3 0 0 0 1 24')
    ]
    const result = recognizeTables(blocks, '2019')
    const got = valueMap(result)
    expect(got.get('t3.otherReason.natural')).toBe(3)
    expect(got.get('t3.otherReason.total')).toBe(3)
    expect(got.has('t3.noCorrection.natural')).toBe(false)
    expect(got.get('t3.petition.total')).toBe(2)
    expect(got.get('t3.new.total')).toBe(24)
    expect(result.values.find((v) => v.cell === 't3.otherReason.natural')!.flags).toEqual(['mapped-2019'])
    expect(result.consumed.has(0)).toBe(false)
  })

  it('keeps the first reading of a table printed twice and warns when they differ', () => {
    const other: Values = { ...values, 't4.review.upheld': 7 }
    const result = recognizeTables([...reportBlocks(values), tableBlock(TABLE_4, other)], '2021')
    expectAll(result)
    expect(result.warnings).toEqual([expect.stringContaining('表四「行政复议」「结果维持」出现两次')])
  })
})

describe('cells that hold more or less than one figure', () => {
  it('reads a PDF grid row whose figures landed in one cell, and a number split over Word runs', () => {
    const rows: BlockCell[][] = [
      [cell('申请人情况', 8)],
      [cell('（一）予以公开'), cell('12 0 0 3 0 1 16')],
      [cell('（二）部分公开'), ...['20 23', '0', '0', '0', '0', '0', '2023'].map((t) => cell(t))]
    ]
    const got = valueMap(recognizeTables([{ kind: 'table', rows }], '2021'))
    expect(rowValues(got, 'public')).toEqual([12, 0, 0, 3, 0, 1, 16])
    expect(rowValues(got, 'partial')).toEqual([2023, 0, 0, 0, 0, 0, 2023])
  })

  it('treats NBSP-only and dash cells as blank', () => {
    const rows: BlockCell[][] = [
      [cell('申请人情况', 8)],
      [cell('（一）予以公开'), ...['3', '\u00a0', '—', '0', '0', '0', '3'].map((t) => cell(t))]
    ]
    const result = recognizeTables([{ kind: 'table', rows }], '2021')
    expect(rowValues(valueMap(result), 'public')).toEqual([3, undefined, undefined, 0, 0, 0, 3])
    expect(result.warnings).toEqual(['表三「三、本年度办理结果 / （一）予以公开」「商业企业、科研机构」空白，可能为 0，已留空'])
  })

  it('does not consume a short narrative line that names a row', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '四、政府信息公开行政复议、行政诉讼情况' },
      { kind: 'paragraph', text: '行政复议 0 件' },
      { kind: 'paragraph', text: '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况，特此说明。' }
    ]
    const result = recognizeTables(blocks, '2021')
    expect(result.consumed.size).toBe(0)
    expect(result.values).toEqual([])
    expect(result.missing).toEqual(['表二', '表三', '表四'])
  })
})

function rowValues(got: Map<CellId, number>, row: string): (number | undefined)[] {
  return (['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total'] as const).map((c) => got.get(`t3.${row}.${c}`))
}

describe('header cells spread over rows', () => {
  it('orders 表二 columns by where they stand, not by the row they are printed in', () => {
    // As a PDF grid recovers it: the caption over two columns, 现行有效件数 merged down beside it.
    const rows: BlockCell[][] = [
      [cell('信息内容', 1, 2), cell('第二十条第（一）项', 2), cell('现行有效件数', 1, 2)],
      [cell('本年制发件数'), cell('本年废止件数')],
      [cell('规章'), cell('0'), cell('0'), cell('0')],
      [cell('行政规范性文件'), cell('2'), cell('3'), cell('14')]
    ]
    const got = valueMap(recognizeTables([{ kind: 'table', rows }], '2021'))
    expect([got.get('t2.normative.issued'), got.get('t2.normative.repealed'), got.get('t2.normative.inForce')]).toEqual([2, 3, 14])
  })

  it('orders 表四 columns by the header when it prints them in another order', () => {
    const order = ['尚未审结', '结果维持', '结果纠正', '其他结果', '总计']
    const rows: BlockCell[][] = [
      [cell('行政复议', 5), cell('行政诉讼', 10)],
      [...order.map((t) => cell(t, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
      [...order, ...order].map((t) => cell(t)),
      ['1', '2', '0', '0', '3', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0'].map((t) => cell(t))
    ]
    const got = valueMap(recognizeTables([{ kind: 'table', rows }], '2021'))
    expect([got.get('t4.review.pending'), got.get('t4.review.upheld'), got.get('t4.review.total')]).toEqual([1, 2, 3])
  })
})

describe('header rows with empty cells', () => {
  it('does not take a header row’s empty cells for a blank data row', () => {
    const rows: BlockCell[][] = [
      [cell('行政复议'), cell('未经复议直接起诉'), cell('行政诉讼'), cell('复议后起诉'), cell('')],
      [0, 1, 2].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).map((t) => cell(t)),
      ['1', '0', '0', '1', '2', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0'].map((t) => cell(t))
    ]
    const result = recognizeTables([{ kind: 'table', rows }], '2021')
    expect(result.warnings).toEqual([])
    expect(result.values).toHaveLength(15)
  })

  it('warns about a data row left entirely blank', () => {
    const rows: BlockCell[][] = [[cell('申请人情况', 8)], [cell('（一）予以公开'), ...Array.from({ length: 7 }, () => cell(''))]]
    const result = recognizeTables([{ kind: 'table', rows }], '2021')
    expect(result.values).toEqual([])
    expect(result.warnings).toEqual([
      '表三「三、本年度办理结果 / （一）予以公开」「自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计」空白，可能为 0，已留空'
    ])
  })
})

describe('the row group in context', () => {
  it('reads sub-rows printed by number alone under their group (（三）1. vs （四）1.)', () => {
    const rows: BlockCell[][] = [
      [cell('申请人情况', 9)],
      [cell('（三）不予公开', 1, 2), cell('1.'), ...['1', '0', '0', '0', '0', '0', '1'].map((t) => cell(t))],
      [cell('2.'), ...['2', '0', '0', '0', '0', '0', '2'].map((t) => cell(t))],
      [cell('（四）无法提供', 1, 2), cell('1、'), ...['4', '1', '0', '0', '0', '1', '6'].map((t) => cell(t))],
      [cell('2.'), ...['5', '0', '0', '0', '0', '0', '5'].map((t) => cell(t))]
    ]
    const result = recognizeTables([{ kind: 'table', rows }], '2021')
    const got = valueMap(result)
    expect([got.get('t3.stateSecret.total'), got.get('t3.lawForbids.total'), got.get('t3.notHeld.total'), got.get('t3.needsCreating.total')]).toEqual([1, 2, 6, 5])
    const notHeld = result.values.find((v) => v.cell === 't3.notHeld.total')!
    expect(notHeld.flags).toContain('review')
    expect(notHeld.confidence).toBeLessThan(1)
  })

  it('reads the same in a flattened copy, the group on a line of its own', () => {
    const p = (text: string): Block => ({ kind: 'paragraph', text })
    const blocks = [p('（四）无法提供'), p('1. 4 1 0 0 0 1 6'), p('（五）不予处理'), p('1. 2 0 0 0 0 0 2')]
    const got = valueMap(recognizeTables(blocks, '2021'))
    expect([got.get('t3.notHeld.total'), got.get('t3.petition.total')]).toEqual([6, 2])
  })
})
