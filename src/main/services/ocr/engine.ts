/**
 * The OCR engine: two ONNX sessions (detection, recognition) over one page image at a time.
 * detect → crop every box → recognise in batches of similar width → every box kept with its
 * text, score and coordinates. The runtime is onnxruntime-node (prebuilt N-API binaries, no
 * rebuild); the bench passes onnxruntime-web (WASM) through the same interface.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common'
import { boxesFromMap, detectionInput, detectionBands, detectionPage, type DetectedBox } from './detect'
import type { GrayImage } from './image'
import { loadModelFiles, type ModelFiles } from './models'
import { classLabels, decodeCtc, MIN_REC_WIDTH, recognitionBatch, recognitionInput, REC_HEIGHT, type RecInput } from './recognize'

/** What both onnxruntime packages export. */
export interface OrtRuntime {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> }
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => Tensor
}

export interface OcrBox {
  /** Text as read (not normalised). */
  text: string
  /** Mean probability of its characters. */
  score: number
  /** The least sure character's probability: one doubtful digit makes a figure doubtful. */
  minScore: number
  /** Rectangle in page pixels. */
  x0: number
  y0: number
  x1: number
  y1: number
  /** Centre x of each character in page pixels (to split a box that spans two columns). */
  charX: number[]
}

export interface EngineOptions {
  runtime?: OrtRuntime
  models?: ModelFiles
  /** Threads per inference; the default leaves the runtime's choice (all cores). */
  threads?: number
}

/**
 * Crops recognised per model call: as many of similar width (padding is wasted work) as fit in
 * this many columns of the 48-pixel-high input — six cells, or one line. Calls of sixteen crops
 * padded to the widest kept 450 MB in the recogniser's arena and took more CPU, not less.
 */
const BATCH_COLUMNS = 1024
/** Page pixels are read by the detector at this scale (200 dpi pages → 150 dpi for detection). */
const DETECTION_SCALE = 0.75

/** Ink is darker than this in a trimmed box. */
const INK = 150

/**
 * A box shrunk to the ink inside it, with a margin of a fifth of its height; undefined when no
 * ink is left (the box held only a ruling, now removed).
 */
export function trimToInk(image: GrayImage, box: DetectedBox): DetectedBox | undefined {
  const x0 = Math.max(0, Math.floor(box.x0))
  const y0 = Math.max(0, Math.floor(box.y0))
  const x1 = Math.min(image.width, Math.ceil(box.x1))
  const y1 = Math.min(image.height, Math.ceil(box.y1))
  let left = x1
  let right = x0 - 1
  let top = y1
  let bottom = y0 - 1
  let count = 0
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      if (image.data[y * image.width + x]! >= INK) continue
      count += 1
      if (x < left) left = x
      if (x > right) right = x
      if (y < top) top = y
      if (y > bottom) bottom = y
    }
  }
  if (count < 4) return undefined
  const margin = Math.max(2, (bottom - top + 1) * 0.2)
  return {
    x0: Math.max(box.x0, left - margin),
    y0: Math.max(box.y0, top - margin),
    x1: Math.min(box.x1, right + 1 + margin),
    y1: Math.min(box.y1, bottom + 1 + margin),
    score: box.score
  }
}

export class OcrEngine {
  private constructor(
    private readonly runtime: OrtRuntime,
    private readonly detector: InferenceSession,
    private readonly recognizer: InferenceSession,
    private readonly labels: readonly string[]
  ) {}

  static async create(options: EngineOptions = {}): Promise<OcrEngine> {
    const runtime = options.runtime ?? ((await import('onnxruntime-node')) as unknown as OrtRuntime)
    const models = options.models ?? (await loadModelFiles())
    const sessionOptions: InferenceSession.SessionOptions = {
      graphOptimizationLevel: 'all',
      // Idle threads sleep instead of spinning: the app's other work (and other programs) keep the CPU.
      extra: { session: { intra_op: { allow_spinning: '0' } } },
      ...(options.threads ? { intraOpNumThreads: options.threads } : {})
    }
    // The detector's arena would keep a whole page's activations for the session's life (several
    // hundred MB): it allocates per run instead. The recogniser's calls are small (BATCH_COLUMNS):
    // its arena stays, a few tens of MB.
    const detector = await runtime.InferenceSession.create(models.detection, { ...sessionOptions, enableCpuMemArena: false, enableMemPattern: false })
    const recognizer = await runtime.InferenceSession.create(models.recognition, sessionOptions)
    return new OcrEngine(runtime, detector, recognizer, classLabels(models.dictionary))
  }

