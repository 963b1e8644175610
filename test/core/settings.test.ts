/**
 * 设置 in core: the national defaults, partial profiles filled in, every field checked with a
 * Chinese sentence naming it, and the figure patterns a county writes for 总体情况.
 */
import { describe, expect, it } from 'vitest'
import {
  compileFigurePattern,
  defaultSettings,
  describeField,
  exportSettings,
  findFigure,
  mentionsAny,
  NATIONAL_PROFILE,
  parseProfileText,
  parseSettingsText,
  PROFILE_KIND,
  ruleSettings,
  serializeProfile,
  serializeSettings,
  SettingsError,
  validateProfile
} from '@core/settings'

const profile = (fields: Record<string, unknown>) => JSON.stringify({ kind: PROFILE_KIND, version: 1, name: '某县', ...fields })
const refusal = (text: string) => {
  try {
    parseProfileText(text, '县.json')
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError)
    return (error as Error).message
  }
  throw new Error('accepted')
}

describe('defaults', () => {
  it('are the national format: 1 月 31 日, 1000 字, 50%, blanks as 0, GB/T 9704 落款', () => {
    expect(NATIONAL_PROFILE).toEqual({
      name: '国家默认',
      deadline: { month: 1, day: 31 },
      overviewCharLimit: 1000,
      copyRatioThreshold: 0.5,
      blankCells: 'zero',
      headings: { level3Bold: false },
      signature: { include: true, dateStyle: 'arabic', align: 'gbt9704' },
      overviewFigures: [],
      section6Items: []
    })
    expect(defaultSettings().local).toEqual({ recycleRetentionDays: 90 })
  })

  it('fill whatever a county leaves out, nested fields included', () => {
    const read = parseProfileText(profile({ overviewCharLimit: 1500, signature: { dateStyle: 'chinese' } }), '县.json')
    expect(read).toEqual({ ...NATIONAL_PROFILE, name: '某县', overviewCharLimit: 1500, signature: { include: true, dateStyle: 'chinese', align: 'gbt9704' } })
  })

  it('round-trip through both files', () => {
    const settings = defaultSettings()
    expect(parseSettingsText(serializeSettings(settings), 's')).toEqual(settings)
    expect(parseProfileText(serializeProfile(NATIONAL_PROFILE), 'p')).toEqual(NATIONAL_PROFILE)
    // A whole settings file imports as a profile; its local options stay behind.
    expect(parseProfileText(serializeSettings({ ...settings, local: { recycleRetentionDays: 1 } }), 's')).toEqual(NATIONAL_PROFILE)
  })
})

