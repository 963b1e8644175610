/**
 * .doc and .wps (Word 97–2003 binary; WPS's .wps is the same format): the OLE2 container opened
 * with SheetJS cfb (ole.ts), the text from the piece table (wordText), tables rebuilt from the
 * paragraph marks (wordTables → wordBlocks). If the table marks cannot be read on an odd file, the
 * text is still read with every cell on its own line — the recogniser reads flattened tables too.
 */
import type { Block, ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { OLE_MESSAGES } from '../importLimits'
import { openOle } from './ole'
import { plainWordBlocks, wordBlocks } from './wordBlocks'
import { readFib } from './wordFib'
import { readParagraphMarks } from './wordTables'
import { readMainText } from './wordText'

export { checkOleHeader } from './ole'

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ole = openOle(buffer)
  const word = ole.stream('WordDocument')
  if (!word) throw new FileError(OLE_MESSAGES.corrupt)
  const fib = readFib(word)
  const table = ole.stream(fib.tableStream)
  if (!table) throw new FileError(OLE_MESSAGES.corrupt)
  let text
  try {
    text = readMainText(word, table, fib)
  } catch (error) {
    throw error instanceof FileError ? error : new FileError(OLE_MESSAGES.corrupt)
  }
  const warnings: string[] = text.cut ? [OLE_MESSAGES.text] : []
  let blocks: Block[]
  try {
    // The Data stream holds the properties of paragraphs too large for their page (sprmPHugePapx).
    const marks = readParagraphMarks(word, table, ole.stream('Data') ?? Buffer.alloc(0), fib, text.pieces)
    blocks = wordBlocks(text.text, marks)
  } catch {
    blocks = plainWordBlocks(text.text)
    warnings.push(OLE_MESSAGES.tables)
  }
  return { kind: 'doc', blocks, warnings }
}
