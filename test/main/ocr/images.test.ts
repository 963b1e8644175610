/**
 * Page images without a canvas: decoders (JPEG with EXIF orientation, PNG, multi-page TIFF),
 * deskew, the photographed page found and straightened, rulings removed, and a scanned PDF's
 * embedded images drawn at 200 dpi. Synthetic images: what each step must do is known exactly.
 */
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import UTIF from 'utif'
import { describe, expect, it } from 'vitest'
import { trimToInk } from '../../../src/main/services/ocr/engine'
import { createImage, rotate, type GrayImage } from '../../../src/main/services/ocr/image'
import { decodeImage, exifOrientation, imageKind } from '../../../src/main/services/ocr/imageFiles'
import { openScannedPdf } from '../../../src/main/services/ocr/pdfImages'
import { estimateSkew, findPage, flattenIllumination, preparePage, removeRules } from '../../../src/main/services/ocr/preprocess'

/** A page of dark text-like bars on white: rows of short dashes, like lines of characters. */
function textPage(width = 1200, height = 1600): GrayImage {
  const page = createImage(width, height)
  for (let y = 150; y < height - 150; y += 60) {
    for (let x = 120; x < width - 120; x += 46) {
      for (let dy = 0; dy < 30; dy += 1) for (let dx = 0; dx < 34; dx += 1) page.data[(y + dy) * width + x + dx] = 30
    }
  }
  return page
}

const rgba = (image: GrayImage) => {
  const out = new Uint8Array(image.width * image.height * 4)
  image.data.forEach((v, i) => out.set([v, v, v, 255], i * 4))
  return out
}

/** A JPEG with an EXIF APP1 segment carrying `orientation`. */
function jpegWithOrientation(image: GrayImage, orientation: number): Uint8Array {
  const plain = jpeg.encode({ data: rgba(image), width: image.width, height: image.height }, 90).data
  const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff]
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]
  return new Uint8Array([...plain.subarray(0, 2), ...app1, ...plain.subarray(2)])
}

describe('image files', () => {
  const page = createImage(40, 20)
  page.data.fill(0, 0, 40) // a black top row: where it ends up shows the orientation

  it('tells the kinds apart by their first bytes', () => {
    expect(imageKind(new Uint8Array(PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 })))))).toBe('png')
    expect(imageKind(jeg(page))).toBe('jpeg')
    expect(imageKind(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBeUndefined()
  })

  it('turns a JPEG the way its EXIF orientation says', () => {
    const bytes = jpegWithOrientation(page, 6)
    expect(exifOrientation(bytes)).toBe(6)
    const [turned] = decodeImage(bytes)
    expect([turned!.width, turned!.height]).toEqual([20, 40])
    // Orientation 6: the top row becomes the right-hand column.
    expect(turned!.data[5 * 20 + 19]).toBeLessThan(60)
    expect(turned!.data[5 * 20]).toBeGreaterThan(200)
  })

  it('reads every page of a TIFF', () => {
    const one = UTIF.encodeImage(rgba(page), 40, 20)
    const [decoded] = decodeImage(new Uint8Array(one))
    expect([decoded!.width, decoded!.height]).toEqual([40, 20])
    expect(decoded!.data[0]).toBeLessThan(10)
    expect(decoded!.data[40 * 10]).toBeGreaterThan(245)
  })
})

function jeg(image: GrayImage): Uint8Array {
  return jpeg.encode({ data: rgba(image), width: image.width, height: image.height }, 90).data
}

