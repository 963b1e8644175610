/**
 * The Report document: one versioned JSON shape, used on disk, over IPC, by the CLI and the editor.
 * A table value that is absent from `values` is blank — distinct from 0.
 */
import { z } from 'zod'
import { describeCell, isCellId, type CellId } from './cells'
import { SECTION_IDS, type SectionId } from './sections'

// The whole app speaks Chinese, validation messages included.
z.config(z.locales.zhCN())

export const SCHEMA_VERSION = 1

export const UNIT_LEVELS = ['province', 'city', 'county', 'township'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）'
}

/** `2026-01-20` and a day the calendar has (Date.parse takes 2026-02-30 for 2 March). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD')
  // Lenient as saved reports always were (an imported 2月30日 still opens); `set` and the editor
  // accept calendar days only, and the DATE rule flags one that is not.
  .refine((s) => !Number.isNaN(Date.parse(s)), '不是有效日期')

/**
 * The format generations a report can follow: the 2021 format (reports for 2021 on), the 2019
 * trial format (2019 and 2020) and the pre-2019 styles (no national template).
 */
export const GENERATIONS = ['2021', '2019', 'pre-2019'] as const
export type FormatGeneration = (typeof GENERATIONS)[number]

const cellIdSchema = z.string().refine(isCellId, '未知单元格') as unknown as z.ZodType<CellId, CellId>

const sectionsShape = Object.fromEntries(SECTION_IDS.map((id) => [id, z.string()])) as Record<
  SectionId,
  z.ZodString
>

/** How an officer may mark a finding: 已核实 (checked: the figures are right as they are) or 忽略. */
export const REVIEW_STATUSES = ['checked', 'dismissed'] as const
export type ReviewMark = (typeof REVIEW_STATUSES)[number]

export const REVIEW_STATUS_LABELS: Record<ReviewMark, string> = { checked: '已核实', dismissed: '已忽略' }

/** A short reason: one sentence. */
export const REVIEW_REASON_MAX = 200
/** Keys quote a few words of the text they are about; far shorter than this. */
const REVIEW_KEY_MAX = 300

export const reviewEntrySchema = z.object({
  status: z.enum(REVIEW_STATUSES),
  reason: z.string().max(REVIEW_REASON_MAX, `理由不能超过 ${REVIEW_REASON_MAX} 个字`),
  /** When it was marked (ISO 8601); absent for hints dismissed before reviews were recorded. */
  at: z.string().optional(),
  /** What the finding was about when marked (rules/review.ts); absent: holds while the finding does. */
  fingerprint: z.string().optional()
})
export type ReviewEntry = z.output<typeof reviewEntrySchema>

