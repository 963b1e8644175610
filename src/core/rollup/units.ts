/**
 * The county's unit list for the roll-up: every unit expected to report (name, level, aliases).
 * Kept in the library folder (main/services/rollup/unitsStore.ts) and edited in the app, or read from
 * a .tsv / .xlsx the office already keeps: one unit a line, `名称<TAB>层级[<TAB>别名…]`.
 * Pure: the file formats around it are read by main/services.
 */
import { z } from 'zod'
import { guessUnitLevel, type UnitLevel } from '../report/report'
import { unitKey } from './match'

/** The three levels a county's reporting units fall into. */
export const ROLLUP_LEVELS = ['township', 'department', 'other'] as const
export type RollupLevel = (typeof ROLLUP_LEVELS)[number]

export const ROLLUP_LEVEL_LABELS: Record<RollupLevel, string> = {
  township: '乡镇/街道',
  department: '县级部门',
  other: '其他'
}

/**
 * How offices write the level in their own lists, by level. Compared without spaces and brackets,
 * so 乡镇（街道） and 乡镇/街道 are the same word.
 */
const LEVEL_WORDS: Readonly<Record<RollupLevel, readonly string[]>> = {
  township: ['乡镇/街道', '乡镇街道', '乡镇、街道', '乡镇', '街道', '乡', '镇', '苏木', '乡镇级'],
  department: ['县级部门', '部门', '县直部门', '县直单位', '区级部门', '区直部门', '区直单位', '市级部门', '市直部门', '市直单位', '县级'],
  other: ['其他', '其它']
}

const levelWordKey = (word: string) => word.replace(/[\s\u3000（）()【】[\]/、,，·.]/g, '')

const LEVEL_BY_WORD: ReadonlyMap<string, RollupLevel> = new Map(
  ROLLUP_LEVELS.flatMap((level) => [level, ...LEVEL_WORDS[level], ROLLUP_LEVEL_LABELS[level]].map((w) => [levelWordKey(w), level] as const))
)

/** The level a cell of a unit list names, or undefined when it names none. */
export function parseRollupLevel(text: string): RollupLevel | undefined {
  return LEVEL_BY_WORD.get(levelWordKey(text.trim()))
}

/**
 * The level a report's own unit level stands for in the checks: a 县级部门 is judged as a county
 * body (P6: no 规章), a township as a township; 其他 (the county government itself, a development
 * zone) by its name, as the editor does.
 */
export function reportLevelOf(unit: Pick<RollupUnit, 'name' | 'level'>): UnitLevel {
  if (unit.level === 'township') return 'township'
  if (unit.level === 'department') return 'county'
  return guessUnitLevel(unit.name)
}

/** A level guessed from a name, for reports rolled up without a unit list. */
export function guessRollupLevel(name: string): RollupLevel {
  if (guessUnitLevel(name) === 'township') return 'township'
  // The government itself (某某县人民政府) is neither a township nor one of its departments.
  if (/(县|区|市|旗)人民政府$/.test(name.trim())) return 'other'
  return 'department'
}

const MAX_NAME = 60

export const rollupUnitSchema = z.strictObject({
  name: z.string('应为文字').trim().min(1, '名称不能为空').max(MAX_NAME, `名称不能超过 ${MAX_NAME} 个字`),
  level: z.enum(ROLLUP_LEVELS, '层级应为 township（乡镇/街道）、department（县级部门）或 other（其他）'),
  aliases: z.array(z.string().trim().min(1).max(MAX_NAME, `别名不能超过 ${MAX_NAME} 个字`), '别名应为列表').max(20, '别名最多 20 个').default([])
})

export type RollupUnit = z.infer<typeof rollupUnitSchema>

/** A county has up to a few hundred units; this bounds a mistaken file. */
export const MAX_UNITS = 2000

export const UNITS_KIND = 'nianbao-units'
export const UNITS_VERSION = 1

export const unitsFileSchema = z.strictObject({
  kind: z.literal(UNITS_KIND),
  version: z.literal(UNITS_VERSION),
  units: z.array(rollupUnitSchema).max(MAX_UNITS, `单位最多 ${MAX_UNITS} 个`)
})

/** A unit list that cannot be used; the message names the line or unit. */
export class UnitListError extends Error {
  override name = 'UnitListError'
}

/**
 * Refuses a list in which two units (or an alias and a unit) would be the same name once
 * normalised: a report could not tell them apart.
 */
