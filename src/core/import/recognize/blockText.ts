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

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9'
}

/** `二〇一六` → `2016`, for years written in Chinese numerals. */
export function chineseYearDigits(text: string): string {
  return text.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (s) => Array.from(s, (ch) => CHINESE_DIGITS[ch] ?? ch).join(''))
}
