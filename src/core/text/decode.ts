/**
 * Decoding text files officers bring: UTF-8 (with or without BOM), UTF-16 LE/BE (Excel's
 * “Unicode 文本”, with or without BOM), GB18030/GBK (what Chinese Windows writes by default), or
 * Big5 (traditional-character sites).
 */
import { detect } from 'jschardet'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * UTF-16 without a BOM: Chinese text still holds ASCII (digits, line breaks, spaces), whose
 * high byte is 0, so one byte position of the pairs is often 0 and the other almost never.
 * Neither UTF-8 nor GBK text contains NUL bytes at all. Text with no ASCII at all is not caught.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined
  const pairs = Math.min(bytes.length, 64 * 1024) / 2
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros += 1
    if (bytes[i + 1] === 0) oddZeros += 1
  }
  // Some Han characters have a zero low byte too (一 is U+4E00), hence the loose second bound.
  const encoding: TextEncodingName | undefined =
    oddZeros > pairs * 0.05 && evenZeros <= oddZeros * 0.25
      ? 'utf-16le'
      : evenZeros > pairs * 0.05 && oddZeros <= evenZeros * 0.25
        ? 'utf-16be'
        : undefined
  return encoding && tryDecode(bytes, encoding) !== undefined ? encoding : undefined
}

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding }
    }
  }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  const utf8 = tryDecode(bytes, 'utf-8')
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' }
  // GB18030 is a superset of GBK ('gbk' mangles four-byte sequences). Big5 bytes are mostly valid
  // GB18030 too, so only when both decode cleanly does a detector break the tie; on short text
  // detectors guess wrong, so GB18030 stays the default.
  const gb = tryDecode(bytes, 'gb18030')
  const big5 = tryDecode(bytes, 'big5')
  if (big5 !== undefined && (gb === undefined || isBig5ByDetector(bytes))) return { text: big5, encoding: 'big5' }
  return { text: gb ?? new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
}

function isBig5ByDetector(bytes: Uint8Array): boolean {
  const guess = detect(bytes.subarray(0, 64 * 1024))
  return guess.encoding?.toLowerCase() === 'big5' && guess.confidence >= 0.5
}
