/**
 * What readers produce and what recognition returns. Readers (Node-only, one per file kind) turn
 * bytes into ordered Blocks; the pure recognisers in core/import turn Blocks into a ParsedReport.
 */
import type { CellId } from '../report/cells'
import type { Report } from '../report/report'
import type { SectionId } from '../report/sections'
import type { OcrReview } from './ocr/review'

export interface BlockCell {
  text: string
  rowSpan: number
  colSpan: number
  /** Read by OCR from a page image: where, how surely, and what exactly was seen. */
  ocr?: OcrSource
}

/** Where an OCR'd cell or paragraph was read (scanned PDF pages, photos). */
export interface OcrSource {
  /** 1-based page (or image file, in name order). */
  page: number
  /** Rectangle x0, y0, x1, y1 in the page image's pixels (origin top left). */
  box: [number, number, number, number]
  /** Recognition score of the least sure character (0–1). */
  score: number
  /** The text as recognised, before numerals were normalised. */
  read: string
  /** Characters had to be taken for digits (〇 → 0, l → 1), or the box was split between columns. */
  repaired?: boolean
  /** A small PNG of the box as a data URL: the officer compares the value with it. */
  crop?: string
}

/**
 * Document order is kept. Tables use the anchor convention of HTML: a merged cell appears once, in
 * the row where it starts; positions it covers in later rows are omitted.
 */
export type Block =
  | { kind: 'paragraph'; text: string; page?: number; ocr?: Pick<OcrSource, 'page' | 'score'> }
  | { kind: 'table'; rows: BlockCell[][]; page?: number; ocr?: boolean }

export type FileKind = 'docx' | 'doc' | 'pdf' | 'txt' | 'html' | 'mhtml' | 'paste' | 'image'

export interface ReadResult {
  kind: FileKind
  blocks: Block[]
  /** Things the reader noticed and the officer should know (encoding guessed, pages without text…). */
  warnings: string[]
  /** The text encoding, for text-based kinds. */
  encoding?: string
}

export type Generation = '2021' | '2019' | 'pre-2019'

/** Where a value was read: block index in the ReadResult, and row/cell inside a table block. */
export interface ValueSource {
  block: number
  row?: number
  cell?: number
  /** The text as printed, for review. */
  text?: string
}

export type ValueFlag =
  /** Mapped from the 2019 format (spec §2.1). */
  | 'mapped-2019'
  /** Pre-2019 figure mapped by spec §3.4: for history and trends only. */
  | 'approximate'
  /** Recovered by splitting run-together digits with the table's own identities. */
  | 'split'
  /** Any other reason the officer should look at it. */
  | 'review'
  /** Read by OCR from a page image: to be checked against the image (see ParsedReport.ocr). */
  | 'ocr'

export interface ImportedValue {
  cell: CellId
  value: number
  /** 0–1: 1 for a value read from a clean labelled cell; lower when recovered or mapped. */
  confidence: number
  source: ValueSource
  flags: ValueFlag[]
  note?: string
}

/** A labelled figure of a pre-2019 statistics table (附表), kept as printed. */
export interface LegacyFigure {
  label: string
  unit?: string
  /** Column label → value as printed, e.g. { 本年: '53', 历年累计: '259' }. */
  values: Record<string, string>
  source: ValueSource
  /** The row this one is a part of (“其中：1.当面申请数” → 受理政府信息公开申请总数), when printed so. */
  parent?: string
  /** Where each value was read, by the same keys as `values`. */
  valueSources?: Record<string, ValueSource>
}

export interface ParsedSection {
  heading: string
  /** The 2021 section it maps to, when it does. */
  section?: SectionId
  text: string
  /** First and last block of the section, heading included. */
  blocks?: [number, number]
}

export interface ParsedReport {
  report: Report
  generation: Generation
  sections: ParsedSection[]
  values: ImportedValue[]
  legacy: LegacyFigure[]
  /** What was expected but not found, in Chinese (e.g. “表四”, “单位名称”). */
  missing: string[]
  warnings: string[]
  /** Values read by OCR from page images, with their crops, for the review (scans and photos only). */
  ocr?: OcrReview
}
