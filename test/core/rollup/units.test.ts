/** The county's unit list: read from the TSV an office keeps, checked, kept as a file. */
import { describe, expect, it } from 'vitest'
import { parseUnitsFile, parseUnitsTsv, serializeUnits, UnitListError, unitsToTsv } from '@core/rollup/unitList'
import { parseRollupLevel, reportLevelOf } from '@core/rollup/units'

describe('unit list from TSV', () => {
  it('reads name, level and aliases; skips a header and blank lines; aliases by tab or in one cell', () => {
    const units = parseUnitsTsv(
      '\uFEFF名称\t层级\t别名\n城关镇\t乡镇/街道\n\n河西街道\t街道\t河西街道办事处\t河西办\n县教育局\t县级部门\t县教育体育局、县教体局\n示例县人民政府\t其他\r\n'
    )
    expect(units).toEqual([
      { name: '城关镇', level: 'township', aliases: [] },
      { name: '河西街道', level: 'township', aliases: ['河西街道办事处', '河西办'] },
      { name: '县教育局', level: 'department', aliases: ['县教育体育局', '县教体局'] },
      { name: '示例县人民政府', level: 'other', aliases: [] }
    ])
  })

  it('accepts the ways offices write a level', () => {
    expect(parseRollupLevel('乡镇（街道）')).toBe('township')
    expect(parseRollupLevel('乡镇')).toBe('township')
    expect(parseRollupLevel(' 县直部门 ')).toBe('department')
    expect(parseRollupLevel('department')).toBe('department')
    expect(parseRollupLevel('其它')).toBe('other')
    expect(parseRollupLevel('村')).toBeUndefined()
  })

  it('names the line of every problem and refuses the whole list', () => {
    expect(() => parseUnitsTsv('城关镇\t村\n')).toThrow(new UnitListError('第 1 行：层级“村”无法识别，应为乡镇/街道、县级部门或其他'))
    expect(() => parseUnitsTsv('名称\t层级\n城关镇\n')).toThrow('第 2 行：缺少层级')
    expect(() => parseUnitsTsv('城关镇\t乡镇\n\t乡镇\n')).toThrow('第 2 行：缺少单位名称')
  })

  it('refuses two units a report could not tell apart', () => {
    expect(() => parseUnitsTsv('城关镇\t乡镇\n城关镇人民政府\t乡镇\n')).toThrow('第 2 行：“城关镇人民政府”与第 1 行“城关镇”是同一个名称，无法区分')
    expect(() => parseUnitsTsv('县教育局\t部门\t县教体局\n县体育局\t部门\t县教体局\n')).toThrow('第 2 行：“县教体局”与第 1 行“县教体局”是同一个名称')
  })

  it('round-trips through the library file and back to TSV', () => {
    const units = parseUnitsTsv('城关镇\t乡镇\n县教育局\t县级部门\t县教体局\n')
    expect(parseUnitsFile(serializeUnits(units), 'units.json')).toEqual(units)
    expect(parseUnitsTsv(unitsToTsv(units))).toEqual(units)
  })

  it('a damaged list file is named with its problem', () => {
    expect(() => parseUnitsFile('{', 'units.json')).toThrow('units.json：不是有效的 JSON 文件')
    expect(() => parseUnitsFile('{"kind":"nianbao-units","version":1,"units":[{"name":"城关镇","level":"village"}]}', 'units.json')).toThrow(
      'units.json：第 1 个单位层级应为'
    )
  })

  it('a department is judged as a county body, a township as a township, 其他 by its name', () => {
    expect(reportLevelOf({ name: '县教育局', level: 'department' })).toBe('county')
    expect(reportLevelOf({ name: '城关镇', level: 'township' })).toBe('township')
    expect(reportLevelOf({ name: '示例市人民政府', level: 'other' })).toBe('city')
  })
})
