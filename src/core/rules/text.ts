/** P1 and P3: what the template asks of the narrative sections. */
import { countableText } from '../report/marks'
import { SECTION_IDS, sectionName } from '../report/sections'
import type { RuleSettings } from '../settings'
import type { Rule } from './types'
import { sectionLabel } from './format'
import { isSpace } from './textScan'

/** 国办公开办函〔2021〕30号: 总体情况“篇幅原则上不超过一千字”. */
export const OVERVIEW_LIMIT = 1000

/** What is not counted: whitespace, and the second half of a surrogate pair (the pair is one character). */
const NOT_COUNTED = /[\s\udc00-\udfff]/g

/**
 * Characters as an officer counts them: whitespace ignored, a surrogate pair is one character.
 * `limitEnd` is the offset just after the `limit`-th character (where the text goes over it).
 */
export function countCharacters(text: string, limit = Infinity): { count: number; limitEnd: number } {
  // Whitespace and surrogates are rare in Chinese prose: counting them is cheaper than walking every character.
  let skipped = 0
  NOT_COUNTED.lastIndex = 0
  while (NOT_COUNTED.test(text)) skipped++
  const count = text.length - skipped
  let limitEnd = text.length
  if (count > limit) {
    let seen = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if ((code >= 0xdc00 && code <= 0xdfff) || isSpace(code)) continue
      if (++seen === limit) {
        limitEnd = i + 1
        break
      }
    }
  }
  return { count, limitEnd }
}

/**
 * An opening paragraph about the report itself, kept at the top of 总体情况 by many reports and by
 * the import (“根据《条例》…编制本报告。本报告所列数据统计期限为…。本报告电子版可在…下载。”):
 * it is not part of the summary the 1,000-character limit is about.
 */
const PREAMBLE_SUBJECT = /本报告|本年报|本年度报告|年度报告|报告中所列|报告所列/
const PREAMBLE_CUE = /编制|组成|统计期限|统计时限|统计时间|电子版|下载|疑问|联系|特向社会公布|予以公布|现予公布|现将.{0,20}报告如下/
/** The heading of section 一 kept in the text by an import: the body starts after it. */
const OVERVIEW_HEADING = /^\s*一[、.．]\s*(?:总体情况|概述|概况)\s*$/m

function isPreamble(paragraph: string): boolean {
  return PREAMBLE_SUBJECT.test(paragraph) && PREAMBLE_CUE.test(paragraph)
}

/** Offset where the body of 总体情况 starts: after an opening preamble and a kept heading. */
export function overviewBodyStart(text: string): number {
  let at = 0
  const heading = OVERVIEW_HEADING.exec(text)
  if (heading) at = heading.index + heading[0].length
  for (;;) {
    const rest = text.slice(at)
    const lead = /^\s*/.exec(rest)![0].length
    const end = rest.indexOf('\n', lead)
    const paragraph = rest.slice(lead, end < 0 ? rest.length : end)
    if (!paragraph || !isPreamble(paragraph)) return at + lead
    at += end < 0 ? rest.length : end + 1
  }
}

/**
 * Characters of 总体情况 as P1 counts them: the body only (no opening preamble), the app's marks
 * not counted as words (【待更新：12】 counts as “12”, 【待填写】 not at all). The editor's counter
 * shows the same number.
 */
export function overviewCount(text: string): { count: number; bodyStart: number } {
  const bodyStart = overviewBodyStart(text)
  return { count: countCharacters(countableText(text.slice(bodyStart))).count, bodyStart }
}

/** Where a limit comes from, in a message: the national format's words, or the region's settings. */
function limitSource(limit: number, settings: RuleSettings | undefined): string {
  if (limit === OVERVIEW_LIMIT) return '超过“篇幅原则上不超过一千字”的要求'
  return `超过设置的 ${limit} 字上限${settings?.profile ? `（地区配置「${settings.profile}」）` : ''}`
}