export const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  unit: z.object({
    name: z.string().trim().min(1, '单位名称不能为空'),
    level: z.enum(UNIT_LEVELS)
  }),
  year: z.number().int('年份应为整数').min(2008, '年份应在 2008–2100 之间').max(2100, '年份应在 2008–2100 之间'),
  document: z
    .object({
      /** 文号, e.g. 某政办〔2026〕3号; kept with the report, not printed (a 年度报告 has no 版头). */
      number: z.string().optional(),
      /** 成文日期, printed in the 落款. Set by the officer; empty until then. */
      publishedOn: isoDate.optional()
    })
    .default({}),
  sections: z.object(sectionsShape),
  values: z
    .record(z.string(), z.number().refine(Number.isFinite, '数值无效'))
    .superRefine((values, ctx) => {
      for (const key of Object.keys(values)) {
        if (!isCellId(key)) ctx.addIssue({ code: 'custom', message: `未知单元格 ${key}`, path: [key] })
      }
    }),
  settings: z
    .object({
      /** How blank cells are printed: as 0 (the usual practice) or left empty. */
      blankCells: z.enum(['zero', 'blank']).default('zero'),
      /** Append the unit name and date (落款) after the body. */
      signature: z.boolean().default(true),
      // The other print options (core/export/print.ts), as 设置 gave them when the report was
      // created or the officer last chose them in the export dialog. Absent in reports saved before
      // they existed: 设置 decides.
      /** 三级标题 “1.” in bold. */
      level3Bold: z.boolean().optional(),
      /** The 落款 date in Arabic numerals (2026年1月20日) or Chinese ones (二〇二六年一月二十日). */
      dateStyle: z.enum(['arabic', 'chinese']).optional(),
      /** The 落款 placed as GB/T 9704 7.3.5.1 says, or flush right. */
      signatureAlign: z.enum(['gbt9704', 'right']).optional()
    })
    .default({ blankCells: 'zero', signature: true }),
  /**
   * Last year's figures this year's are computed from, kept when the draft was carried over from last
   * year's report (see nextYear.ts): 现行有效件数 = baseline + 制发 − 废止. Optional and additive, so
   * reports saved before it existed read unchanged.
   */
  baseline: z
    .object({
      /** The year the baseline figures are of (the report year − 1 when carried over). */
      year: z.number().int().optional(),
      /** 表二 第二十条第（一）项 现行有效件数 of last year, by row. */
      inForce: z
        .object({
          rules: z.number().refine(Number.isFinite, '数值无效').optional(),
          normative: z.number().refine(Number.isFinite, '数值无效').optional()
        })
        .optional()
    })
    .optional(),
  provenance: z
    .object({
      source: z.string().optional(),
      createdAt: z.string().optional()
    })
    .optional(),
  /**
   * What the import saw in the source document, for the checks: which format generation it
   * follows (rules the 2021 format introduced do not judge an older report), how its title,
   * headings and table labels were printed (the format-fidelity hints), and which cells it could
   * not read or read with doubt (a finding those cells cause is an import fault, not the officer's
   * arithmetic). Set by the import only; a report written in the app has none. Optional and
   * additive: reports saved before it existed read unchanged.
   */
  imported: z
    .object({
      generation: z.enum(GENERATIONS).optional(),
      /** The title as printed. */
      title: z.string().optional(),
      /** Section headings as printed, by the section they were read into. */
      headings: z.partialRecord(z.enum(SECTION_IDS as [SectionId, ...SectionId[]]), z.string()).optional(),
      /** Table labels printed otherwise than the national text (e.g. 规范性文件 for 行政规范性文件). */
      labels: z.array(z.object({ printed: z.string(), official: z.string() })).optional(),
      /** Cells the import could not find (row or table not recognised): blank because of the import. */
      unread: z.array(cellIdSchema).optional(),
      /** Cells read with doubt (split from run-together digits, renamed rows…), with the value read. */
      flagged: z
        .array(z.object({ cell: cellIdSchema, value: z.number().refine(Number.isFinite, '数值无效'), note: z.string().optional() }))
        .optional()
    })
    .optional(),
  /**
   * Findings the officer reviewed, by their stable key (Finding.key, rules/review.ts): marked 已核实
   * (checked) or 忽略 (dismissed), why, when, and a fingerprint of what the finding was about (the
   * values of its cells, the text it quoted). A review holds while the finding's figures are the same;
   * when they change, the finding is open again. Optional and additive: reports saved before it
   * existed read unchanged, and their `dismissed` list of hint keys is read into it (toReport).
   */
  review: z.record(z.string().min(1).max(REVIEW_KEY_MAX), reviewEntrySchema).optional()
})

export type ReportJson = z.input<typeof reportSchema>
export type Report = Omit<z.output<typeof reportSchema>, 'values'> & {
  values: Partial<Record<CellId, number>>
}

/**
 * Levels by the administrative word in the name, most local first. 城乡/乡村 (as in 住房和城乡建设局,
 * 乡村振兴局) and 自治区 are not townships or districts.
 */
const LEVEL_PATTERNS: readonly [UnitLevel, RegExp][] = [
  ['township', /(?<!城)乡(?!村)|镇|街道|苏木/],
  ['county', /县|旗|(?<!自治)区/],
  ['city', /市|州|盟/],
  ['province', /省|自治区/]
]

/** The unit's level guessed from its name; the officer can change it. */
export function guessUnitLevel(name: string): UnitLevel {
  return LEVEL_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'county'
}

