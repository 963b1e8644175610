/**
 * .docx: the package is checked for zip bombs and word/document.xml kept in the same single pass
 * (zipGuard), then the WordprocessingML is read straight into blocks (docxXml): tables keep
 * their rowspan/colspan as printed, elements known by namespace whatever their prefixes.
 */
import type { Block, ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { MARKUP_LIMITS, MARKUP_WARNINGS } from '../importLimits'
import { readZipPackage } from './zipGuard'
import { decodeXml, readDocumentXml } from './docxXml'

const DOCUMENT = 'word/document.xml'
const CORRUPT = 'Word 文件（.docx）内容已损坏，无法读取；请在 Word/WPS 中打开并另存后再导入'

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const { names, parts, truncated } = await readZipPackage(bytes, new Set([DOCUMENT]), {
    keepBytes: MARKUP_LIMITS.maxDocxXmlBytes
  })
  const xml = parts.get(DOCUMENT)
  if (!xml) {
    throw new FileError(
      names.some((n) => n.startsWith('xl/')) || names.includes('content.xml')
        ? '这是表格或其他办公文件，不是 Word 文档；请导入年报的 Word、PDF 或网页文件'
        : '压缩包中没有 Word 正文（word/document.xml），不是 .docx 文档'
    )
  }
  const warnings: string[] = truncated.has(DOCUMENT) ? [MARKUP_WARNINGS.docxXml] : []
  let blocks: Block[]
  try {
    const read = readDocumentXml(decodeXml(xml))
    blocks = read.blocks
    warnings.push(...read.warnings)
  } catch {
    // The reader tolerates malformed XML; it throws only on a bug, never silently on a real file.
    throw new FileError(CORRUPT)
  }
  return { kind: 'docx', blocks, warnings }
}
