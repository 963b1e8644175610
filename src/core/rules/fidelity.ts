/**
 * FORMAT: how faithfully the text follows the national format (国办公开办函〔2021〕30号). Hints the
 * officer may dismiss, never errors: a heading, a title or a table label printed otherwise than the
 * national text (with the official wording offered), a report of a 2021-format year still printed in
 * an older template, and a 总体情况 that does not cover what the format asks it to summarise
 * (主动公开、依申请公开、政府信息管理、平台建设、监督保障; for 各级人民政府 also 社会评议 and
 * 责任追究, 条例第五十条第四项). The printed title, headings and labels are what the import saw
 * (`report.imported`); a report written in the app prints the official ones.
 */
import { sectionDef, SECTION_IDS, type SectionId } from '../report/sections'
import type { Report } from '../report/report'
import type { Finding, Rule } from './types'
import { sectionLabel } from './format'
import { GENERATION_NAMES, generationOfYear } from './applicability'
import { overviewBodyStart } from './text'

/** `concerns`: what the hint is about (the heading as printed, the topics missing), so a review holds while it stays. */
function hint(key: string, message: string, target: Finding['target'], concerns: string): Finding {
  return { rule: 'FORMAT', severity: 'hint', message, cells: [], target, key: `FORMAT:${key}`, concerns }
}

/** A heading as compared: no spaces, no numbering, no closing punctuation. */
function headingBody(heading: string): string {
  return heading
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/, '')
    .replace(/[。：:．.]+$/, '')
}

function headingHints(report: Report): Finding[] {
  const printed = report.imported?.headings
  if (!printed) return []
  return SECTION_IDS.flatMap((id: SectionId) => {
    const heading = printed[id]
    const official = sectionDef(id).heading
    if (heading === undefined || !heading.trim() || headingBody(heading) === headingBody(official)) return []
    return [
      hint(
        `heading:${id}`,
        `第${official.charAt(0)}部分标题印作「${heading.trim()}」，国家格式为「${official}」`,
        { kind: 'section', section: id },
        heading.trim()
      )
    ]
  })
}

const OFFICIAL_TITLE_WORDS = '政府信息公开工作年度报告'

function titleHint(report: Report): Finding[] {
  const title = report.imported?.title?.replace(/\s+/g, '')
  if (!title || title.includes(OFFICIAL_TITLE_WORDS)) return []
  const missing = /政府信息公开年度报告/.test(title) ? '，缺少「工作」二字' : ''
  return [
    hint(
      'title',
      `标题印作「${title}」${missing}；国家格式的标题为「${report.unit.name}${report.year}年${OFFICIAL_TITLE_WORDS}」`,
      { kind: 'section', section: 'overview', start: 0, end: 0 },
      title
    )
  ]
}

function labelHints(report: Report): Finding[] {
  return (report.imported?.labels ?? []).map((label) =>
    hint(`label:${label.printed}`, `表格标签印作「${label.printed}」，国家格式为「${label.official}」`, { kind: 'section', section: 'proactive' }, label.printed)
  )
}

function templateHint(report: Report): Finding[] {
  const printed = report.imported?.generation
  const due = generationOfYear(report.year)
  if (!printed || printed === due || due !== '2021') return []
  return [
    hint(
      'template',
      `本报告为 ${report.year} 年度，应使用${GENERATION_NAMES[due]}，但按${GENERATION_NAMES[printed]}印制；表格的栏目与现行格式不同，请按现行格式核对补全`,
      { kind: 'section', section: 'proactive' },
      printed
    )
  ]
}

/** What 总体情况 summarises, by the format, and words that show it does. */
export const OVERVIEW_TOPICS: readonly { name: string; words: RegExp }[] = [
  { name: '主动公开', words: /主动公开/ },
  { name: '依申请公开', words: /依申请|申请公开|公开申请/ },
  { name: '政府信息管理', words: /信息管理|公开属性|保密审查|源头认定|动态更新|动态调整|清理|审核/ },
  { name: '平台建设', words: /平台|网站|新媒体|公开专栏|公开栏|专区|公报|公众号/ },
  { name: '监督保障', words: /监督|保障|考核|培训|评议|责任追究|督查|督导|检查/ }
]

/** 条例第五十条第四项: 各级人民政府 report 工作考核、社会评议和责任追究结果情况. */
export const GOVERNMENT_TOPICS: readonly { name: string; words: RegExp }[] = [
  { name: '社会评议', words: /评议|满意度|测评|群众评价/ },
  { name: '责任追究', words: /责任追究|追责|问责/ }
]

/** A 人民政府 (a township's 镇/乡 included): the units 第五十条第四项 speaks of. */
function isGovernment(report: Report): boolean {
  const name = report.unit.name.replace(/\s+/g, '')
  return /人民政府$/.test(name) || (report.unit.level === 'township' && /[镇乡]$/.test(name))
}

function overviewHints(report: Report): Finding[] {
  const text = report.sections.overview
  // The unit's own name says nothing (西江市市场监督管理局 is no statement about 监督保障).
  const body = text.slice(overviewBodyStart(text)).replaceAll(report.unit.name, '')
  if (!body.trim()) return []
  const out: Finding[] = []
  const missing = OVERVIEW_TOPICS.filter((t) => !t.words.test(body)).map((t) => t.name)
  if (missing.length) {
    out.push(
      hint(
        'overview-topics',
        `${sectionLabel('overview')}未见${missing.join('、')}方面的内容；格式要求总体情况概述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况`,
        { kind: 'section', section: 'overview' },
        missing.join('、')
      )
    )
  }
  const government = isGovernment(report) ? GOVERNMENT_TOPICS.filter((t) => !t.words.test(body)).map((t) => t.name) : []
  if (government.length) {
    out.push(
      hint(
        'overview-article50',
        `${sectionLabel('overview')}未见${government.join('、')}结果情况；各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条第四项），没有也宜写明`,
        { kind: 'section', section: 'overview' },
        government.join('、')
      )
    )
  }
  return out
}

export const FORMAT_RULE: Rule = {
  id: 'FORMAT',
  severity: 'hint',
  since: '2021',
  title: '标题、章节标题、表格标签和总体情况的内容应与国家格式一致',
  reads: { sections: SECTION_IDS },
  evaluate({ report }) {
    return [...templateHint(report), ...titleHint(report), ...headingHints(report), ...labelHints(report), ...overviewHints(report)]
  }
}
