/**
 * Whole-page text dumps: a saved page's text with its metadata, furniture and the whole report on
 * one line, tables glued. Each phenomenon on its own, then the real dump and the dumps made from
 * our own HTML and text fixtures for every generation (test/fixtures/corpus, scripts/page-dump.ts).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { splitAtHeadings } from '@core/import/recognize/dump/inlineHeadings'
import type { ImportedValue, ParsedReport } from '@core/import/types'
import { CELLS, type CellId } from '@core/report/cells'
import { readDocument, readPastedText } from '../../../src/main/services/readers/index'
import { hostilePage } from '../../support/hostile'
import { consistentValues } from '../../support/reports'

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url)

async function importFile(path: string): Promise<ParsedReport> {
  const bytes = new Uint8Array(readFileSync(fixture(path)))
  return recognizeReport(await readDocument({ bytes, name: path }), { source: path })
}

const importText = (text: string) => recognizeReport(readPastedText(text))
const valueOf = (r: ParsedReport, cell: string): ImportedValue | undefined => r.values.find((v) => v.cell === cell)
const legacyOf = (r: ParsedReport, label: string) => r.legacy.find((f) => f.label === label)

describe('the real dump of a site archive (平潭综合实验区 2015, pre-2019)', () => {
  it('reads unit, year, generation, the seven parts and the glued statistics table as its README says', async () => {
    const r = await importFile('corpus/pingtan-2015-page-dump.txt')
    expect(r.report.unit.name).toBe('平潭综合实验区')
    expect(r.unitCheck.settled).toBe(true)
    expect(r.report.year).toBe(2015)
    expect(r.generation).toBe('pre-2019')
    expect(r.sections.map((s) => s.heading)).toEqual([
      '',
      '一、概述',
      '二、主动公开政府信息情况',
      '三、政府信息依申请公开工作情况',
      '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '六、主要问题和改进措施'
    ])
    expect(legacyOf(r, '主动公开文件数')?.values).toEqual({ 本年: '2949', 历年累计: '81916' })
    expect(legacyOf(r, '其中：1、政府网站公开数')?.values).toEqual({ 本年: '2949', 历年累计: '81916' })
    expect(legacyOf(r, '2、政府公报公开数')?.values).toEqual({ 本年: '0', 历年累计: '0' })
    expect(legacyOf(r, '受理依申请公开信息总数')?.values).toEqual({ 本年: '0', 历年累计: '1' })
    // 2949 | 81916 is one of four ways the digits split; the narrative's “主动公开政府信息2949条” decides.
    expect(legacyOf(r, '主动公开文件数')?.derived?.['本年']).toContain('按正文')
    // Its part is then decided by the part-of relation: never more than its parent.
    expect(legacyOf(r, '其中：1、政府网站公开数')?.derived?.['本年']).toContain('2949')
    // Metadata lines are not the report: not its title, not its year, not its text.
    const text = Object.values(r.report.sections).join('\n')
    for (const furniture of ['发布时间', '原文链接', 'links.tsv', '====', '标题:']) expect(text).not.toContain(furniture)
    expect(r.warnings).toContain('正文连成一行（整页保存的文字），已按标题拆分为段落，并从文字中切出统计表 1 处')
  })
})

describe('dumps of our own pages, every generation', () => {
  it('2021: the app-exported page under an archive header gives all 200 values, split by every identity at once', async () => {
    const r = await importFile('corpus/dump-2021-archive.txt')
    const want = consistentValues()
    expect(CELLS.map((c) => [c.id, valueOf(r, c.id)?.value])).toEqual(CELLS.map((c) => [c.id, want[c.id]]))
    expect(r.sections.filter((s) => s.heading).map((s) => s.section)).toEqual(['overview', 'proactive', 'requests', 'review', 'problems', 'other'])
    // Figures split from glued digits are derived, flagged and never certain; the glued 表三 rows hold jointly.
    const split = valueOf(r, 't3.public.natural')!
    expect(split).toMatchObject({ method: 'derived', flags: ['split'] })
    expect(split.note).toContain('各列勾稽关系')
    // “行政规范性文件2214” has three splits; the narrative (“制发…2件，废止2件，现行有效14件”) decides.
    expect(valueOf(r, 't2.normative.inForce')).toMatchObject({ value: 14, method: 'derived' })
    expect(valueOf(r, 't2.normative.inForce')!.note).toContain('按正文')
    // A 表二 row of one figure is read, not derived.
    expect(valueOf(r, 't2.license.decisions')).toMatchObject({ value: 156, method: 'read', confidence: 1 })
    // The 落款 is its own, not text of 六、.
    expect(r.report.sections.other).not.toContain('2026年1月20日')
    expect(r.report.document.publishedOn).toBe('2026-01-20')
  })

  it('2021: a CMS page whose whole text is one line (navigation, metadata, share widgets, related links, footer)', async () => {
    const r = await importFile('corpus/dump-2021-cms-page.txt')
    expect(r.report.unit.name).toBe('东河县自然资源局')
    const text = Object.values(r.report.sections).join('\n')
    for (const chrome of ['当前位置', '索引号', '浏览次数', '相关链接', '版权所有', 'ICP', '分享到']) expect(text).not.toContain(chrome)
    // The related links name other units' reports: never the unit.
    expect(r.unitCheck.candidates).toEqual(['东河县自然资源局'])
    // Blank cells vanish in a dump: a row short of figures stays blank and is said.
    expect(valueOf(r, 't3.stateSecret.natural')).toBeUndefined()
    expect(r.warnings).toContain('表三「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密」只有 5 个数值，应为 7 个，已留空')
    // The printed total that is not the sum of its parts: no split under it, but the columns offer one.
    expect(valueOf(r, 't3.new.natural')).toBeUndefined()
    expect(r.suggestions).toEqual([
      expect.objectContaining({ cells: CELLS.filter((c) => c.table === 't3' && c.row === 'new').map((c) => c.id), values: [45, 6, 0, 0, 1, 2, 55] })
    ])
  })

  it('2019: the page of a 2019-format report, its signed 本年增/减 and thousands separators read', async () => {
    const r = await importFile('corpus/dump-2019-page.txt')
    expect(r.generation).toBe('2019')
    expect(r.report.unit.name).toBe('南湖区教育局')
    // “28-21,045”: 28 | -2 | 1,045 — a count is never negative, only 本年增/减 is.
    expect(valueOf(r, 't2.license.decisions')).toMatchObject({ value: 1045, flags: ['mapped-2019', 'split'] })
    expect(valueOf(r, 't3.otherReason.total')?.value).toBe(3)
    // 表二 rows with three figures and no identity: blank, every candidate listed.
    expect(r.warnings).toContain('表二「行政规范性文件」数字连写“4437”有 3 种可能的拆分（如 4|4|37；4|43|7；44|3|7），无法确定，已留空')
  })

  it('pre-2019: a township report as one line, its 附表 glued: ambiguous splits blank with their candidates', async () => {
    const r = await importFile('corpus/dump-pre2019-xiamei.txt')
    expect(r.report.unit.name).toBe('霞美镇')
    expect(r.report.document.number).toBe('南霞政〔2016〕202号')
    expect(r.sections.filter((s) => s.heading).length).toBe(10)
    expect(legacyOf(r, '主动公开文件数')?.values).toEqual({ 本年: '', 历年累计: '' })
    expect(r.warnings).toContain('旧版统计表“主动公开文件数”数字连写“53259”有 2 种可能的拆分（如 5|3259；53|259），无法确定，已留空')
    expect(legacyOf(r, '受理政府信息公开申请总数')?.values).toEqual({ 本年: '0', 历年累计: '0' })
  })
})

describe('a pre-2019 statistics table glued without a unit column', () => {
  it('cuts rows at their figures (a row’s own number is not one) and lets the narrative choose the split', () => {
    const pad = '我镇坚持以公开为常态、不公开为例外，不断完善工作机制，规范公开流程，拓宽公开渠道。'.repeat(4)
    const r = importText(
      '东山镇2016年政府信息公开工作年度报告\n' +
        `2016年，我镇全年主动公开政府信息53条。一、概述${pad}二、主动公开政府信息情况全年主动公开政府信息53条。三、依申请公开情况本年未收到申请。` +
        '四、附表项目单位2016年度历年累计主动公开文件数条53259其中：1.政府网站公开数条532592.政府公报公开数条00受理政府信息公开申请总数条00行政复议数件00'
    )
    expect(r.legacy.map((f) => [f.label, f.values])).toEqual([
      ['主动公开文件数', { 本年: '53', 历年累计: '259' }],
      ['其中：1.政府网站公开数', { 本年: '53', 历年累计: '259' }],
      ['2.政府公报公开数', { 本年: '0', 历年累计: '0' }],
      ['受理政府信息公开申请总数', { 本年: '0', 历年累计: '0' }],
      ['行政复议数', { 本年: '0', 历年累计: '0' }]
    ])
    const noUnit = importText(
      '东山镇2016年政府信息公开工作年度报告\n' +
        `2016年，我镇全年主动公开政府信息53条。一、概述${pad}二、主动公开政府信息情况全年主动公开政府信息53条。` +
        '三、附表指标名称2016年度历年累计主动公开文件数53259其中：1.政府网站公开数532592.政府公报公开数00'
    )
    expect(noUnit.legacy.map((f) => [f.label, f.values])).toEqual([
      ['主动公开文件数', { 本年: '53', 历年累计: '259' }],
      ['其中：1.政府网站公开数', { 本年: '53', 历年累计: '259' }],
      ['2.政府公报公开数', { 本年: '0', 历年累计: '0' }]
    ])
  })
})

describe('headings inline', () => {
  it('start only after a sentence, a space or a heading — never inside a quoted title', () => {
    const text =
      '根据《关于做好一、二季度工作的通知》要求编制。一、总体情况2023年，我局认真贯彻落实“一、公开为常态”的要求。（一）主动公开。全年公开信息12条。二、主动公开政府信息情况本年度制发文件2件。'
    expect(splitAtHeadings(text)).toEqual([
      '根据《关于做好一、二季度工作的通知》要求编制。',
      '一、总体情况',
      '2023年，我局认真贯彻落实“一、公开为常态”的要求。',
      '（一）主动公开。全年公开信息12条。',
      '二、主动公开政府信息情况',
      '本年度制发文件2件。'
    ])
  })
  it('an ordinary long paragraph that enumerates （一）（二）（三） is left as it was written', () => {
    const paragraph = `我局着力做好以下工作：（一）${'完善制度，规范流程，'.repeat(12)}；（二）${'加强培训，提升能力，'.repeat(12)}；（三）${'强化监督，确保实效，'.repeat(12)}。`
    const r = importText(['青山镇2023年政府信息公开工作年度报告', '一、总体情况', paragraph, '二、主动公开政府信息情况', '全年公开信息12条。'].join('\n'))
    expect(r.report.sections.overview).toBe(paragraph)
    expect(r.warnings.join('')).not.toContain('连成一行')
  })

  it('a list item inside a sentence is not a heading', () => {
    expect(splitAtHeadings('工作分为一、二两个阶段，三、四季度完成')).toEqual(['工作分为一、二两个阶段，三、四季度完成'])
  })
})

/** A 2021 report's text on one line: narrative with its own figures, then the three tables glued. */
function oneLine(parts: { t2?: string; t3?: string; t4?: string; narrative?: string } = {}): string {
  return [
    '标题: 青山镇人民政府2023年政府信息公开工作年度报告',
    '发布时间: 2024-01-20 10:00',
    '原文链接: https://www.example.gov.cn/a.html',
    '当前位置：首页 > 政务公开 > 年度报告',
    '微信 微博 QQ空间 字号：大 中 小 打印本页',
    [
      '青山镇人民政府2023年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求编制本报告。',
      '一、总体情况2023年，我镇认真落实政务公开工作要求。',
      `二、主动公开政府信息情况${parts.narrative ?? '本年度公开各类信息。'}`,
      parts.t2 ??
        '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1236210第二十条第（五）项信息内容本年处理决定数量行政许可15第二十条第（六）项信息内容本年处理决定数量行政处罚3行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0',
      '三、收到和处理政府信息公开申请情况本年度收到申请3件。',
      parts.t3 ?? '',
      '四、政府信息公开行政复议、行政诉讼情况未发生行政复议、行政诉讼。',
      parts.t4 ?? '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000',
      '五、存在的主要问题及改进情况信息公开的及时性有待提高。六、其他需要报告的事项无。青山镇人民政府2024年1月20日 相关链接 白水镇人民政府2023年政府信息公开工作年度报告 版权所有 青山镇人民政府'
    ].join('')
  ].join('\n')
}

