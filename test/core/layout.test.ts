/**
 * The merged grids against the official template (国办公开办函〔2021〕30号), written out here
 * literally so that a drift in the table definitions fails the test.
 */
import { describe, expect, it } from 'vitest'
import { CELLS, fullLabel } from '@core/report/cells'
import { TABLE_WIDTH, equalWidths, placeCells, tableLayout, type TableLayout } from '@core/report/layout'
import { TABLE_2, TABLE_3, TABLE_4, TABLES, type TableId } from '@core/report/tables'
import { TEXT_WIDTH } from '@core/export/gbt9704'

/** `label[colSpan×rowSpan]`, values as `#`: a compact picture of one row. */
function picture(layout: TableLayout): string[][] {
  return layout.rows.map((row) =>
    row.cells.map((c) => {
      const text = c.kind === 'value' ? '#' : c.text + (c.note ?? '')
      return c.colSpan === 1 && c.rowSpan === 1 ? text : `${text}[${c.colSpan}×${c.rowSpan}]`
    })
  )
}

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
const V7 = ['#', '#', '#', '#', '#', '#', '#']

describe('表二 layout', () => {
  const layout = tableLayout(TABLE_2)

  it('has the 14 official rows with their merges', () => {
    expect(picture(layout)).toEqual([
      ['第二十条第（一）项[4×1]'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '#', '#', '#'],
      ['行政规范性文件', '#', '#', '#'],
      ['第二十条第（五）项[4×1]'],
      ['信息内容', '本年处理决定数量[3×1]'],
      ['行政许可', '#[3×1]'],
      ['第二十条第（六）项[4×1]'],
      ['信息内容', '本年处理决定数量[3×1]'],
      ['行政处罚', '#[3×1]'],
      ['行政强制', '#[3×1]'],
      ['第二十条第（八）项[4×1]'],
      ['信息内容', '本年收费金额（单位：万元）[3×1]'],
      ['行政事业性收费', '#[3×1]']
    ])
  })

  it('centres captions and headers, left-aligns row labels', () => {
    const cells = layout.rows.flatMap((r) => r.cells)
    expect(cells.filter((c) => c.kind === 'caption').every((c) => c.align === 'center')).toBe(true)
    expect(layout.rows[1]?.cells.every((c) => c.align === 'center')).toBe(true)
    expect(layout.rows[2]?.cells[0]).toMatchObject({ text: '规章', align: 'left' })
    expect(cells.filter((c) => c.kind === 'value').every((c) => c.align === 'center')).toBe(true)
  })

  it('uses 4 × 2211 twips and repeats no header (each block has its own)', () => {
    expect(layout.columnWidths).toEqual([2211, 2211, 2211, 2211])
    expect(layout.headerRows).toBe(0)
  })

  it('marks the amount cell as an amount', () => {
    const amount = layout.rows.flatMap((r) => r.cells).find((c) => c.cellId === 't2.fees.amount')
    expect(amount?.valueKind).toBe('amount')
  })
})

