/**
 * Schemas of the roll-up routes (汇总): the unit list, a run's status, and the roll-up as the
 * renderer sees it — figures and counts per report, never a document or a path (files are named as
 * the officer knows them: their path within the chosen folder or .zip). Shared by main and renderer.
 */
import { z } from 'zod'
import { rollupUnitSchema, ROLLUP_LEVELS } from '@core/rollup/units'
import { reportDoc, cellIdSchema, base64Bytes, fileName, reportYear } from './schemas'

export const MAX_UNITS = 2000

/** The unit list as the view edits it: checked in full in main (core/rollup/units.ts). */
export const unitListSchema = z.array(rollupUnitSchema).max(MAX_UNITS, `单位最多 ${MAX_UNITS} 个`)

/** A report's id within the current roll-up (the order its file was collected in). */
export const rollupReportId = z.number().int().min(0).max(1_000_000)

const severityCounts = z.object({ error: z.number().int(), warning: z.number().int(), hint: z.number().int() })

const matchSchema = z.object({
  unit: z.string(),
  method: z.enum(['name', 'alias', 'place', 'similar', 'file', 'hand']),
  via: z.string()
})

/** One report of the roll-up, in brief: enough to list it, sort it and compare two side by side. */
export const rollupReportBriefSchema = z.object({
  id: rollupReportId,
  file: z.string(),
  names: z.array(z.string()),
  year: z.number().int().optional(),
  match: matchSchema.optional(),
  ambiguous: z.array(z.string()).optional(),
  counts: severityCounts,
  /** Cells filled (of 200). */
  filled: z.number().int(),
  importFaults: z.object({ unread: z.number().int(), flagged: z.number().int() }),
  /** The main figures (the workbook's 汇总 columns), by quantity id; null: blank. */
  figures: z.record(z.string(), z.number().nullable()),
  /** Last year's report was compared with (its year). */
  previousYear: z.number().int().optional()
})

export const rollupUnitStatusSchema = z.object({
  unit: rollupUnitSchema,
  status: z.enum(['reported', 'duplicate', 'missing']),
  /** How it stands, in words (the workbook's 状态 column). */
  statusText: z.string(),
  own: z.boolean(),
  chosen: rollupReportId.optional(),
  chosenBy: z.enum(['officer', 'auto']).optional(),
  reports: z.array(rollupReportBriefSchema),
  otherYears: z.array(rollupReportBriefSchema),
  counts: severityCounts
})

export const rollupViewSchema = z.object({
  year: reportYear,
  /** Years the reports are of, most reports first: the officer may roll up another. */
  years: z.array(z.number().int()),
  listed: z.boolean(),
  units: z.array(rollupUnitStatusSchema),
  unmatched: z.array(rollupReportBriefSchema),
  otherYears: z.array(rollupReportBriefSchema),
  unreadable: z.array(z.object({ id: z.number().int(), file: z.string(), reason: z.string() })),
  missing: z.array(z.string()),
  totals: z.array(z.object({ cell: cellIdSchema, value: z.number().optional(), complete: z.boolean(), blanks: z.number().int(), units: z.number().int() })),
  comparison: z
    .object({
      unit: z.string(),
      cells: z.array(z.object({ cell: cellIdSchema, own: z.number().optional(), sum: z.number().optional(), complete: z.boolean(), agrees: z.boolean() }))
    })
    .optional(),
  comparisonProblem: z.string().optional(),
  /** The source as the officer chose it (a folder's or .zip's name, or “拖入的 N 个文件”). */
  source: z.string()
})

export type RollupView = z.infer<typeof rollupViewSchema>
export type RollupReportBrief = z.infer<typeof rollupReportBriefSchema>
export type RollupUnitStatusView = z.infer<typeof rollupUnitStatusSchema>

const findingSchema = z.object({
  rule: z.string(),
  name: z.string(),
  severity: z.enum(['error', 'warning', 'hint']),
  message: z.string(),
  place: z.string(),
  cells: z.array(cellIdSchema).readonly(),
  origin: z.enum(['unread', 'flagged']).optional()
})

/** One report opened from the roll-up, read-only: the report as imported, and every finding on it. */
export const rollupReportDetailSchema = z.object({
  brief: rollupReportBriefSchema,
  report: reportDoc,
  findings: z.array(findingSchema)
})

/** A run in progress: 已读取 done/total. */
export const rollupStatusSchema = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  /** The file just read. */
  file: z.string().optional()
})

/** Where a run's files come from: a folder or .zip chosen in main's dialog, or the files dropped (staged first). */
export const rollupSourceSchema = z.enum(['folder', 'zip', 'dropped'])

/** Dropped files cross in batches: each a bare name and its bytes; a batch at most 20 files and 64 MB. */
export const MAX_DROPPED_BATCH = 20
export const MAX_DROPPED_BATCH_BYTES = 64 * 1024 * 1024
export const droppedFilesSchema = z
  .array(z.strictObject({ name: fileName, bytes: base64Bytes }))
  .min(1)
  .max(MAX_DROPPED_BATCH, `每批最多 ${MAX_DROPPED_BATCH} 个文件`)
  .refine((files) => files.reduce((n, f) => n + f.bytes.length, 0) <= (MAX_DROPPED_BATCH_BYTES / 3) * 4 + 4, '每批文件合计过大')

export { ROLLUP_LEVELS }
