/**
 * .docx: the package is checked for zip bombs and word/document.xml kept in the same single pass
 * (zipGuard), then the WordprocessingML is read straight into blocks (docxXml): tables keep
 * their rowspan/colspan as printed.
 *
 * mammoth (→ HTML → htmlBlocks) is the fallback only if the direct read throws — a document whose
 * namespaces use other prefixes than Word's (UnusualPrefixError), or a bug: it gives the same
 * blocks (with footnote marks and notes, which the direct read leaves out), several times slower.
 */
import mammoth from 'mammoth'
import type { Block, ReadResult } from '../../../core/import/types'
import { FileError } from '../files'
import { MARKUP_LIMITS, MARKUP_WARNINGS } from '../importLimits'
import { readZipPackage } from './zipGuard'
import { decodeXml, readDocumentXml } from './docxXml'
import { htmlToBlocks } from './htmlBlocks'

const DOCUMENT = 'word/document.xml'
const CORRUPT = 'Word 文件（.docx）内容已损坏，无法读取；请在 Word/WPS 中打开并另存后再导入'

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const { names, parts, truncated, totalBytes } = await readZipPackage(bytes, new Set([DOCUMENT]), {
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
    // mammoth reads every part into a tree at once: only for a package as small as a real report's.
    if (xml.length > MARKUP_LIMITS.maxMammothXmlBytes || totalBytes > MARKUP_LIMITS.maxDocxXmlBytes * 2) throw new FileError(CORRUPT)
    const read = await mammothRead(bytes)
    blocks = read.blocks
    warnings.push(...read.warnings)
  }
  return { kind: 'docx', blocks, warnings }
}

/** The former path: mammoth renders the .docx to HTML, read like a web page without chrome. */
export async function mammothBlocks(bytes: Uint8Array): Promise<Block[]> {
  return (await mammothRead(bytes)).blocks
}

async function mammothRead(bytes: Uint8Array): Promise<{ blocks: Block[]; warnings: string[] }> {
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images carry no report text; by default mammoth inlines each as base64, which costs time and memory.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) }
    )
    html = result.value
  } catch {
    throw new FileError(CORRUPT)
  }
  const { blocks, warnings } = htmlToBlocks(html, { dropChrome: false })
  return { blocks, warnings }
}
