/**
 * The 设置: national defaults and the local options a region adds, as one zod schema. Two files
 * use it: the app's settings file (the region profile plus this computer's own options) and the
 * small region profile a county exports and every township imports. Pure: no fs, no Electron.
 *
 * Every object is strict: a misspelt key in a hand-edited or forwarded file is named, not ignored.
 * Every field but the profile's name has the national default, so a county may hand out a file
 * holding only what it changes. Messages are predicates (“应在 200–20000 之间”); parse.ts puts the
 * field's Chinese name before them.
 */
import { z } from 'zod'
import { isCellId, type CellId } from '../report/cells'
import { FIGURE_PLACEHOLDER } from './figures'

export const SETTINGS_KIND = 'nianbao-settings'
export const PROFILE_KIND = 'nianbao-region-profile'
export const SETTINGS_VERSION = 1

const text = (max: number) => z.string('应为文字').trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`)
const flag = (value: boolean) => z.boolean('应为 true 或 false').default(value)

const isoDate = z
  .string('应为文字')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应写作 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), '不是有效日期')

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const deadlineSchema = z
  .strictObject({
    month: z.number('应为数字').int('应为整数').min(1, '应在 1–12 之间').max(12, '应在 1–12 之间'),
    day: z.number('应为数字').int('应为整数').min(1, '应在 1–31 之间').max(31, '应在 1–31 之间')
  })
  .refine((d) => d.day <= (DAYS_IN_MONTH[d.month - 1] ?? 31), { message: '这个月没有这一天', path: ['day'] })

/** A phrase with one `{n}` where the number stands, and `…` for a few words in between. */
const figurePattern = z
  .string('应为文字')
  .trim()
  .min(2, '太短')
  .max(60, '不能超过 60 个字')
  .refine((p) => p.split(FIGURE_PLACEHOLDER).length === 2, `应有且只有一个 ${FIGURE_PLACEHOLDER}，表示数字所在的位置`)

const cellSchema = z
  .string('应为文字')
  .refine((id) => isCellId(id), { error: (issue) => `不是已知的表格单元格（${String(issue.input)}）` }) as unknown as z.ZodType<CellId>

export const overviewFigureSchema = z.strictObject({
  /** What the figure is, as the officer reads it: “本年制发行政规范性文件件数”. */
  label: text(40),
  /** The table cell the figure must agree with, when it is one (表二 制发件数…); narrative-only figures have none. */
  cell: cellSchema.optional(),
  /** How the sentence stating it is worded: “制发…规范性文件{n}件”. Any one of them is enough. */
  patterns: z.array(figurePattern, '应为列表').min(1, '至少要有一条').max(10, '不能超过 10 条')
})

export const requiredItemSchema = z.strictObject({
  /** The item, as a message names it: “政务公开工作要点落实情况”. */
  label: text(40),
  /** Words any one of which shows the item is covered: “工作要点”. */
  patterns: z.array(text(40), '应为列表').min(1, '至少要有一个').max(10, '不能超过 10 个')
})

/** What a county hands out: the rules and layout its townships follow. */
export const regionProfileShape = {
  /** The profile's name, shown in 设置: “国家默认”, “某某市 2025 年要求”. */
  name: text(60),
  /** Who issued it (the county office), and when. */
  issuer: z.string('应为文字').trim().max(60, '不能超过 60 个字').optional(),
  issuedOn: isoDate.optional(),
  /** 报送截止日期: by this day of the year after the report's year (national: 1 月 31 日). */
  deadline: deadlineSchema.default({ month: 1, day: 31 }),
  /** 总体情况 字数上限 (national: 1000, “原则上不超过一千字”). */
  overviewCharLimit: z.number('应为数字').int('应为整数').min(200, '应在 200–20000 之间').max(20000, '应在 200–20000 之间').default(1000),
  /** Share of text repeated from last year's report above which the copy check warns (0.5 = 50%). */
  copyRatioThreshold: z.number('应为数字').min(0.1, '应在 0.1–1 之间（即 10%–100%）').max(1, '应在 0.1–1 之间（即 10%–100%）').default(0.5),
  /** Blank table cells in the exported document: printed as 0, or left blank. */
  blankCells: z.enum(['zero', 'blank'], '应为 zero（填 0）或 blank（留空）').default('zero'),
  headings: z
    .strictObject({
      /** 三级标题 “1.” in bold (some provinces ask for it; GB/T 9704 does not). */
      level3Bold: flag(false)
    })
    .default({ level3Bold: false }),
  /** 落款: whether to add it, how to write the date, and where to place it. */
  signature: z
    .strictObject({
      include: flag(true),
      /** 2026年1月20日 (GB/T 9704-2012) or 二〇二六年一月二十日. */
      dateStyle: z.enum(['arabic', 'chinese'], '应为 arabic（阿拉伯数字）或 chinese（汉字）').default('arabic'),
      /** GB/T 9704 7.3.5.1 (right-indented two characters, the date two further) or flush right. */
      align: z.enum(['gbt9704', 'right'], '应为 gbt9704（按国家标准）或 right（右对齐）').default('gbt9704')
    })
    .default({ include: true, dateStyle: 'arabic', align: 'gbt9704' }),
  /** Figures 总体情况 must state (a local notice), each checked against its table cell when it has one. */
  overviewFigures: z.array(overviewFigureSchema, '应为列表').max(30, '最多 30 项').default([]),
  /** Items 第六部分 must cover besides 信息处理费 (which the national template already requires). */
  section6Items: z.array(requiredItemSchema, '应为列表').max(30, '最多 30 项').default([])
}

export const regionProfileSchema = z.strictObject(regionProfileShape)

/**
 * The county office's roll-up (汇总): where its own report should equal the sum of its units'. Off
 * (no cells) unless the county's instructions say so; which cells is the county's choice.
 */
export const rollupOptionsSchema = z.strictObject({
  /** Cells on which the county's own report (本级) should equal the sum of the other units. */
  compareCells: z.array(cellSchema, '应为列表').max(200, '最多 200 个').default([]),
  /** The county's own unit as the unit list names it; absent: the list's one 某某县人民政府 of level 其他. */
  ownUnit: z.string('应为文字').trim().max(60, '不能超过 60 个字').optional()
})

/** This computer's own options: not part of what a county hands out. */
export const localOptionsSchema = z.strictObject({
  /** Removed reports are deleted for good this many days after removal, when the app starts. */
  recycleRetentionDays: z.number('应为数字').int('应为整数').min(1, '应在 1–3650 之间').max(3650, '应在 1–3650 之间').default(90),
  /** The roll-up's options; absent: no comparison of the county's own report with its units. */
  rollup: rollupOptionsSchema.optional()
})

export const settingsSchema = z.strictObject({
  kind: z.literal(SETTINGS_KIND),
  version: z.literal(SETTINGS_VERSION),
  region: regionProfileSchema,
  local: localOptionsSchema.default({ recycleRetentionDays: 90 })
})

/** The file a county exports: the profile itself, with its kind and version first. */
export const profileFileSchema = z.strictObject({
  kind: z.literal(PROFILE_KIND),
  version: z.literal(SETTINGS_VERSION),
  ...regionProfileShape
})

export type RegionProfile = z.infer<typeof regionProfileSchema>
export type LocalOptions = z.infer<typeof localOptionsSchema>
export type RollupOptions = z.infer<typeof rollupOptionsSchema>
export type Settings = z.infer<typeof settingsSchema>
export type OverviewFigure = z.infer<typeof overviewFigureSchema>
export type RequiredItem = z.infer<typeof requiredItemSchema>
