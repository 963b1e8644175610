/**
 * One table definition: the labels other modules quote — rule titles, the importer's format
 * markers, the known headings, the carried row — come from tables.ts and sections.ts, so renaming a
 * row there renames it everywhere. These pin the derived wording the officer reads.
 */
import { describe, expect, it } from 'vitest'
import { detectGeneration } from '@core/import/recognize/generation'
import { splitSections } from '@core/import/recognize/sections'
import type { Block } from '@core/import/types'
import { sectionName, SECTIONS } from '@core/report/sections'
import { CARRIED_ROW, headerNodes, rowByKey, rowHeading, shortLabel, TABLE_3, TABLE_4, TABLES, withoutNumber } from '@core/report/tables'
import { ARITHMETIC_RULES } from '@core/rules/arithmetic'
import { CARRY_OVER_RULE, IN_FORCE_RULE } from '@core/rules/crossYear'

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'paragraph', text }))

describe('names derived from the definitions', () => {
  it('names rows as sentences do: short names and numbered headings', () => {
    expect(rowHeading(CARRIED_ROW.row)).toBe('二、上年结转')
    expect(shortLabel(CARRIED_ROW.from)).toBe('结转下年度继续办理')
    expect(withoutNumber(rowByKey(TABLE_3, 'stateSecret').label)).toBe('属于国家秘密')
    expect(sectionName('problems')).toBe('存在的主要问题及改进情况')
  })

  it('titles R1–R4 and X1–X2 from the nodes they are declared on', () => {
    expect(Object.fromEntries(ARITHMETIC_RULES.map((r) => [r.id, r.title]))).toEqual({
      R1: '表三各列：本年新收＋上年结转＝办理结果总计＋结转下年度继续办理',
      R2: '表三各行：总计＝自然人＋各类法人或其他组织',
      R3: '表三各列：（七）总计＝各项办理结果之和',
      R4: '表四：总计＝结果维持＋结果纠正＋其他结果＋尚未审结'
    })
    // Every part of 表四's total is named in R4's title, in the definition's order.
    const parts = TABLE_4.columns.filter((c) => !c.totalOf).map((c) => c.label)
    expect(ARITHMETIC_RULES.find((r) => r.id === 'R4')!.title.endsWith(parts.join('＋'))).toBe(true)
    expect(CARRY_OVER_RULE.title).toBe('本年“上年结转”应等于上年报告的“结转下年度继续办理”')
    expect(IN_FORCE_RULE.title).toBe('现行有效件数＝上年现行有效件数＋本年制发件数－本年废止件数')
  })
})

describe('the importer reads the definitions', () => {
  it('takes the labels marked `since` as evidence of the format', () => {
    const marked = TABLES.flatMap(headerNodes).filter((n) => n.since)
    expect(marked.length).toBeGreaterThan(10)
    for (const node of marked) {
      const text = node.mark ?? withoutNumber(node.label)
      expect(node.label, node.key).toContain(text)
      const { generation, evidence } = detectGeneration(paragraphs(`表格中印有${text}一栏`))
      // A 2021-only label decides 2021; a label of both 2019 and 2021 decides the later format too.
      expect(generation, text).toBe('2021')
      expect(evidence.join(''), text).toContain(`“${text}”`)
    }
  })

  it('knows every template heading and its variants when glued to the text', () => {
    for (const section of SECTIONS) {
      for (const words of [sectionName(section.id), ...(section.variants ?? [])]) {
        const split = splitSections(paragraphs('某某镇人民政府2025年政府信息公开工作年度报告', `一、${words}2025年，我镇认真落实。`))
        expect(split.map((s) => s.section), words).toContain(section.id)
      }
    }
  })
})