export const OVERVIEW_LENGTH_RULE: Rule = {
  id: 'P1',
  severity: 'warning',
  // “篇幅原则上不超过一千字” is new in the 2021 format.
  since: '2021',
  title: `“${sectionName('overview')}”篇幅原则上不超过一千字`,
  reads: { sections: ['overview'] },
  evaluate({ report, settings }) {
    const limit = settings?.overviewCharLimit ?? OVERVIEW_LIMIT
    const text = report.sections.overview
    const { count, bodyStart } = overviewCount(text)
    if (count <= limit) return []
    const { limitEnd } = countCharacters(text.slice(bodyStart), limit)
    const preamble = bodyStart > 0 && text.slice(0, bodyStart).trim() ? '，不含开头关于本报告的说明' : ''
    return [
      {
        rule: 'P1',
        severity: 'warning',
        message: `${sectionLabel('overview')}共 ${count} 字（不计空白${preamble}），${limitSource(limit, settings)}`,
        cells: [],
        // Jump to where the text passes the limit: that is what the officer has to shorten.
        target: { kind: 'section', section: 'overview', start: bodyStart + limitEnd, end: text.length },
        // About the length: kept while the count and the limit stay as they were reviewed.
        key: 'P1:overview',
        concerns: `${count}/${limit}`
      }
    ]
  }
}

/**
 * P3: a statement either way is enough (“未收取信息处理费”, “无收取处理费情况”, “收取信息处理费
 * 0.02万元”, “依申请提供政府信息暂不收费”, “未发生收费”); what is flagged is silence, or a bare
 * citation of the fee regulation (a 《…信息处理费管理办法》 named, nothing said about this year).
 * Titles are read out first: the regulation's name is not a statement.
 */
const FEE_TOPIC = /处理费|收费|收取费用|费用/
const FEE_VERDICTS: readonly RegExp[] = [
  // 未收取 / 没有收取 / 无收取…情况 / 不收取 / 暂不收费 / 免收 / 未发生收费 / 未产生处理费
  /(?:未|没有|无|不|免|暂不|暂未|均未|并未|从未|尚未)[^，,。；;]{0,8}?(?:收取|收费|收缴|产生|发生|涉及)/,
  /(?:收取|收费|处理费)[^，,。；;]{0,8}?(?:情况)?(?:为|均为|共计?)?\s*(?:0|０|零)(?:元|万元)?(?![0-9０-９.．])/,
  // 收取信息处理费 2 笔、共 0.02 万元
  /(?:收取|收缴|收费)[^。；;]{0,24}?[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:万?元|笔|件)/,
  /处理费[^。；;]{0,12}?(?:收取|收缴)[^。；;]{0,12}?[0-9０-９]/,
  /(?:无|没有)[^，,。；;]{0,6}(?:收费|处理费)/
]
const TITLES = /《[^《》\n]*》/g
const SENTENCES = /[^。；;！!？?\n]+/g

/** Whether a text states whether a fee was charged (titles aside). */
export function statesFee(text: string): boolean {
  const plain = text.replace(TITLES, '《》')
  for (const match of plain.matchAll(SENTENCES)) {
    const sentence = match[0]
    if (FEE_TOPIC.test(sentence) && FEE_VERDICTS.some((verdict) => verdict.test(sentence))) return true
  }
  return false
}

const FEE_REGULATION = /《[^《》\n]*处理费[^《》\n]*》/

export const PROCESSING_FEE_RULE: Rule = {
  id: 'P3',
  severity: 'warning',
  // The 信息处理费 (国办函〔2020〕109号) is reported here from the 2021 format on.
  since: '2021',
  title: `“${sectionName('other')}”应说明信息处理费收取情况`,
  reads: { sections: SECTION_IDS },
  evaluate({ report }) {
    const other = report.sections.other
    if (statesFee(other)) return []
    const elsewhere = SECTION_IDS.find((id) => id !== 'other' && statesFee(report.sections[id]))
    const cited = FEE_REGULATION.exec(other)
    const what = cited
      ? `只引用了${cited[0]}，未写明本年度是否收取信息处理费`
      : elsewhere
        ? `未说明是否收取信息处理费（${sectionLabel(elsewhere)}中有说明，模板要求“收取信息处理费情况在此处报告”）`
        : '未说明是否收取信息处理费（模板要求“收取信息处理费情况在此处报告”，未收取也应写明）'
    return [
      {
        rule: 'P3',
        severity: 'warning',
        message: `${sectionLabel('other')}${what}`,
        cells: [],
        target: cited
          ? { kind: 'section', section: 'other', start: cited.index, end: cited.index + cited[0].length }
          : { kind: 'section', section: 'other' },
        // Whether a title is cited or not, it is the one finding about section 六's silence.
        key: 'P3:other'
      }
    ]
  }
}
