/**
 * The five real pre-2019 township reports, end to end through normalisation and recognition:
 * unit, year, generation, section headings, and every figure of their statistics tables.
 */
import { describe, expect, it } from 'vitest'
import { normalizeBlocks } from '@core/import/normalize'
import { detectGeneration } from '@core/import/recognize/generation'
import { mapLegacyFigures, readLegacyFigures } from '@core/import/recognize/legacy'
import { splitSections } from '@core/import/recognize/sections'
import { recognizeUnitYear } from '@core/import/recognize/unitYear'
import type { Block, LegacyFigure } from '@core/import/types'
import { seedBlocks, type Seed } from './seedBlocks'

function recognise(seed: Seed) {
  const { blocks, repairs } = normalizeBlocks(seedBlocks(seed))
  const unitYear = recognizeUnitYear(blocks)
  const generation = detectGeneration(blocks, unitYear.year)
  const legacy = readLegacyFigures(blocks)
  const sections = splitSections(blocks, { skip: new Set([...unitYear.titleBlocks, ...legacy.consumed]) })
  return { blocks, repairs, unitYear, generation, legacy, sections, mapped: mapLegacyFigures(legacy.figures) }
}

/** `label|unit|本年|历年累计` rows; an absent 历年累计 is left out, a printed empty cell is ''. */
function figureRows(figures: readonly LegacyFigure[]): string[] {
  return figures.map((f) => [f.label, f.unit ?? '', ...Object.entries(f.values).map(([k, v]) => `${k}=${v}`)].join('|'))
}

function headings(result: ReturnType<typeof recognise>): [string, string | null][] {
  return result.sections.map((s) => [s.heading, s.section ?? null])
}

describe('霞美镇 2016 (nine parts, 附表 one cell per line, header “2016 / 年度” wrapped)', () => {
  const r = recognise('xiamei')

  it('reads unit, year and generation; the 发文字号 is not the unit', () => {
    expect(r.unitYear.unit).toBe('霞美镇')
    expect(r.unitYear.year).toBe(2016)
    expect(r.unitYear.documentNumber).toBe('南霞政〔2016〕202号')
    expect(r.generation.generation).toBe('pre-2019')
  })

  it('finds the nine headings and maps them', () => {
    expect(headings(r)).toEqual([
      ['', 'overview'],
      ['一、加强领导，落实责任', 'overview'],
      ['二、规范建设，提高质量', 'overview'],
      ['三、主动公开政府信息情况', 'proactive'],
      ['四、依申请公开政府信息办理情况', 'requests'],
      ['五、咨询处理情况', 'overview'],
      ['六、政府信息公开的收费及减免情况', null],
      ['七、因政府信息公开申请行政复议、诉讼和申诉情况', 'review'],
      ['八、存在的主要问题和改进措施', 'problems'],
      ['九、需要说明的其他事项与附表', 'other'],
      ['（二）附表', null]
    ])
    expect(r.sections[0]!.text.startsWith('2016年，我镇认真落实')).toBe(true)
    expect(r.sections.find((s) => s.section === 'other')!.text).toBe('（一）需要说明的其他事项：无。')
  })

  it('reads every figure of the 附表 with 本年 and 历年累计', () => {
    expect(figureRows(r.legacy.figures)).toEqual([
      '主动公开文件数|条|本年=53|历年累计=259',
      '其中：1.政府网站公开数|条|本年=53|历年累计=259',
      '2.政府公报公开数|条|本年=0|历年累计=0',
      '受理政府信息公开申请总数|条|本年=0|历年累计=0',
      '其中：1.当面申请数|条|本年=0|历年累计=0',
      '2.网上申请数|条|本年=0|历年累计=0',
      '3.信函、传真申请数|条|本年=0|历年累计=0',
      '对申请的答复总数|条|本年=0|历年累计=0',
      '其中：1.同意公开答复数|条|本年=0|历年累计=0',
      '2.同意部分公开答复数|条|本年=0|历年累计=0',
      '3.不予公开答复数|条|本年=0|历年累计=0',
      '4.其他类型答复数|条|本年=0|历年累计=0',
      '政府信息公开收费减免金额|元|本年=0|历年累计=0',
      '接受行政申诉、举报数|件|本年=0|历年累计=0',
      '行政复议数|件|本年=0|历年累计=0',
      '行政诉讼数|件|本年=0|历年累计=0'
    ])
    expect(r.legacy.figures[1]!.parent).toBe('主动公开文件数')
  })

  it('maps the figures spec §3.4 allows, flagged approximate', () => {
    expect(r.mapped.map((v) => [v.cell, v.value])).toEqual([
      ['t3.new.total', 0],
      ['t3.public.total', 0],
      ['t3.partial.total', 0],
      ['t4.review.total', 0]
    ])
    for (const v of r.mapped) {
      expect(v.flags).toEqual(['approximate'])
      expect(v.confidence).toBeLessThanOrEqual(0.5)
      expect(v.note).toContain('仅供历史对比')
    }
  })
})