export function checkUnitList(units: readonly RollupUnit[], where: (index: number) => string = (i) => `第 ${i + 1} 个单位`): RollupUnit[] {
  if (units.length > MAX_UNITS) throw new UnitListError(`单位最多 ${MAX_UNITS} 个`)
  const seen = new Map<string, { index: number; name: string }>()
  return units.map((unit, index) => {
    const names = [unit.name, ...unit.aliases]
    for (const name of names) {
      const key = unitKey(name)
      if (!key) throw new UnitListError(`${where(index)}：名称“${name}”没有可用的文字`)
      const earlier = seen.get(key)
      if (earlier && earlier.index !== index) {
        throw new UnitListError(`${where(index)}：“${name}”与${where(earlier.index)}“${earlier.name}”是同一个名称，无法区分`)
      }
      seen.set(key, { index, name })
    }
    return { name: unit.name.trim(), level: unit.level, aliases: [...new Set(unit.aliases.map((a) => a.trim()))].filter((a) => a !== unit.name.trim()) }
  })
}

/** Words a header line starts with: it is skipped. */
const HEADER_WORDS = new Set(['名称', '单位', '单位名称', 'name'])

/** Aliases written in one cell: 、，；; separate them. */
const ALIAS_SEPARATORS = /[、，,；;]/

/**
 * A unit list from rows of cells (a TSV file's lines, or a worksheet's rows): name, level, then
 * aliases. Blank rows and a header row are skipped; every problem names its row (`rowName`).
 */
export function unitsFromRows(rows: readonly (readonly string[])[], rowName: (index: number) => string = (i) => `第 ${i + 1} 行`): RollupUnit[] {
  const units: RollupUnit[] = []
  const lines: number[] = []
  rows.forEach((raw, index) => {
    const cells = raw.map((c) => c.replace(/^\uFEFF/, '').trim())
    if (cells.every((c) => c === '')) return
    const [name = '', levelText = '', ...rest] = cells
    if (units.length === 0 && HEADER_WORDS.has(name.toLowerCase())) return
    if (name === '') throw new UnitListError(`${rowName(index)}：缺少单位名称`)
    if (name.length > MAX_NAME) throw new UnitListError(`${rowName(index)}：名称不能超过 ${MAX_NAME} 个字`)
    if (levelText === '') throw new UnitListError(`${rowName(index)}：缺少层级（乡镇/街道、县级部门或其他）`)
    const level = parseRollupLevel(levelText)
    if (!level) throw new UnitListError(`${rowName(index)}：层级“${levelText}”无法识别，应为乡镇/街道、县级部门或其他`)
    const aliases = rest.flatMap((c) => c.split(ALIAS_SEPARATORS)).map((a) => a.trim()).filter((a) => a !== '')
    if (aliases.some((a) => a.length > MAX_NAME)) throw new UnitListError(`${rowName(index)}：别名不能超过 ${MAX_NAME} 个字`)
    units.push({ name, level, aliases })
    lines.push(index)
  })
  return checkUnitList(units, (i) => rowName(lines[i] ?? i))
}

/** A .tsv (or tab-separated text copied from Excel) as a unit list. */
export function parseUnitsTsv(text: string): RollupUnit[] {
  return unitsFromRows(text.split(/\r?\n/).map((line) => line.split('\t')))
}

/** The list as TSV, as an office would keep it: a header, then `名称<TAB>层级<TAB>别名…`. */
export function unitsToTsv(units: readonly RollupUnit[]): string {
  const lines = [['名称', '层级', '别名'], ...units.map((u) => [u.name, ROLLUP_LEVEL_LABELS[u.level], ...u.aliases])]
  return lines.map((cells) => `${cells.join('\t')}\n`).join('')
}

/** The list file kept in the library folder. */
export function parseUnitsFile(text: string, source: string): RollupUnit[] {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new UnitListError(`${source}：不是有效的 JSON 文件`)
  }
  const parsed = unitsFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const index = issue?.path[0] === 'units' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined
    throw new UnitListError(`${source}：${index === undefined ? '' : `第 ${index + 1} 个单位`}${issue?.message ?? '格式不符'}`)
  }
  try {
    return checkUnitList(parsed.data.units)
  } catch (error) {
    throw new UnitListError(`${source}：${(error as Error).message}`)
  }
}

export function serializeUnits(units: readonly RollupUnit[]): string {
  const checked = checkUnitList(units.map((u) => rollupUnitSchema.parse(u)))
  return `${JSON.stringify({ kind: UNITS_KIND, version: UNITS_VERSION, units: checked }, null, 2)}\n`
}
