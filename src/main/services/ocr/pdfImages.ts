/**
 * Page images of a scanned PDF, without a canvas: pdfjs decodes each page's image XObjects
 * (JPEG/DCT, Flate, CCITT, JBIG2) while building the operator list; they are drawn here onto a
 * greyscale page at 200 dpi with the transforms the page gives them (a scan is one image per
 * page, sometimes strips or a rotated page). Vector content is not drawn: pages with a text layer
 * are read as text, not as images.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createImage, resize, sample, type GrayImage } from './image'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>

/** Page images are drawn at this resolution. */
export const PAGE_DPI = 200

let pdfjsModule: Promise<PdfJs> | undefined
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjsModule
}

function assetFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return `${join(root, name)}/`
}

/** A decoded image as pdfjs hands it over (kind 1: 1 bit per pixel, 1 = white; 2: RGB; 3: RGBA). */
interface PdfImageData {
  width: number
  height: number
  kind?: number
  data?: Uint8Array | Uint8ClampedArray
}

type Matrix = [number, number, number, number, number, number]

function multiply(m: Matrix, n: readonly number[]): Matrix {
  return [
    m[0] * n[0]! + m[2] * n[1]!,
    m[1] * n[0]! + m[3] * n[1]!,
    m[0] * n[2]! + m[2] * n[3]!,
    m[1] * n[2]! + m[3] * n[3]!,
    m[0] * n[4]! + m[2] * n[5]! + m[4],
    m[1] * n[4]! + m[3] * n[5]! + m[5]
  ]
}

export interface PdfImagePage {
  /** The page drawn from its images, or undefined when it has none. */
  image: GrayImage | undefined
  /** Resolution of the page's largest image, in dots per inch of the printed page. */
  sourceDpi: number
}

export interface ScannedPdf {
  pageCount: number
  page(number: number): Promise<PdfImagePage>
  close(): Promise<void>
}

export async function openScannedPdf(bytes: Uint8Array): Promise<ScannedPdf> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: assetFolder('standard_fonts'),
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0
  })
  let document: PdfDocument
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    throw error
  }
  return {
    pageCount: document.numPages,
    page: async (number) => {
      const page = await document.getPage(number)
      try {
        return await drawPage(pdfjs, page)
      } finally {
        page.cleanup()
      }
    },
    close: () => task.destroy()
  }
}

async function drawPage(pdfjs: PdfJs, page: PdfPageProxy): Promise<PdfImagePage> {
  const viewport = page.getViewport({ scale: PAGE_DPI / 72 })
  const width = Math.round(viewport.width)
  const height = Math.round(viewport.height)
  const ops = await page.getOperatorList()
  const OPS = pdfjs.OPS
  let ctm: Matrix = [...(viewport.transform as number[])] as Matrix
  const stack: Matrix[] = []
  let canvas: GrayImage | undefined
  let sourceDpi = 0
  const draw = (image: GrayImage) => {
    canvas ??= createImage(width, height)
    const dpi = (image.width / Math.max(1e-6, Math.hypot(ctm[0], ctm[1]))) * PAGE_DPI
    if (Math.hypot(ctm[0], ctm[1]) * Math.hypot(ctm[2], ctm[3]) > width * height * 0.25) sourceDpi = Math.max(sourceDpi, dpi)
    paint(canvas, image, ctm)
  }
  for (let i = 0; i < ops.fnArray.length; i += 1) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[])
    else if (fn === OPS.paintImageXObject) {
      const id = args[0] as string
      const objects = id.startsWith('g_') ? page.commonObjs : page.objs
      const image = grayOf(objects.get(id) as PdfImageData)
      if (image) draw(image)
    } else if (fn === OPS.paintInlineImageXObject) {
      const image = grayOf(args[0] as PdfImageData)
      if (image) draw(image)
    } else if (fn === OPS.paintImageMaskXObject) {
      const image = maskOf(args[0] as PdfImageData)
      if (image) draw(image)
    }
  }
  return { image: canvas, sourceDpi: Math.round(sourceDpi) }
}

function grayOf(image: PdfImageData | undefined): GrayImage | undefined {
  if (!image?.data || !image.width || !image.height) return undefined
  const { width, height, data } = image
  const out = new Uint8Array(width * height)
  if (image.kind === 1) {
    const stride = Math.ceil(width / 8)
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) out[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0
    }
    return { width, height, data: out }
  }
  const channels = image.kind === 3 ? 4 : 3
  for (let i = 0, p = 0; i < out.length; i += 1, p += channels) {
    out[i] = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114) / 1000
  }
  return { width, height, data: out }
}

/** A stencil mask: bit 0 is painted (ink), bit 1 leaves the page as it is. */
function maskOf(image: PdfImageData | undefined): GrayImage | undefined {
  if (!image?.data || !image.width || !image.height) return undefined
  return grayOf({ ...image, kind: 1 })
}

/**
 * Draws an image through the current transform (image space: the unit square, first row at the
 * top) by inverse mapping; overlapping images darken (strips and masks over white paper).
 */
function paint(canvas: GrayImage, source: GrayImage, m: Matrix): void {
  const det = m[0] * m[3] - m[1] * m[2]
  if (Math.abs(det) < 1e-9) return
  // Shrink a high-resolution image to about its size on the page first (area averaging keeps strokes).
  const across = Math.hypot(m[0], m[1])
  const down = Math.hypot(m[2], m[3])
  const image = source.width > across * 1.5 || source.height > down * 1.5
    ? resize(source, Math.min(source.width, across), Math.min(source.height, down))
    : source
  const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) => [m[0] * u! + m[2] * v! + m[4], m[1] * u! + m[3] * v! + m[5]])
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]!))))
  const x1 = Math.min(canvas.width, Math.ceil(Math.max(...corners.map((c) => c[0]!))))
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]!))))
  const y1 = Math.min(canvas.height, Math.ceil(Math.max(...corners.map((c) => c[1]!))))
  const ia = m[3] / det
  const ib = -m[1] / det
  const ic = -m[2] / det
  const id = m[0] / det
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const dx = x + 0.5 - m[4]
      const dy = y + 0.5 - m[5]
      const u = ia * dx + ic * dy
      const v = ib * dx + id * dy
      if (u < 0 || u >= 1 || v < 0 || v >= 1) continue
      const value = sample(image.data, image.width, image.height, u * image.width - 0.5, (1 - v) * image.height - 0.5)
      const at = y * canvas.width + x
      if (value < canvas.data[at]!) canvas.data[at] = value
    }
  }
}
