/**
 * Page clean-up before OCR: a working resolution (about 200 dpi for an A4 page), uneven light
 * flattened, a photographed page's perspective undone, and small rotations straightened. Pure
 * TypeScript on greyscale pixels.
 */
import { createImage, resize, rotate, sample, type GrayImage } from './image'

/** A4 at 200 dpi. */
export const PAGE_WIDTH = 1654
export const PAGE_HEIGHT = 2339

/** Skews searched, in degrees: a sheet fed crookedly, a photo taken by hand. */
const MAX_SKEW = 6

/**
 * The text direction's angle in degrees (positive: lines rise to the right), by the projection
 * profile: rows of ink are sharpest when the page is level. Searched coarse, then fine.
 */
export function estimateSkew(image: GrayImage): number {
  const small = image.width > 900 ? resize(image, 900, (image.height * 900) / image.width) : image
  const threshold = inkThreshold(small)
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y < small.height; y += 1) {
    for (let x = 0; x < small.width; x += 1) {
      if (small.data[y * small.width + x]! < threshold) {
        xs.push(x)
        ys.push(y)
      }
    }
  }
  if (xs.length < 200) return 0
  const bins = new Float64Array(small.height * 2 + small.width * 2)
  const offset = small.width
  const score = (degrees: number) => {
    const t = (degrees * Math.PI) / 180
    const tan = Math.tan(t)
    bins.fill(0)
    // A line rising to the right by `degrees` has y + x·tan constant (y grows downwards).
    for (let i = 0; i < xs.length; i += 1) {
      const k = Math.round(ys[i]! + xs[i]! * tan) + offset
      bins[k] = bins[k]! + 1
    }
    let sum = 0
    for (let i = 0; i < bins.length; i += 1) sum += bins[i]! * bins[i]!
    return sum
  }
  let best = 0
  let bestScore = score(0)
  for (let d = -MAX_SKEW; d <= MAX_SKEW + 1e-9; d += 0.25) {
    const s = score(d)
    if (s > bestScore) {
      best = d
      bestScore = s
    }
  }
  const coarse = best
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.025) {
    const s = score(d)
    if (s > bestScore) {
      best = d
      bestScore = s
    }
  }
  return best
}

/** Otsu's threshold between ink and paper. */
export function inkThreshold(image: GrayImage): number {
  const histogram = new Float64Array(256)
  for (const v of image.data) histogram[v] = histogram[v]! + 1
  const total = image.data.length
  let sumAll = 0
  for (let i = 0; i < 256; i += 1) sumAll += i * histogram[i]!
  let sumBack = 0
  let weightBack = 0
  let best = 128
  let bestVar = -1
  for (let t = 0; t < 256; t += 1) {
    weightBack += histogram[t]!
    if (weightBack === 0) continue
    const weightFore = total - weightBack
    if (weightFore === 0) break
    sumBack += t * histogram[t]!
    const meanBack = sumBack / weightBack
    const meanFore = (sumAll - sumBack) / weightFore
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2
    if (between > bestVar) {
      bestVar = between
      best = t
    }
  }
  return best
}

export function deskew(image: GrayImage): { image: GrayImage; angle: number } {
  const angle = estimateSkew(image)
  // Rotating by the skew brings the rising lines back down to level.
  return { image: Math.abs(angle) < 0.05 ? image : rotate(image, -angle), angle }
}

/**
 * Uneven light (a photo's shadow, a scanner's darker gutter) divided out: the paper's brightness
 * is estimated on a coarse grid as the bright end of each tile, smoothed, and every pixel scaled
 * so that paper becomes white; then the ink's contrast is stretched.
 */
export function flattenIllumination(image: GrayImage): GrayImage {
  const tile = Math.max(16, Math.round(Math.min(image.width, image.height) / 40))
  const gw = Math.ceil(image.width / tile)
  const gh = Math.ceil(image.height / tile)
  const grid = new Float32Array(gw * gh)
  const histogram = new Uint32Array(256)
  for (let gy = 0; gy < gh; gy += 1) {
    for (let gx = 0; gx < gw; gx += 1) {
      histogram.fill(0)
      let n = 0
      for (let y = gy * tile; y < Math.min(image.height, (gy + 1) * tile); y += 2) {
        for (let x = gx * tile; x < Math.min(image.width, (gx + 1) * tile); x += 2) {
          histogram[image.data[y * image.width + x]!]! += 1
          n += 1
        }
      }
      // The 90th percentile: paper, even where a tile holds much ink.
      let seen = 0
      let v = 255
      for (; v > 0; v -= 1) {
        seen += histogram[v]!
        if (seen >= n * 0.1) break
      }
      grid[gy * gw + gx] = v
    }
  }
  const smooth = blurGrid(maxFilterGrid(grid, gw, gh), gw, gh)
  const out = new Uint8Array(image.data.length)
  for (let y = 0; y < image.height; y += 1) {
    const gyf = (y + 0.5) / tile - 0.5
    for (let x = 0; x < image.width; x += 1) {
      const paper = Math.max(40, bilinearGrid(smooth, gw, gh, (x + 0.5) / tile - 0.5, gyf))
      out[y * image.width + x] = Math.min(255, (image.data[y * image.width + x]! * 255) / paper)
    }
  }
  return stretch({ width: image.width, height: image.height, data: out })
}