describe('表三 layout', () => {
  const layout = tableLayout(TABLE_3)
  const rows = picture(layout)

  it('has the three official header rows', () => {
    expect(rows.slice(0, 3)).toEqual([
      [`${T3_NOTE}[3×3]`, '申请人情况[7×1]'],
      ['自然人[1×2]', '法人或其他组织[5×1]', '总计[1×2]'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
    ])
    expect(layout.headerRows).toBe(3)
    expect(layout.rows[0]?.cells[0]?.kind).toBe('corner')
  })

  it('keeps the official line breaks of 商业⏎企业 and 科研⏎机构', () => {
    const h2 = layout.rows[2]?.cells ?? []
    expect(h2[0]?.lines).toEqual(['商业', '企业'])
    expect(h2[1]?.lines).toEqual(['科研', '机构'])
  })

  it('has the 25 official body rows, in order, with their merges', () => {
    expect(rows.slice(3)).toEqual([
      ['一、本年新收政府信息公开申请数量[3×1]', ...V7],
      ['二、上年结转政府信息公开申请数量[3×1]', ...V7],
      ['三、本年度办理结果[1×22]', '（一）予以公开[2×1]', ...V7],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）[2×1]', ...V7],
      ['（三）不予公开[1×8]', '1.属于国家秘密', ...V7],
      ['2.其他法律行政法规禁止公开', ...V7],
      ['3.危及“三安全一稳定”', ...V7],
      ['4.保护第三方合法权益', ...V7],
      ['5.属于三类内部事务信息', ...V7],
      ['6.属于四类过程性信息', ...V7],
      ['7.属于行政执法案卷', ...V7],
      ['8.属于行政查询事项', ...V7],
      ['（四）无法提供[1×3]', '1.本机关不掌握相关政府信息', ...V7],
      ['2.没有现成信息需要另行制作', ...V7],
      ['3.补正后申请内容仍不明确', ...V7],
      ['（五）不予处理[1×5]', '1.信访举报投诉类申请', ...V7],
      ['2.重复申请', ...V7],
      ['3.要求提供公开出版物', ...V7],
      ['4.无正当理由大量反复申请', ...V7],
      ['5.要求行政机关确认或重新出具已获取信息', ...V7],
      ['（六）其他处理[1×3]', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...V7],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...V7],
      ['3.其他', ...V7],
      ['（七）总计[2×1]', ...V7],
      ['四、结转下年度继续办理[3×1]', ...V7]
    ])
  })

  it('sets the note of （二）部分公开 apart (楷体 in the template)', () => {
    const partial = layout.rows[6]?.cells[0]
    expect(partial).toMatchObject({ text: '（二）部分公开', note: '（区分处理的，只计这一情形，不计其他情形）' })
  })

  it('puts the 7 columns in the official order under every row', () => {
    const columns = ['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total']
    for (const row of layout.rows.slice(3)) {
      const ids = row.cells.filter((c) => c.kind === 'value').map((c) => c.cellId?.split('.')[2])
      expect(ids).toEqual(columns)
    }
  })

  it('uses 685 | 830 | 2989 | 7 × 620 twips', () => {
    expect(layout.columnWidths).toEqual([685, 830, 2989, 620, 620, 620, 620, 620, 620, 620])
  })

  it('keeps the sub-rows of each innermost merged label together, not the 22-row group', () => {
    const keep = layout.rows.slice(3).map((r) => r.keepWithNext)
    // （三） rows 5–12 of the body (index 4–11), （四） 12–14, （五） 15–19, （六） 20–22.
    const together = [4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17, 18, 20, 21]
    expect(keep.map((k, i) => (k ? i : -1)).filter((i) => i >= 0)).toEqual(together)
    expect(layout.rows.slice(0, 3).every((r) => r.keepWithNext)).toBe(true)
  })
})

describe('表四 layout', () => {
  const layout = tableLayout(TABLE_4)
  const rows = picture(layout)
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

  it('has the three official header rows and one row of 15 values', () => {
    expect(rows).toEqual([
      ['行政复议[5×1]', '行政诉讼[10×1]'],
      [...results.map((r) => `${r}[1×2]`), '未经复议直接起诉[5×1]', '复议后起诉[5×1]'],
      [...results, ...results],
      Array.from({ length: 15 }, () => '#')
    ])
    expect(layout.headerRows).toBe(3)
  })

  it('keeps the official two-line headers (结果⏎维持 …, 总计 on one line)', () => {
    const r1 = layout.rows[1]?.cells ?? []
    expect(r1.slice(0, 5).map((c) => c.lines)).toEqual([
      ['结果', '维持'],
      ['结果', '纠正'],
      ['其他', '结果'],
      ['尚未', '审结'],
      undefined
    ])
  })

  it('orders the 15 value columns 行政复议, 未经复议直接起诉, 复议后起诉 × the 5 results', () => {
    const ids = layout.rows[3]?.cells.map((c) => c.cellId)
    const groups = ['review', 'direct', 'afterReview']
    const columns = ['upheld', 'corrected', 'other', 'pending', 'total']
    expect(ids).toEqual(groups.flatMap((g) => columns.map((c) => `t4.${g}.${c}`)))
  })

  it('uses 590 × 14 + 584 twips, everything centred', () => {
    expect(layout.columnWidths).toEqual([...Array.from({ length: 14 }, () => 590), 584])
    expect(layout.rows.flatMap((r) => r.cells).every((c) => c.align === 'center')).toBe(true)
  })
})