export function emptySections(): Record<SectionId, string> {
  return Object.fromEntries(SECTION_IDS.map((id) => [id, ''])) as Record<SectionId, string>
}

export function createReport(input: { unit: string; year: number; level?: UnitLevel }): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    unit: { name: input.unit.trim(), level: input.level ?? guessUnitLevel(input.unit) },
    year: input.year,
    document: {},
    sections: emptySections(),
    values: {},
    settings: { blankCells: 'zero', signature: true },
    provenance: { createdAt: new Date().toISOString() }
  }
}

/** A problem with a report file or value, worded for the officer. */
export class ReportError extends Error {
  override name = 'ReportError'
}

/** Upgrades a document from the version it is keyed by to a later one. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>
export type Migrations = Readonly<Record<number, Migration>>

/**
 * Migrations from older schema versions, keyed by the version they upgrade from.
 * Reports are migrated on read and never rejected for being old.
 */
const MIGRATIONS: Migrations = {}

function migrate(doc: Record<string, unknown>, extra: Migrations): Record<string, unknown> {
  const steps: Migrations = { ...MIGRATIONS, ...extra }
  let current = doc
  const declared = current.schemaVersion
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw new ReportError('不是年报文件：缺少有效的 schemaVersion')
  }
  let version = declared
  if (version > SCHEMA_VERSION) {
    throw new ReportError(`该文件由更新版本的程序保存（格式版本 ${version}），请升级本程序后再打开`)
  }
  while (version < SCHEMA_VERSION) {
    const step = steps[version]
    if (!step) throw new ReportError(`无法识别的格式版本 ${version}`)
    current = step(current)
    const next = current.schemaVersion
    if (typeof next !== 'number' || next <= version) throw new ReportError(`格式版本 ${version} 的升级步骤有误`)
    version = next
  }
  return current
}

/**
 * Reports saved before reviews were recorded kept the hints the officer dismissed as a list of keys
 * (`dismissed`). They are read as reviews: dismissed, no reason or time, no fingerprint (each holds
 * while its hint stands, as before). A key reviewed since is left as reviewed.
 */
function liftDismissed(doc: Record<string, unknown>): Record<string, unknown> {
  if (!('dismissed' in doc)) return doc
  const { dismissed, ...rest } = doc
  if (!Array.isArray(dismissed)) return rest
  const review: Record<string, unknown> = { ...(isRecord(rest.review) ? rest.review : {}) }
  for (const key of dismissed) {
    if (typeof key === 'string' && key && !(key in review)) review[key] = { status: 'dismissed', reason: '' }
  }
  return Object.keys(review).length ? { ...rest, review } : rest
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, second] = issue.path
  const cell = first === 'values' && typeof second === 'string' && isCellId(second) ? describeCell(second) : undefined
  const where = cell ? `（单元格：${cell}）` : issue.path.length ? `（位置：${issue.path.join('.')}）` : ''
  return `${issue.message}${where}`
}

/**
 * Validate (and migrate) a parsed JSON value into a Report. Throws ReportError in Chinese.
 * `migrations` adds steps to the built-in ones (tests, and a library reading future versions).
 */
export function toReport(value: unknown, options: { migrations?: Migrations } = {}): Report {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReportError('不是年报文件：内容不是 JSON 对象')
  }
  const result = reportSchema.safeParse(liftDismissed(migrate(value as Record<string, unknown>, options.migrations ?? {})))
  if (!result.success) {
    const first = result.error.issues[0]
    throw new ReportError(`年报文件内容有误：${first ? describeIssue(first) : '格式不符'}`)
  }
  return result.data as Report
}

export function parseReport(text: string): Report {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new ReportError('不是有效的 JSON 文件，可能已损坏')
  }
  return toReport(value)
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

export function getValue(report: Report, id: CellId): number | undefined {
  return report.values[id]
}

export function setValue(report: Report, id: CellId, value: number | undefined): Report {
  const values = { ...report.values }
  if (value === undefined) delete values[id]
  else values[id] = value
  return { ...report, values }
}