function maxFilterGrid(grid: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(grid.length)
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let m = 0
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const yy = Math.min(h - 1, Math.max(0, y + dy))
          const xx = Math.min(w - 1, Math.max(0, x + dx))
          m = Math.max(m, grid[yy * w + xx]!)
        }
      }
      out[y * w + x] = m
    }
  }
  return out
}

function blurGrid(grid: Float32Array, w: number, h: number): Float32Array {
  let current = grid
  for (let pass = 0; pass < 2; pass += 1) {
    const out = new Float32Array(current.length)
    for (let y = 0; y < h; y += 1) {
      for (let x = 0; x < w; x += 1) {
        let sum = 0
        let n = 0
        for (let dy = -1; dy <= 1; dy += 1) {
          for (let dx = -1; dx <= 1; dx += 1) {
            const yy = y + dy
            const xx = x + dx
            if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue
            sum += current[yy * w + xx]!
            n += 1
          }
        }
        out[y * w + x] = sum / n
      }
    }
    current = out
  }
  return current
}

function bilinearGrid(grid: Float32Array, w: number, h: number, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(w - 1, Math.floor(x)))
  const y0 = Math.max(0, Math.min(h - 1, Math.floor(y)))
  const x1 = Math.min(w - 1, x0 + 1)
  const y1 = Math.min(h - 1, y0 + 1)
  const wx = Math.max(0, Math.min(1, x - x0))
  const wy = Math.max(0, Math.min(1, y - y0))
  return (grid[y0 * w + x0]! * (1 - wx) + grid[y0 * w + x1]! * wx) * (1 - wy) + (grid[y1 * w + x0]! * (1 - wx) + grid[y1 * w + x1]! * wx) * wy
}

/** Levels stretched so that the darkest 0.5 % is black and paper stays white. */
function stretch(image: GrayImage): GrayImage {
  const histogram = new Uint32Array(256)
  for (const v of image.data) histogram[v]! += 1
  let seen = 0
  let low = 0
  for (; low < 255; low += 1) {
    seen += histogram[low]!
    if (seen >= image.data.length * 0.005) break
  }
  if (low >= 200) return image
  const out = new Uint8Array(image.data.length)
  const scale = 255 / (255 - low)
  for (let i = 0; i < out.length; i += 1) out[i] = Math.max(0, Math.min(255, (image.data[i]! - low) * scale))
  return { width: image.width, height: image.height, data: out }
}

export type Point = readonly [number, number]

/**
 * The sheet of paper in a photo: the largest bright region (Otsu on a reduced copy), its four
 * extreme corners. Undefined when the paper fills the frame (a scan) or nothing page-like is found.
 */
