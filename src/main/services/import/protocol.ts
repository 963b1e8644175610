/**
 * Messages between the import worker and the process that runs it (ImportRunner). Plain data:
 * everything crosses by structured clone.
 */
import type { ParsedReport } from '@core/import/types'

/**
 * What to import: a file the worker reads itself, bytes already in memory, pasted text, or several
 * image files that are the pages of one scan (`name` then says so, e.g. 「a.jpg 等 3 个图片文件」).
 */
export type ImportSource =
  | { kind: 'file'; path: string; name: string }
  | { kind: 'bytes'; bytes: Uint8Array; name: string }
  | { kind: 'text'; text: string; name: string }
  | { kind: 'images'; files: { bytes: Uint8Array; name: string }[]; name: string }

/**
 * Where an import is: reading the file, a PDF page read, a scanned page being read by OCR
 * (`done` of `pages` finished), recognising the report.
 */
export type ImportStage =
  | { stage: 'reading' }
  | { stage: 'page'; page: number; pages: number }
  | { stage: 'ocr'; page: number; pages: number; done: number }
  | { stage: 'recognising' }

export type ToWorker = {
  type: 'import'
  id: number
  source: ImportSource
  /**
   * `source`: the report's source for recognition; `ocrThreads`: threads for OCR in this process
   * (its share of the cores when the runner runs several imports at once).
   */
  options?: { source?: string; ocrThreads?: number }
}

/**
 * What a job cost the worker process, as the process itself counts it (getrusage): CPU time of all
 * its threads during the job (onnxruntime's included), and its resident-memory high-water mark
 * since it started (exact, where the runner's sampling can miss a short peak).
 */
export interface WorkerUsage {
  cpuMs: number
  peakRssMb: number
}

export type FromWorker =
  | { type: 'ready' }
  | ({ type: 'progress'; id: number } & ImportStage)
  | { type: 'done'; id: number; parsed: ParsedReport; usage?: WorkerUsage }
  /** `deliberate`: a FileError, worded for the officer; otherwise a bug, reported as one. */
  | { type: 'failed'; id: number; deliberate: boolean; message: string; detail?: string }
  /** An unhandled rejection or uncaught exception inside the worker: logged, never silent. */
  | { type: 'stray'; kind: 'unhandledRejection' | 'uncaughtException'; detail: string }
