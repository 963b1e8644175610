/**
 * One import, start to finish, as the worker runs it: read the file (or take the bytes, the text or
 * a scan's page images, whose pages go through OCR), normalise and recognise, report the stage reached along the way. Plain Node and core: it can be
 * called directly too (tests), where readers and recognition keep their own limits.
 */
import { recognizeReport } from '@core/import/recognizeReport'
import type { ParsedReport } from '@core/import/types'
import { readBoundedFile } from '../files'
import { FILE_LIMITS } from '../importLimits'
import type { OcrProgress } from '../ocr/index'
import { readDocument, readPastedText } from '../readers/index'
import { readScanFiles } from '../readers/scan'
import type { ImportSource, ImportStage } from './protocol'

export async function runImportJob(
  source: ImportSource,
  onStage: (stage: ImportStage) => void = () => undefined,
  options: { source?: string } = {}
): Promise<ParsedReport> {
  onStage({ stage: 'reading' })
  let read
  const onProgress = (p: OcrProgress) => onStage({ stage: 'ocr', ...p })
  if (source.kind === 'text') {
    read = readPastedText(source.text)
  } else if (source.kind === 'images') {
    read = await readScanFiles(source.files, { onProgress })
  } else {
    const bytes = source.kind === 'bytes' ? source.bytes : await readBoundedFile(source.path, FILE_LIMITS.maxDocumentBytes)
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    read = await readDocument({ bytes: view, name: source.name }, { onPage: (p) => onStage({ stage: 'page', ...p }), onProgress })
  }
  onStage({ stage: 'recognising' })
  return recognizeReport(read, { source: options.source ?? source.name })
}