describe('every layout', () => {
  const layouts = TABLES.map(tableLayout)

  it('fills the 156 mm type area', () => {
    expect(TABLE_WIDTH).toBe(TEXT_WIDTH)
    for (const layout of layouts) expect(layout.columnWidths.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH)
  })

  it('covers each row exactly: its own spans plus the cells merged down from above', () => {
    for (const layout of layouts) {
      const columns = layout.columnWidths.length
      const covered = layout.rows.map(() => Array.from({ length: columns }, () => 0))
      for (const { row, column, cell } of placeCells(layout)) {
        for (let r = row; r < row + cell.rowSpan; r += 1) {
          for (let c = column; c < column + cell.colSpan; c += 1) {
            expect(r, `${layout.table} row ${row} spans past the table`).toBeLessThan(layout.rows.length)
            expect(c, `${layout.table} row ${row} is wider than the grid`).toBeLessThan(columns)
            covered[r]![c]! += 1
          }
        }
      }
      covered.forEach((line, r) => expect(line, `${layout.table} row ${r}`).toEqual(line.map(() => 1)))
    }
  })

  it('has each of the 200 value cells exactly once', () => {
    const ids = layouts.flatMap((l) => l.rows.flatMap((r) => r.cells.flatMap((c) => (c.cellId ? [c.cellId] : []))))
    expect(ids).toHaveLength(200)
    expect(new Set(ids).size).toBe(200)
    expect(new Set(ids)).toEqual(new Set(CELLS.map((c) => c.id)))
  })

  it('prints every label of the definitions (nothing spelled twice)', () => {
    const printed = new Set(
      layouts.flatMap((l) => l.rows.flatMap((r) => r.cells.map((c) => c.text + (c.note ?? ''))))
    )
    const byTable = new Map<TableId, string[]>()
    for (const c of CELLS) {
      byTable.set(c.table, [...(byTable.get(c.table) ?? []), ...c.rowPath, ...c.columnPath])
    }
    for (const labels of byTable.values()) for (const label of labels) expect(printed).toContain(label)
    expect(printed).toContain(fullLabel(TABLE_3.rows[2]!.children![1]!))
  })
})

describe('layout is driven by the definitions', () => {
  it('gives a new sub-row to its group and stretches a new top-level row over the label columns', () => {
    const extended = {
      ...TABLE_3,
      rows: [
        ...TABLE_3.rows.slice(0, 2),
        {
          ...TABLE_3.rows[2]!,
          children: TABLE_3.rows[2]!.children!.map((child) =>
            child.key === 'unable' ? { ...child, children: [...child.children!, { key: 'x', label: '4.新增' }] } : child
          )
        },
        ...TABLE_3.rows.slice(3),
        { key: 'y', label: '五、新增' }
      ]
    }
    const rows = picture(tableLayout(extended))
    expect(rows[5]?.[0]).toBe('三、本年度办理结果[1×23]')
    expect(rows[15]?.[0]).toBe('（四）无法提供[1×4]')
    expect(rows.at(-1)?.[0]).toBe('五、新增[3×1]')
  })

  it('widens 表四 with a new result column', () => {
    const extended = { ...TABLE_4, columns: [...TABLE_4.columns, { key: 'z', label: '新增' }] }
    const layout = tableLayout(extended)
    expect(picture(layout)[0]).toEqual(['行政复议[6×1]', '行政诉讼[12×1]'])
    expect(layout.columnWidths).toEqual(equalWidths(18))
    expect(layout.rows[3]?.cells).toHaveLength(18)
  })
})