export function findPage(image: GrayImage): [Point, Point, Point, Point] | undefined {
  const factor = Math.max(1, Math.max(image.width, image.height) / 400)
  const small = resize(image, image.width / factor, image.height / factor)
  const threshold = inkThreshold(small)
  const { width, height, data } = small
  const bright = new Uint8Array(width * height)
  for (let i = 0; i < bright.length; i += 1) bright[i] = data[i]! > threshold ? 1 : 0
  // Close the text's holes: the paper is the bright region with its ink inside it.
  const closed = dilate(bright, width, height, 3)
  const label = new Int32Array(width * height)
  let bestSize = 0
  let bestLabel = 0
  let next = 0
  const stack: number[] = []
  for (let start = 0; start < closed.length; start += 1) {
    if (!closed[start] || label[start]) continue
    next += 1
    label[start] = next
    stack.push(start)
    let size = 0
    while (stack.length) {
      const p = stack.pop()!
      size += 1
      const x = p % width
      const y = (p - x) / width
      for (const q of [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1]) {
        if (q >= 0 && closed[q] && !label[q]) {
          label[q] = next
          stack.push(q)
        }
      }
    }
    if (size > bestSize) {
      bestSize = size
      bestLabel = next
    }
  }
  if (bestSize < width * height * 0.2) return undefined
  let tl: Point = [0, 0]
  let tr: Point = [0, 0]
  let br: Point = [0, 0]
  let bl: Point = [0, 0]
  let minSum = Infinity
  let maxSum = -Infinity
  let minDiff = Infinity
  let maxDiff = -Infinity
  for (let p = 0; p < label.length; p += 1) {
    if (label[p] !== bestLabel) continue
    const x = p % width
    const y = (p - x) / width
    if (x + y < minSum) [minSum, tl] = [x + y, [x, y]]
    if (x + y > maxSum) [maxSum, br] = [x + y, [x + 1, y + 1]]
    if (x - y > maxDiff) [maxDiff, tr] = [x - y, [x + 1, y]]
    if (x - y < minDiff) [minDiff, bl] = [x - y, [x, y + 1]]
  }
  // Back inside the paper by what the closing grew it, and a little more: the page edge, not the desk.
  const cx = (tl[0] + tr[0] + br[0] + bl[0]) / 4
  const cy = (tl[1] + tr[1] + br[1] + bl[1]) / 4
  const inset = (x: number, y: number): Point => {
    const d = Math.hypot(x - cx, y - cy)
    const k = d > 0 ? Math.max(0, d - 5) / d : 1
    return [(cx + (x - cx) * k) * factor, (cy + (y - cy) * k) * factor]
  }
  const corners = [tl, tr, br, bl].map(([x, y]) => inset(x, y)) as [Point, Point, Point, Point]
  // Corners all within 2 % of the frame's: the paper fills the image, nothing to undo.
  const margin = 0.02 * Math.max(image.width, image.height)
  const frame: Point[] = [[0, 0], [image.width, 0], [image.width, image.height], [0, image.height]]
  if (corners.every((c, i) => Math.hypot(c[0] - frame[i]![0], c[1] - frame[i]![1]) < margin * 2)) return undefined
  return corners
}

function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  // Erode the dark (ink) pixels' complement: a bright pixel spreads over `radius` in each direction.
  const horizontal = new Uint8Array(mask.length)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let on = 0
      for (let d = -radius; d <= radius && !on; d += 1) {
        const xx = x + d
        if (xx >= 0 && xx < width && mask[y * width + xx]) on = 1
      }
      horizontal[y * width + x] = on
    }
  }
  const out = new Uint8Array(mask.length)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let on = 0
      for (let d = -radius; d <= radius && !on; d += 1) {
        const yy = y + d
        if (yy >= 0 && yy < height && horizontal[yy * width + x]) on = 1
      }
      out[y * width + x] = on
    }
  }
  return out
}

/** The homography taking the unit square's corners (0,0) (1,0) (1,1) (0,1) to the four points. */
function squareToQuad(q: readonly Point[]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [Point, Point, Point, Point]
  const dx1 = x1 - x2
  const dx2 = x3 - x2
  const dy1 = y1 - y2
  const dy2 = y3 - y2
  const sx = x0 - x1 + x2 - x3
  const sy = y0 - y1 + y2 - y3
  const den = dx1 * dy2 - dx2 * dy1
  const g = (sx * dy2 - dx2 * sy) / den
  const h = (dx1 * sy - sx * dy1) / den
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h]
}

/** The quadrilateral (tl, tr, br, bl) of `image` mapped onto a width × height rectangle. */
export function warpQuad(image: GrayImage, quad: readonly Point[], width: number, height: number): GrayImage {
  const [a, b, c, d, e, f, g, h] = squareToQuad(quad) as [number, number, number, number, number, number, number, number]
  const out = createImage(width, height)
  for (let y = 0; y < height; y += 1) {
    const v = (y + 0.5) / height
    for (let x = 0; x < width; x += 1) {
      const u = (x + 0.5) / width
      const w = g * u + h * v + 1
      const sx = (a * u + b * v + c) / w - 0.5
      const sy = (d * u + e * v + f) / w - 0.5
      out.data[y * width + x] = sample(image.data, image.width, image.height, sx, sy)
    }
  }
  return out
}

/** Side lengths of a quad, to keep the page's proportions when it is straightened. */
function quadSize(q: readonly Point[]): { width: number; height: number } {
  const d = (p: Point, r: Point) => Math.hypot(p[0] - r[0], p[1] - r[1])
  return { width: (d(q[0]!, q[1]!) + d(q[3]!, q[2]!)) / 2, height: (d(q[0]!, q[3]!) + d(q[1]!, q[2]!)) / 2 }
}

