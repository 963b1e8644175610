/**
 * The readers: bytes of any file an officer brings → ordered blocks (paragraphs and tables with
 * their spans). Node-only, never electron: the main process and the CLI both use it.
 *
 * Dispatch is by content first (zip, OLE2, %PDF, MIME headers, HTML tags) and by extension only
 * where content cannot decide (text) or to word the problem when the two disagree. Every failure
 * is a FileError with one Chinese sentence naming the problem.
 */
import { extname } from 'node:path'
import { capBlocks } from '@core/import/limits'
import type { ReadResult } from '@core/import/types'
import { FileError, formatBytes, readBoundedFile } from '../files'
import { FILE_LIMITS, PDF_LIMITS } from '../importLimits'
import { readDoc } from './doc'
import { readDocx } from './docx'
import { readHtml } from './html'
import { textToBlocks } from './lines'
import { readMhtml } from './mhtml'
import { readPdf, type PdfReadOptions } from './pdf'
import { isPageNumberLine } from './pdfLayout'
import { sniff } from './sniff'
import { readTxt } from './txt'
import { readScan, type ScanOptions } from './scan'

export { ZIP_LIMITS } from '../importLimits'

/** Largest file read (see importLimits). */
export const MAX_DOCUMENT_BYTES = FILE_LIMITS.maxDocumentBytes
export const MAX_PDF_PAGES = PDF_LIMITS.maxPages

/** Largest pasted text: a report is ~20,000 characters. */
export const MAX_PASTE_CHARS = FILE_LIMITS.maxPasteChars

const KIND_NAMES: Record<string, string> = {
  '.docx': 'Word 文档（.docx）',
  '.doc': 'Word 97-2003 文档（.doc）',
  '.wps': 'WPS 文字文档（.wps）',
  '.pdf': 'PDF 文件',
  '.html': '网页文件',
  '.htm': '网页文件',
  '.mht': '网页文件（.mht）',
  '.mhtml': '网页文件（.mhtml）'
}

const SUPPORTED = '支持 .docx、.doc、.wps、.pdf、.txt、.html、.htm、.mhtml 文件，扫描件或照片（.jpg、.png、.tif），或直接粘贴文字'

export type { PdfProgress } from './pdf'

/** Progress while reading (the PDF reader page by page, OCR per page) and the OCR's cancel signal. */
export type ReadOptions = PdfReadOptions & ScanOptions

/**
 * Reads any supported file into blocks, within the limits of importLimits: whatever the file,
 * this finishes (or refuses it with a FileError) in bounded time and memory.
 */
export async function readDocument(input: { bytes: Uint8Array; name: string }, options: ReadOptions = {}): Promise<ReadResult> {
  const result = await readByKind(input.bytes, input.name, options)
  // Page numbers (“— 3 —”, “第3页”) are layout, not content; footers of saved pages carry them too.
  const content = result.blocks.filter((b) => b.kind !== 'paragraph' || !isPageNumberLine(b.text))
  // Readers that build their blocks whole (.doc, PDF) are held to recognition's caps here.
  const capped = capBlocks(content)
  return { ...result, blocks: capped.blocks, warnings: [...new Set([...result.warnings, ...capped.warnings])] }
}

async function readByKind(bytes: Uint8Array, name: string, options: ReadOptions): Promise<ReadResult> {
  if (bytes.length === 0) throw new FileError('文件是空的')
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new FileError(`文件过大（${formatBytes(bytes.length)}），超过上限 ${formatBytes(MAX_DOCUMENT_BYTES)}`)
  }
  // Scanned PDFs and photos go to OCR (./scan): PDF pages without a text layer, image files.
  const scanned = await readScan(bytes, name, options)
  if (scanned) return scanned
  const kind = sniff(bytes, name)
  const extension = extname(name).toLowerCase()
  const claimed = KIND_NAMES[extension]
  const mismatch = (what: string) =>
    new FileError(`文件扩展名是 ${extension}，但内容不是${what}（可能已损坏，或是其他类型的文件改了扩展名）`)
  switch (kind) {
    case 'docx':
      return readDocx(bytes)
    case 'doc':
      return readDoc(bytes)
    case 'pdf':
      return readPdf(bytes, options)
    case 'html':
      return readHtml(bytes)
    case 'mhtml':
      return readMhtml(bytes)
    case 'rtf':
      throw new FileError('这是 RTF 文件，请在 Word/WPS 中另存为 .docx 后再导入')
    case 'txt':
      // A Word or PDF file that turned out to be text is almost always a wrong extension or a broken download.
      if (claimed && extension !== '.html' && extension !== '.htm') throw mismatch(claimed)
      return readTxt(bytes)
    case 'unknown':
      if (claimed) throw mismatch(claimed)
      throw new FileError(`无法识别的文件类型（${name}），${SUPPORTED}`)
  }
}

/** Reads a file from disk with the size limit checked before any byte is read. */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const bytes = await readBoundedFile(path, MAX_DOCUMENT_BYTES)
  return readDocument({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name: path }, options)
}

/** Text pasted from Word, Excel or a web page: lines are paragraphs, tab-separated lines are table rows. */
export function readPastedText(text: string): ReadResult {
  if (!text.trim()) throw new FileError('粘贴的内容是空的')
  if (text.length > MAX_PASTE_CHARS) throw new FileError('粘贴的内容过长，请只粘贴年报正文')
  const { blocks, warnings } = textToBlocks(text)
  return { kind: 'paste', blocks, warnings }
}
