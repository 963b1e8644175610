/** Which imported values the officer should look at, and why, in words. */
import type { ImportedValue, ValueFlag } from '../../../../core/import/types'

export const FLAG_LABELS: Record<ValueFlag, string> = {
  'mapped-2019': '由 2019 年格式的表格对应而来',
  approximate: '由 2019 年以前的统计表近似对应，仅供参考',
  split: '原文数字连在一起，按表内合计关系拆分得出',
  review: '需要核对',
  ocr: '由图片文字识别（OCR）读出，请对照原图核对'
}

/** Anything short of a clean read from a labelled cell. */
export function isUncertain(value: ImportedValue | undefined): boolean {
  return value !== undefined && (value.confidence < 1 || value.flags.length > 0)
}
