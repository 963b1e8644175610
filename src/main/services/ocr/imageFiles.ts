/**
 * Photos and scans given as image files (.jpg, .png, .tif) → greyscale pages, with pure-JS
 * decoders (jpeg-js, pngjs, utif): no native image library. A multi-page TIFF gives one page per
 * image; a JPEG's EXIF orientation (phones store portrait photos sideways) is applied.
 */
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import UTIF from 'utif'
import { FileError } from '../files'
import { rotateQuarter, toGray, type GrayImage } from './image'

export type ImageKind = 'jpeg' | 'png' | 'tiff'

/** A photo of 50 megapixels decodes to 200 MB of RGBA: past this the file is refused. */
export const MAX_IMAGE_PIXELS = 60_000_000
/** Pages of one multi-page TIFF. */
export const MAX_TIFF_PAGES = 200

export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  const ii = bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0
  const mm = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a
  return ii || mm ? 'tiff' : undefined
}

const unreadable = (what: string) => new FileError(`${what}已损坏或格式不受支持，无法读取`)
const tooLarge = () => new FileError(`图片过大（超过 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素），请缩小后再导入`)

export function decodeImage(bytes: Uint8Array): GrayImage[] {
  const kind = imageKind(bytes)
  switch (kind) {
    case 'jpeg':
      return [decodeJpeg(bytes)]
    case 'png':
      return [decodePng(bytes)]
    case 'tiff':
      return decodeTiff(bytes)
    default:
      throw new FileError('不是可识别的图片文件（支持 .jpg、.png、.tif）')
  }
}

function decodeJpeg(bytes: Uint8Array): GrayImage {
  let decoded
  try {
    // RGB, not RGBA: a quarter less for a photo's pixels, which are only turned grey.
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 1024 })
  } catch (error) {
    if (/maxResolutionInMP|maxMemoryUsage/i.test(String(error))) throw tooLarge()
    throw unreadable('JPEG 图片')
  }
  const gray = toGray(decoded.data, decoded.width, decoded.height, 3)
  return orient(gray, exifOrientation(bytes))
}

function decodePng(bytes: Uint8Array): GrayImage {
  let png
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch {
    throw unreadable('PNG 图片')
  }
  if (png.width * png.height > MAX_IMAGE_PIXELS) throw tooLarge()
  return toGray(png.data, png.width, png.height, 4)
}

function decodeTiff(bytes: Uint8Array): GrayImage[] {
  try {
    const ifds = UTIF.decode(bytes).filter((ifd) => ifd['t256'] !== undefined)
    if (ifds.length > MAX_TIFF_PAGES) throw new FileError(`TIFF 共 ${ifds.length} 页，超过上限 ${MAX_TIFF_PAGES} 页`)
    return ifds.map((ifd) => {
      const width = (ifd['t256'] as number[])[0]!
      const height = (ifd['t257'] as number[])[0]!
      if (width * height > MAX_IMAGE_PIXELS) throw tooLarge()
      UTIF.decodeImage(bytes, ifd)
      return toGray(UTIF.toRGBA8(ifd), ifd.width!, ifd.height!, 4)
    })
  } catch (error) {
    if (error instanceof FileError) throw error
    throw unreadable('TIFF 图片')
  }
}

/** EXIF orientation (1–8) of a JPEG, 1 when absent: APP1 “Exif” → TIFF header → tag 0x0112. */
export function exifOrientation(bytes: Uint8Array): number {
  let at = 2
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'Exif') {
      const tiff = at + 10
      const le = bytes[tiff] === 0x49
      const u16 = (p: number) => (le ? bytes[p]! | (bytes[p + 1]! << 8) : (bytes[p]! << 8) | bytes[p + 1]!)
      const u32 = (p: number) => (le ? u16(p) + u16(p + 2) * 65536 : u16(p) * 65536 + u16(p + 2))
      const ifd = tiff + u32(tiff + 4)
      const count = u16(ifd)
      for (let i = 0; i < count; i += 1) {
        const entry = ifd + 2 + i * 12
        if (entry + 12 > bytes.length) break
        if (u16(entry) === 0x0112) return u16(entry + 8)
      }
      return 1
    }
    if (marker === 0xda) break
    at += 2 + length
  }
  return 1
}

/** Turns an image the way its EXIF orientation says (mirrored variants are read as their rotation). */
function orient(image: GrayImage, orientation: number): GrayImage {
  switch (orientation) {
    case 3:
    case 4:
      return rotateQuarter(image, 2)
    case 5:
    case 6:
      return rotateQuarter(image, 1)
    case 7:
    case 8:
      return rotateQuarter(image, 3)
    default:
      return image
  }
}
