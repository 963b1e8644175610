/**
 * Scanned reports and photos → blocks, offline: page images (a scanned PDF's embedded images, or
 * image files) → clean-up (perspective, light, deskew) → OCR (every box with text, score and
 * rectangle) → core/import/ocr turns the boxes into paragraphs and tables for the usual
 * recognition. Node-only, never electron: the import worker, the main process and the CLI use it.
 *
 * Progress is reported per page and an AbortSignal cancels between pages and between recognition
 * batches. Every refusal is one Chinese sentence (FileError).
 */
import { ocrBlocks } from '@core/import/ocr/layout'
import { readNumeral } from '@core/import/ocr/numerals'
import type { OcrPage } from '@core/import/ocr/types'
import type { Block, ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { OcrEngine, type OcrBox } from './engine'
import { crop, pngDataUrl, type GrayImage } from './image'
import { decodeImage } from './imageFiles'
import { openScannedPdf } from './pdfImages'
import { preparePage, removeRules } from './preprocess'

export { OcrEngine } from './engine'

/** A yearly report is under 30 pages; a scan past this is refused before any page is read. */
export const MAX_OCR_PAGES = 40
/** Below this many pixels on the short side a page cannot be read (a thumbnail, a screenshot of a page). */
export const MIN_PAGE_PIXELS = 700
/** A PDF page image below this resolution is too coarse for the table's digits. */
export const MIN_SOURCE_DPI = 100

export interface OcrProgress {
  /** 1-based page being read, out of `pages`. */
  page: number
  pages: number
  /** Pages finished so far. */
  done: number
}

export interface OcrOptions {
  signal?: AbortSignal
  onProgress?: (progress: OcrProgress) => void
  /** An engine already started (the bench, a long-lived worker); otherwise the shared one. */
  engine?: OcrEngine
}

let sharedEngine: Promise<OcrEngine> | undefined
let sharedThreads: number | undefined

/**
 * Threads each inference of the shared engine may use (default: the runtime's choice, all cores).
 * Set before the engine starts: with several import processes at once, each gets its share.
 */
export function setOcrThreads(threads: number | undefined): void {
  sharedThreads = threads
}

/** The models are loaded once per process (about 0.3 s, ~100 MB) and kept for later imports. */
export function ocrEngine(): Promise<OcrEngine> {
  sharedEngine ??= OcrEngine.create({ threads: sharedThreads }).catch((error: unknown) => {
    sharedEngine = undefined
    throw new FileError(`文字识别组件无法启动（${error instanceof Error ? error.message : String(error)}），无法读取扫描件`)
  })
  return sharedEngine
}

/** A page to read: its image (undefined: nothing on it) and whether it is a photo. */
interface PageSource {
  count: number
  /** Page numbers as the officer knows them (PDF page numbers, or file order). */
  numbers: number[]
  image(index: number): Promise<{ image: GrayImage | undefined; photo: boolean; tooCoarse?: string }>
  /** The sentence when no page has an image at all. */
  noImages: string
}

/** Margin around a value's box in its crop, as a share of the box height. */
const CROP_MARGIN = 0.35

/** Box → what core needs, with a crop for the boxes that may become table values. */
function toCoreBox(box: OcrBox, page: GrayImage): OcrPage['boxes'][number] {
  const out: OcrPage['boxes'][number] = { ...box }
  if (readNumeral(box.text) || box.text.trim().length <= 3) {
    const m = (box.y1 - box.y0) * CROP_MARGIN
    out.crop = pngDataUrl(crop(page, box.x0 - m, box.y0 - m, box.x1 + m, box.y1 + m))
  }
  return out
}

/**
 * Reads every page with an image. `strict` (the scan is the whole document): a scan with no image
 * or nothing legible is refused; otherwise (scanned pages inside a text PDF) it is only warned about.
 */
async function readPages(source: PageSource, options: OcrOptions, strict = true): Promise<{ pages: OcrPage[]; warning?: string }> {
  if (source.count > MAX_OCR_PAGES) {
    throw new FileError(`扫描件共 ${source.count} 页，超过文字识别的上限 ${MAX_OCR_PAGES} 页；请只导入年度报告所在的页`)
  }
  // The models are loaded only once a page turns out to have an image.
  let engine = options.engine
  const pages: OcrPage[] = []
  for (let index = 0; index < source.count; index += 1) {
    options.signal?.throwIfAborted()
    const number = source.numbers[index]!
    options.onProgress?.({ page: number, pages: source.count, done: index })
    const { image, photo, tooCoarse } = await source.image(index)
    if (tooCoarse) throw new FileError(tooCoarse)
    if (!image) continue
    engine ??= await ocrEngine()
    const prepared = preparePage(image, { photo })
    const clean = removeRules(prepared.image)
    const boxes = await engine.readPage(prepared.image, { clean, signal: options.signal })
    pages.push({
      number,
      width: prepared.image.width,
      height: prepared.image.height,
      boxes: boxes.map((box) => toCoreBox(box, clean))
    })
  }
  options.onProgress?.({ page: source.numbers.at(-1) ?? 0, pages: source.count, done: source.count })
  try {
    if (!engine) throw new FileError(source.noImages)
    checkReadable(pages)
  } catch (error) {
    if (strict || !(error instanceof FileError)) throw error
    return { pages, warning: error.message }
  }
  return { pages }
}

/** Characters read with this score or better count as read. */
const READ_SCORE = 0.8
/** Fewer well-read characters than this in the whole scan: nothing legible. */
const MIN_CHARACTERS = 20
/** Words any page of a disclosure report carries somewhere. */
const REPORT_WORDS = /信息公开|政务公开|公开申请|年度报告|行政复议|行政诉讼|依申请/

function checkReadable(pages: readonly OcrPage[]): void {
  const text = pages.flatMap((p) => p.boxes.filter((b) => b.score >= READ_SCORE).map((b) => b.text)).join('')
  if ([...text.replace(/\s/g, '')].length < MIN_CHARACTERS) {
    throw new FileError('未能从图片中识别出文字：图片可能太模糊、太暗或分辨率太低，请重新扫描（200 dpi 以上）或拍摄清晰的照片')
  }
  if (!REPORT_WORDS.test(text)) {
    throw new FileError('图片中的文字不像政府信息公开工作年度报告（没有“信息公开”“申请”“行政复议”等字样），请确认选择的文件')
  }
}

function tooSmall(image: GrayImage, name: string): string | undefined {
  if (Math.min(image.width, image.height) >= MIN_PAGE_PIXELS) return undefined
  return `${name}分辨率太低（${image.width}×${image.height} 像素），无法识别文字；请以 200 dpi 以上重新扫描，或拍摄更清晰的照片`
}

/** Image files chosen together: pages in the order of their names (页1.jpg, 页2.jpg, 页10.jpg). */
export async function readImageFiles(files: readonly { bytes: Uint8Array; name: string }[], options: OcrOptions = {}): Promise<ReadResult> {
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }))
  const pages: { image: GrayImage; name: string }[] = []
  for (const file of sorted) {
    options.signal?.throwIfAborted()
    let decoded: GrayImage[]
    try {
      decoded = decodeImage(file.bytes)
    } catch (error) {
      throw error instanceof FileError ? new FileError(`${file.name}：${error.message}`) : error
    }
    for (const image of decoded) pages.push({ image, name: file.name })
    if (pages.length > MAX_OCR_PAGES) break
  }
  const { pages: ocrPages } = await readPages(
    {
      count: pages.length,
      numbers: pages.map((_, i) => i + 1),
      image: async (i) => {
        const { image, name } = pages[i]!
        // A photo: paper inside a larger frame; a scan fills its image. findPage tells them apart.
        return { image, photo: true, tooCoarse: tooSmall(image, `图片 ${name} `) }
      },
      noImages: '图片文件中没有图像'
    },
    options
  )
  const warnings = ['内容由图片文字识别（OCR）得到，所有数值都需对照原图核对']
  return { kind: 'image', blocks: ocrBlocks(ocrPages), warnings }
}

