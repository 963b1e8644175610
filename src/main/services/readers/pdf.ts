/**
 * .pdf with a text layer: pdfjs-dist (legacy build, the one that runs in plain Node) gives each
 * page's text items with positions; pdfLayout turns them into paragraphs and tables.
 *
 * pdfjs has no limits of its own, so this reader sets them (importLimits PDF_LIMITS):
 * - before pdfjs sees the file, pdfGuard refuses nesting bombs and streams that decode past a cap;
 * - pages are read up to a count and a time budget, and each page's text up to a number of items
 *   (streamed, so a storm of text operators is cancelled, not collected);
 * - every pdfjs promise is awaited or has a handler, and the loading task is destroyed on every
 *   path (it owns a worker-side document that otherwise stays in memory), so a damaged file never
 *   leaves an unhandled rejection behind.
 * Fonts and CMaps come from the package's own folders: no network.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { PDF_LIMITS, PDF_MESSAGES } from '../importLimits'
import { checkPdfStructure } from './pdfGuard'
import { layoutDocument, type PdfPage, type PositionedText } from './pdfLayout'

/** A yearly report has under 30 pages; past PDF_LIMITS.maxPages the rest is not read. */
export const MAX_PDF_PAGES = PDF_LIMITS.maxPages

/** Progress while reading: page `page` of the `pages` that will be read has been read. */
export interface PdfProgress {
  page: number
  pages: number
}

export interface PdfReadOptions {
  onPage?: (progress: PdfProgress) => void
  /**
   * 'ocr': pages without a text layer are listed for the OCR reader instead of refused (all of
   * them) or warned about (some).
   */
  scans?: 'refuse' | 'ocr'
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<PdfJs> | undefined

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjsModule
}

function assetFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  // pdfjs reads these with fetch in the browser and fs in Node; a trailing slash is required.
  return `${join(root, name)}/`
}

const CORRUPT = 'PDF 文件已损坏或不完整，无法读取'
const UNREADABLE = '无法读取该 PDF 文件，文件可能已损坏'
const TOO_SLOW = `PDF 文件过于复杂，${PDF_LIMITS.readBudgetMs / 1000} 秒内未能读出任何一页，可能已损坏`

function failure(error: unknown): FileError {
  if (error instanceof FileError) return error
  const name = (error as { name?: string } | undefined)?.name
  if (name === 'PasswordException') {
    return new FileError('该 PDF 已加密（需要密码才能打开），请先取消密码或导入未加密的版本')
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') return new FileError(CORRUPT)
  return new FileError(UNREADABLE)
}

/** A text-layer read, with the pages that had no text (scanned pages, for OCR when asked). */
export interface PdfReadResult extends ReadResult {
  textlessPages: number[]
  pageCount: number
}

/** Raised when the read budget runs out; caught below, never leaves this module. */
class OutOfTime extends Error {}

/**
 * Settles with `promise`, or rejects with OutOfTime at `deadline`. The promise gets a handler
 * either way, so a rejection after the deadline is not unhandled.
 */
function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  promise.catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutOfTime()), Math.max(0, deadline - Date.now()))
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/** One page's text items, at most PDF_LIMITS.maxItemsPerPage; `cut` when there were more. */
async function pageItems(document: PdfDocument, number: number, deadline: number): Promise<{ page: PdfPage; cut: boolean }> {
  const page = await beforeDeadline(document.getPage(number), deadline)
  try {
    const [, , width, height] = page.view
    const items: PositionedText[] = []
    let cut = false
    const reader = page.streamTextContent().getReader()
    try {
      for (;;) {
        const { done, value } = await beforeDeadline(reader.read(), deadline)
        if (done) break
        for (const item of (value as { items: unknown[] }).items) {
          if (!item || typeof item !== 'object' || !('str' in item)) continue
          const text = item as { str: string; transform: number[]; width: number; height: number }
          items.push({ text: text.str, x: text.transform[4] ?? 0, y: text.transform[5] ?? 0, width: text.width, height: text.height })
        }
        if (items.length > PDF_LIMITS.maxItemsPerPage) {
          items.length = PDF_LIMITS.maxItemsPerPage
          cut = true
          break
        }
        // pdfjs (without a worker thread) yields only to microtasks, so the timer in beforeDeadline
        // cannot fire while a page is being extracted: the clock is checked here too.
        if (Date.now() > deadline) throw new OutOfTime()
      }
    } finally {
      // Stops pdfjs extracting the rest of the page. pdfjs asserts the reason is an Error: without
      // one its cancel throws, the stream stays open, and its next chunk fails in a promise nobody awaits.
      reader.cancel(new Error('enough text for this page')).catch(() => undefined)
    }
    return { page: { number, width: width ?? 0, height: height ?? 0, items }, cut }
  } finally {
    page.cleanup()
  }
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfReadResult> {
  checkPdfStructure(bytes)
  const deadline = Date.now() + PDF_LIMITS.readBudgetMs
  const pdfjs = await loadPdfJs()
  // pdfjs transfers (detaches) the buffer it is given, and refuses a Buffer: pass a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: assetFolder('standard_fonts'),
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0
  })
  const warnings: string[] = []
  try {
    let document: PdfDocument
    try {
      document = await beforeDeadline(task.promise, deadline)
    } catch (error) {
      throw error instanceof OutOfTime ? new FileError(TOO_SLOW) : failure(error)
    }
    const count = Math.min(document.numPages, PDF_LIMITS.maxPages)
    if (document.numPages > PDF_LIMITS.maxPages) warnings.push(PDF_MESSAGES.pages(document.numPages))
    const pages: PdfPage[] = []
    const crowded: number[] = []
    for (let number = 1; number <= count; number += 1) {
      let read
      try {
        read = await pageItems(document, number, deadline)
      } catch (error) {
        if (!(error instanceof OutOfTime)) throw failure(error)
        if (!pages.length) throw new FileError(TOO_SLOW)
        warnings.push(PDF_MESSAGES.slow(pages.length, document.numPages))
        break
      }
      pages.push(read.page)
      if (read.cut) crowded.push(number)
      options.onPage?.({ page: number, pages: count })
    }
    if (crowded.length) warnings.push(PDF_MESSAGES.items(crowded))
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
    throw failure(error)
  } finally {
    // Destroying can itself fail or stall on a broken document: bounded, and never unhandled.
    await beforeDeadline(task.destroy(), Date.now() + 1000).catch(() => undefined)
  }
}
