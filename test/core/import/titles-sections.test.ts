/**
 * Titles, units, years and the six sections of 2019/2021-format reports, in the shapes real sites
 * publish them: CMS metadata above the title, titles broken over lines or naming no unit, years in
 * Chinese numerals or full-width digits, heading numbering and wording variants, run-in headings,
 * a table-of-contents-like preface, a heading followed directly by its table. Every variant is a
 * list of paragraph Blocks, one per line, as the readers deliver them, run through the whole
 * recogniser (normalisation included).
 */
import { describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import type { SectionId } from '@core/report/sections'
import type { Block, BlockCell, Generation } from '@core/import/types'

const cell = (text: string): BlockCell => ({ text, rowSpan: 1, colSpan: 1 })
const para = (text: string): Block => ({ kind: 'paragraph', text })

/** Body text of each section; none of it looks like a heading. */
const BODY: Record<SectionId, string> = {
  overview: '本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
  proactive: '本年度通过政府网站主动公开各类政府信息126条。',
  requests: '本年度共收到政府信息公开申请3件，均在法定期限内答复。',
  review: '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
  problems: '一是公开内容不够全面；二是工作人员业务水平有待提高。下一步，我们将加强培训。',
  other: '本年度未收取信息处理费。'
}

const TEMPLATE: Record<SectionId, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项'
}

const ORDER: readonly SectionId[] = ['overview', 'proactive', 'requests', 'review', 'problems', 'other']

interface Variant {
  name: string
  blocks: Block[]
  unit: string
  year: number
  generation?: Generation
  /** Expected text per section; the BODY text where not given. */
  sections?: Partial<Record<SectionId, string>>
}

interface Frame {
  /** Lines before the body: CMS debris, 发文字号, the title. */
  head: string[]
  /** Paragraphs between the title and the first heading (legal basis, statistics period). */
  preamble?: string[]
  headings?: Partial<Record<SectionId, string>>
  /** Heading and text on one line, joined by this (“一、总体情况。2023年…”). */
  runIn?: Partial<Record<SectionId, string>>
  body?: Partial<Record<SectionId, string>>
  /** Blocks right after a section's heading, before its text (a table). */
  after?: Partial<Record<SectionId, Block[]>>
  /** 落款 and anything after the body. */
  tail?: string[]
}

function doc(frame: Frame): Block[] {
  const blocks: Block[] = [...frame.head, ...(frame.preamble ?? [])].map(para)
  for (const id of ORDER) {
    const heading = frame.headings?.[id] ?? TEMPLATE[id]
    const body = frame.body?.[id] ?? BODY[id]
    const joiner = frame.runIn?.[id]
    if (joiner !== undefined) blocks.push(para(heading + joiner + body))
    else {
      blocks.push(para(heading))
      blocks.push(...(frame.after?.[id] ?? []))
      if (body !== '') blocks.push(para(body))
    }
  }
  blocks.push(...(frame.tail ?? []).map(para))
  return blocks
}

const PERIOD = '本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。'
const BASIS = '本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室有关要求编制。'
const withPreamble = (preamble: string[]): Partial<Record<SectionId, string>> => ({ overview: [...preamble, BODY.overview].join('\n') })