describe('白樟镇 2017 (概述 style, 一、二、 then 3、4、…, a row missing its 历年累计 cell)', () => {
  const r = recognise('baizhang')

  it('reads unit, year and generation from a title broken over two lines', () => {
    expect(r.unitYear.unit).toBe('闽清县白樟镇人民政府')
    expect(r.unitYear.year).toBe(2017)
    expect(r.unitYear.titleBlocks).toEqual([0, 1])
    expect(r.generation.generation).toBe('pre-2019')
  })

  it('takes 3、… as top-level headings but not the lists inside 概述', () => {
    expect(headings(r)).toEqual([
      ['', 'overview'],
      ['一、概述', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['3、政府信息依申请公开办理情况', 'requests'],
      ['4、因政府信息公开申请行政复议、提起行政诉讼的情况', 'review'],
      ['5、政府信息公开工作存在的主要问题及改进措施', 'problems'],
      ['6、需要说明的其他事项与附表', 'other'],
      ['（二）附表。', null]
    ])
    const overview = r.sections[1]!.text
    expect(overview).toContain('1. 基本情况。')
    expect(overview).toContain('1、以政务公开助力稳增长。')
  })

  it('reads every figure; the row whose 历年累计 cell is missing keeps only 本年', () => {
    expect(figureRows(r.legacy.figures)).toEqual([
      '主动公开文件数|条|本年=49|历年累计=1265',
      '其中：1.政府网站公开数|条|本年=49|历年累计=1265',
      '2.政府公报公开数|条|本年=0|历年累计=0',
      '受理政府信息公开申请总数|条|本年=0|历年累计=0',
      '其中：1.当面申请数|条|本年=0|历年累计=0',
      '2.网络申请数|条|本年=0|历年累计=0',
      '3.信函、传真申请数|条|本年=0|历年累计=0',
      '对申请的答复总数|条|本年=0|历年累计=0',
      '其中：1.同意公开答复数|条|本年=0|历年累计=0',
      '2.同意部分公开答复数|条|本年=0|历年累计=0',
      '3.不予公开答复数|条|本年=0|历年累计=0',
      '4.其他类型答复数|条|本年=0',
      '接受行政申诉、举报数|件|本年=0|历年累计=0',
      '行政复议数|件|本年=0|历年累计=0',
      '行政诉讼数|件|本年=0|历年累计=0'
    ])
  })

  it('maps the same four cells', () => {
    expect(r.mapped.map((v) => [v.cell, v.value])).toEqual([
      ['t3.new.total', 0],
      ['t3.public.total', 0],
      ['t3.partial.total', 0],
      ['t4.review.total', 0]
    ])
  })
})

describe('王家山镇 2018 (要点 style, national 2014 统计表 with empty cells and wrapped labels)', () => {
  const r = recognise('wangjiashan')

  it('reads unit, year and generation; the title is split by an empty line', () => {
    expect(r.unitYear.unit).toBe('王家山镇人民政府')
    expect(r.unitYear.year).toBe(2018)
    expect(r.generation.generation).toBe('pre-2019')
  })

  it('finds the seven headings and the 附件 parts; the table rows are not headings', () => {
    expect(headings(r)).toEqual([
      ['', 'overview'],
      ['一、概述', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['三、依申请公开政府信息情况', 'requests'],
      ['四、政府信息公开的收费及减免情况', null],
      ['五、因政府信息公开申请行政复议、提起行政诉讼的情况', 'review'],
      ['六、存在的主要问题及改进措施', 'problems'],
      ['七、需要说明的其他事项', 'other'],
      ['附件3', null],
      ['附件4', null]
    ])
    // The 落款 (unit and date) is not section text.
    expect(r.sections.find((s) => s.section === 'other')!.text).toBe('我镇没有需要说明的其他事项')
  })

  it('reads every row of the 统计表, empty cells as printed', () => {
    const filled: Record<string, string> = {
      '一、主动公开情况': '162',
      '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）': '162',
      '（二）通过不同渠道和方式公开政府信息的情况': '162',
      '2.政府网站公开政府信息数': '92',
      '4.政务微信公开政府信息数': '6',
      '5.其他方式公开政府信息数': '64'
    }
    const labels = r.legacy.figures.map((f) => f.label)
    expect(labels).toHaveLength(65)
    expect(labels).toContain('危及国家安全、公共安全、经济安全和社会稳定')
    expect(labels).toContain('专职人员数（不包括政府公报及政府网站工作人员数）')
    expect(labels).toContain('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）')
    expect(labels[labels.length - 1]).toBe('（三）接受培训人员数')
    for (const f of r.legacy.figures) expect(f.values, f.label).toEqual({ 本年: filled[f.label] ?? '' })
    const units = Object.fromEntries(r.legacy.figures.map((f) => [f.label, f.unit]))
    expect(units['一、主动公开情况']).toBe('—')
    expect(units['七、依申请公开信息收取的费用']).toBe('万元')
    expect(units['（三）接受培训人员数']).toBe('人次')
  })

  it('knows which rows are parts of which', () => {
    const parentOf = (label: string) => r.legacy.figures.find((f) => f.label === label)?.parent
    expect(parentOf('2.政府网站公开政府信息数')).toBe('（二）通过不同渠道和方式公开政府信息的情况')
    expect(parentOf('其中：涉及国家秘密')).toBe('4.不同意公开答复数')
    expect(parentOf('涉及个人隐私')).toBe('4.不同意公开答复数')
    expect(parentOf('（一）维持具体行政行为数')).toBe('四、行政复议数量')
  })

  it('maps nothing: every mappable row is empty', () => {
    expect(r.mapped).toEqual([])
  })
})

describe('张村镇 2011 (nine parts, 本年累计 column, last row without a value cell)', () => {
  const r = recognise('zhangcun')

  it('reads unit, year and generation', () => {
    expect(r.unitYear.unit).toBe('张村镇')
    expect(r.unitYear.year).toBe(2011)
    expect(r.generation.generation).toBe('pre-2019')
  })

  it('finds the headings of the nine-part report', () => {
    expect(headings(r)).toEqual([
      ['', 'overview'],
      ['一、概述', 'overview'],
      ['二、政府信息公开的组织领导和制度建设情况', 'overview'],
      ['三、主动公开政府信息以及公开平台建设情况', 'proactive'],
      ['四、政府信息公开申请的办理情况', 'requests'],
      ['五、政府信息公开的收费及减免情况', null],
      ['六、因政府信息公开申请行政复议、行政诉讼的情况', 'review'],
      ['七、政府信息公开保密审查及监督检查情况', 'overview'],
      ['八、政府信息公开工作存在的主要问题及改进情况', 'problems'],
      ['附：2011年度政府信息公开工作情况统计表', null],
      ['附件：', null]
    ])
  })

  it('reads every figure of the 统计表', () => {
    const filled: Record<string, string> = {
      '一、主动公开信息数量': '264',
      '其中：1.机构领导、设置及人事类信息': '6',
      '2.政策法规、规范性文件信息': '59',
      '3.业务工作信息': '132',
      '4.规划计划、统计信息': '26',
      '5.财务预决算信息': '2',
      '6.招标采购信息': '39'
    }
    const labels = r.legacy.figures.map((f) => f.label)
    expect(labels).toEqual([
      '一、主动公开信息数量',
      '其中：1.机构领导、设置及人事类信息',
      '2.政策法规、规范性文件信息',
      '3.业务工作信息',
      '4.规划计划、统计信息',
      '5.财务预决算信息',
      '6.招标采购信息',
      '二、信息公开申请数量',
      '其中：1.信函及传真申请',
      '2.网上填表及电子邮件申请',
      '3.当面申请',
      '三、对申请的答复数量',
      '其中：1.同意公开',
      '2.同意部份公开',
      '3.不予公开',
      '4.其他情况',
      '四、依申请提供信息收费数额',
      '五、政府信息公开被举报数量',
      '其中：1.维持具体行政行为',
      '2.纠错',
      '六、政府信息公开被行政复议数量',
      '其中：1.维持具体行政行为',
      '2.纠错',
      '七、政府信息公开被诉讼数量',
      '其中：1.维持具体行政行为',
      '2.纠错',
      '八、开通政府信息公开网站（或设立门户网站信息公开专栏）数量',
      '九、召开新闻发布会数量',
      '十、向档案馆报送信息数量',
      '其中：1.纸质文档',
      '2.电子文档',
      '十一、政府信息公开制定工作人员数量',
      '其中：1.全职人员',
      '2.兼职人员',
      '十二、组织学习培训次数',
      '十三、参加学习培训人数'
    ])
    for (const f of r.legacy.figures.slice(0, -1)) expect(f.values, f.label).toEqual({ 本年: filled[f.label] ?? '' })
    // The file ends after the unit: no value cell was printed at all.
    expect(r.legacy.figures[r.legacy.figures.length - 1]!.values).toEqual({})
    expect(r.mapped).toEqual([])
  })
})

describe('送庄镇 2016 (traditional, pinyin glosses and misaligned-GBK mojibake from a web copy)', () => {
  const r = recognise('songzhuang')
  const text = r.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n')

  it('reads unit, year (not the 2017 publication date) and generation', () => {
    expect(r.unitYear.unit).toBe('送庄镇人民政府')
    expect(r.unitYear.year).toBe(2016)
    expect(r.unitYear.title).toBe('送庄镇2016年政府信息公开工作年度报告')
    expect(r.generation.generation).toBe('pre-2019')
  })

  it('converts to simplified and removes the glosses, keeping real parentheses', () => {
    expect(text).not.toMatch(/[鎮報開發時]/)
    expect(text).not.toMatch(/\((?:zhèn|bào|hào|qiáng)\)/)
    expect(text).toContain('(豫政办〔2016〕86号)')
    expect(text).toContain('(洛政办〔2016〕55号)')
    expect(text).toContain('(三)规范工作,及时公开。')
  })

  it('repairs the misaligned GBK runs, and marks what was lost', () => {
    expect(text).toContain('（一）健全机构,强化领导。')
    expect(text).toContain('（一）进一步加强领导,落实责任')
    expect(text).toContain('（三）全力抓好政府信息公开工作,着力提升质量和水平。')
    // The byte after 制, 管 and before 化 went with the copy: marked, not guessed.
    expect(text).toContain('（二）完善制【乱码】,明确职责。')
    expect(text).toContain('（四）注重管【乱码】,加强监督。')
    expect(text).toContain('（五）【乱码】化学习,提升素质。')
    expect(text).not.toMatch(/[ㄒ┙珯∪ǘ┩]/)
    const mojibake = r.repairs.filter((m) => m.includes('乱码“'))
    expect(mojibake).toHaveLength(6)
    expect(mojibake[0]).toContain('“?。ㄒ唬┙∪珯C”已修复为“（一）健全機”')
    expect(r.repairs).toContain('原文为繁体字，已转换为简体（567 字）')
  })

  it('keeps the figures of the text intact', () => {
    expect(text).toContain('全年共组织培训3次,接受培训达30余人次。')
    expect(text).toContain('全年共发布乡镇动态新闻300余条,更新图片68张')
  })

  it('finds the headings; the unnumbered opening is the overview', () => {
    expect(headings(r)).toEqual([
      ['', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['三、依申请公开政府信息情况', 'requests'],
      ['四、政府信息公开的收费及减免情况', null],
      ['五、因政府信息公开申请行政复议、提起行政诉讼的情况', 'review'],
      ['六、存在问题及下步工作重点', 'problems']
    ])
    const overview = r.sections[0]!.text
    expect(overview.startsWith('2016年,按照《河南省人民政府办公厅')).toBe(true)
    // Web-page debris is not report text.
    expect(r.sections.map((s) => s.text).join('\n')).not.toMatch(/发布时间|扫一扫|分享|张道禄/)
    expect(r.legacy.figures).toEqual([])
  })
})

describe('the seeds as a reader that drops empty lines and indentation gives them', () => {
  const compactBlocks = (seed: Seed): Block[] =>
    seedBlocks(seed).flatMap((b): Block[] => (b.kind === 'paragraph' && b.text.trim() !== '' ? [{ ...b, text: b.text.trim() }] : []))
  const withoutBlanks = (figures: readonly LegacyFigure[]) =>
    figures.map((f) => [f.label, f.unit, Object.fromEntries(Object.entries(f.values).filter(([, v]) => v !== ''))])

  for (const seed of ['xiamei', 'baizhang', 'wangjiashan', 'zhangcun'] as const) {
    it(`${seed}: the same figures, empty cells simply absent`, () => {
      const raw = readLegacyFigures(normalizeBlocks(seedBlocks(seed)).blocks).figures
      const compacted = readLegacyFigures(normalizeBlocks(compactBlocks(seed)).blocks).figures
      expect(withoutBlanks(compacted)).toEqual(withoutBlanks(raw))
    })
  }

  it('reads a flattened row that a reader took for a one-column table', () => {
    const blocks = compactBlocks('baizhang')
    const at = blocks.findIndex((b) => b.kind === 'paragraph' && b.text === '接受行政申诉、举报数')
    const cells = ['接受行政申诉、举报数', '件', '0', '0'].map((text) => [
      { text: '', rowSpan: 1, colSpan: 1 },
      { text, rowSpan: 1, colSpan: 1 }
    ])
    blocks.splice(at, 4, { kind: 'table', rows: cells })
    const figures = readLegacyFigures(normalizeBlocks(blocks).blocks).figures
    expect(figures.find((f) => f.label === '接受行政申诉、举报数')?.values).toEqual({ 本年: '0', 历年累计: '0' })
    expect(figures).toHaveLength(15)
  })
})
