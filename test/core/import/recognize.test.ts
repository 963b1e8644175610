import { describe, expect, it } from 'vitest'
import { detectGeneration } from '@core/import/recognize/generation'
import { ordinalOf, splitSections } from '@core/import/recognize/sections'
import { recognizeUnitYear, unitFromTitle } from '@core/import/recognize/unitYear'
import type { Block, BlockCell } from '@core/import/types'
import { linesToBlocks } from './seedBlocks'

const cell = (text: string): BlockCell => ({ text, rowSpan: 1, colSpan: 1 })
const table = (rows: string[][]): Block => ({ kind: 'table', rows: rows.map((r) => r.map(cell)) })

describe('detectGeneration', () => {
  const t2of2021 = table([
    ['第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0']
  ])
  const t2of2019 = table([
    ['第二十条第（一）项'],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', '0', '0', '0']
  ])

  it('reads the 2021 labels', () => {
    const r = detectGeneration([t2of2021], 2023)
    expect(r.generation).toBe('2021')
    expect(r.confidence).toBeGreaterThan(0.9)
    expect(r.evidence.join()).toContain('本年制发件数')
  })

  it('reads the 2019 labels, and 2020 reports default to the 2019 format', () => {
    expect(detectGeneration([t2of2019], 2019).generation).toBe('2019')
    expect(detectGeneration(linesToBlocks('一、总体情况\n我局……'), 2020).generation).toBe('2019')
  })

  it('lets the printed tables win over the year, and says so', () => {
    const r = detectGeneration([t2of2021], 2020)
    expect(r.generation).toBe('2021')
    expect(r.confidence).toBeLessThan(0.9)
    expect(r.evidence.join()).toContain('报告年度对应2019年格式')
  })

  it('takes 2021 for later years and pre-2019 for old ones, from the year alone', () => {
    expect(detectGeneration(linesToBlocks('一、总体情况'), 2024).generation).toBe('2021')
    expect(detectGeneration(linesToBlocks('一、概述'), 2012).generation).toBe('pre-2019')
  })

  it('reads old-条例 phrases without a year', () => {
    const r = detectGeneration(linesToBlocks('四、政府信息公开的收费及减免情况\n无。\n\t主动公开文件数\n\t条\n\t53'))
    expect(r.generation).toBe('pre-2019')
  })

  it('falls back to pre-2019 with low confidence when nothing is known', () => {
    const r = detectGeneration(linesToBlocks('随便一段文字'))
    expect(r.generation).toBe('pre-2019')
    expect(r.confidence).toBeLessThan(0.5)
  })
})

describe('recognizeUnitYear', () => {
  const read = (text: string) => recognizeUnitYear(linesToBlocks(text))

  it('takes the year reported on from the title, not the publication date', () => {
    const r = read('霞美镇2016年政府信息公开年度报告\n发布时间：2017-03-20\n2016年，我镇……')
    expect(r.year).toBe(2016)
    expect(r.unit).toBe('霞美镇')
  })

  it('reads “关于…年度…的报告” and finds the unit in the text', () => {
    const r = read('关于2018年度政府信息公开工作的报告\n2018年，城关镇人民政府认真贯彻落实……城关镇人民政府……')
    expect(r.year).toBe(2018)
    expect(r.unit).toBe('城关镇人民政府')
  })

  it('reads a unit before the year', () => {
    const r = read('XX镇人民政府2023年政府信息公开工作年度报告\n本报告所列数据统计期限为2023年1月1日至12月31日。')
    expect(r).toMatchObject({ unit: 'XX镇人民政府', year: 2023 })
  })

  it('reads the period sentence when the title has no year', () => {
    const r = read('政府信息公开工作年度报告\n本报告所列数据统计期限为2023年1月1日至12月31日。\n东城街道办事处……东城街道办事处……')
    expect(r).toMatchObject({ unit: '东城街道办事处', year: 2023 })
  })

  it('reads “2016年，我镇…” when nothing better is printed', () => {
    expect(read('年度报告\n2016年，我镇认真落实……').year).toBe(2016)
  })

  it('completes the name from the text and skips the 发文字号', () => {
    const r = read('南霞政〔2016〕202号\n大河乡2016年政府信息公开年度报告\n……大河乡人民政府……')
    expect(r).toMatchObject({ unit: '大河乡人民政府', year: 2016, documentNumber: '南霞政〔2016〕202号', titleBlocks: [0, 1] })
  })

  it('reads years in Chinese numerals', () => {
    expect(read('二〇一六年度大河乡政府信息公开工作报告').year).toBe(2016)
  })

  it('strips the title words from the unit', () => {
    expect(unitFromTitle('2017年闽清县白樟镇人民政府信息公开工作年度报告')).toBe('闽清县白樟镇人民政府')
    expect(unitFromTitle('霞美镇2016年政府信息公开年度报告')).toBe('霞美镇')
    expect(unitFromTitle('张村镇2011年度政府信息公开工作报告')).toBe('张村镇')
    expect(unitFromTitle('关于2018年度政府信息公开工作的报告')).toBe('')
  })
})

