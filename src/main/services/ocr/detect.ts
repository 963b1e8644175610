/**
 * Text detection around the PP-OCRv4 DB model: the page → normalised tensor, and the model's
 * probability map → axis-aligned boxes. Pages are deskewed before, so boxes are rectangles.
 *
 * Every box the map gives is kept (no merging of neighbours on a line, no score filter beyond
 * specks): a table cell's lone “0” is a box of its own and must stay one.
 */
import type { GrayImage } from './image'
import { resize } from './image'

/** ImageNet mean and std, applied in the model's BGR channel order (PaddleOCR reads with OpenCV). */
const MEAN = [0.485, 0.456, 0.406] as const
const STD = [0.229, 0.224, 0.225] as const

/** Probability above which a pixel is text. */
export const PIXEL_THRESHOLD = 0.3
/** A component whose mean probability is below this is noise (a speck of dust, a ruling-line stub). */
export const BOX_THRESHOLD = 0.5
/** DB shrinks text regions when training; each box grows back by area × ratio / perimeter. */
const UNCLIP_RATIO = 1.6

export interface DetectedBox {
  x0: number
  y0: number
  x1: number
  y1: number
  /** Mean text probability inside the region. */
  score: number
}

/** The page at `scale`, sides rounded to multiples of 32 (the model's input must divide by 32). */
export function detectionPage(image: GrayImage, scale: number): GrayImage {
  const width = Math.max(32, Math.round((image.width * scale) / 32) * 32)
  const height = Math.max(32, Math.round((image.height * scale) / 32) * 32)
  return resize(image, width, height)
}

/**
 * The most input pixels one detector run reads: an A4 page at 200 dpi seen at 0.75 (1248 × 1760),
 * with a little room. The detector's activations grow with its input — for such a page about
 * 300 MB are live at once (32 channels at half its resolution, several tensors at a time) — so a
 * taller image (a long screenshot, pages photographed or scanned as one strip) is read in bands
 * of at most this size, and memory stays that of one page whatever the image.
 */
export const MAX_DETECTION_PIXELS = 1280 * 1792
/** Rows of context a band reads above and below the rows it keeps (a line of text is about 30). */
export const BAND_OVERLAP = 96

/** One detector run over rows [top, bottom) of the scaled page, of which [keepTop, keepBottom) is kept. */
export interface DetectionBand {
  top: number
  bottom: number
  keepTop: number
  keepBottom: number
}

/**
 * How a scaled page (sides multiples of 32) is read: whole when it is no larger than a page,
 * otherwise in bands across it, each at most MAX_DETECTION_PIXELS with its context, the kept rows
 * tiling the page. Pages of ordinary proportions are read whole on purpose: a band's probability
 * map differs slightly from the whole page's (the model's squeeze-and-excitation layers average
 * over their whole input), and the tables' accuracy was measured on whole pages.
 */
export function detectionBands(width: number, height: number): DetectionBand[] {
  if (width * height <= MAX_DETECTION_PIXELS) return [{ top: 0, bottom: height, keepTop: 0, keepBottom: height }]
  const rows = Math.max(32, Math.floor((MAX_DETECTION_PIXELS / width - 2 * BAND_OVERLAP) / 32) * 32)
  const bands: DetectionBand[] = []
  for (let keepTop = 0; keepTop < height; keepTop += rows) {
    const keepBottom = Math.min(height, keepTop + rows)
    bands.push({ top: Math.max(0, keepTop - BAND_OVERLAP), bottom: Math.min(height, keepBottom + BAND_OVERLAP), keepTop, keepBottom })
  }
  return bands
}

/** Rows [top, bottom) of the scaled page as a 1×3×H×W tensor's data. */
export function detectionInput(scaled: GrayImage, top = 0, bottom = scaled.height): Float32Array {
  const { width } = scaled
  const plane = width * (bottom - top)
  const data = new Float32Array(3 * plane)
  const lookup = MEAN.map((mean, c) => Float32Array.from({ length: 256 }, (_, v) => (v / 255 - mean) / STD[c]!))
  const offset = top * width
  for (let i = 0; i < plane; i += 1) {
    const v = scaled.data[offset + i]!
    data[i] = lookup[0]![v]!
    data[plane + i] = lookup[1]![v]!
    data[2 * plane + i] = lookup[2]![v]!
  }
  return data
}

/**
 * Probability map (H×W) → boxes in page pixels: threshold, 8-connected components, the mean
 * probability of each, then the DB unclip expansion.
 */
export function boxesFromMap(map: Float32Array, width: number, height: number, scaleX: number, scaleY: number): DetectedBox[] {
  const labels = new Int32Array(width * height)
  const stack = new Int32Array(width * height)
  const boxes: DetectedBox[] = []
  let next = 0
  for (let start = 0; start < map.length; start += 1) {
    if (labels[start] !== 0 || map[start]! <= PIXEL_THRESHOLD) continue
    next += 1
    labels[start] = next
    let top = 0
    stack[top++] = start
    let x0 = width
    let y0 = height
    let x1 = 0
    let y1 = 0
    let sum = 0
    let count = 0
    while (top > 0) {
      const p = stack[--top]!
      const x = p % width
      const y = (p - x) / width
      sum += map[p]!
      count += 1
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy
        if (ny < 0 || ny >= height) continue
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx
          if (nx < 0 || nx >= width) continue
          const q = ny * width + nx
          if (labels[q] === 0 && map[q]! > PIXEL_THRESHOLD) {
            labels[q] = next
            stack[top++] = q
          }
        }
      }
    }
    const w = x1 - x0 + 1
    const h = y1 - y0 + 1
    const score = sum / count
    if (Math.min(w, h) < 3 || score < BOX_THRESHOLD) continue
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h))
    boxes.push({
      x0: Math.max(0, (x0 - grow) / scaleX),
      y0: Math.max(0, (y0 - grow) / scaleY),
      x1: Math.min(width, x1 + 1 + grow) / scaleX,
      y1: Math.min(height, y1 + 1 + grow) / scaleY,
      score
    })
  }
  return boxes
}
