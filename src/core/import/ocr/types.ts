/**
 * What OCR hands to recognition: per page, every text box the engine read, with its score and
 * rectangle in page pixels (origin top left). Pure data: the engine lives in main/services/ocr.
 */

export interface OcrBox {
  /** Text as recognised, before any normalisation. */
  text: string
  /** Mean probability of the characters (0–1). */
  score: number
  /** Probability of the least sure character. */
  minScore?: number
  x0: number
  y0: number
  x1: number
  y1: number
  /** Centre x of each character, for a box that must be split between two columns. */
  charX?: number[]
  /** A small PNG of the box as a data URL, for the review. */
  crop?: string
  /** Part of a box that held several cells' figures (split at the gap between them). */
  split?: boolean
}

export interface OcrPage {
  /** 1-based page number in the document (or file order for several images). */
  number: number
  width: number
  height: number
  boxes: OcrBox[]
}
