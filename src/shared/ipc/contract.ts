/**
 * The one IPC contract. Each route is declared here once — channel name, input schema, output
 * schema — and everything else is derived from it: the main-process registry (which validates
 * input), the preload bridge (one wrapper per route) and the renderer's `window.api` type.
 * Renaming or adding a route here is a compile error wherever a handler or caller is missing.
 *
 * Imported by main, preload and renderer alike: keep it free of Node and Electron.
 */
import { z } from 'zod'
import { UNIT_LEVELS } from '@core/report/report'
import { settingsSchema } from '@core/settings/schema'
import type { Finding } from '@core/rules/types'
import {
  backupId,
  backupSummarySchema,
  base64Bytes,
  cellIdSchema,
  exportedFileSchema,
  exportOptions,
  fileName,
  fileToken,
  fontStatusSchema,
  importPreviewSchema,
  keepChoice,
  imageFiles,
  libraryUnitSchema,
  MAX_PASTE_CHARS,
  operationId,
  removalId,
  removedReportSchema,
  reportDoc,
  reportYear,
  sectionIdSchema,
  trendPointSchema,
  unitChangePreviewSchema,
  unitName,
  unitOperationSchema,
  unitYear
} from './schemas'
import {
  droppedFilesSchema,
  rollupReportDetailSchema,
  rollupReportId,
  rollupSourceSchema,
  rollupStatusSchema,
  rollupViewSchema,
  unitListSchema
} from './rollup'

// Loose: a field the rules add later passes through instead of being silently stripped.
const findingSchema: z.ZodType<Finding> = z.looseObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'hint']),
  message: z.string(),
  cells: z.array(cellIdSchema).readonly(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cell'), cell: cellIdSchema }),
    z.object({
      kind: z.literal('section'),
      section: sectionIdSchema,
      start: z.number().int().optional(),
      end: z.number().int().optional()
    }),
    z.object({ kind: z.literal('document'), field: z.literal('date') })
  ])
})

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string()
})
export type AppInfo = z.infer<typeof appInfoSchema>

interface RouteDef<I extends z.ZodType, O extends z.ZodType> {
  input: I
  output: O
}

/** Only for inference: keeps each route's exact schema types. */
const route = <I extends z.ZodType, O extends z.ZodType>(def: RouteDef<I, O>): RouteDef<I, O> => def

