/**
 * The county's unit list for the roll-up: every unit expected to report (name, level, aliases), as
 * data and schema. Light on purpose (the renderer edits the list with it); reading and checking a
 * whole list is unitList.ts. Pure.
 */
import { z } from 'zod'
import { guessUnitLevel, type UnitLevel } from '../report/report'

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

export const MAX_UNIT_NAME = 60
const MAX_NAME = MAX_UNIT_NAME

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
