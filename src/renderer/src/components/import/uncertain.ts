/** Which imported values the officer should look at, and why, in words. */
import { needsReview } from '@core/import/certainty'
import type { ImportedValue, ValueFlag, ValueMethod } from '@core/import/types'

export const FLAG_LABELS: Record<ValueFlag, string> = {
  'mapped-2019': '由 2019 年格式的表格对应而来',
  approximate: '由 2019 年以前的统计表近似对应，仅供参考',
  split: '原文数字连在一起，按表内合计关系拆分得出',
  placed: '原文行标签缺失或无法辨认，按表格结构和合计关系放入此行',
  review: '需要核对',
  ocr: '由图片文字识别（OCR）读出，请对照原图核对'
}

export const METHOD_LABELS: Record<ValueMethod, string> = {
  read: '从带标签的单元格读取',
  derived: '由勾稽关系推算',
  placed: '按表格结构放置',
  suggested: '建议值'
}

/** Anything short of a clean read from a labelled cell. */
export function isUncertain(value: ImportedValue | undefined): boolean {
  return value !== undefined && needsReview(value)
}
