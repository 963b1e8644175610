/**
 * Schemas of the library, import and export routes: the pieces `contract.ts` assembles. Shared by
 * main and renderer, so free of Node and Electron. Inputs are strict about what a page may send
 * (trimmed names, years in range, ids by pattern, sizes bounded); outputs describe exactly what
 * the renderer's client interfaces promise, and nothing more (no paths, no folder names).
 */
import { z } from 'zod'
import { VERSION_REASONS } from '@core/library/versions'
import { isCellId, type CellId } from '@core/report/cells'
import { reportSchema, UNIT_LEVELS, type Report } from '@core/report/report'
import { SECTION_IDS, type SectionId } from '@core/report/sections'

/**
 * A report over IPC, validated in full by core's `reportSchema`. Typed `Report` on both sides:
 * core's `Report` narrows `values` to cell ids (checked key by key by the schema) and allows
 * `undefined` for a blank cell, which the schema's JSON-shaped input type would not accept from callers.
 */
export const reportDoc = reportSchema.transform((report): Report => report as Report) as unknown as z.ZodType<Report, Report>

export const cellIdSchema = z.custom<CellId>((v) => typeof v === 'string' && isCellId(v), '未知单元格')
export const sectionIdSchema = z.custom<SectionId>(
  (v) => typeof v === 'string' && (SECTION_IDS as readonly string[]).includes(v),
  '未知的报告部分'
)

// ——— inputs ———

export const unitName = z.string().trim().min(1, '单位名称不能为空').max(200, '单位名称过长')
export const reportYear = z
  .number('年份应为数字')
  .int('年份应为整数')
  .min(2008, '年份应在 2008–2100 之间')
  .max(2100, '年份应在 2008–2100 之间')
/** Inputs are strict objects: a key the route does not know (a `path`, say) is refused, not quietly dropped. */
export const unitYear = z.strictObject({ unit: unitName, year: reportYear })

/**
 * Backup and removal ids are UTC times (see main/services/library/timeId.ts). Checked here too, so
 * that nothing shaped like a path ever reaches the library.
 */
const TIME_ID = /^\d{8}T\d{9}Z(?:-\d+)?$/
export const backupId = z.string().regex(TIME_ID, '备份编号无效')
export const removalId = z.string().regex(TIME_ID, '回收站编号无效')
export const operationId = z.string().regex(TIME_ID, '操作编号无效')

/** Which report stays current when two would share a unit and year: one choice, or one per year. */
const keepValue = z.enum(['moved', 'existing'])
export const keepChoice = z.union([keepValue, z.record(z.string().regex(/^\d{4}$/, '年份无效'), keepValue)])

/** What PathTokens issues: 128 random bits, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/
export const fileToken = z.string().regex(TOKEN_PATTERN, '文件标识无效，请重新选择文件')

/** Same limit as the readers (main/services/readers MAX_DOCUMENT_BYTES): larger files are refused unread. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4
/** Image files of one scan dropped together (main/services/ocr MAX_OCR_PAGES). */
export const MAX_OCR_FILES = 40

/** Several image files of one scan: each a bare name and its bytes, 100 MB in all at most. */
export const imageFiles = z
  .array(z.strictObject({ name: z.string(), bytes: z.string() }))
  .min(2)
  .max(MAX_OCR_FILES, `一次最多导入 ${MAX_OCR_FILES} 张图片`)
  .refine((files) => files.reduce((n, f) => n + f.bytes.length, 0) <= 2 * MAX_BASE64_CHARS, '图片合计过大，超过上限 100 MB')

/** Same limit as readPastedText: a report is ~20,000 characters. */
export const MAX_PASTE_CHARS = 2_000_000

/** Bytes cross IPC as base64: a JSON copy works the same over Electron and the browser test bridge. */
export const base64Bytes = z
  .string()
  .max(MAX_BASE64_CHARS, '文件过大，超过上限 50 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码无效')
  .refine((s) => s.length % 4 === 0, '文件内容编码无效')

/** A dropped file's name: a bare name as the browser gives it, never a path. */
export const fileName = z
  .string()
  .trim()
  .min(1, '文件名不能为空')
  .max(255, '文件名过长')
  .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', '文件名不能包含路径')

export const exportOptions = z.strictObject({
  blankCells: z.enum(['zero', 'blank']),
  signature: z.boolean(),
  /** The other print options (core/export/print.ts); absent: the report's own, else 设置's. */
  level3Bold: z.boolean().optional(),
  dateStyle: z.enum(['arabic', 'chinese']).optional(),
  signatureAlign: z.enum(['gbt9704', 'right']).optional(),
  /** A draft (草稿 on every page, marks highlighted): the only export while marks remain. */
  draft: z.boolean().default(false),
  /** The official fonts, or the common substitutes every Windows PC has. */
  fonts: z.enum(['official', 'common']).default('official')
})

