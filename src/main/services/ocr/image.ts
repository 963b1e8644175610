/**
 * Greyscale page images and the few operations OCR needs on them (resize, crop, PNG out). Pure
 * TypeScript on typed arrays: no canvas, no native image library.
 */
import { PNG } from 'pngjs'

/** 8-bit greyscale, row-major, 0 = black. */
export interface GrayImage {
  width: number
  height: number
  data: Uint8Array
}

export function createImage(width: number, height: number, fill = 255): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(fill) }
}

/** RGB(A) or grey pixels with `channels` bytes per pixel → grey (ITU-R 601 luma). */
export function toGray(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): GrayImage {
  const out = new Uint8Array(width * height)
  if (channels === 1) out.set(pixels.subarray(0, out.length))
  else {
    for (let i = 0, p = 0; i < out.length; i += 1, p += channels) {
      const gray = (pixels[p]! * 299 + pixels[p + 1]! * 587 + pixels[p + 2]! * 114) / 1000
      // Transparent pixels are paper, not ink.
      out[i] = channels === 4 ? 255 - ((255 - gray) * pixels[p + 3]!) / 255 : gray
    }
  }
  return { width, height, data: out }
}

/**
 * Resize by area averaging when shrinking and bilinear interpolation when enlarging, so that thin
 * strokes survive a reduction (a plain bilinear sample skips pixels).
 */
export function resize(image: GrayImage, width: number, height: number): GrayImage {
  width = Math.max(1, Math.round(width))
  height = Math.max(1, Math.round(height))
  if (width === image.width && height === image.height) return image
  if (width < image.width && height < image.height) return shrink(image, width, height)
  return bilinear(image, width, height)
}

function bilinear(image: GrayImage, width: number, height: number): GrayImage {
  const { width: sw, height: sh, data } = image
  const out = new Uint8Array(width * height)
  const fx = sw / width
  const fy = sh / height
  for (let y = 0; y < height; y += 1) {
    const syf = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5))
    const y0 = Math.floor(syf)
    const y1 = Math.min(sh - 1, y0 + 1)
    const wy = syf - y0
    for (let x = 0; x < width; x += 1) {
      const sxf = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5))
      const x0 = Math.floor(sxf)
      const x1 = Math.min(sw - 1, x0 + 1)
      const wx = sxf - x0
      const top = data[y0 * sw + x0]! * (1 - wx) + data[y0 * sw + x1]! * wx
      const bottom = data[y1 * sw + x0]! * (1 - wx) + data[y1 * sw + x1]! * wx
      out[y * width + x] = top * (1 - wy) + bottom * wy + 0.5
    }
  }
  return { width, height, data: out }
}

function shrink(image: GrayImage, width: number, height: number): GrayImage {
  const { width: sw, height: sh, data } = image
  const fx = sw / width
  const fy = sh / height
  // Column sums per output column first (separable box filter with fractional edges).
  const columns = new Float32Array(sh * width)
  for (let x = 0; x < width; x += 1) {
    const a = x * fx
    const b = a + fx
    const i0 = Math.floor(a)
    const i1 = Math.min(sw, Math.ceil(b))
    for (let y = 0; y < sh; y += 1) {
      let sum = 0
      const row = y * sw
      for (let i = i0; i < i1; i += 1) {
        const w = Math.min(b, i + 1) - Math.max(a, i)
        sum += data[row + i]! * w
      }
      columns[y * width + x] = sum / fx
    }
  }
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y += 1) {
    const a = y * fy
    const b = a + fy
    const j0 = Math.floor(a)
    const j1 = Math.min(sh, Math.ceil(b))
    for (let x = 0; x < width; x += 1) {
      let sum = 0
      for (let j = j0; j < j1; j += 1) sum += columns[j * width + x]! * (Math.min(b, j + 1) - Math.max(a, j))
      out[y * width + x] = sum / fy + 0.5
    }
  }
  return { width, height, data: out }
}

/** The pixels of a rectangle, clipped to the image. */
export function crop(image: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const left = Math.max(0, Math.floor(x0))
  const top = Math.max(0, Math.floor(y0))
  const right = Math.min(image.width, Math.ceil(x1))
  const bottom = Math.min(image.height, Math.ceil(y1))
  const width = Math.max(1, right - left)
  const height = Math.max(1, bottom - top)
  const out = new Uint8Array(width * height).fill(255)
  for (let y = 0; y < height && top + y < image.height; y += 1) {
    const from = (top + y) * image.width + left
    out.set(image.data.subarray(from, from + Math.min(width, image.width - left)), y * width)
  }
  return { width, height, data: out }
}

/** A small greyscale PNG, as the review shows a value's crop. */
export function pngDataUrl(image: GrayImage): string {
  return `data:image/png;base64,${encodePng(image).toString('base64')}`
}

export function encodePng(image: GrayImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 0, inputColorType: 0, inputHasAlpha: false })
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false })
}

/** Rotation by quarter turns clockwise. */
export function rotateQuarter(image: GrayImage, turns: number): GrayImage {
  const t = ((turns % 4) + 4) % 4
  if (t === 0) return image
  const { width: w, height: h, data } = image
  const width = t === 2 ? w : h
  const height = t === 2 ? h : w
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const v = data[y * w + x]!
      if (t === 1) out[x * width + (h - 1 - y)] = v
      else if (t === 2) out[(h - 1 - y) * width + (w - 1 - x)] = v
      else out[(w - 1 - x) * width + y] = v
    }
  }
  return { width, height, data: out }
}

/** Rotation by a small angle (degrees, counter-clockwise positive) about the centre; corners filled white. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.01) return image
  const { width, height, data } = image
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = width / 2
  const cy = height / 2
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y += 1) {
    const dy = y + 0.5 - cy
    for (let x = 0; x < width; x += 1) {
      const dx = x + 0.5 - cx
      // Source of this output pixel: the inverse rotation.
      const sx = cos * dx - sin * dy + cx - 0.5
      const sy = sin * dx + cos * dy + cy - 0.5
      out[y * width + x] = sample(data, width, height, sx, sy)
    }
  }
  return { width, height, data: out }
}

/** Bilinear sample; outside the image is white paper. */
export function sample(data: Uint8Array, width: number, height: number, x: number, y: number): number {
  if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) return 255
  const x0 = Math.max(0, Math.min(width - 1, Math.floor(x)))
  const y0 = Math.max(0, Math.min(height - 1, Math.floor(y)))
  const x1 = Math.min(width - 1, x0 + 1)
  const y1 = Math.min(height - 1, y0 + 1)
  const wx = Math.max(0, Math.min(1, x - x0))
  const wy = Math.max(0, Math.min(1, y - y0))
  const top = data[y0 * width + x0]! * (1 - wx) + data[y0 * width + x1]! * wx
  const bottom = data[y1 * width + x0]! * (1 - wx) + data[y1 * width + x1]! * wx
  return top * (1 - wy) + bottom * wy + 0.5
}
