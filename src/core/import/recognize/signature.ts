/**
 * The 落款 at the end of a report: the unit's name and the date of publication, on their own
 * lines. It is layout, not narrative — left in, it would be carried into next year's 六、 — and its
 * date is the publication date, which the Report keeps apart.
 */
import type { Block } from '../types'
import { chineseYearDigits, paragraphText } from './blockText'

export interface Signature {
  /** Blocks holding the signature, so the section splitter leaves them out. */
  blocks: number[]
  /** YYYY-MM-DD. */
  publishedOn?: string
}

/** “2024年1月15日”, and the numeric “2024-01-15” / “2024.1.15” some sites print. */
const DATE_LINE = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2}))$/
const CHINESE_NUMBER: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }
/** A signing body: short, and named like one. */
const SIGNER = /(人民政府|办事处|委员会|办公室|局|厅|委|院|中心|政府)$/
const MAX_SIGNER_CHARS = 40
/** How far from the end the signature may sit (empty lines, a trailing 附件 link…). */
const TAIL = 4

/** `十二` → 12, `二十` → 20, `三十一` → 31: month and day words of a date written in Chinese. */
function chineseSmallNumber(text: string): string {
  return text.replace(/[〇零一二三四五六七八九十]+(?=[月日])/g, (word) => {
    const [tens, ones] = word.includes('十') ? word.split('十') : ['', word]
    const value = word.includes('十') ? (tens ? (CHINESE_NUMBER[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_NUMBER[ones] ?? 0) : 0) : Number(Array.from(word, (c) => CHINESE_NUMBER[c] ?? 0).join(''))
    return String(value)
  })
}

function parseDate(text: string): string | undefined {
  const m = DATE_LINE.exec(chineseSmallNumber(chineseYearDigits(text.replace(/\s+/g, ''))))
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])]
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function findSignature(blocks: readonly Block[]): Signature {
  const tail: number[] = []
  for (let i = blocks.length - 1; i >= 0 && tail.length < TAIL; i--) {
    const text = paragraphText(blocks[i])
    if (text === undefined) break
    if (text !== '') tail.push(i)
  }
  const dateIndex = tail.find((i) => parseDate(paragraphText(blocks[i]) ?? '') !== undefined)
  if (dateIndex === undefined) return { blocks: [] }
  const publishedOn = parseDate(paragraphText(blocks[dateIndex]) ?? '')
  const before = tail.find((i) => i < dateIndex)
  const signer = before === undefined ? undefined : paragraphText(blocks[before])
  const isSigner = signer !== undefined && signer.length <= MAX_SIGNER_CHARS && SIGNER.test(signer.replace(/\s+/g, ''))
  return { blocks: isSigner && before !== undefined ? [before, dateIndex] : [dateIndex], publishedOn }
}
