/**
 * .pdf with a text layer: pdfjs-dist (legacy build, the one that runs in plain Node) gives each
 * page's text items with positions; pdfLayout turns them into paragraphs and tables.
 *
 * pdfjs has no timeout, so the page count is bounded; the loading task is always destroyed (it
 * owns a worker-side document that otherwise stays in memory). Fonts and CMaps come from the
 * package's own folders: no network.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ReadResult } from '../../../core/import/types'
import { FileError } from '../files'
import { layoutDocument, type PdfPage, type PositionedText } from './pdfLayout'

/** A yearly report has under 30 pages; past 200 the rest is not read. */
export const MAX_PDF_PAGES = 200

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<PdfJs> | undefined

function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjsModule
}

function assetFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  // pdfjs reads these with fetch in the browser and fs in Node; a trailing slash is required.
  return `${join(root, name)}/`
}

function failure(error: unknown): FileError {
  const name = (error as { name?: string } | undefined)?.name
  if (name === 'PasswordException') {
    return new FileError('该 PDF 已加密（需要密码才能打开），请先取消密码或导入未加密的版本')
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new FileError('PDF 文件已损坏或不完整，无法读取')
  }
  return new FileError('无法读取该 PDF 文件，文件可能已损坏')
}

/** A text-layer read, with the pages that had no text (scanned pages, for OCR when asked). */
export interface PdfReadResult extends ReadResult {
  textlessPages: number[]
  pageCount: number
}

/**
 * `scans: 'ocr'`: pages without a text layer are listed for the OCR reader instead of refused
 * (all of them) or warned about (some).
 */
export async function readPdf(bytes: Uint8Array, options: { scans?: 'refuse' | 'ocr' } = {}): Promise<PdfReadResult> {
  const pdfjs = await loadPdfJs()
  // pdfjs transfers (detaches) the buffer it is given, and refuses a Buffer: pass a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: assetFolder('standard_fonts'),
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0
  })
  const warnings: string[] = []
  try {
    let document
    try {
      document = await task.promise
    } catch (error) {
      throw failure(error)
    }
    const count = Math.min(document.numPages, MAX_PDF_PAGES)
    if (document.numPages > MAX_PDF_PAGES) warnings.push(`PDF 共 ${document.numPages} 页，只读取了前 ${MAX_PDF_PAGES} 页`)
    const pages: PdfPage[] = []
    for (let number = 1; number <= count; number += 1) {
      const page = await document.getPage(number)
      const [, , width, height] = page.view
      const content = await page.getTextContent()
      const items: PositionedText[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height })
      }
      pages.push({ number, width: width ?? 0, height: height ?? 0, items })
      page.cleanup()
    }
    const blankPages = pages.filter((page) => !page.items.some((item) => item.text.trim())).map((page) => page.number)
    if (options.scans === 'ocr') {
      const layout = layoutDocument(pages)
      return { kind: 'pdf', blocks: layout.blocks, warnings: [...warnings, ...layout.notes], textlessPages: blankPages, pageCount: document.numPages }
    }
    if (!pages.some((page) => page.items.some((item) => item.text.trim()))) {
      throw new FileError('该 PDF 没有文字层（可能是扫描件），无法识别；请使用 Word 原件、网页版，或带文字的 PDF')
    }
    if (blankPages.length) warnings.push(`第 ${blankPages.join('、')} 页没有文字层（可能是扫描的图片），这些页的内容未读取`)
    const layout = layoutDocument(pages)
    return { kind: 'pdf', blocks: layout.blocks, warnings: [...warnings, ...layout.notes], textlessPages: [], pageCount: document.numPages }
  } catch (error) {
    throw error instanceof FileError ? error : failure(error)
  } finally {
    await task.destroy()
  }
}

