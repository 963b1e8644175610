/**
 * ITEMS: items the region requires 第六部分（其他需要报告的事项）to cover besides 信息处理费, which
 * P3 checks for every report (设置 → 第六部分必须说明的事项, e.g. 政务公开工作要点落实情况). An item is
 * covered when any of its words appears in the section (settings/figures.ts `mentionsAny`).
 */
import { mentionsAny } from '../settings'
import { sectionName } from '../report/sections'
import type { Rule } from './types'
import { sectionLabel } from './format'
import { settingsSource } from './requiredFigures'

export const REQUIRED_ITEMS_RULE: Rule = {
  id: 'ITEMS',
  severity: 'warning',
  title: `“${sectionName('other')}”应说明设置中要求的事项`,
  reads: { sections: ['other'] },
  evaluate({ report, settings }) {
    const items = settings?.section6Items ?? []
    // As FIGURES: the region's requirements judge the reports written now, not imported ones.
    if (items.length === 0 || report.imported) return []
    const text = report.sections.other
    const source = settingsSource(settings)
    return items
      .filter((item) => !mentionsAny(text, item.patterns))
      .map((item) => ({
        rule: 'ITEMS',
        severity: 'warning' as const,
        message: `${sectionLabel('other')}未说明${item.label}（${source}要求；关键词：${item.patterns.join('、')}）`,
        cells: [],
        target: { kind: 'section' as const, section: 'other' as const },
        key: `ITEMS:${item.label}`,
        concerns: item.patterns.join('|')
      }))
  }
}
