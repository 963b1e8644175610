/**
 * Marks only on statistics: in a carried-over draft every figure of last year's work is marked
 * 【待更新】, and nothing else. Real sentences of real reports (the seeds and the pages the issue
 * quotes), both ways.
 */
import { describe, expect, it } from 'vitest'
import { markFigures, NON_STATISTIC_UNITS, NOT_STATISTICS, notStatistic } from '@core/report/carryText'

const marked = (text: string): string[] => markFigures(text).figures

describe('not statistics: never marked', () => {
  it.each<[string, string]>([
    ['a floor in an address', '地址：示例县人民路88号行政服务中心主楼9层'],
    ['part of a place name', '平潭综合实验区40海里外的海岛乡镇'],
    ['a size', '建成了600平方米的张村镇群众服务中心'],
    ['a distance', '距县城12公里，辖区面积35.6平方公里'],
    ['a room and a building', '政务公开查阅点设在2号楼301室'],
    ['a street number', '(地址:白樟镇白樟街50号，邮编：350804，电话：0591-22548311)'],
    ['a postcode and a phone number', '邮政编码350400，联系电话23158138'],
    ['an article number', '依据《条例》第20条和第二十一条的规定'],
    ['list numbering after a colon', '热点问题：1．有关农村的重要政策法规。2．政府为民办实事项目及其进展情况。'],
    ['list numbering after a full stop and a semicolon', '三是建立健全了工作制度。1.政府信息主动公开制度；2.政府信息发布协调制度。'],
    ['list numbering run into a heading', '（二）主动公开政府信息的主要形式1.门户网站在政府信息公开中发挥了第一平台作用'],
    ['list numbering at a line start', '1、健全组织，强化领导。\n2、规范工作，健全平台。'],
    ['years in a law and a document title', '根据《中华人民共和国政府信息公开条例》（2019年修订）和国办公开办函〔2021〕30号文件'],
    ['a deadline fixed by rule', '在信息生成之日起20个工作日内公开，7×24小时受理'],
    ['an age and an anniversary', '为60周岁以上老人提供上门服务，庆祝建党100周年'],
    ['a date', '2024年3月5日印发，12月31日前完成'],
    ['a service hotline', '通过12345热线转办'],
    ['a web address and a code', '网址http://mqx.fuzhou.gov.cn/，5G网络全覆盖']
  ])('%s', (_name, text) => {
    expect(marked(text)).toEqual([])
  })
})

describe('statistics: marked', () => {
  it.each<[string, string, string[]]>([
    ['counts of the year’s work', '全年主动公开政府信息326条，组织培训3次，接受培训30余人次。', ['326', '3', '30']],
    ['a figure next to an address in the same sentence', '主楼9层设查阅点，全年接待群众134人次。', ['134']],
    ['figures after list numbering', '1.全年收到申请39件；2.答复率100%。', ['39', '100%']],
    ['an amount', '全年政府信息公开工作共投入费用0.64万元。', ['0.64']],
    ['Chinese numerals before a counting unit', '组织业务培训两次，发布信息五十条。', ['两', '五十']],
    ['a hotline count', '办理12345热线工单12345件。', ['12345']]
  ])('%s', (_name, text, figures) => {
    expect(marked(text)).toEqual(figures)
  })
})

describe('the decision is data', () => {
  it('names a reason for each kind of non-statistic', () => {
    expect(NON_STATISTIC_UNITS).toEqual(expect.arrayContaining(['层', '海里', '米', '平方米', '号', '室']))
    for (const pattern of NOT_STATISTICS) expect(pattern.why).toMatch(/[\u4e00-\u9fff]/)
    const text = '主楼9层'
    expect(notStatistic(text, 2, 3)).toBe('尺寸、地址、时间、年龄等')
    expect(notStatistic('共9件', 1, 2)).toBeUndefined()
  })
})
