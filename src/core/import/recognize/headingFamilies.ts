/**
 * Section headings of every generation as data: what a heading's words say, and where its text
 * belongs in the 2021 model. First match wins, so the order settles overlaps (“因政府信息公开申请
 * 行政复议” is about review, not requests; “依申请公开…收费及减免” is about fees).
 *
 * Where a heading has no 2021 counterpart:
 * - work and organisation headings (加强领导, 制度建设, 机构建设, 保密审查, 培训, 咨询处理,
 *   回应解读, 要点落实, 平台建设…) go to 总体情况: the 2021 template asks 总体情况 to cover
 *   exactly these (政府信息管理, 平台建设, 监督保障);
 * - 收费及减免 stays its own section (no `section`): pre-2019 fees for copying and postage are
 *   not the 信息处理费 that 2021's 第六部分 reports, so the officer decides;
 * - 附表/附件 headings stay separate: the statistics are read by the legacy-table reader.
 */
import type { SectionId } from '../../report/sections'

export type HeadingTopic =
  | 'overview'
  | 'proactive'
  | 'requests'
  | 'review'
  | 'problems'
  | 'other'
  | 'fees'
  | 'work'
  | 'appendix'

export interface HeadingFamily {
  topic: HeadingTopic
  /** Tested on the heading text without its number, whitespace removed. */
  pattern: RegExp
  section?: SectionId
}

export const HEADING_FAMILIES: readonly HeadingFamily[] = [
  { topic: 'fees', pattern: /收费|减免|费用|支出/ },
  { topic: 'review', pattern: /复议|诉讼|申诉/, section: 'review' },
  { topic: 'problems', pattern: /问题|不足|改进/, section: 'problems' },
  { topic: 'other', pattern: /其他需要报告|需要说明|其他事项|需要报告的事项|其他有关情况|^其他(?:情况|说明)?$/, section: 'other' },
  { topic: 'proactive', pattern: /主动公开/, section: 'proactive' },
  { topic: 'requests', pattern: /依申请|公开申请|申请公开|收到和处理/, section: 'requests' },
  { topic: 'overview', pattern: /^(?:总体情况|概述|概况|基本情况|总体工作情况)/, section: 'overview' },
  {
    topic: 'work',
    pattern:
      /领导|组织|制度|机构|保密审查|监督|考核|培训|会议|咨询|回应|解读|要点|平台|载体|队伍|保障|重点领域|建议|提案|规范建设|工作开展|主要做法|措施/,
    section: 'overview'
  },
  { topic: 'appendix', pattern: /^附表|^附件|统计表|^附[:：]/ }
]

export function familyOf(headingText: string): HeadingFamily | undefined {
  return HEADING_FAMILIES.find((f) => f.pattern.test(headingText))
}