const t3Row = (label: string, figures: readonly number[], apart = false) => `${label}${figures.join(apart ? ' ' : '')}`

describe('tables cut out of one line by their labels', () => {
  it('reads metadata, breadcrumbs and widgets as the page’s, and the related links never give the unit', () => {
    const r = importText(oneLine())
    expect(r.report.unit.name).toBe('青山镇人民政府')
    expect(r.report.year).toBe(2023)
    expect(r.unitCheck.candidates).toEqual(['青山镇人民政府'])
    const text = Object.values(r.report.sections).join('\n')
    for (const furniture of ['发布时间', '原文链接', '当前位置', 'QQ空间', '打印本页', '相关链接', '白水镇', '版权所有']) expect(text).not.toContain(furniture)
    expect(r.warnings).toContain('页面末尾的相关链接、版权信息等已略去')
  })

  it('tolerates misprinted labels, a dropped word, the older 规范性文件 and a row number glued to the figures', () => {
    const zero = [0, 0, 0, 0, 0, 0, 0]
    const t3 = [
      '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
      t3Row('一、本年新收政府信息公开申请数量', [2, 0, 0, 0, 1, 0, 3]),
      t3Row('二、上年结转政府信息公开申请数量', zero),
      t3Row('三、本年度办理结果（一）予以公开', [2, 0, 0, 0, 0, 0, 2]),
      t3Row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', zero),
      t3Row('（三）不予公开1.属于国家秘密', zero),
      // A word dropped: the numbering “2.” glued to the previous row's figures goes back to it.
      t3Row('2.其他法律法规禁止公开', zero),
      ...['3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => t3Row(l, zero)),
      t3Row('（四）无法提供1.本机关不掌握相关政府信息', [0, 0, 0, 0, 1, 0, 1]),
      ...['2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l) => t3Row(l, zero)),
      ...['（五）不予处理1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l) => t3Row(l, zero)),
      ...['（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l) => t3Row(l, zero)),
      t3Row('（七）总计', [2, 0, 0, 0, 1, 0, 3]),
      t3Row('四、结转下年度继续办理', zero)
    ].join('')
    const r = importText(
      oneLine({
        t2: '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000规范性文件21314第二十条第（五）项信息内容本年处理决定数量行政许可15',
        t3,
        // 行政复议 misprinted 行政法复议.
        t4: '行政法复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010000000000',
        narrative: '本年度制发规范性文件2件，废止1件，现行有效314件。'
      })
    )
    expect(valueOf(r, 't3.lawForbids.total')?.value).toBe(0)
    expect(valueOf(r, 't3.notHeld.lawService')?.value).toBe(1)
    expect(valueOf(r, 't3.new.total')?.value).toBe(3)
    expect(valueOf(r, 't2.normative.inForce')).toMatchObject({ value: 314, flags: ['review', 'split'] })
    expect(valueOf(r, 't4.review.total')?.value).toBe(1)
    expect(r.missing.filter((m) => m.startsWith('表三'))).toEqual([])
  })

  it('splits 表三 jointly: rows left open one by one are settled by the columns together', () => {
    const zero = [0, 0, 0, 0, 0, 0, 0]
    // （一） and （二） each “111000012” (1|1|10, 1|11, 11|1): only 11|1 in both keeps every column,
    // whose totals (printed apart, as a page's cells often are) are read.
    const rows: [string, readonly number[], boolean?][] = [
      ['一、本年新收政府信息公开申请数量', [22, 2, 0, 0, 0, 0, 24], true],
      ['二、上年结转政府信息公开申请数量', zero],
      ['三、本年度办理结果（一）予以公开', [11, 1, 0, 0, 0, 0, 12]],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [11, 1, 0, 0, 0, 0, 12]],
      ...['（三）不予公开1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
        '（四）无法提供1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '（五）不予处理1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
        '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l): [string, readonly number[], boolean?] => [l, zero]),
      ['（七）总计', [22, 2, 0, 0, 0, 0, 24], true],
      ['四、结转下年度继续办理', zero]
    ]
    const r = importText(oneLine({ t3: `申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${rows.map(([l, f, apart]) => t3Row(l, f, apart)).join('')}` }))
    for (const row of ['public', 'partial']) {
      expect(valueOf(r, `t3.${row}.natural`)).toMatchObject({ value: 11, method: 'derived' })
      expect(valueOf(r, `t3.${row}.business`)?.value).toBe(1)
    }
  })

  it('lets the narrative decide a 表二 row, which has no identity; without it the row stays blank with its candidates', () => {
    const decided = importText(oneLine({ narrative: '本年度制发行政规范性文件12件，废止36件，现行有效210件。' }))
    expect(['issued', 'repealed', 'inForce'].map((c) => valueOf(decided, `t2.normative.${c}`)?.value)).toEqual([12, 36, 210])
    expect(valueOf(decided, 't2.normative.issued')!.note).toContain('制发行政规范性文件12件')
    const open = importText(oneLine())
    expect(valueOf(open, 't2.normative.issued')).toBeUndefined()
    expect(open.warnings.find((w) => w.startsWith('表二「行政规范性文件」'))).toMatch(/数字连写“1236210”有 15 种可能的拆分（如 1\|2\|36210；.*），无法确定，已留空/)
  })
})

describe('a hostile page', () => {
  it('ends in bounded steps: long digit strings are left blank and said, not searched without end', async () => {
    const html = hostilePage()
    expect(html.length).toBeGreaterThan(100_000)
    const r = recognizeReport(await readDocument({ bytes: new TextEncoder().encode(html), name: 'hostile.html' }))
    expect(r.values.filter((v) => v.cell.startsWith('t3.'))).toEqual([])
    expect(r.warnings.some((w) => w.includes('超出计算上限') || w.includes('找不到符合合计关系的拆分'))).toBe(true)
  })
})

describe('every cell of a dump is either derived and flagged, read, or blank — never invented', () => {
  it('holds for the 2021 archive dump', async () => {
    const r = await importFile('corpus/dump-2021-archive.txt')
    for (const v of r.values) {
      if (v.method === 'read') expect([v.cell, v.flags]).toEqual([v.cell, []])
      else expect([v.cell, v.confidence < 1, v.flags.length > 0]).toEqual([v.cell, true, true])
    }
    const ids = new Set(r.values.map((v) => v.cell))
    expect(ids.size).toBe(r.values.length)
    expect([...ids].every((id) => CELLS.some((c) => c.id === (id as CellId)))).toBe(true)
  })
})
