/**
 * A whole unit list: checked (no two units a report could not tell apart), read from the rows of a
 * .tsv / .xlsx the office keeps (`名称<TAB>层级[<TAB>别名…]`), and as the file kept in the library
 * folder (main/services/rollup/unitsStore.ts). Pure.
 */
import { unitKey } from './match'
import { MAX_UNIT_NAME, MAX_UNITS, parseRollupLevel, ROLLUP_LEVEL_LABELS, rollupUnitSchema, UNITS_KIND, UNITS_VERSION, unitsFileSchema, type RollupUnit } from './units'

const MAX_NAME = MAX_UNIT_NAME

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
