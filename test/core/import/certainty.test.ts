/**
 * Certainty as data: how each value was obtained, a confidence derived from that (never a
 * constant), the counts the review shows, and the unit settled or to be confirmed.
 */
import { describe, expect, it } from 'vitest'
import { confidenceOf, countValues, needsReview } from '@core/import/certainty'
import { recognizeReport } from '@core/import/recognizeReport'
import { recognizeUnitYear } from '@core/import/recognize/unitYear'
import type { Block } from '@core/import/types'
import { readPastedText } from '../../../src/main/services/readers/index'

const blocks = (text: string): Block[] => text.split('\n').map((t) => ({ kind: 'paragraph', text: t }))

describe('confidence from what backs a value', () => {
  it('orders the methods and their backing, and scales by the label’s score and any mapping', () => {
    expect(confidenceOf('read', 'label')).toBe(1)
    expect(confidenceOf('read', 'label', [0.9])).toBe(0.9)
    expect(confidenceOf('derived', 'joint')).toBeLessThan(1)
    expect(confidenceOf('derived', 'joint')).toBeGreaterThan(confidenceOf('derived', 'row'))
    expect(confidenceOf('derived', 'row')).toBeGreaterThan(confidenceOf('placed', 'arithmetic'))
    expect(confidenceOf('placed', 'arithmetic')).toBeGreaterThan(confidenceOf('placed', 'order'))
    expect(confidenceOf('placed', 'order')).toBeGreaterThan(confidenceOf('suggested', 'offer'))
    // A method caps what its backing may claim: placed by order is never as sure as a joint split.
    expect(confidenceOf('placed', 'joint')).toBeLessThan(confidenceOf('derived', 'joint'))
  })

  it('flags for review anything not read cleanly from a labelled cell, and counts', () => {
    const read = { cell: 't3.new.natural' as const, method: 'read' as const, confidence: 1, flags: [] }
    expect(needsReview(read)).toBe(false)
    expect(needsReview({ ...read, confidence: 0.95 })).toBe(true)
    expect(needsReview({ ...read, method: 'derived' })).toBe(true)
    expect(needsReview({ ...read, flags: ['review'] })).toBe(true)
    expect(countValues([read, { ...read, cell: 't3.new.total', method: 'placed', confidence: 0.55 }], 200)).toEqual({ read: 1, review: 1, missing: 198 })
  })

  it('gives a run-together row less confidence when only its own total backs it than when the columns do too', () => {
    const one = recognizeReport(readPastedText('青山镇2023年政府信息公开工作年度报告\n（一）予以公开 120030116'))
    const alone = one.values.find((v) => v.cell === 't3.public.natural')!
    expect(alone).toMatchObject({ value: 12, method: 'derived' })
    expect(alone.confidence).toBe(confidenceOf('derived', 'row'))
  })
})

describe('the unit: settled, or shown for confirmation', () => {
  it('cleans metadata prefixes and Markdown marks from the title', () => {
    expect(recognizeUnitYear(blocks('标题: 平潭综合实验区2015年度政府信息公开工作年度报告\n正文'))).toMatchObject({ unit: '平潭综合实验区', unitSettled: true, year: 2015 })
    expect(recognizeUnitYear(blocks('# 北山区住房和城乡建设局2023年政府信息公开工作年度报告\n正文')).unit).toBe('北山区住房和城乡建设局')
    expect(recognizeUnitYear(blocks('**南坪镇2022年政府信息公开工作年度报告**\n正文')).unit).toBe('南坪镇')
  })

  it('prefers the title, then the 落款, then the body’s self-reference; only a confirmed one is settled', () => {
    const signed = recognizeUnitYear(blocks('关于2023年度政府信息公开工作的报告\n本报告由青山镇人民政府编制。青山镇人民政府全年公开信息。\n青山镇人民政府\n2024年1月20日'))
    expect(signed).toMatchObject({ unit: '青山镇人民政府', unitSource: 'signature', unitSettled: true })
    const self = recognizeUnitYear(blocks('关于2023年度政府信息公开工作的报告\n根据条例要求，由白樟镇人民政府编制本报告。\n全年公开信息12条。'))
    expect(self).toMatchObject({ unit: '白樟镇人民政府', unitSource: 'self', unitSettled: false })
    const frequent = recognizeUnitYear(blocks('关于2023年度政府信息公开工作的报告\n全年公开信息。市人民政府办公室要求，县人民政府办公室督办。县人民政府办公室通报。'))
    expect(frequent.unitSettled).toBe(false)
  })

  it('is not settled when the document names two different bodies (a look-alike slip in the 落款)', () => {
    const r = recognizeUnitYear(blocks('青山镇人民政府2023年政府信息公开工作年度报告\n正文。\n青出镇人民政府\n2024年1月20日'))
    expect(r).toMatchObject({ unit: '青山镇人民政府', unitSettled: false, unitCandidates: ['青山镇人民政府', '青出镇人民政府'] })
    // A fuller name of the same body is no conflict.
    const full = recognizeUnitYear(blocks('青山镇2023年政府信息公开工作年度报告\n青山镇人民政府全年公开信息。\n平安县青山镇人民政府\n2024年1月20日'))
    expect(full.unitSettled).toBe(true)
  })
})