describe('splitSections', () => {
  const headings = (text: string, skip?: Set<number>) =>
    splitSections(linesToBlocks(text), { skip }).map((s) => [s.heading, s.section ?? null])

  it('reads the 2021 template headings', () => {
    expect(
      headings(
        '本报告根据……编制。\n一、总体情况\n……\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n……\n六、其他需要报告的事项\n……'
      )
    ).toEqual([
      ['', 'overview'],
      ['一、总体情况', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['三、收到和处理政府信息公开申请情况', 'requests'],
      ['四、政府信息公开行政复议、行政诉讼情况', 'review'],
      ['五、存在的主要问题及改进情况', 'problems'],
      ['六、其他需要报告的事项', 'other']
    ])
  })

  it('reads shortened and instruction-style headings', () => {
    expect(headings('四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n……\n五、存在问题及改进情况')).toEqual([
      ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', 'review'],
      ['五、存在问题及改进情况', 'problems']
    ])
    // No 一、 headings at all: the （一） headings are the top level.
    expect(
      headings('（一）总体情况。\n……\n（二）行政机关主动公开政府信息情况。\n（五）政府信息公开工作存在的主要问题及改进情况。\n（六）其他需要报告的事项。')
    ).toEqual([
      ['（一）总体情况。', 'overview'],
      ['（二）行政机关主动公开政府信息情况。', 'proactive'],
      ['（五）政府信息公开工作存在的主要问题及改进情况。', 'problems'],
      ['（六）其他需要报告的事项。', 'other']
    ])
  })

  it('reads the literal 第三十二条 list', () => {
    expect(
      headings(
        '一、主动公开政府信息的情况\n二、依申请公开政府信息和不予公开政府信息的情况\n三、政府信息公开的收费及减免情况\n四、因政府信息公开申请行政复议、提起行政诉讼的情况\n五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项'
      )
    ).toEqual([
      ['一、主动公开政府信息的情况', 'proactive'],
      ['二、依申请公开政府信息和不予公开政府信息的情况', 'requests'],
      ['三、政府信息公开的收费及减免情况', null],
      ['四、因政府信息公开申请行政复议、提起行政诉讼的情况', 'review'],
      ['五、政府信息公开工作存在的主要问题及改进情况', 'problems'],
      ['六、其他需要报告的事项', 'other']
    ])
  })

  it('reads the 要点落实 style: its extra parts go to the overview', () => {
    expect(
      headings(
        '一、政府信息公开工作要点落实情况\n二、主动公开政府信息情况\n三、回应解读情况\n四、依申请公开政府信息情况\n五、政府信息公开行政复议、行政诉讼和投诉情况\n六、机构建设和保障经费情况\n七、政府信息公开会议和培训情况\n八、存在的主要问题及改进措施'
      )
    ).toEqual([
      ['一、政府信息公开工作要点落实情况', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['三、回应解读情况', 'overview'],
      ['四、依申请公开政府信息情况', 'requests'],
      ['五、政府信息公开行政复议、行政诉讼和投诉情况', 'review'],
      ['六、机构建设和保障经费情况', 'overview'],
      ['七、政府信息公开会议和培训情况', 'overview'],
      ['八、存在的主要问题及改进措施', 'problems']
    ])
  })

  it('reads the Shanghai style, and unmatched headings after the main parts stay unmapped', () => {
    expect(headings('概述\n……\n一、主动公开政府信息情况\n二、咨询处理情况\n三、依申请公开政府信息情况\n四、附相关说明')).toEqual([
      ['概述', 'overview'],
      ['一、主动公开政府信息情况', 'proactive'],
      ['二、咨询处理情况', 'overview'],
      ['三、依申请公开政府信息情况', 'requests'],
      ['四、附相关说明', null]
    ])
  })

  it('does not take sentences or list items for headings', () => {
    expect(
      headings('一、概述\n1、健全组织，强化领导。为了加强对政府信息公开工作的领导，镇上成立了领导小组。\n（一）主动公开政府信息的数量\n1. 基本情况。\n二、主动公开政府信息情况')
    ).toEqual([
      ['一、概述', 'overview'],
      ['二、主动公开政府信息情况', 'proactive']
    ])
  })

  it('leaves out skipped blocks and table blocks, and keeps block ranges', () => {
    const blocks: Block[] = [
      ...linesToBlocks('标题\n一、总体情况\n正文'),
      table([['一、主动公开', '1']]),
      ...linesToBlocks('二、主动公开政府信息情况\n说明')
    ]
    const sections = splitSections(blocks, { skip: new Set([0]) })
    expect(sections).toEqual([
      { heading: '一、总体情况', section: 'overview', text: '正文', blocks: [1, 3] },
      { heading: '二、主动公开政府信息情况', section: 'proactive', text: '说明', blocks: [4, 5] }
    ])
  })
})

describe('more report shapes', () => {
  it('splits run-in headings from their text', () => {
    const sections = splitSections(linesToBlocks('一、总体情况。2023年，我镇认真贯彻《条例》。\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况：一是宣传不够。'))
    expect(sections.map((s) => [s.heading, s.section, s.text])).toEqual([
      ['一、总体情况', 'overview', '2023年，我镇认真贯彻《条例》。'],
      ['二、主动公开政府信息情况', 'proactive', ''],
      ['五、存在的主要问题及改进情况', 'problems', '一是宣传不够。']
    ])
  })

  it('reads 第一部分-style numbering', () => {
    expect(splitSections(linesToBlocks('第一部分 总体情况\n第二部分 主动公开政府信息情况')).map((s) => s.section)).toEqual(['overview', 'proactive'])
  })

  it('ignores breadcrumbs and site names around the title', () => {
    const r = recognizeUnitYear(linesToBlocks('首页 > 政府信息公开 > 政府信息公开年报\n城关镇政府2022年政府信息公开工作年度报告\n……城关镇人民政府……'))
    expect(r).toMatchObject({ unit: '城关镇人民政府', year: 2022 })
    expect(unitFromTitle('城关镇2022年政府信息公开工作年度报告_某某县人民政府网')).toBe('城关镇')
  })
})

describe('ordinalOf', () => {
  it('reads heading numbers', () => {
    expect(['一、', '九、', '十、', '十二、', '二十、', '第三部分', '3、', '（四）'].map(ordinalOf)).toEqual([1, 9, 10, 12, 20, 3, 3, 4])
  })
})
