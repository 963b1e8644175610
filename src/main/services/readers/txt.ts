/**
 * .txt: decoded by BOM, then strict UTF-8, UTF-16 by its zero bytes, GB18030 (Big5 only on a
 * detector's tie-break), and read line by line. The encoding is reported: a wrong guess shows as
 * mojibake, and the officer should know what was assumed.
 */
import type { ReadResult } from '../../../core/import/types'
import { decodeText } from '../../../core/text/decode'
import { textToBlocks } from './lines'

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK/GB18030',
  big5: 'Big5（繁体）'
}

export function readTxt(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(bytes)
  const warnings = encoding === 'big5' ? ['按 Big5（繁体中文）编码读取，请核对文字是否正确'] : []
  return { kind: 'txt', blocks: textToBlocks(text), warnings, encoding: ENCODING_LABELS[encoding] ?? encoding }
}