export const contract = {
  /** Name, version and platform, for the title bar and 关于. */
  'app:getInfo': route({ input: z.undefined(), output: appInfoSchema }),
  /** A blank report for a unit and year (level guessed from the name). */
  'report:new': route({ input: unitYear, output: reportDoc }),
  /** Run every rule on a report, with last year's report for the cross-year checks when given. */
  'report:check': route({
    input: z.object({ report: reportDoc, previous: reportDoc.optional() }),
    output: z.array(findingSchema)
  }),

  // ——— the report library (reports are addressed by unit and year, never by file) ———
  /** Every unit and its years, damaged files included. */
  'library:list': route({ input: z.undefined(), output: z.array(libraryUnitSchema) }),
  'library:open': route({ input: unitYear, output: reportDoc }),
  /** Autosave and explicit saves: the replaced version is backed up. */
  'library:save': route({ input: z.strictObject({ report: reportDoc }), output: z.object({ updatedAt: z.string() }) }),
  /** A blank report, saved; refused when the unit already has that year. */
  'library:create': route({
    input: z.strictObject({ unit: unitName, year: reportYear, level: z.enum(UNIT_LEVELS).optional() }),
    output: reportDoc
  }),
  /** Next year's draft from (unit, year), saved as year + 1; refused when that year exists. */
  'library:nextYear': route({ input: unitYear, output: reportDoc }),
  'library:duplicate': route({ input: unitYear.extend({ toYear: reportYear }), output: reportDoc }),
  /** To the recycle folder; the id undoes it. */
  'library:remove': route({ input: unitYear, output: z.object({ removedId: z.string() }) }),
  'library:undoRemove': route({ input: z.strictObject({ removedId: removalId }), output: z.undefined() }),
  /** Earlier versions of a report, newest first, each with the change that replaced it. */
  'library:history': route({ input: unitYear, output: z.array(backupSummarySchema) }),
  /** Makes a version current again; the current one is kept as a version first. */
  'library:restore': route({ input: unitYear.extend({ backupId }), output: reportDoc }),
  /** What renaming a unit would do (rename or merge, and the years that collide), changing nothing. */
  'library:previewRename': route({ input: z.strictObject({ unit: unitName, newName: unitName }), output: unitChangePreviewSchema }),
  /** Renames (or merges) a unit, every year with its backups; collisions need `keep`. Undoable. */
  'library:renameUnit': route({
    input: z.strictObject({ unit: unitName, newName: unitName, keep: keepChoice.optional() }),
    output: unitOperationSchema
  }),
  'library:previewMove': route({
    input: unitYear.extend({ toUnit: unitName, toYear: reportYear.optional() }),
    output: unitChangePreviewSchema
  }),
  /** Moves one report to another unit and/or year, with its backups. Undoable. */
  'library:moveReport': route({
    input: unitYear.extend({ toUnit: unitName, toYear: reportYear.optional(), keep: keepChoice.optional() }),
    output: unitOperationSchema
  }),
  'library:undoOperation': route({ input: z.strictObject({ operationId }), output: unitOperationSchema }),
  /** The recycle folder, most recently removed first. */
  'library:listRemoved': route({ input: z.undefined(), output: z.array(removedReportSchema) }),
  /** 清空回收站: removed reports deleted for good. */
  'library:emptyRecycle': route({ input: z.undefined(), output: z.object({ purged: z.number().int() }) }),
  /** The main figures of every year of a unit, oldest first, for the year-over-year chart. */
  'library:trend': route({ input: z.strictObject({ unit: unitName }), output: z.array(trendPointSchema) }),

  // ——— import: what was recognised, for review; nothing is stored until `accept` ———
  /** Open dialog in main; null when cancelled. */
  'import:chooseFile': route({ input: z.undefined(), output: importPreviewSchema.nullable() }),
  /** A file dropped on the window: its bare name and its bytes (base64). */
  'import:importBytes': route({ input: z.strictObject({ name: fileName, bytes: base64Bytes }), output: importPreviewSchema }),
  /** Several image files dropped together: the pages of one scan, in name order. */
  'import:importImages': route({
    input: z.strictObject({ files: imageFiles.pipe(z.array(z.strictObject({ name: fileName, bytes: base64Bytes }))) }),
    output: importPreviewSchema
  }),
  'import:importText': route({
    input: z.strictObject({ text: z.string().min(1, '粘贴的内容是空的').max(MAX_PASTE_CHARS, '粘贴的内容过长，请只粘贴年报正文') }),
    output: importPreviewSchema
  }),
  /**
   * Stops the import in flight (its route answers REJECTED “已取消导入：…”); false when none was
   * running. Progress of an import arrives on IMPORT_PROGRESS_CHANNEL (importProgress.ts).
   */
  'import:cancel': route({ input: z.undefined(), output: z.boolean() }),
  /**
   * Stores the reviewed report. An existing unit and year is refused with a Chinese message unless
   * `replace` is set — the officer confirmed; the report it replaces is backed up first.
   */
  'import:accept': route({
    input: z.strictObject({ report: reportDoc, replace: z.boolean().optional() }),
    output: reportDoc
  }),

  // ——— 设置 (the settings file beside the library) ———
  /** The settings in effect, and why the file could not be used when it could not. */
  'settings:get': route({ input: z.undefined(), output: z.object({ settings: settingsSchema, problem: z.string().optional() }) }),
  'settings:save': route({ input: z.strictObject({ settings: settingsSchema }), output: settingsSchema }),
  /** Open dialog in main for a county's region profile; null when cancelled. An invalid file changes nothing. */
  'settings:importProfile': route({ input: z.undefined(), output: z.object({ settings: settingsSchema, fileName: z.string() }).nullable() }),
  /** Save dialog in main, then the region profile written atomically; null when cancelled. */
  'settings:exportProfile': route({ input: z.undefined(), output: z.object({ fileName: z.string() }).nullable() }),
  /** The region profile back to the national defaults (this computer's options stay). */
  'settings:resetProfile': route({ input: z.undefined(), output: settingsSchema }),

  // ——— export ———
  /** Save dialog in main, then the .docx written atomically; null when cancelled. */
  'export:docx': route({
    input: z.strictObject({ report: reportDoc, options: exportOptions }),
    output: exportedFileSchema.nullable()
  }),
  /**
   * The window's printed pages (the preview, laid out for print) as a PDF: save dialog in main,
   * then Chromium's printToPDF, written atomically; null when cancelled.
   */
  'export:pdf': route({
    input: z.strictObject({ unit: unitName, year: reportYear, draft: z.boolean().default(false) }),
    output: exportedFileSchema.nullable()
  }),
  /** Opens the folder of a file by the token a dialog route returned. */
  'export:showInFolder': route({ input: z.strictObject({ token: fileToken }), output: z.undefined() }),

  // ——— 汇总: the county's roll-up of its units' reports (one roll-up held in main at a time) ———
  /** The county's unit list (units.json in the library folder); a damaged file is said, with an empty list. */
  'rollup:units': route({ input: z.undefined(), output: z.object({ units: unitListSchema, problem: z.string().optional() }) }),
  /** Saves the whole list (checked: two units a report could not tell apart are refused); the roll-up held is matched again. */
  'rollup:saveUnits': route({ input: z.strictObject({ units: unitListSchema }), output: unitListSchema }),
  /** Open dialog in main for a .tsv/.xlsx unit list, which replaces the list; null when cancelled. */
  'rollup:importUnits': route({ input: z.undefined(), output: unitListSchema.nullable() }),
  /** Files dropped on the view, a batch at a time, kept in main until the roll-up starts; answers how many are kept. */
  'rollup:stage': route({ input: z.strictObject({ files: droppedFilesSchema }), output: z.number().int() }),
  /** Forgets the dropped files. */
  'rollup:unstage': route({ input: z.undefined(), output: z.undefined() }),
  /**
   * Reads every report of a folder or .zip (chosen in main's dialog) or the dropped files, and rolls
   * up `year`. Answers when done (null: the dialog was cancelled); `rollup:status` tells how far it
   * is, `rollup:cancel` stops it (this call then answers REJECTED “已取消汇总”).
   */
  'rollup:start': route({ input: z.strictObject({ source: rollupSourceSchema, year: reportYear }), output: rollupViewSchema.nullable() }),
  /** 已读取 done/total of the run under way. */
  'rollup:status': route({ input: z.undefined(), output: rollupStatusSchema }),
  'rollup:cancel': route({ input: z.undefined(), output: z.boolean() }),
  /** The roll-up held (of another year when `year` is given); null when there is none. */
  'rollup:view': route({ input: z.strictObject({ year: reportYear.optional() }), output: rollupViewSchema.nullable() }),
  /** A report matched by hand; `remember`: its name becomes an alias of the unit in the list. */
  'rollup:match': route({
    input: z.strictObject({ report: rollupReportId, unit: unitName, remember: z.boolean().default(false) }),
    output: rollupViewSchema
  }),
  /** Of a unit's two or more files, the one summed. */
  'rollup:choose': route({ input: z.strictObject({ unit: unitName, report: rollupReportId }), output: rollupViewSchema }),
  /** One report, read-only, with every finding on it. */
  'rollup:report': route({ input: z.strictObject({ report: rollupReportId }), output: rollupReportDetailSchema }),
  /** Save dialog in main, then the summary workbook (.xlsx) written atomically; null when cancelled. */
  'rollup:exportWorkbook': route({ input: z.undefined(), output: exportedFileSchema.nullable() }),

  // ——— fonts (in the app group: this computer's facts) ———
  /** Which of the official fonts (and their common substitutes) this computer has. */
  'app:checkFonts': route({ input: z.undefined(), output: z.array(fontStatusSchema) })
} as const

export type Contract = typeof contract
export type RouteName = keyof Contract

/** Every route, in declaration order: what main registers and what the preload exposes. */
export const ROUTE_NAMES = Object.keys(contract) as RouteName[]

/** What the renderer sends. */
export type RouteRequest<K extends RouteName> = z.input<Contract[K]['input']>
/** What the handler receives, after validation (defaults applied, strings trimmed). */
export type RouteInput<K extends RouteName> = z.output<Contract[K]['input']>
/** What the handler returns and the renderer receives. */
export type RouteOutput<K extends RouteName> = z.output<Contract[K]['output']>

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(contract, name)
}