describe('an invalid file gets one Chinese sentence naming the file and the field', () => {
  it.each([
    ['{', '县.json：不是有效的 JSON 文件'],
    ['[]', '县.json：不是年报助手的设置文件'],
    [JSON.stringify({ name: 'x' }), '县.json：不是年报助手的设置文件（应有 "kind": "nianbao-region-profile"）'],
    [profile({ version: 2 }), '县.json：由更新版本的程序导出（格式版本 2），请先升级本程序'],
    [JSON.stringify({ kind: PROFILE_KIND, version: 1 }), '县.json：缺少「配置名称」'],
    [profile({ name: '  ' }), '县.json：「配置名称」不能为空'],
    [profile({ deadline: { month: 2, day: 30 } }), '县.json：「报送截止日期」的「日」这个月没有这一天'],
    [profile({ deadline: { month: 0, day: 1 } }), '县.json：「报送截止日期」的「月份」应在 1–12 之间'],
    [profile({ overviewCharLimit: '一千' }), '县.json：「总体情况字数上限」应为数字'],
    [profile({ copyRatioThreshold: 50 }), '县.json：「与上年雷同比例上限」应在 0.1–1 之间（即 10%–100%）'],
    [profile({ blankCells: 'dash' }), '县.json：「空白单元格导出方式」应为 zero（填 0）或 blank（留空）'],
    [profile({ headings: { level3bold: true } }), '县.json：「标题样式」中有不认识的设置项「level3bold」（可能拼写有误）'],
    [profile({ signature: { align: 'center' } }), '县.json：「落款」的「位置」应为 gbt9704（按国家标准）或 right（右对齐）'],
    [profile({ overviewFigures: {} }), '县.json：「总体情况必须写明的数字」应为列表'],
    [profile({ overviewFigures: [{ label: '解读', patterns: ['解读{n}篇', '{n}{n}'] }] }), '县.json：「总体情况必须写明的数字」第 1 项的「查找用语」第 2 条应有且只有一个 {n}，表示数字所在的位置'],
    [profile({ overviewFigures: [{ label: '制发', cell: 't2.normative.made', patterns: ['制发{n}件'] }] }), '县.json：「总体情况必须写明的数字」第 1 项的「对应的表格单元格」不是已知的表格单元格（t2.normative.made）'],
    [profile({ section6Items: [{ label: '要点' }] }), '县.json：缺少「第六部分必须说明的事项」第 1 项的「关键词」'],
    [profile({ colour: 'red' }), '县.json：有不认识的设置项「colour」（可能拼写有误）']
  ])('%s', (text, message) => {
    expect(refusal(text)).toBe(message)
  })

  it('names fields of the app’s file as in a profile', () => {
    expect(describeField(['region', 'overviewFigures', 0, 'patterns', 1])).toBe('「总体情况必须写明的数字」第 1 项的「查找用语」第 2 条')
    expect(describeField(['local', 'recycleRetentionDays'])).toBe('「本机选项」的「回收站保留天数」')
    expect(() => validateProfile({ ...NATIONAL_PROFILE, overviewCharLimit: 199 })).toThrow('设置：「总体情况字数上限」应在 200–20000 之间')
  })
})

describe('figure patterns', () => {
  const text =
    '2025年，本机关制发行政规范性文件3件，废止二件，现行有效规范性文件14件。发布政策解读材料12篇，回应社会关切 5 次。制发规范性文件１０件。'

  it('find the number in Arabic, full-width or Chinese numerals, with words in between', () => {
    expect(findFigure(text, ['制发…规范性文件{n}件']).map((f) => [f.value, f.quote])).toEqual([
      [3, '制发行政规范性文件3件'],
      [10, '制发规范性文件１０件']
    ])
    expect(findFigure(text, ['废止{n}件', '废止…规范性文件{n}件']).map((f) => f.value)).toEqual([2])
    expect(findFigure(text, ['政策解读…{n}篇']).map((f) => f.value)).toEqual([12])
    expect(findFigure(text, ['回应…关切{n}次']).map((f) => f.value)).toEqual([5])
    expect(findFigure('收费 0.35 万元', ['收费{n}万元']).map((f) => f.value)).toEqual([0.35])
  })

  it('give offsets to jump to, and do not reach across a sentence', () => {
    const [found] = findFigure(text, ['现行有效…{n}件'])
    expect(text.slice(found!.start, found!.end)).toBe('现行有效规范性文件14件')
    expect(findFigure('制发规范性文件。其余3件', ['制发…{n}件'])).toEqual([])
    expect(findFigure('共12件', ['(共){n}件'])).toEqual([])
    expect(compileFigurePattern('制发...文件{n}件').test('制发行政规范性文件3件')).toBe(true)
  })

  it('required items are covered by any of their words', () => {
    expect(mentionsAny('按照政务公开工作要点要求……', ['工作要点', '要点任务'])).toBe(true)
    expect(mentionsAny('无', ['工作要点'])).toBe(false)
  })
})

describe('what the rules and the export read', () => {
  it('are plain projections of the profile', () => {
    const region = { ...NATIONAL_PROFILE, overviewCharLimit: 1500, headings: { level3Bold: true } }
    expect(ruleSettings(region)).toEqual({
      deadline: { month: 1, day: 31 },
      overviewCharLimit: 1500,
      copyRatioThreshold: 0.5,
      overviewFigures: [],
      section6Items: []
    })
    expect(exportSettings(region)).toEqual({ blankCells: 'zero', level3Bold: true, signature: { include: true, dateStyle: 'arabic', align: 'gbt9704' } })
  })
})
