/**
 * Text recognition around the PP-OCRv4 CRNN model: box crops → normalised tensors (height 48,
 * right-padded), and the model's per-step class probabilities → text by greedy CTC decoding.
 */
import { crop, resize, type GrayImage } from './image'

export const REC_HEIGHT = 48
/** Narrower inputs read worse: a lone digit is padded to this width. */
export const MIN_REC_WIDTH = 160
/** A crop wider than this (a line of ~40 characters) is squeezed: no report line is longer. */
export const MAX_REC_WIDTH = 2400

export interface RecInput {
  /** Resized width of the crop inside the padded tensor. */
  width: number
  pixels: GrayImage
}

export function recognitionInput(page: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): RecInput {
  const image = crop(page, box.x0, box.y0, box.x1, box.y1)
  const width = Math.min(MAX_REC_WIDTH, Math.max(1, Math.ceil((REC_HEIGHT * image.width) / image.height)))
  return { width, pixels: resize(image, width, REC_HEIGHT) }
}

/** A batch of crops as one N×3×48×W tensor, W the widest (at least MIN_REC_WIDTH), padded with 0. */
export function recognitionBatch(inputs: readonly RecInput[]): { data: Float32Array; width: number } {
  const width = Math.max(MIN_REC_WIDTH, ...inputs.map((i) => i.width))
  const plane = REC_HEIGHT * width
  const data = new Float32Array(inputs.length * 3 * plane)
  inputs.forEach((input, n) => {
    const base = n * 3 * plane
    const { pixels } = input
    for (let y = 0; y < REC_HEIGHT; y += 1) {
      for (let x = 0; x < pixels.width; x += 1) {
        const v = pixels.data[y * pixels.width + x]! / 127.5 - 1
        const at = base + y * width + x
        data[at] = v
        data[at + plane] = v
        data[at + 2 * plane] = v
      }
    }
  })
  return { data, width }
}

export interface DecodedText {
  text: string
  /** Mean probability of the characters read (1 for an empty read). */
  score: number
  /** Probability of each character, in order. */
  charScores: number[]
  /** Centre of each character as a fraction of the tensor width. */
  charPositions: number[]
}

/** The dictionary file → class labels: 0 is the CTC blank, then one per line, then a space. */
export function classLabels(dictionary: string): string[] {
  const lines = dictionary.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return ['', ...lines, ' ']
}

/** Greedy CTC: the most probable class per step, repeats collapsed, blanks dropped. */
export function decodeCtc(probs: Float32Array, offset: number, steps: number, classes: number, labels: readonly string[]): DecodedText {
  let text = ''
  const charScores: number[] = []
  const charPositions: number[] = []
  let previous = 0
  for (let t = 0; t < steps; t += 1) {
    const row = offset + t * classes
    let best = 0
    let bestP = probs[row]!
    for (let c = 1; c < classes; c += 1) {
      const p = probs[row + c]!
      if (p > bestP) {
        bestP = p
        best = c
      }
    }
    if (best !== 0 && best !== previous) {
      text += labels[best] ?? ''
      charScores.push(bestP)
      charPositions.push((t + 0.5) / steps)
    }
    previous = best
  }
  const score = charScores.length ? charScores.reduce((a, b) => a + b, 0) / charScores.length : 1
  return { text, score, charScores, charPositions }
}
