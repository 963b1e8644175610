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
  /** The text was not printed in this cell but recovered (split from run-together digits): how. */
  derived?: string
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
  | { kind: 'paragraph'; text: string; page?: number; derived?: string; ocr?: Pick<OcrSource, 'page' | 'score'> }
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
  /** Put in its row by the table's structure and arithmetic, its label lost or unreadable. */
  | 'placed'
  /** Any other reason the officer should look at it. */
  | 'review'
  /** Read by OCR from a page image: to be checked against the image (see ParsedReport.ocr). */
  | 'ocr'

/**
 * How a value was obtained, from most to least certain. Only `read` — a figure printed in a cell
 * whose row and column labels were recognised — counts as read; everything else is for review.
 */
export type ValueMethod =
  /** Read from a labelled cell. */
  | 'read'
  /** Derived by arithmetic: split from run-together digits, or an unlabelled row put by its sums. */
  | 'derived'
  /** Placed by position or the table's structure (order of unlabelled rows, a placeholder header). */
  | 'placed'
  /** Offered to the officer, applied only on request. */
  | 'suggested'

export interface ImportedValue {
  cell: CellId
  value: number
  /** How the value was obtained. */
  method: ValueMethod
  /** 0–1, derived from the method and its evidence (certainty.ts): 1 only for a clean read. */
  confidence: number
  source: ValueSource
  flags: ValueFlag[]
  note?: string
}

/**
 * Figures the reader found but could not put in a row with certainty (a row of numbers whose
 * label was lost or unreadable): offered for the empty rows they fit, applied only on request.
 */
export interface Suggestion {
  /** The cells the figures would fill, in order. */
  cells: CellId[]
  values: number[]
  /** Why these cells, in Chinese (“行标签残缺“1、本机关…”，数字符合该行的合计关系”). */
  reason: string
  source: ValueSource
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
  /** Values not printed apart but split from run-together digits, by key: how, in Chinese. */
  derived?: Record<string, string>
}

export interface ParsedSection {
  heading: string
  /** The 2021 section it maps to, when it does. */
  section?: SectionId
  text: string
  /** First and last block of the section, heading included. */
  blocks?: [number, number]
}

/** What a notice is about, for grouping them in the review. */
export type NoticeGroup = 'file' | 'text' | 'layout' | 'unit' | 'tables'

export interface Notice {
  group: NoticeGroup
  text: string
}

/** How sure the importer is of the reporting body's name. */
export interface UnitCheck {
  /** Named by the title (or by the 落款 and the text), and by nothing else differently. */
  settled: boolean
  /** Where the name was taken from. */
  source?: 'title' | 'signature' | 'self' | 'frequent'
  /** Every name the document gives the body, the chosen one first. */
  candidates: string[]
  /** How it was decided, in Chinese. */
  evidence: string[]
}

export interface ParsedReport {
  report: Report
  /** Whether the unit is settled or must be confirmed by the officer. */
  unitCheck: UnitCheck
  generation: Generation
  sections: ParsedSection[]
  values: ImportedValue[]
  legacy: LegacyFigure[]
  /** What was expected but not found, in Chinese (e.g. “表四”, “单位名称”). */
  missing: string[]
  /** Every notice's text, in order (the same as `notices`, ungrouped). */
  warnings: string[]
  /** What the officer should know, each with its group. */
  notices: Notice[]
  /** Figures found but not placed with certainty: offered for the rows they fit, applied on request. */
  suggestions: Suggestion[]
  /** Values read by OCR from page images, with their crops, for the review (scans and photos only). */
  ocr?: OcrReview
}
