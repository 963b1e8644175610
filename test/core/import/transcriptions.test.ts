/**
 * Reports re-typed, OCR'd or converted to Markdown, and local layouts: pipe tables, 表三 split into
 * small tables each with its header, placeholder headers, a wrong header repeated, label cells lost,
 * stray marks and lone figures, `#` headings, look-alike characters; Shanghai-style parts, tables
 * renumbered, notes inside cells. Recognised by structure and arithmetic, every such value flagged.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { readTranscription } from '@core/import/recognize/transcription'
import type { ImportedValue, ParsedReport } from '@core/import/types'
import { CELLS } from '@core/report/cells'
import { readDocument, readPastedText } from '../../../src/main/services/readers/index'

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url)

async function importFile(path: string): Promise<ParsedReport> {
  return recognizeReport(await readDocument({ bytes: new Uint8Array(readFileSync(fixture(path))), name: path }))
}
const valueOf = (r: ParsedReport, cell: string): ImportedValue | undefined => r.values.find((v) => v.cell === cell)
const truth = (name: string) =>
  JSON.parse(readFileSync(fixture(`corpus/${name}.truth.json`), 'utf8')) as { cells: Record<string, number | null> }

describe('Markdown as blocks', () => {
  it('makes pipe rows a table, drops rules, placeholder headers, stray rows and heading marks', () => {
    const { blocks, notices } = readTranscription(
      ['# 标题', '| 列1 | 列2 |', '|---|:---:|', '| 规章 | O |', '| · | |', '| 行政许可 | 1l2 |', '', '**（一）主动公开。** 正文'].map((text) => ({ kind: 'paragraph', text }))
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '标题' },
      {
        kind: 'table',
        rows: [
          [
            { text: '规章', rowSpan: 1, colSpan: 1 },
            { text: '0', rowSpan: 1, colSpan: 1, derived: '原文“O”中有易混字符，按“0”读取' }
          ],
          [
            { text: '行政许可', rowSpan: 1, colSpan: 1 },
            { text: '112', rowSpan: 1, colSpan: 1, derived: '原文“1l2”中有易混字符，按“112”读取' }
          ]
        ]
      },
      { kind: 'paragraph', text: '（一）主动公开。 正文' }
    ])
    expect(notices).toEqual([
      '按 Markdown 表格读取 1 张表',
      '表头为占位符（如“数据1”“列1”“Column 2”）的 1 行未作为标签，按行标签和合计关系识别',
      '2 个数字中有易混字符（如“O”“l”），已按数字读取并标为需核对'
    ])
  })

  it('reads look-alikes among a row copied as text, and marks them', () => {
    const r = recognizeReport(readPastedText('青山镇2023年政府信息公开工作年度报告\n（一）予以公开 9 3 l 1 1 〇 15'))
    expect(valueOf(r, 't3.public.research')).toMatchObject({ value: 1, flags: ['review'] })
    expect(valueOf(r, 't3.public.research')!.note).toContain('易混字符')
    expect(valueOf(r, 't3.public.otherOrg')?.value).toBe(0)
  })
})

describe('a Markdown transcription (split 表三, placeholder and wrong headers, lost labels, OCR slips)', () => {
  it('gives all 200 values by label, structure and arithmetic, each value not read from a labelled cell flagged', async () => {
    const r = await importFile('corpus/transcription-2021.md')
    const want = truth('transcription-2021').cells
    const got = new Map(r.values.map((v) => [v.cell, v.value]))
    const wrongOrBlank = CELLS.filter((c) => {
      const label = Object.keys(want).find((k) => k.startsWith(c.tableName) && k.includes(c.rowPath.at(-1)!) && k.endsWith(`「${c.columnPath.join(' / ')}」`))
      return label === undefined || got.get(c.id) !== want[label]
    })
    expect(wrongOrBlank.map((c) => c.id)).toEqual([])
    // The two rows whose label cells were lost: placed by order, every identity checked.
    for (const row of ['needsCreating', 'stillUnclear']) {
      const v = valueOf(r, `t3.${row}.natural`)!
      expect(v).toMatchObject({ method: 'placed', flags: ['placed'] })
      expect(v.note).toContain('各列勾稽关系均相符')
      expect(v.confidence).toBeLessThan(1)
    }
    // OCR's O, 〇 and l read as figures, flagged.
    expect(valueOf(r, 't2.rules.issued')).toMatchObject({ value: 0, flags: ['review'] })
    expect(valueOf(r, 't2.normative.inForce')).toMatchObject({ value: 31, flags: ['review'] })
    expect(valueOf(r, 't3.internalAffairs.total')).toMatchObject({ value: 1, flags: ['review'] })
    // The misprinted label “2.重夏申请” is read as 2.重复申请, flagged.
    expect(valueOf(r, 't3.repeated.natural')!.flags).toContain('review')
    // The headings were “## ” lines.
    expect(r.sections.filter((s) => s.heading).map((s) => s.heading)).toContain('一、总体情况')
    // The 落款 names the unit with a look-alike slip: the unit is not settled, both names shown.
    expect(r.unitCheck).toMatchObject({ settled: false, candidates: ['北山区住房和城乡建设局', '北山匡住房和城乡建设局'] })
    expect(r.notices.find((n) => n.group === 'unit')?.text).toContain('北山匡住房和城乡建设局')
  })

  it('places 表三 of 25 unlabelled rows under placeholder headers by its structure, and 表四 by its shape', async () => {
    const r = await importFile('corpus/transcription-unlabelled.md')
    const t3 = r.values.filter((v) => v.cell.startsWith('t3.'))
    expect(t3).toHaveLength(175)
    // Every row's total and every column identity holds: placed by arithmetic, flagged, never certain.
    for (const v of t3) expect([v.cell, v.method, v.flags, v.confidence]).toEqual([v.cell, 'placed', ['placed'], 0.55])
    const t4 = r.values.filter((v) => v.cell.startsWith('t4.'))
    expect(t4).toHaveLength(15)
    // 表四 has no identity across its rows: placed by order only, less sure.
    for (const v of t4) expect(v.confidence).toBeLessThan(0.55)
    expect(r.missing).toEqual(['表二'])
  })
})

describe('rows the reader could not label', () => {
  const base = [
    '三、收到和处理政府信息公开申请情况',
    '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3',
    '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
    '三、本年度办理结果（一）予以公开\t2\t0\t0\t0\t0\t0\t2'
  ]
  const rest = (skip: string) =>
    [
      ['（二）部分公开', [0, 0, 0, 0, 0, 0, 0]],
      ['（三）不予公开1.属于国家秘密', [0, 0, 0, 0, 0, 0, 0]],
      ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => [l, [0, 0, 0, 0, 0, 0, 0]] as const),
      ['（四）无法提供1.本机关不掌握相关政府信息', [1, 0, 0, 0, 0, 0, 1]],
      ['2.没有现成信息需要另行制作', [0, 0, 0, 0, 0, 0, 0]],
      ['3.补正后申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0]],
      ...['（五）不予处理1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l) => [l, [0, 0, 0, 0, 0, 0, 0]] as const),
      ['（七）总计', [3, 0, 0, 0, 0, 0, 3]],
      ['四、结转下年度继续办理', [0, 0, 0, 0, 0, 0, 0]]
    ].map(([label, figures]) => `${label === skip ? '1、本机关' : label}\t${(figures as readonly number[]).join('\t')}`)

  it('places a row between its labelled neighbours by order, every identity checked', () => {
    const r = recognizeReport(readPastedText([...base, ...rest('（四）无法提供1.本机关不掌握相关政府信息')].join('\n')))
    expect(valueOf(r, 't3.notHeld.natural')).toMatchObject({ value: 1, method: 'placed', flags: ['placed'] })
    expect(valueOf(r, 't3.notHeld.natural')!.note).toBe('原文此行行标签“1、本机关”无法识别，按前后行的顺序放入此行，合计及各列勾稽关系均相符')
  })

  it('places a row out of its place by arithmetic when the column identities leave it one empty row', () => {
    // The row came out at the end of the table (a PDF's reading order): order says nothing, sums do.
    const lines = rest('（四）无法提供1.本机关不掌握相关政府信息')
    const orphan = lines.find((l) => l.startsWith('1、本机关'))!
    const r = recognizeReport(readPastedText([...base, ...lines.filter((l) => l !== orphan), orphan].join('\n')))
    expect(valueOf(r, 't3.notHeld.natural')).toMatchObject({ value: 1, method: 'placed', flags: ['placed'] })
    expect(r.warnings).toContain(
      '表三中有一行数字（1 0 0 0 0 0 1）行标签“1、本机关”无法识别，按合计关系放入表三「三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息」，请核对'
    )
  })

  it('offers a row as a suggestion for each empty row it fits when arithmetic alone cannot choose', () => {
    // Without （七）总计 the columns cannot settle it: offered for the rows it fits, the fragment ranking them.
    const lines = rest('（四）无法提供1.本机关不掌握相关政府信息').filter((l) => !l.startsWith('（七）总计'))
    const orphan = lines.find((l) => l.startsWith('1、本机关'))!
    const r = recognizeReport(readPastedText([...base, ...lines.filter((l) => l !== orphan), orphan].join('\n')))
    expect(valueOf(r, 't3.notHeld.natural')).toBeUndefined()
    expect(r.suggestions.length).toBeGreaterThan(0)
    expect(r.suggestions[0]).toMatchObject({ values: [1, 0, 0, 0, 0, 0, 1] })
    expect(r.suggestions[0]!.cells[0]).toBe('t3.notHeld.natural')
    expect(r.suggestions[0]!.reason).toContain('标签残文与此行相近')
    expect(r.warnings.find((w) => w.includes('1、本机关'))).toContain('已列为建议')
  })
})

describe('a local layout (Shanghai style)', () => {
  it('maps its own parts by meaning, reads the renumbered tables by label, keeps cell notes', async () => {
    const r = await importFile('corpus/local-layout-shanghai.html')
    expect(r.sections.filter((s) => s.heading && s.section).map((s) => [s.heading, s.section])).toEqual([
      ['一、总体情况', 'overview'],
      ['二、工作机制保障', 'overview'],
      ['三、主动公开工作情况', 'proactive'],
      ['四、依申请公开工作情况', 'requests'],
      ['五、存在的主要问题及改进措施', 'problems'],
      ['六、其他需要报告的事项', 'other']
    ])
    expect(r.values).toHaveLength(200)
    // “8（其中修订3件）”: the figure 8, the note kept on the cell.
    expect(valueOf(r, 't2.normative.issued')).toMatchObject({ value: 8, method: 'read', note: '单元格注：其中修订3件' })
    expect(valueOf(r, 't2.normative.repealed')).toMatchObject({ value: 41, note: '单元格注：含自然失效12件' })
    // The tables' own captions (表一 主动公开政府信息情况 …) are not report text.
    expect(Object.values(r.report.sections).join('\n')).not.toMatch(/表[一二三] /)
  })
})
