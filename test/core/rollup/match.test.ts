/** Matching reports to the county's units: names as reports write them, aliases, typos, file names. */
import { describe, expect, it } from 'vitest'
import { editDistance, nameForms, unitKey, UnitMatcher } from '@core/rollup/match'

const UNITS = [
  { name: '城关镇', aliases: [] },
  { name: '东风乡', aliases: [] },
  { name: '河西街道', aliases: ['河西街道办'] },
  { name: '县教育局', aliases: ['县教育体育局'] },
  { name: '县市场监督管理局', aliases: ['县市监局'] },
  { name: '县人民政府办公室', aliases: [] },
  { name: '示例县人民政府', aliases: [] },
  { name: '示例县经济开发区管理委员会', aliases: [] },
  { name: '新城镇', aliases: [] }
]

const matcher = new UnitMatcher(UNITS)
const unitOf = (...names: string[]) => matcher.match(names).match?.unit

describe('unit names as keys', () => {
  it('drop what is not part of the name: spaces, punctuation, 人民政府, 办事处, a web label, a trailing remark', () => {
    expect(unitKey(' 城关镇 人民政府 ')).toBe('城关镇')
    expect(unitKey('城关镇政府')).toBe('城关镇')
    expect(unitKey('河西街道办事处')).toBe('河西街道')
    expect(unitKey('标题：城关镇人民政府')).toBe('城关镇')
    expect(unitKey('城关镇人民政府（本级）')).toBe('城关镇')
    expect(unitKey('某某经济开发区管理委员会')).toBe('某某经济开发区管委会')
  })

  it('read traditional characters and full-width letters as the list writes them', () => {
    expect(unitKey('城關鎮人民政府')).toBe('城关镇')
    expect(unitKey('ＸＸ县教育局')).toBe('xx县教育局')
  })

  it('keep the county government itself: 县人民政府 is not shortened to nothing', () => {
    expect(unitKey('示例县人民政府')).toBe('示例县')
    expect(unitKey('县人民政府')).toBe('县人民政府')
  })

  it('forms take off leading place names but never leave a bare generic word', () => {
    expect(nameForms('福建省示例县城关镇')).toEqual(['福建省示例县城关镇', '示例县城关镇', '城关镇'])
    expect(nameForms('示例县经济开发区管委会')).toEqual(['示例县经济开发区管委会', '经济开发区管委会'])
  })

  it('edit distance counts characters, not bytes', () => {
    expect(editDistance('城关镇', '城官镇')).toBe(1)
    expect(editDistance('城关镇', '城关镇')).toBe(0)
    expect(editDistance('教育局', '县教育局')).toBe(1)
  })
})

describe('reports matched to units', () => {
  it('by name, with or without the county in front, with or without 人民政府', () => {
    expect(matcher.match(['城关镇人民政府']).match).toEqual({ unit: '城关镇', method: 'name', via: '城关镇人民政府' })
    expect(matcher.match(['示例县城关镇人民政府']).match).toMatchObject({ unit: '城关镇', method: 'place' })
    expect(unitOf('福建省示例县东风乡人民政府')).toBe('东风乡')
    expect(unitOf('示例县河西街道办事处')).toBe('河西街道')
    expect(unitOf('示例县教育局')).toBe('县教育局')
    expect(unitOf('示例县人民政府办公室')).toBe('县人民政府办公室')
    expect(unitOf('示例县经济开发区管委会')).toBe('示例县经济开发区管理委员会')
  })

  it('the county government and its office are two units', () => {
    expect(unitOf('示例县人民政府')).toBe('示例县人民政府')
    expect(unitOf('示例县人民政府办公室')).toBe('县人民政府办公室')
  })

  it('by alias', () => {
    expect(matcher.match(['示例县教育体育局']).match).toMatchObject({ unit: '县教育局', method: 'place' })
    expect(matcher.match(['县教育体育局']).match).toMatchObject({ unit: '县教育局', method: 'alias' })
    expect(unitOf('县市监局')).toBe('县市场监督管理局')
    expect(unitOf('河西街道办')).toBe('河西街道')
  })

  it('with a typo, marked as similar (for the officer to confirm)', () => {
    expect(matcher.match(['示例县城官镇人民政府']).match).toMatchObject({ unit: '城关镇', method: 'similar' })
    expect(matcher.match(['县市场监管管理局']).match).toMatchObject({ unit: '县市场监督管理局', method: 'similar' })
    expect(matcher.match(['东风镇']).match).toMatchObject({ unit: '东风乡', method: 'similar' })
  })

  it('a name two units fit equally matches neither', () => {
    // 城关镇 and 新城镇 are both one edit from 新关镇.
    expect(matcher.match(['新关镇'])).toEqual({ ambiguous: ['城关镇', '新城镇'] })
  })

  it('a name far from every unit matches none', () => {
    expect(matcher.match(['示例县卫生健康局'])).toEqual({})
    expect(matcher.match(['示例县农业农村局'])).toEqual({})
  })

  it('a report that names itself by the county alone is the county government’s', () => {
    expect(unitOf('示例县')).toBe('示例县人民政府')
  })

  it('tries the other names the report gives when its first does not match', () => {
    expect(matcher.match(['示例县卫生健康局', '示例县城关镇人民政府']).match?.unit).toBe('城关镇')
  })

  it('falls back to the file name, marked as such', () => {
    expect(matcher.match([], { fileName: '收件/2024年东风乡政府信息公开工作年度报告.docx' }).match).toEqual({
      unit: '东风乡',
      method: 'file',
      via: '2024年东风乡政府信息公开工作年度报告'
    })
    expect(matcher.match(['（无）'], { fileName: '县教育局2024年报.pdf' }).match?.unit).toBe('县教育局')
    expect(matcher.match([], { fileName: '年报.pdf' })).toEqual({})
  })

  it('without fuzzy matching (the library), a typo matches nothing', () => {
    expect(matcher.match(['城官镇'], { fuzzy: false })).toEqual({})
    expect(matcher.match(['示例县城关镇'], { fuzzy: false }).match?.unit).toBe('城关镇')
  })
})