/**
 * The scanned pages of a PDF (those without a text layer) read by OCR; pages with text keep the
 * text reader's blocks, and the two are merged in page order.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  read: { blocks: Block[]; warnings: string[]; textlessPages: number[] },
  options: OcrOptions = {}
): Promise<{ blocks: Block[]; warnings: string[] }> {
  if (read.textlessPages.length === 0) return read
  if (read.textlessPages.length > MAX_OCR_PAGES) {
    throw new FileError(
      `该 PDF 有 ${read.textlessPages.length} 页是扫描的图片，超过文字识别的上限 ${MAX_OCR_PAGES} 页；请只导入年度报告所在的页`
    )
  }
  const pdf = await openScannedPdf(bytes)
  let scan: { pages: OcrPage[]; warning?: string }
  try {
    scan = await readPages(
      {
        count: read.textlessPages.length,
        numbers: read.textlessPages,
        image: async (i) => {
          const page = await pdf.page(read.textlessPages[i]!)
          const coarse = page.image && page.sourceDpi > 0 && page.sourceDpi < MIN_SOURCE_DPI
          return {
            image: page.image,
            photo: false,
            tooCoarse: coarse ? `第 ${read.textlessPages[i]} 页扫描分辨率太低（约 ${page.sourceDpi} dpi），无法识别文字；请以 200 dpi 以上重新扫描` : undefined
          }
        },
        // Text turned into outlines, or vector drawings only: nothing to read without a renderer.
        noImages: read.blocks.length
          ? `第 ${read.textlessPages.join('、')} 页没有文字层，也没有扫描的图片（文字可能已转为曲线），这些页的内容未读取`
          : '该 PDF 没有文字层，页面中也没有扫描的图片（文字可能已转为曲线），无法识别；请使用 Word 原件、网页版，或带文字的 PDF'
      },
      options,
      read.blocks.length === 0
    )
  } finally {
    await pdf.close()
  }
  if (scan.warning) return { blocks: read.blocks, warnings: [...read.warnings, scan.warning] }
  const blocks = mergeByPage(read.blocks, ocrBlocks(scan.pages))
  const pages = scan.pages.map((p) => p.number).join('、')
  return { blocks, warnings: [...read.warnings, `第 ${pages} 页是扫描的图片，内容由文字识别（OCR）得到，数值需对照原图核对`] }
}

/** Text-layer blocks and OCR blocks, in page order (each keeps its own order within a page). */
function mergeByPage(text: readonly Block[], scanned: readonly Block[]): Block[] {
  const out: Block[] = []
  let i = 0
  let j = 0
  while (i < text.length || j < scanned.length) {
    const a = text[i]
    const b = scanned[j]
    if (b === undefined || (a !== undefined && (a.page ?? 0) <= (b.page ?? 0))) {
      out.push(a!)
      i += 1
    } else {
      out.push(b)
      j += 1
    }
  }
  return out
}
