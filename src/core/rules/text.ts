/** P1 and P3: what the template asks of the narrative sections. */
import { countableText } from '../report/marks'
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

export const OVERVIEW_LENGTH_RULE: Rule = {
  id: 'P1',
  severity: 'warning',
  title: '“总体情况”篇幅原则上不超过一千字',
  reads: { sections: ['overview'] },
  evaluate({ report }) {
    const text = report.sections.overview
    // The app's marks are not the officer's words: 【待更新：12】 counts as “12”, 【待填写】 not at all.
    const { count } = countCharacters(countableText(text), OVERVIEW_LIMIT)
    const { limitEnd } = countCharacters(text, OVERVIEW_LIMIT)
    if (count <= OVERVIEW_LIMIT) return []
    return [
      {
        rule: 'P1',
        severity: 'warning',
        message: `${sectionLabel('overview')}共 ${count} 字（不计空白），超过“篇幅原则上不超过一千字”的要求`,
        cells: [],
        // Jump to where the text passes the limit: that is what the officer has to shorten.
        target: { kind: 'section', section: 'overview', start: limitEnd, end: text.length }
      }
    ]
  }
}

const FEE_MENTION = /处理费/

export const PROCESSING_FEE_RULE: Rule = {
  id: 'P3',
  severity: 'warning',
  title: '“其他需要报告的事项”应说明信息处理费收取情况',
  reads: { sections: ['other'] },
  evaluate({ report }) {
    if (FEE_MENTION.test(report.sections.other)) return []
    return [
      {
        rule: 'P3',
        severity: 'warning',
        message: `${sectionLabel('other')}未说明是否收取信息处理费（模板要求“收取信息处理费情况在此处报告”，未收取也应写明）`,
        cells: [],
        target: { kind: 'section', section: 'other' }
      }
    ]
  }
}
