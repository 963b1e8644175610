/**
 * What the roll-up's views and files call things, as data light enough for the renderer: how a
 * report was matched to its unit, and the main figures shown for each unit (quantities of the
 * tables' vocabulary, report/quantities.ts). Pure.
 */

/** How a report was matched to its unit, from most to least certain. */
export type MatchMethod = 'name' | 'alias' | 'place' | 'similar' | 'file' | 'hand'

export const MATCH_METHOD_LABELS: Record<MatchMethod, string> = {
  name: '名称一致',
  alias: '别名一致',
  place: '去掉地名后一致',
  similar: '名称相近，请核对',
  file: '按文件名，请核对',
  hand: '手工指定'
}

/** Methods whose match the officer should confirm. */
export const UNSURE_METHODS: ReadonlySet<MatchMethod> = new Set<MatchMethod>(['similar', 'file'])

/** The main figures of a unit (the workbook's 汇总 columns, the view's list): quantity ids. */
export const SUMMARY_FIGURES: readonly string[] = [
  'new',
  'carried',
  'public',
  'resultTotal',
  'carryOver',
  'review',
  'litigation',
  'normative.issued',
  'license',
  'penalty',
  'coercion',
  'fees'
]