  async detect(page: GrayImage, scale = DETECTION_SCALE): Promise<DetectedBox[]> {
    const scaled = detectionPage(page, scale)
    const { width, height } = scaled
    const map = new Float32Array(width * height)
    const inputName = this.detector.inputNames[0]!
    const outputName = this.detector.outputNames[0]!
    for (const band of detectionBands(width, height)) {
      const input = new this.runtime.Tensor('float32', detectionInput(scaled, band.top, band.bottom), [1, 3, band.bottom - band.top, width])
      const output = (await this.detector.run({ [inputName]: input }))[outputName]!.data as Float32Array
      map.set(output.subarray((band.keepTop - band.top) * width, (band.keepBottom - band.top) * width), band.keepTop * width)
    }
    return boxesFromMap(map, width, height, width / page.width, height / page.height)
  }

  async recognize(page: GrayImage, boxes: readonly DetectedBox[], signal?: AbortSignal): Promise<OcrBox[]> {
    const inputs = boxes.map((box) => ({ box, input: recognitionInput(page, box) }))
    const order = inputs.map((_, i) => i).sort((a, b) => inputs[a]!.input.width - inputs[b]!.input.width)
    const out: OcrBox[] = new Array(boxes.length)
    for (let start = 0; start < order.length; ) {
      signal?.throwIfAborted()
      let end = start + 1
      const first = inputs[order[start]!]!.input.width
      // Widest last (sorted): the call's width is the last crop's, at least MIN_REC_WIDTH.
      const fits = (width: number) => width <= Math.max(2 * first, MIN_REC_WIDTH) && (end - start + 1) * Math.max(MIN_REC_WIDTH, width) <= BATCH_COLUMNS
      while (end < order.length && fits(inputs[order[end]!]!.input.width)) end += 1
      const batch = order.slice(start, end)
      const recInputs: RecInput[] = batch.map((i) => inputs[i]!.input)
      const { data, width } = recognitionBatch(recInputs)
      const feeds = { [this.recognizer.inputNames[0]!]: new this.runtime.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, width]) }
      const output = (await this.recognizer.run(feeds))[this.recognizer.outputNames[0]!]!
      const [, steps, classes] = output.dims as [number, number, number]
      const probs = output.data as Float32Array
      batch.forEach((index, n) => {
        const { box, input } = inputs[index]!
        const decoded = decodeCtc(probs, n * steps * classes, steps, classes, this.labels)
        // Positions are fractions of the padded tensor; the crop fills `input.width` of it.
        const pageX = (f: number) => box.x0 + ((f * width) / input.width) * (box.x1 - box.x0)
        out[index] = {
          text: decoded.text,
          score: decoded.score,
          minScore: decoded.charScores.length ? Math.min(...decoded.charScores) : 1,
          x0: box.x0,
          y0: box.y0,
          x1: box.x1,
          y1: box.y1,
          charX: decoded.charPositions.map(pageX)
        }
      })
      start = end
    }
    return out
  }

  /**
   * One page: every detected box with its text (empty reads are dropped: nothing was printed
   * there). `clean` is the page with table rulings removed: boxes are found on the page as printed
   * (the rulings keep neighbouring cells apart) and read from the clean copy, trimmed to their ink
   * (a cell border is not read as “1”).
   */
  async readPage(page: GrayImage, options: { clean?: GrayImage; signal?: AbortSignal } = {}): Promise<OcrBox[]> {
    options.signal?.throwIfAborted()
    const clean = options.clean ?? page
    const boxes = (await this.detect(page)).flatMap((box) => {
      const trimmed = trimToInk(clean, box)
      return trimmed ? [trimmed] : []
    })
    const read = await this.recognize(clean, boxes, options.signal)
    return read.filter((box) => box.text.trim() !== '')
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.recognizer.release()])
  }
}
