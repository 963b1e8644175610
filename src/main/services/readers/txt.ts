/**
 * .txt: decoded by BOM, then strict UTF-8, UTF-16 by its zero bytes, GB18030 (Big5 only on a
 * detector's tie-break), and read line by line. The encoding is reported: a wrong guess shows as
 * mojibake, and the officer should know what was assumed.
 *
 * Only the first FILE_LIMITS.maxTextBytes are decoded, cut at a line break so that no character is
 * split: recognition keeps far less text than that, and decoding a 49 MB file three ways (the
 * encoding guess) would cost seconds for nothing.
 */
import type { ReadResult } from '@core/import/types'
import { decodeText } from '@core/text/decode'
import { FILE_LIMITS, MARKUP_WARNINGS } from '../importLimits'
import { textToBudget } from './lines'

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK/GB18030',
  big5: 'Big5（繁体）'
}

/** UTF-16 by its byte order mark or by zero bytes among the first ones (ASCII in UTF-16). */
function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  return bytes.subarray(0, 1024).filter((b) => b === 0).length > 16
}

/**
 * The first `max` bytes, ending after a line break when there is one in the last half: 0x0A is
 * never part of a multi-byte UTF-8 or GBK character, and in UTF-16 its zero byte is taken along.
 * Without a line break, the cut keeps UTF-16 pairs whole, or backs off UTF-8 continuation bytes.
 */
export function headBytes(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes
  const utf16 = looksUtf16(bytes)
  const newline = bytes.lastIndexOf(0x0a, max - 2)
  let end: number
  if (newline > max / 2) {
    end = newline + 1
    if (utf16 && end % 2 === 1) end += 1
  } else if (utf16) {
    end = max - (max % 2)
  } else {
    end = max
    while (end > max - 4 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1
  }
  return bytes.subarray(0, end)
}

export function readTxt(bytes: Uint8Array): ReadResult {
  const head = headBytes(bytes, FILE_LIMITS.maxTextBytes)
  const { text, encoding } = decodeText(head)
  const budget = textToBudget(text)
  const warnings = encoding === 'big5' ? ['按 Big5（繁体中文）编码读取，请核对文字是否正确'] : []
  warnings.push(...budget.warnings())
  // When the text cap cut it, that sentence already says so.
  if (head.length < bytes.length && !budget.full) warnings.push(MARKUP_WARNINGS.textBytes)
  return { kind: 'txt', blocks: budget.blocks, warnings, encoding: ENCODING_LABELS[encoding] ?? encoding }
}
