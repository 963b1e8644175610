/**
 * .docx: the package is checked for zip bombs first (zipGuard), then mammoth renders it to HTML,
 * which keeps tables with their rowspan/colspan (extractRawText would flatten every cell into its
 * own paragraph), and the HTML is read into blocks like a web page without chrome.
 */
import mammoth from 'mammoth'
import type { ReadResult } from '../../../core/import/types'
import { FileError } from '../files'
import { htmlToBlocks } from './htmlBlocks'
import { checkZip } from './zipGuard'

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const names = await checkZip(bytes)
  if (!names.includes('word/document.xml')) {
    throw new FileError(
      names.some((n) => n.startsWith('xl/')) || names.includes('content.xml')
        ? '这是表格或其他办公文件，不是 Word 文档；请导入年报的 Word、PDF 或网页文件'
        : '压缩包中没有 Word 正文（word/document.xml），不是 .docx 文档'
    )
  }
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images carry no report text; by default mammoth inlines each as base64, which costs time and memory.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) }
    )
    html = result.value
  } catch {
    throw new FileError('Word 文件（.docx）内容已损坏，无法读取；请在 Word/WPS 中打开并另存后再导入')
  }
  const { blocks } = htmlToBlocks(html, { dropChrome: false })
  return { kind: 'docx', blocks, warnings: [] }
}
