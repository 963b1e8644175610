/**
 * The readers' door to OCR: a PDF is read for its text layer first and only its pages without
 * text go to OCR; image files (.jpg .png .tif) go to OCR whole. Everything else returns undefined
 * and is read by the other readers. Kept apart from index.ts so that the dispatch stays one line.
 */
import type { ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { imageKind } from '../ocr/imageFiles'
import { ocrPdfPages, readImageFiles, type OcrOptions } from '../ocr/index'
import { readPdf, type PdfReadOptions } from './pdf'
import { sniff } from './sniff'

export type ScanOptions = Pick<OcrOptions, 'signal' | 'onProgress' | 'engine'> & Pick<PdfReadOptions, 'onPage'>

export async function readScan(bytes: Uint8Array, name: string, options: ScanOptions): Promise<ReadResult | undefined> {
  if (imageKind(bytes)) return readImageFiles([{ bytes, name }], options)
  if (sniff(bytes, name) !== 'pdf') return undefined
  const read = await readPdf(bytes, { scans: 'ocr', ...(options.onPage ? { onPage: options.onPage } : {}) })
  if (read.textlessPages.length === 0) return { kind: 'pdf', blocks: read.blocks, warnings: read.warnings }
  const { blocks, warnings } = await ocrPdfPages(bytes, read, options)
  return { kind: 'pdf', blocks, warnings }
}

/**
 * Several files chosen together: image files are the pages of one scan, in name order; any
 * other mix is refused (one report per import).
 */
export async function readScanFiles(files: readonly { bytes: Uint8Array; name: string }[], options: ScanOptions = {}): Promise<ReadResult> {
  if (files.some((f) => !imageKind(f.bytes))) {
    throw new FileError('一次只能导入一份报告：多个文件只能是同一份报告的扫描图片（.jpg、.png、.tif）')
  }
  return readImageFiles(files, options)
}
