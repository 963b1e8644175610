import { describe, expect, it } from 'vitest'
import { cleanUnitName, sameUnitName } from '@core/library/unitName'
import { VERSION_REASONS, versionReasonLabel } from '@core/library/versions'

describe('cleanUnitName', () => {
  it('trims and collapses spaces, full-width ones too', () => {
    expect(cleanUnitName('  某某区　人民政府 ')).toEqual({ name: '某某区 人民政府' })
  })

  it.each([
    ['标题:某某区', '标题:', '某某区'],
    ['标题：某某区人民政府', '标题：', '某某区人民政府'],
    ['【发布机构】：某某县交通运输局', '【发布机构】：', '某某县交通运输局'],
    ['来源: 某某镇人民政府', '来源:', '某某镇人民政府']
  ])('offers to drop the metadata prefix of %s', (raw, prefix, suggestion) => {
    expect(cleanUnitName(raw)).toEqual({ name: raw.trim(), prefix, suggestion })
  })

  it('leaves names alone that only start like a label', () => {
    expect(cleanUnitName('来宾市人民政府').suggestion).toBeUndefined()
    expect(cleanUnitName('标题:').suggestion).toBeUndefined()
    expect(cleanUnitName('单位名称').suggestion).toBeUndefined()
  })

  it('compares names as the library files them', () => {
    expect(sameUnitName(' 某某区 ', '某某区')).toBe(true)
    expect(sameUnitName('某某区', '某某县')).toBe(false)
  })
})

describe('version reasons', () => {
  it('each has a Chinese label; an old backup without one is “保存”', () => {
    for (const reason of VERSION_REASONS) expect(versionReasonLabel(reason)).toMatch(/^[\u4e00-\u9fff]+$/)
    expect(versionReasonLabel('import')).toBe('导入替换')
    expect(versionReasonLabel(undefined)).toBe('保存')
  })
})