describe('page clean-up', () => {
  it('measures a small rotation and straightens it', () => {
    const tilted = rotate(textPage(), 1.2)
    const skew = estimateSkew(tilted)
    expect(Math.abs(Math.abs(skew) - 1.2)).toBeLessThan(0.15)
    const prepared = preparePage(tilted)
    expect(Math.abs(estimateSkew(prepared.image))).toBeLessThan(0.15)
  })

  it('finds a photographed sheet on a darker background and straightens it to a page', () => {
    const photo = createImage(1000, 1300, 60)
    // A sheet with its corners pulled about: (150,120) (880,160) (920,1200) (100,1150).
    const quad = [[150, 120], [880, 160], [920, 1200], [100, 1150]] as const
    const inside = (x: number, y: number) =>
      quad.every((p, i) => {
        const q = quad[(i + 1) % 4]!
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]) >= 0
      })
    for (let y = 0; y < 1300; y += 1) for (let x = 0; x < 1000; x += 1) if (inside(x, y)) photo.data[y * 1000 + x] = 235
    const found = findPage(photo)!
    expect(found).toBeDefined()
    found.forEach(([x, y], i) => {
      expect(Math.abs(x - quad[i]![0])).toBeLessThan(15)
      expect(Math.abs(y - quad[i]![1])).toBeLessThan(15)
    })
    const prepared = preparePage(photo, { photo: true })
    expect(prepared.straightened).toBe(true)
    expect(prepared.image.width).toBe(1654)
    // The background is gone: the straightened page is paper all over.
    const dark = prepared.image.data.filter((v) => v < 128).length
    expect(dark / prepared.image.data.length).toBeLessThan(0.02)
  })

  it('a scan that fills its frame is not taken for a photo', () => {
    expect(findPage(textPage())).toBeUndefined()
  })

  it('flattens uneven light: a shadow across the page becomes white paper', () => {
    const page = textPage(800, 1000)
    for (let y = 0; y < 1000; y += 1) for (let x = 0; x < 800; x += 1) page.data[y * 800 + x] = Math.round(page.data[y * 800 + x]! * (0.5 + x / 1600))
    const flat = flattenIllumination(page)
    // Paper on the shadowed left and the lit right ends up alike.
    expect(Math.abs(flat.data[20 * 800 + 20]! - flat.data[20 * 800 + 780]!)).toBeLessThan(25)
  })

  it('removes table rulings and keeps the text', () => {
    const page = textPage(1200, 1600)
    for (let x = 50; x < 1150; x += 1) for (let t = 0; t < 3; t += 1) page.data[(100 + t) * 1200 + x] = 0
    for (let y = 60; y < 1500; y += 1) for (let t = 0; t < 2; t += 1) page.data[y * 1200 + 60 + t] = 0
    const clean = removeRules(page)
    expect(clean.data[101 * 1200 + 600]).toBe(255)
    expect(clean.data[800 * 1200 + 61]).toBe(255)
    // A character-sized mark stays.
    expect(clean.data[(150 + 10) * 1200 + 130]).toBeLessThan(60)
  })

  it('trims a box to its ink; a box holding only a removed ruling is dropped', () => {
    const page = createImage(200, 100)
    for (let y = 40; y < 60; y += 1) for (let x = 90; x < 100; x += 1) page.data[y * 200 + x] = 0
    const trimmed = trimToInk(page, { x0: 50, y0: 20, x1: 150, y1: 80, score: 0.9 })!
    expect(trimmed.x0).toBeGreaterThan(80)
    expect(trimmed.x1).toBeLessThan(110)
    expect(trimToInk(createImage(100, 100), { x0: 10, y0: 10, x1: 90, y1: 90, score: 0.9 })).toBeUndefined()
  })
})

describe('scanned PDF pages', () => {
  it('draws the embedded image of each page at 200 dpi', async () => {
    const { readFile } = await import('node:fs/promises')
    const pdf = await openScannedPdf(await readFile(new URL('../../fixtures/scans/report-scan.pdf', import.meta.url)))
    try {
      expect(pdf.pageCount).toBe(2)
      const page = await pdf.page(1)
      expect(page.image!.width).toBeGreaterThanOrEqual(1650)
      expect(page.image!.height).toBeGreaterThanOrEqual(2330)
      expect(page.sourceDpi).toBeGreaterThanOrEqual(195)
      const ink = page.image!.data.filter((v) => v < 100).length / page.image!.data.length
      expect(ink).toBeGreaterThan(0.01)
    } finally {
      await pdf.close()
    }
  })
})
