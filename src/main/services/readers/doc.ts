/**
 * .doc and .wps (Word 97 binary in an OLE2 container): tables rebuilt from the file's row marks
 * (wordBinary). If those internals fail on an odd file, the library's plain text is used instead,
 * with every cell on its own line — the recogniser reads flattened tables too.
 */
import WordExtractor from 'word-extractor'
import type { Block, ReadResult } from '../../../core/import/types'
import { FileError } from '../files'
import { cleanInline } from './text'
import { extractWordBinary } from './wordBinary'

async function plainBlocks(bytes: Buffer): Promise<Block[]> {
  const document = await new WordExtractor().extract(bytes)
  // filterUnicode: false keeps “ ” and — as written; the default turns them into ASCII.
  return document
    .getBody({ filterUnicode: false })
    .split(/[\n\t]/)
    .map((line) => cleanInline(line))
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph', text }))
}

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const warnings: string[] = []
  let blocks: Block[]
  try {
    const result = await extractWordBinary(buffer)
    blocks = result.blocks
  } catch {
    try {
      blocks = await plainBlocks(buffer)
      warnings.push('未能还原表格结构，表格按每格一行读取')
    } catch {
      throw new FileError('无法读取该 Word 97-2003 文档（.doc/.wps），文件可能已损坏或不是 Word 文档；请在 Word/WPS 中另存为 .docx 后再导入')
    }
  }
  return { kind: 'doc', blocks, warnings }
}
