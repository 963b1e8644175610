/**
 * Import progress (main → renderer, one channel): the worker reading a file reports its stage —
 * reading, each PDF page, each page read by OCR, recognising — and main forwards each to the page, which shows it when an
 * import takes longer than half a second. Validated on the way in like every payload.
 */
import { z } from 'zod'

export const IMPORT_PROGRESS_CHANNEL = 'import:progress'

export const importProgressSchema = z.discriminatedUnion('stage', [
  z.strictObject({ stage: z.literal('reading'), fileName: z.string().max(260) }),
  z.strictObject({
    stage: z.literal('page'),
    fileName: z.string().max(260),
    page: z.number().int().min(1),
    pages: z.number().int().min(1)
  }),
  z.strictObject({
    stage: z.literal('ocr'),
    fileName: z.string().max(260),
    page: z.number().int().min(0),
    pages: z.number().int().min(1),
    done: z.number().int().min(0)
  }),
  z.strictObject({ stage: z.literal('recognising'), fileName: z.string().max(260) })
])

export type ImportProgress = z.infer<typeof importProgressSchema>

/** What the preload exposes as `window.importEvents`. */
export interface ImportEvents {
  /** Calls `listener` for each progress report; returns a function that stops listening. */
  onProgress(listener: (progress: ImportProgress) => void): () => void
}