export interface PreparedPage {
  image: GrayImage
  /** Degrees straightened. */
  skew: number
  /** The photo's paper was found and its perspective undone. */
  straightened: boolean
}

/** Brightness falling off this much across the paper is uneven light worth flattening. */
const UNEVEN_LIGHT = 40

/**
 * A page image → the page OCR reads: for a photo (`photo`), the paper found and its perspective
 * undone; uneven light flattened; scaled to about 200 dpi for an A4 page; deskewed.
 */
export function preparePage(input: GrayImage, options: { photo?: boolean } = {}): PreparedPage {
  let image = input
  let straightened = false
  if (options.photo) {
    const quad = findPage(image)
    if (quad) {
      const size = quadSize(quad)
      const portrait = size.height >= size.width
      const scale = (portrait ? PAGE_WIDTH : PAGE_HEIGHT) / size.width
      image = warpQuad(image, quad, Math.round(size.width * scale), Math.round(size.height * scale))
      straightened = true
    }
  }
  image = toWorkingSize(image)
  if (options.photo || unevenLight(image)) image = flattenIllumination(image)
  const { image: level, angle } = deskew(image)
  return { image: level, skew: angle, straightened }
}

/** About 200 dpi for an A4 page: shrink larger images, enlarge small ones (up to 2.5×). */
export function toWorkingSize(image: GrayImage): GrayImage {
  const short = Math.min(image.width, image.height)
  const target = PAGE_WIDTH
  if (short > target * 1.1) return resize(image, (image.width * target) / short, (image.height * target) / short)
  if (short < target * 0.8) {
    const factor = Math.min(2.5, target / short)
    return resize(image, image.width * factor, image.height * factor)
  }
  return image
}

/** Whether the paper's brightness varies a lot between regions (shadow, vignetting). */
function unevenLight(image: GrayImage): boolean {
  const cells = 6
  const bright: number[] = []
  for (let gy = 0; gy < cells; gy += 1) {
    for (let gx = 0; gx < cells; gx += 1) {
      let max = 0
      const y0 = Math.floor((gy * image.height) / cells)
      const x0 = Math.floor((gx * image.width) / cells)
      const values: number[] = []
      for (let y = y0; y < y0 + image.height / cells; y += 8) {
        for (let x = x0; x < x0 + image.width / cells; x += 8) values.push(image.data[Math.floor(y) * image.width + Math.floor(x)]!)
      }
      values.sort((a, b) => a - b)
      max = values[Math.floor(values.length * 0.9)] ?? 255
      bright.push(max)
    }
  }
  return Math.max(...bright) - Math.min(...bright) > UNEVEN_LIGHT
}

/**
 * Table rulings whitened out: runs of ink longer than any character stroke (about 1 cm), across
 * or down the page. With the lines gone, the detector no longer joins neighbouring cells into one
 * box and the recogniser no longer reads a cell border as “1” or “|”.
 */
export function removeRules(image: GrayImage): GrayImage {
  const { width, height, data } = image
  // Rulings are thin and, once scanned and straightened, often light grey: a lenient threshold.
  const threshold = Math.min(210, inkThreshold(image) + 60)
  const minRun = Math.round(Math.max(width, height) * 0.034)
  // Down the page a ruling may be only two rows tall (表四's sub-columns); Chinese strokes stay shorter.
  const minRunDown = Math.round(Math.max(width, height) * 0.024)
  const mask = new Uint8Array(width * height)
  for (let y = 0; y < height; y += 1) {
    let start = -1
    for (let x = 0; x <= width; x += 1) {
      const ink = x < width && data[y * width + x]! < threshold
      if (ink && start < 0) start = x
      else if (!ink && start >= 0) {
        if (x - start >= minRun) mask.fill(1, y * width + start, y * width + x)
        start = -1
      }
    }
  }
  for (let x = 0; x < width; x += 1) {
    let start = -1
    for (let y = 0; y <= height; y += 1) {
      const ink = y < height && data[y * width + x]! < threshold
      if (ink && start < 0) start = y
      else if (!ink && start >= 0) {
        if (y - start >= minRunDown) for (let k = start; k < y; k += 1) mask[k * width + x] = 1
        start = -1
      }
    }
  }
  const out = new Uint8Array(data)
  // The line's grey fringe goes with it: one pixel around every masked pixel.
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!mask[y * width + x]) continue
      for (let dy = -1; dy <= 1; dy += 1) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -1; dx <= 1; dx += 1) {
          const xx = x + dx
          if (xx >= 0 && xx < width) out[yy * width + xx] = 255
        }
      }
    }
  }
  return { width, height, data: out }
}
