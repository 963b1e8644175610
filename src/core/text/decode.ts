/**
 * Decoding text files officers bring: UTF-8 (with or without BOM), UTF-16 LE/BE (Excel's
 * “Unicode 文本”), or GB18030/GBK (what Chinese Windows writes by default).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

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

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and decodes every byte sequence ('gbk' mangles four-byte ones).
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}
