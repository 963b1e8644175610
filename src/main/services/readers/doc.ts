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

const CORRUPT = '无法读取该 Word 97-2003 文档（.doc/.wps），文件可能已损坏或不是 Word 文档；请在 Word/WPS 中另存为 .docx 后再导入'

/**
 * The OLE2 header's counts, checked against the file before word-extractor trusts them: it sizes
 * its allocation tables by them, so one damaged count (“100,000 FAT sectors” in a 60 KB file) costs
 * it gigabytes and minutes. Every table must fit in the file; sectors are 512 or 4096 bytes.
 */
export function checkOleHeader(buffer: Buffer): void {
  if (buffer.length < 512) throw new FileError(CORRUPT)
  const sectorShift = buffer.readUInt16LE(0x1e)
  const miniShift = buffer.readUInt16LE(0x20)
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new FileError(CORRUPT)
  const sectors = Math.ceil((buffer.length - 512) / (1 << sectorShift))
  // FAT, mini FAT and DIFAT sector counts (signed in the library, so a negative one is damage too).
  for (const offset of [0x2c, 0x40, 0x48]) {
    const count = buffer.readInt32LE(offset)
    if (count < 0 || count > sectors) throw new FileError(CORRUPT)
  }
}

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  checkOleHeader(buffer)
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
      throw new FileError(CORRUPT)
    }
  }
  return { kind: 'doc', blocks, warnings }
}