const t2 = (): Block => ({
  kind: 'table',
  rows: [
    [cell('第二十条第（一）项')],
    [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')],
    [cell('规章'), cell('0'), cell('0'), cell('0')],
    [cell('行政规范性文件'), cell('2'), cell('0'), cell('5')]
  ]
})

const TITLES: Variant[] = [
  {
    name: 'street office before the year',
    blocks: doc({ head: ['城南街道办事处2023年政府信息公开工作年度报告'] }),
    unit: '城南街道办事处',
    year: 2023
  },
  {
    name: '“XX县XX局关于2022年度政府信息公开工作的报告”',
    blocks: doc({ head: ['平安县交通运输局关于2022年度政府信息公开工作的报告'] }),
    unit: '平安县交通运输局',
    year: 2022
  },
  {
    name: 'year before the unit, 人民政府政府信息公开',
    blocks: doc({ head: ['2024年福州市鼓楼区人民政府政府信息公开工作年度报告'] }),
    unit: '福州市鼓楼区人民政府',
    year: 2024
  },
  {
    name: 'title split over two lines, unit first',
    blocks: doc({ head: ['青山镇人民政府', '2023年政府信息公开工作年度报告'] }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'title split over two lines after a 发文字号',
    blocks: doc({ head: ['青政〔2024〕5号', '青山镇人民政府', '2023年政府信息公开工作年度报告'] }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'CMS lines above the title',
    blocks: doc({
      head: [
        '发布时间：2024-01-18 来源：白沙镇 字号：大 中 小',
        '索引号：11350100MB0000000X/2024-00012',
        '发布机构：白沙镇人民政府',
        '文号：无',
        '白沙镇人民政府2023年政府信息公开工作年度报告'
      ]
    }),
    unit: '白沙镇人民政府',
    year: 2023
  },
  {
    name: 'CMS lines with 【】 and full-width colons, title in 【】',
    blocks: doc({
      head: ['【字体：大 中 小】【打印】【关闭】', '发布日期：2022年01月20日', '【白沙镇人民政府2021年政府信息公开工作年度报告】'],
      body: { overview: '2021年，白沙镇人民政府认真贯彻《条例》。' }
    }),
    unit: '白沙镇人民政府',
    year: 2021,
    sections: { overview: '2021年，白沙镇人民政府认真贯彻《条例》。' }
  },
  {
    name: 'title in 《》',
    blocks: doc({ head: ['《柳河乡人民政府2022年政府信息公开工作年度报告》'] }),
    unit: '柳河乡人民政府',
    year: 2022
  },
  {
    name: 'title without a unit, unit in the 落款',
    blocks: doc({ head: ['2023年政府信息公开工作年度报告'], tail: ['', '石门乡人民政府', '2024年1月15日'] }),
    unit: '石门乡人民政府',
    year: 2023
  },
  {
    name: 'title without a unit, unit in the first sentence',
    blocks: doc({
      head: ['2023年度政府信息公开工作年度报告'],
      body: { overview: '大桥镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。' }
    }),
    unit: '大桥镇人民政府',
    year: 2023,
    sections: { overview: '大桥镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。' }
  },
  {
    name: 'year in Chinese numerals',
    blocks: doc({ head: ['东坝镇人民政府二〇二三年政府信息公开工作年度报告'] }),
    unit: '东坝镇人民政府',
    year: 2023
  },
  {
    name: 'year in Chinese numerals with 度 and 零',
    blocks: doc({ head: ['东坝镇人民政府二零二二年度政府信息公开工作年度报告'] }),
    unit: '东坝镇人民政府',
    year: 2022
  },
  {
    name: 'year in full-width digits',
    blocks: doc({ head: ['东坝镇人民政府２０２３年政府信息公开工作年度报告'] }),
    unit: '东坝镇人民政府',
    year: 2023
  },
  {
    name: 'published in January: “2024年1月” in the text is not the year',
    blocks: doc({
      head: ['发布时间：2024-01-18', '政府信息公开工作年度报告'],
      preamble: ['本报告由红旗镇人民政府于2024年1月编制，统计期限自2023年1月1日起至2023年12月31日止。'],
      body: { overview: '2024年1月，红旗镇人民政府召开专题会议，总结全年政务公开工作。' },
      tail: ['红旗镇人民政府', '2024年1月18日']
    }),
    unit: '红旗镇人民政府',
    year: 2023,
    sections: {
      overview: '本报告由红旗镇人民政府于2024年1月编制，统计期限自2023年1月1日起至2023年12月31日止。\n2024年1月，红旗镇人民政府召开专题会议，总结全年政务公开工作。'
    }
  },
  {
    name: 'statistics-period sentence when the title has no year',
    blocks: doc({
      head: ['金山街道办事处政府信息公开工作年度报告'],
      preamble: [PERIOD]
    }),
    unit: '金山街道办事处',
    year: 2023,
    sections: withPreamble([PERIOD])
  },
  {
    name: 'the 2020 report of the 2019 format',
    blocks: doc({ head: ['龙泉镇人民政府2020年政府信息公开工作年度报告'], preamble: [BASIS] }),
    unit: '龙泉镇人民政府',
    year: 2020,
    generation: '2019',
    sections: withPreamble([BASIS])
  }
]

const MORE_TITLES: Variant[] = [
  {
    name: '“XX县XX局” / “关于…的报告” over two lines',
    blocks: doc({ head: ['平安县交通运输局', '关于2022年度政府信息公开工作的报告'] }),
    unit: '平安县交通运输局',
    year: 2022
  },
  {
    name: 'title over three lines',
    blocks: doc({ head: ['白沙镇人民政府', '2023年政府信息公开工作', '年度报告'] }),
    unit: '白沙镇人民政府',
    year: 2023
  },
  {
    name: 'a site name line above a title that names its unit is not part of the title',
    blocks: doc({ head: ['平安县人民政府', '白沙镇人民政府2023年政府信息公开工作年度报告'] }),
    unit: '白沙镇人民政府',
    year: 2023
  },
  {
    name: 'site name after the title',
    blocks: doc({ head: ['白沙镇人民政府2023年政府信息公开工作年度报告_平安县人民政府网'] }),
    unit: '白沙镇人民政府',
    year: 2023
  },
  {
    name: 'bracketed year after the title',
    blocks: doc({ head: ['白沙镇人民政府政府信息公开工作年度报告（2023年度）'] }),
    unit: '白沙镇人民政府',
    year: 2023
  },
  {
    name: '落款 dated in Chinese numerals, title without a unit',
    blocks: doc({ head: ['二〇二三年政府信息公开工作年度报告'], tail: ['石门乡人民政府', '二〇二四年一月十五日'] }),
    unit: '石门乡人民政府',
    year: 2023
  },
  {
    name: '落款 dated “2024-01-15”, title without a unit',
    blocks: doc({ head: ['2023年政府信息公开工作年度报告'], tail: ['石门乡人民政府', '2024-01-15'] }),
    unit: '石门乡人民政府',
    year: 2023
  },
  {
    name: 'the 落款 names the unit although the text cites the county more often',
    blocks: doc({
      head: ['2023年政府信息公开工作年度报告'],
      body: { overview: '根据平安县人民政府办公室要求，按照平安县人民政府办公室部署，我乡认真贯彻《条例》。' },
      tail: ['石门乡人民政府', '2024年1月15日']
    }),
    unit: '石门乡人民政府',
    year: 2023,
    sections: { overview: '根据平安县人民政府办公室要求，按照平安县人民政府办公室部署，我乡认真贯彻《条例》。' }
  },
  {
    name: 'indented title and headings',
    blocks: doc({
      head: ['\u3000\u3000白沙镇人民政府2023年政府信息公开工作年度报告'],
      headings: { overview: '\u3000\u3000一、总体情况', proactive: '    二、主动公开政府信息情况' }
    }),
    unit: '白沙镇人民政府',
    year: 2023
  }
]

const PAGE_FURNITURE: Variant[] = [
  {
    name: 'the title printed twice (page title and article title)',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告', '发布时间：2024-01-18 来源：青山镇', '青山镇人民政府2023年政府信息公开工作年度报告']
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'a bracketed date under the title',
    blocks: doc({ head: ['青山镇人民政府2023年政府信息公开工作年度报告', '（2024年1月18日）'] }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'a bracketed year on the line under the title',
    blocks: doc({ head: ['青山镇人民政府政府信息公开工作年度报告', '（2023年度）'] }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'no title at all: unit from the 落款, year from “2023年，”',
    blocks: doc({ head: [], body: { overview: '2023年，我乡认真贯彻《条例》。' }, tail: ['石门乡人民政府', '2024年1月15日'] }),
    unit: '石门乡人民政府',
    year: 2023,
    sections: { overview: '2023年，我乡认真贯彻《条例》。' }
  }
]

const YEARS: Variant[] = [
  {
    name: '“关于XX镇…的报告” with 关于 before the unit',
    blocks: doc({ head: ['关于青山镇2023年度政府信息公开工作情况的报告'], tail: ['青山镇人民政府', '2024年1月26日'] }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'title without a year: “2023年，” in the text, a 2024 要点 cited before it',
    blocks: doc({
      head: ['发布时间：2024-01-18', '青山镇人民政府政府信息公开工作年度报告'],
      preamble: ['按照《平安县2024年政务公开工作要点》要求，编制本报告。'],
      body: { overview: '2023年，我镇认真贯彻《条例》。' }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: { overview: '按照《平安县2024年政务公开工作要点》要求，编制本报告。\n2023年，我镇认真贯彻《条例》。' }
  },
  {
    name: '“数据统计截至2022年12月31日”, title without a year, published in January',
    blocks: doc({
      head: ['发布时间：2023-01-16', '柳河乡人民政府政府信息公开工作年度报告'],
      preamble: ['本报告中使用的数据统计截至2022年12月31日。'],
      body: { overview: '2023年1月，柳河乡召开专题会议，总结全年工作。' }
    }),
    unit: '柳河乡人民政府',
    year: 2022,
    sections: { overview: '本报告中使用的数据统计截至2022年12月31日。\n2023年1月，柳河乡召开专题会议，总结全年工作。' }
  },
  {
    name: '“统计期限为2023年度”',
    blocks: doc({ head: ['柳河乡人民政府政府信息公开工作年度报告'], preamble: ['本报告统计期限为2023年度。'] }),
    unit: '柳河乡人民政府',
    year: 2023,
    sections: withPreamble(['本报告统计期限为2023年度。'])
  },
  {
    name: 'title in [] brackets',
    blocks: doc({ head: ['[柳河乡人民政府2023年政府信息公开工作年度报告]'] }),
    unit: '柳河乡人民政府',
    year: 2023
  },
  {
    name: 'a 2019 report with the 2019 table',
    blocks: doc({
      head: ['龙泉镇人民政府2019年政府信息公开工作年度报告'],
      body: { proactive: '' },
      after: {
        proactive: [
          {
            kind: 'table',
            rows: [
              [cell('第二十条第（一）项')],
              [cell('信息内容'), cell('本年新制作数量'), cell('本年新公开数量'), cell('对外公开总数量')],
              [cell('规章'), cell('0'), cell('0'), cell('0')],
              [cell('规范性文件'), cell('2'), cell('2'), cell('5')]
            ]
          }
        ]
      }
    }),
    unit: '龙泉镇人民政府',
    year: 2019,
    generation: '2019',
    sections: { proactive: '' }
  }
]

const UNITS: Variant[] = [
  {
    name: '“XX镇” in the title completed from “XX镇人民政府” in the 落款',
    blocks: doc({ head: ['霞光镇2023年政府信息公开工作年度报告'], tail: ['霞光镇人民政府', '2024年1月20日'] }),
    unit: '霞光镇人民政府',
    year: 2023
  },
  {
    name: '“XX镇” in the title completed from the text',
    blocks: doc({
      head: ['霞光镇2023年政府信息公开工作年度报告'],
      body: { overview: '2023年，霞光镇人民政府认真贯彻《条例》，我镇政务公开工作稳步推进。' }
    }),
    unit: '霞光镇人民政府',
    year: 2023,
    sections: { overview: '2023年，霞光镇人民政府认真贯彻《条例》，我镇政务公开工作稳步推进。' }
  },
  {
    name: '“XX镇” never completed with an unprinted 人民政府',
    blocks: doc({ head: ['霞光镇2023年政府信息公开工作年度报告'], body: { overview: '2023年，本镇认真贯彻《条例》，我镇政务公开工作稳步推进。' } }),
    unit: '霞光镇',
    year: 2023,
    sections: { overview: '2023年，本镇认真贯彻《条例》，我镇政务公开工作稳步推进。' }
  },
  {
    name: '“XX县XX镇” in the title completed from “XX镇人民政府” in the 落款',
    blocks: doc({ head: ['平安县青山镇2023年政府信息公开工作年度报告'], tail: ['青山镇人民政府', '2024年1月20日'] }),
    unit: '平安县青山镇人民政府',
    year: 2023
  },
  {
    name: '“XX区XX街道” completed to 街道办事处 from the text',
    blocks: doc({ head: ['鼓楼区东街街道2023年政府信息公开工作年度报告'], body: { overview: '2023年，东街街道办事处认真贯彻《条例》。' } }),
    unit: '鼓楼区东街街道办事处',
    year: 2023,
    sections: { overview: '2023年，东街街道办事处认真贯彻《条例》。' }
  },
  {
    name: 'another unit’s full name in the text does not complete the title’s',
    blocks: doc({
      head: ['青山镇2023年政府信息公开工作年度报告'],
      body: { overview: '2023年，按照平安县人民政府要求，我镇认真贯彻《条例》。' }
    }),
    unit: '青山镇',
    year: 2023,
    sections: { overview: '2023年，按照平安县人民政府要求，我镇认真贯彻《条例》。' }
  },
  {
    name: '“XX街道” completed to 街道办事处 from the 落款',
    blocks: doc({ head: ['东湖街道2022年政府信息公开工作年度报告'], tail: ['东湖街道办事处', '2023年1月10日'] }),
    unit: '东湖街道办事处',
    year: 2022
  }
]

const HEADINGS: Variant[] = [
  {
    name: 'ASCII and full-width spaces after 一、',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '一、 总体情况',
        proactive: '二、\u3000主动公开政府信息情况',
        requests: '三、  收到和处理政府信息公开申请情况',
        review: '四、 政府信息公开行政复议、行政诉讼情况',
        problems: '五、\u3000\u3000存在的主要问题及改进情况',
        other: '六、 其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'full-width and ASCII full stops after the number',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '一．总体情况',
        proactive: '二．主动公开政府信息情况',
        requests: '三.收到和处理政府信息公开申请情况',
        review: '四.政府信息公开行政复议、行政诉讼情况',
        problems: '五．存在的主要问题及改进情况',
        other: '六.其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'instruction-style （一） numbering as the top level',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '（一）总体情况',
        proactive: '（二）主动公开政府信息情况',
        requests: '（三）收到和处理政府信息公开申请情况',
        review: '（四）政府信息公开行政复议、行政诉讼情况',
        problems: '（五）存在的主要问题及改进情况',
        other: '（六）其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'long instruction-style wording',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        proactive: '二、行政机关主动公开政府信息情况',
        requests: '三、行政机关收到和处理政府信息公开申请情况',
        review: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
        problems: '五、政府信息公开工作存在的主要问题及改进情况'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'shortened wording',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        proactive: '二、主动公开情况',
        requests: '三、依申请公开情况',
        review: '四、行政复议、行政诉讼情况',
        problems: '五、存在问题及改进情况',
        other: '六、其他事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'headings ending with 。',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '一、总体情况。',
        proactive: '二、主动公开政府信息情况。',
        requests: '三、收到和处理政府信息公开申请情况。',
        review: '四、政府信息公开行政复议、行政诉讼情况。',
        problems: '五、存在的主要问题及改进情况。',
        other: '六、其他需要报告的事项。'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'run-in headings with 。 and ：',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      runIn: { overview: '。', problems: '：', other: '。' }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'run-in instruction-style headings',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '（一）总体情况',
        proactive: '（二）行政机关主动公开政府信息情况',
        requests: '（三）行政机关收到和处理政府信息公开申请情况',
        review: '（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况',
        problems: '（五）政府信息公开工作存在的主要问题及改进情况',
        other: '（六）其他需要报告的事项'
      },
      runIn: { overview: '。', problems: '。', other: '。' }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'a table-of-contents-like preface does not split sections twice',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      preamble: [
        BASIS,
        '全文包括：',
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
        PERIOD
      ]
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      // The contents lines are navigation: neither headings nor text.
      overview: [BASIS, '全文包括：', PERIOD, BODY.overview].join('\n')
    }
  },
  {
    name: 'a contents list with dot leaders and page numbers',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      preamble: [
        '目  录',
        '一、总体情况……………………1',
        '二、主动公开政府信息情况……………2',
        '三、收到和处理政府信息公开申请情况……3',
        '四、政府信息公开行政复议、行政诉讼情况……5',
        '五、存在的主要问题及改进情况…………6',
        '六、其他需要报告的事项………………6'
      ]
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: { overview: BODY.overview }
  },
  {
    name: 'a one-paragraph preface listing the parts',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      preamble: ['本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。']
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      overview:
        '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。\n' +
        BODY.overview
    }
  },
  {
    name: '二、 followed directly by the table',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      body: { proactive: '' },
      after: { proactive: [t2()] }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: { proactive: '' }
  },
  {
    name: '1. sub-items of 总体情况 naming other topics are not headings',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      body: {
        overview: '1.主动公开\n本年度主动公开信息126条。\n2.依申请公开\n本年度收到申请3件。\n3.政府信息管理\n健全制度。\n4.平台建设\n优化网站栏目。\n5.监督保障\n开展考核。'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      overview: '1.主动公开\n本年度主动公开信息126条。\n2.依申请公开\n本年度收到申请3件。\n3.政府信息管理\n健全制度。\n4.平台建设\n优化网站栏目。\n5.监督保障\n开展考核。'
    }
  },
  {
    name: '1、 numbering as the top level',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '1、总体情况',
        proactive: '2、主动公开政府信息情况',
        requests: '3、收到和处理政府信息公开申请情况',
        review: '4、政府信息公开行政复议、行政诉讼情况',
        problems: '5、存在的主要问题及改进情况',
        other: '6、其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: '1. sub-items of an instruction-style （一）总体情况 are not headings',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '（一）总体情况',
        proactive: '（二）主动公开政府信息情况',
        requests: '（三）收到和处理政府信息公开申请情况',
        review: '（四）政府信息公开行政复议、行政诉讼情况',
        problems: '（五）存在的主要问题及改进情况',
        other: '（六）其他需要报告的事项'
      },
      body: { overview: '1.主动公开\n本年度主动公开信息126条。\n2.依申请公开\n本年度收到申请3件。\n3.平台建设\n优化网站栏目。' }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: { overview: '1.主动公开\n本年度主动公开信息126条。\n2.依申请公开\n本年度收到申请3件。\n3.平台建设\n优化网站栏目。' }
  },
  {
    name: 'sub-headings of 五、 numbered （一）（二） and 1. 2.',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      body: {
        problems: '（一）存在的主要问题\n公开内容不够全面。\n（二）改进情况\n1.加强培训。\n2.完善制度。',
        other: '1.信息处理费收取情况\n本年度未收取信息处理费。\n2.其他事项\n无。'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      problems: '（一）存在的主要问题\n公开内容不够全面。\n（二）改进情况\n1.加强培训。\n2.完善制度。',
      other: '1.信息处理费收取情况\n本年度未收取信息处理费。\n2.其他事项\n无。'
    }
  },
  {
    name: 'headings with spaces inside the words, and a bare “六、其他”',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: { overview: '一、总 体 情 况', problems: '五、存在问题 及 改进情况', other: '六、其他' }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'headings glued to their text with no stop, a comma or a space',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      runIn: { overview: '', proactive: ' ', requests: '，', problems: '\u3000', other: '' },
      body: { overview: '2023年，我镇认真贯彻《条例》。', other: '2023年，无收取信息处理费情况。' }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: { overview: '2023年，我镇认真贯彻《条例》。', other: '2023年，无收取信息处理费情况。' }
  },
  {
    name: 'a longer heading that starts with a template heading is not split',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: { overview: '一、总体情况和主要做法', problems: '五、存在的主要问题及改进情况和下一步打算' }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'full-width digits in 1、 headings',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '１、总体情况',
        proactive: '２、主动公开政府信息情况',
        requests: '３、收到和处理政府信息公开申请情况',
        review: '４、政府信息公开行政复议、行政诉讼情况',
        problems: '５、存在的主要问题及改进情况',
        other: '６、其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: '第一部分：总体情况 numbering',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      headings: {
        overview: '第一部分：总体情况',
        proactive: '第二部分 主动公开政府信息情况',
        requests: '第三部分、收到和处理政府信息公开申请情况',
        review: '第四部分：政府信息公开行政复议、行政诉讼情况',
        problems: '第五部分 存在的主要问题及改进情况',
        other: '第六部分：其他需要报告的事项'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023
  },
  {
    name: 'text copied from a PDF: page numbers between lines, a long heading broken over two lines',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度', '报告'],
      headings: { review: '四、因政府信息公开工作被申请行政复议、提起行政诉\n讼情况' },
      body: {
        overview: BODY.overview + '\n- 1 -\n依法依规做好政府信息公开工作。',
        problems: BODY.problems + '\n— 3 —\n第 4 页 共 6 页\n全面提升公开质量。'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      overview: BODY.overview + '\n依法依规做好政府信息公开工作。',
      problems: BODY.problems + '\n全面提升公开质量。'
    }
  },
  {
    name: 'numbered list items inside a section are not headings',
    blocks: doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      body: {
        overview: '（一）主动公开。本年度主动公开信息126条。\n（二）依申请公开。本年度收到申请3件。\n（三）政府信息管理。健全制度。\n（四）平台建设。优化网站栏目。\n（五）监督保障。开展考核。',
        problems: '1.存在问题。公开内容不够全面。\n2.改进措施。加强培训。'
      }
    }),
    unit: '青山镇人民政府',
    year: 2023,
    sections: {
      overview: '（一）主动公开。本年度主动公开信息126条。\n（二）依申请公开。本年度收到申请3件。\n（三）政府信息管理。健全制度。\n（四）平台建设。优化网站栏目。\n（五）监督保障。开展考核。',
      problems: '1.存在问题。公开内容不够全面。\n2.改进措施。加强培训。'
    }
  }
]

function check(v: Variant): void {
  // doc() pushes multi-line bodies as one paragraph; split them as readers would.
  const blocks = v.blocks.flatMap((b): Block[] => (b.kind === 'paragraph' ? b.text.split('\n').map(para) : [b]))
  const parsed = recognizeReport({ blocks, warnings: [] })
  expect(parsed.report.unit.name).toBe(v.unit)
  expect(parsed.report.year).toBe(v.year)
  expect(parsed.generation).toBe(v.generation ?? (v.year >= 2021 ? '2021' : '2019'))
  const expected = Object.fromEntries(ORDER.map((id) => [id, v.sections?.[id] ?? BODY[id]]))
  expect(parsed.report.sections).toEqual(expected)
}

describe('titles, units and years', () => {
  it.each(TITLES.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('more titles', () => {
  it.each(MORE_TITLES.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('page furniture around the title', () => {
  it.each(PAGE_FURNITURE.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('years', () => {
  it.each(YEARS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('unit completion', () => {
  it.each(UNITS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('section headings', () => {
  it.each(HEADINGS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v))
})

describe('what is not printed stays unknown', () => {
  it('leaves the unit blank when only “我镇” names it', () => {
    const blocks = doc({ head: ['2023年政府信息公开工作年度报告'], body: { overview: '2023年，我镇认真贯彻《条例》。' }, tail: ['2024年1月15日'] })
    const parsed = recognizeReport({ blocks, warnings: [] })
    expect(parsed.missing).toContain('单位名称')
    expect(parsed.report.year).toBe(2023)
    expect(parsed.report.document.publishedOn).toBe('2024-01-15')
  })

  it('leaves the year blank when only the publication date is printed', () => {
    const blocks = doc({ head: ['发布时间：2024-01-18', '青山镇人民政府政府信息公开工作年度报告'], tail: ['青山镇人民政府', '2024年1月18日'] })
    const parsed = recognizeReport({ blocks, warnings: [] })
    expect(parsed.report.unit.name).toBe('青山镇人民政府')
    expect(parsed.missing).toContain('报告年度')
  })
})

describe('blocks as some readers deliver them', () => {
  it('reads a title held in one paragraph with a line break (an HTML heading with <br>)', () => {
    const blocks = doc({ head: ['青山镇人民政府\n2023年政府信息公开工作年度报告'] })
    const parsed = recognizeReport({ blocks, warnings: [] })
    expect(parsed.report.unit.name).toBe('青山镇人民政府')
    expect(parsed.report.year).toBe(2023)
    expect(parsed.report.sections.overview).toBe(BODY.overview)
  })

  it('opens each section once when a contents list precedes the headings', () => {
    const blocks = doc({
      head: ['青山镇人民政府2023年政府信息公开工作年度报告'],
      preamble: ORDER.map((id) => TEMPLATE[id])
    })
    const parsed = recognizeReport({ blocks, warnings: [] })
    expect(parsed.sections.map((s) => s.section)).toEqual(ORDER)
    expect(parsed.sections.map((s) => s.heading)).toEqual(ORDER.map((id) => TEMPLATE[id]))
  })
})