export const fontStatusSchema = z.object({
  font: z.string(),
  use: z.string(),
  installed: z.boolean(),
  substitute: z.string(),
  substituteInstalled: z.boolean()
})

// ——— outputs ———

export const libraryYearSchema = z.object({
  year: z.number().int(),
  updatedAt: z.string(),
  status: z.enum(['ok', 'damaged']),
  problem: z.string().optional(),
  lastGoodBackup: z.object({ id: z.string(), time: z.string() }).optional()
})

export const libraryUnitSchema = z.object({
  name: z.string(),
  level: z.enum(UNIT_LEVELS).optional(),
  years: z.array(libraryYearSchema)
})

export const backupSummarySchema = z.object({
  id: z.string(),
  time: z.string(),
  size: z.number(),
  damaged: z.boolean(),
  /** The change that replaced this version (none on backups older than reasons). */
  reason: z.enum(VERSION_REASONS).optional()
})

const moveKind = z.enum(['rename', 'merge', 'move'])

export const unitChangePreviewSchema = z.object({
  kind: moveKind,
  fromUnit: z.string(),
  toUnit: z.string(),
  moves: z.array(z.object({ fromYear: z.number().int(), toYear: z.number().int() })),
  collisions: z.array(
    z.object({
      year: z.number().int(),
      moving: z.object({ unit: z.string(), year: z.number().int(), updatedAt: z.string() }),
      existing: z.object({ unit: z.string(), year: z.number().int(), updatedAt: z.string() })
    })
  )
})

export const unitOperationSchema = z.object({
  id: z.string(),
  kind: moveKind,
  at: z.string(),
  fromUnit: z.string(),
  toUnit: z.string(),
  moves: z.array(z.object({ fromYear: z.number().int(), toYear: z.number().int(), outcome: z.enum(['moved', 'replaced', 'setAside']) }))
})

export const removedReportSchema = z.object({
  id: z.string(),
  unit: z.string(),
  year: z.number().int(),
  removedAt: z.string()
})

const figure = z.number().nullable()
export const trendPointSchema = z.object({
  year: z.number().int(),
  newRequests: figure,
  published: figure,
  reviews: figure,
  lawsuits: figure,
  normativeIssued: figure
})

const valueSourceSchema = z.object({
  block: z.number().int(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
  text: z.string().optional()
})

const importedValueSchema = z.object({
  cell: cellIdSchema,
  value: z.number(),
  method: z.enum(['read', 'derived', 'placed', 'suggested']),
  confidence: z.number(),
  source: valueSourceSchema,
  flags: z.array(z.enum(['mapped-2019', 'approximate', 'split', 'placed', 'review', 'ocr'])),
  note: z.string().optional()
})

const legacyFigureSchema = z.object({
  label: z.string(),
  unit: z.string().optional(),
  values: z.record(z.string(), z.string()),
  source: valueSourceSchema,
  parent: z.string().optional(),
  valueSources: z.record(z.string(), valueSourceSchema).optional(),
  derived: z.record(z.string(), z.string()).optional()
})

const parsedSectionSchema = z.object({
  heading: z.string(),
  section: sectionIdSchema.optional(),
  text: z.string(),
  blocks: z.tuple([z.number().int(), z.number().int()]).optional()
})

const unitCheckSchema = z.object({
  settled: z.boolean(),
  source: z.enum(['title', 'signature', 'self', 'frequent']).optional(),
  candidates: z.array(z.string()),
  evidence: z.array(z.string())
})

const noticeSchema = z.object({ group: z.enum(['file', 'text', 'layout', 'unit', 'tables']), text: z.string() })

const suggestionSchema = z.object({
  cells: z.array(cellIdSchema),
  values: z.array(z.number()),
  reason: z.string(),
  source: valueSourceSchema
})

const ocrReviewItemSchema = z.object({
  cell: cellIdSchema,
  value: z.number(),
  read: z.string(),
  page: z.number().int(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  score: z.number(),
  crop: z.string().startsWith('data:image/png;base64,').optional(),
  reasons: z.array(z.enum(['low-score', 'identity', 'unchecked', 'repaired'])),
  suggestion: z.number().optional()
})

/** Values read by OCR from a scan or photo, with their image crops, for the review. */
const ocrReviewSchema = z.object({
  pages: z.array(z.number().int()),
  items: z.array(ocrReviewItemSchema),
  flagged: z.number().int()
})

export const importPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  generation: z.enum(['2021', '2019', 'pre-2019']),
  report: reportDoc,
  unitCheck: unitCheckSchema,
  sections: z.array(parsedSectionSchema),
  values: z.array(importedValueSchema),
  legacy: z.array(legacyFigureSchema),
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
  notices: z.array(noticeSchema),
  suggestions: z.array(suggestionSchema),
  ocr: ocrReviewSchema.optional()
})

export const exportedFileSchema = z.object({ fileName: z.string(), token: z.string() })
