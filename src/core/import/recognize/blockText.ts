/** Small helpers the recognisers share for reading block text. */
import type { Block } from '../types'

/** Paragraph text trimmed, or undefined for a table block. */
export function paragraphText(block: Block | undefined): string | undefined {
  return block?.kind === 'paragraph' ? block.text.trim() : undefined
}

/** Whitespace removed and brackets made full-width: labels compare equal however they were typed. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

/** All text of the blocks, tables included (cells tab-separated, rows on lines). */
export function documentText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n')))
    .join('\n')
}

/**
 * A metadata line a CMS prints around an article (“发布时间：2024-01-18 来源：… 字号：大 中 小”,
 * “索引号：…”, “发布机构：…”, “文号：…”, “【字体：大 中 小】【打印】”): neither title nor report text.
 */
export const CMS_METADATA =
  /^[【[]?\s*(?:发布时间|发布日期|发文日期|成文日期|公开日期|生成日期|更新时间|信息来源|来源|索引号|发布机构|公开机构|发文机关|文号|发文字号|主题分类|主题词|公开方式|公开范围|公开时限|时效|浏览次数|访问次数|点击数|阅读次数|作者|责任编辑|字号|字体)\s*[:：]|^【(?:打印|关闭|收藏|字体|大|中|小)|^(?:打印本页|关闭窗口|扫一扫|分享到?[:：])/

/** Brackets a site wraps a title in (“【…年度报告】”, “《…年度报告》”), removed. */
export function unwrapTitle(text: string): string {
  const m = /^[【《〈「『“"[]\s*(.*?)\s*[】》〉」』”"\]]$/u.exec(text.trim())
  return m ? m[1]! : text.trim()
}
