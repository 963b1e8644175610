/**
 * The 上年问题整改情况 checklist: every problem last year's section 五 listed becomes one item,
 * whatever shape the list takes. The shapes are those of real reports (the seeds under
 * test/fixtures/legacy and the wild fixtures quote them) and their common variants.
 */
import { describe, expect, it } from 'vitest'
import { CHECKLIST_ANSWER, CHECKLIST_HEADING, checklistSpan, extractProblems, formatChecklist } from '@core/report/checklist'
import { findMarks } from '@core/report/marks'

describe('extractProblems: one item per problem, whatever the shape', () => {
  it.each<[string, string, string[]]>([
    [
      'a heading, then numbered lines 1.',
      '（一）工作中存在的主要问题和困难\n1.部分主动公开的信息内容还不够完善，部分信息的公开还不够及时。\n2.信息公开形式还需要进一步丰富。\n3.工作人员的业务素质和能力还需要进一步提高。\n（二）具体的解决办法和改进措施\n1、做到宣传培训到位。',
      ['部分主动公开的信息内容还不够完善，部分信息的公开还不够及时', '信息公开形式还需要进一步丰富', '工作人员的业务素质和能力还需要进一步提高']
    ],
    [
      'a lead-in with a colon, then （一） lines whose first sentence names the problem',
      '目前，我镇政府信息公开工作还存在以下几个方面的问题：\n（一）政府信息公开工作规范性有待进一步加强。政府信息公开工作不够全面，关系民生的信息相对较少。\n（二）主动向社会公开信息的领域有待进一步拓展。信息公开的形式比较单一。\n（三）公开意识有待进一步加强。\n具体解决办法和改进措施：\n（一）进一步加大公开力度。',
      ['政府信息公开工作规范性有待进一步加强', '主动向社会公开信息的领域有待进一步拓展', '公开意识有待进一步加强']
    ],
    [
      '“主要是A，B。”: two clauses each naming a shortfall',
      '尽管我镇在信息公开方面做了大量的工作，但依然存在一些问题，主要是主动公开的内容还需进一步规范，信息公开的载体和形式还需要进一步丰富。\n（2）具体的解决办法和改进措施。',
      ['主动公开的内容还需进一步规范', '信息公开的载体和形式还需要进一步丰富']
    ],
    [
      '“问题:一是…;二是…。针对…” in one paragraph, half-width punctuation',
      '我镇的政府信息公开工作取得了一定的成绩,但还存在一些问题:一是对公开工作重要性的认识有待进一步加强;二是网站建设和制度配套有待进一步健全。针对我镇存在的问题,下步将着力抓好以下工作:',
      ['对公开工作重要性的认识有待进一步加强', '网站建设和制度配套有待进一步健全']
    ],
    [
      '“不足和问题，一是…；二是…。为进一步…”',
      '尽管我们做了大量的工作，但仍存在很大不足和问题，一是主动公开政府信息内容与公众的需求还存在一定差距；二是从事信息公开具体工作的人员较少。为进一步做好政府信息公开工作，一是加强组织领导。',
      ['主动公开政府信息内容与公众的需求还存在一定差距', '从事信息公开具体工作的人员较少']
    ],
    [
      'a run-on page: headings glued to the text, the improvements in the same paragraph',
      '(一)存在问题虽然我区政府信息公开工作取得了一定成效，但主要还存在以下问题：一是各单位信息公开工作多由兼职人员经办，流动性较大；二是部分单位信息公开属性界定不准确；三是政府信息公开宣传力度还不够。（二）改进措施一是重点推进政府信息公开。',
      ['各单位信息公开工作多由兼职人员经办，流动性较大', '部分单位信息公开属性界定不准确', '政府信息公开宣传力度还不够']
    ],
    [
      '“存在A、B等问题。2024年，我局将…”',
      '2023年我局政府信息公开工作虽然取得了一定成效，但仍存在政策解读形式较为单一、基层公开标准化规范化建设有待加强等问题。2024年，我局将进一步丰富解读形式。',
      ['政策解读形式较为单一', '基层公开标准化规范化建设有待加强']
    ],
    [
      '“不足，主要是A、B。下一步…”',
      '2020年，我局政府信息公开工作取得了一定成效，但也存在一些不足，主要是信息公开的及时性有待提高、政策解读的形式不够丰富。下一步，我局将加强信息发布审核。',
      ['信息公开的及时性有待提高', '政策解读的形式不够丰富']
    ],
    [
      '“一是…；二是…。” with no lead-in at all',
      '一是依申请公开答复的规范化水平有待进一步提高；二是基层市场监管所公开工作不够平衡。2023年我局将加强培训指导。',
      ['依申请公开答复的规范化水平有待进一步提高', '基层市场监管所公开工作不够平衡']
    ],
    [
      'a heading with the list run into it, then the improvements',
      '（一）存在的主要问题。一是政策解读形式较为单一，图解、视频等解读方式运用不足；二是部分村（社区）公开栏更新不够及时。\n（二）改进情况。针对上年度报告指出的问题，已开展专项整改并全部完成。',
      ['政策解读形式较为单一，图解、视频等解读方式运用不足', '部分村（社区）公开栏更新不够及时']
    ],
    [
      'a lead-in “如”, problems separated by 「；」',
      '对照上级要求，我办还存在一些不足，如：政务新媒体更新频率偏低；部分栏目内容不够完整；政策解读形式较为单一。下一步，我办将对照要求逐项整改。',
      ['政务新媒体更新频率偏低', '部分栏目内容不够完整', '政策解读形式较为单一']
    ],
    [
      'problems separated by 「。」 after a heading, one per sentence',
      '存在的主要问题：\n公开栏更新不够及时。依申请公开答复文书不够规范。工作人员业务能力有待提升。\n改进措施：加强培训。',
      ['公开栏更新不够及时', '依申请公开答复文书不够规范', '工作人员业务能力有待提升']
    ],
    [
      'numbered lines “(1)” after a lead-in “主要问题如下：”',
      '经自查，主要问题如下：\n(1)重点领域信息公开不够全面；\n(2)政策解读质量不高；\n今后，我局将加大公开力度。',
      ['重点领域信息公开不够全面', '政策解读质量不高']
    ],
    ['nothing to list', '无。', []]
  ])('%s', (_shape, text, problems) => {
    expect(extractProblems(text)).toEqual(problems)
  })

  it('keeps a single problem sentence that names one shortfall', () => {
    expect(extractProblems('但依然存在一些问题，主要是主动公开的内容还需进一步规范。\n在今后工作中，我镇将加大公开力度。')).toEqual([
      '主动公开的内容还需进一步规范'
    ])
  })

  it('does not read the improvements as problems', () => {
    const text = '我镇将进一步加强政策解读，丰富解读形式。下一步，继续完善公开栏。'
    expect(extractProblems(text)).toEqual([])
  })
})

describe('the checklist', () => {
  it('gives each problem its own line with an answer to write, a mark until written', () => {
    const text = formatChecklist(['政策解读形式较为单一', '公开栏更新不够及时'])
    expect(text).toBe(
      `${CHECKLIST_HEADING}\n1. 政策解读形式较为单一。${CHECKLIST_ANSWER}\n2. 公开栏更新不够及时。${CHECKLIST_ANSWER}`
    )
    // Every unanswered item is a 【待填写】 mark: the STALE check and the export gate find each one.
    expect(findMarks(text).filter((m) => m.figure === undefined)).toHaveLength(2)
    expect(checklistSpan(`${text}\n本年的问题。`)).toEqual({ start: 0, end: text.length })
  })

  it('asks for the list by hand when none could be read', () => {
    const text = formatChecklist([])
    expect(text).toContain('未能从上年报告中自动识别出问题')
    expect(findMarks(text)).toHaveLength(1)
  })
})
