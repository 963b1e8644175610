/** The words of pre-2019 statistics tables: headers, units, what a value cell may hold. */
import { compact } from '../blockText'

export const UNITS: ReadonlySet<string> = new Set([
  '条', '件', '个', '人', '人次', '次', '篇', '元', '万元', '项', '家', '期', '份', '场', '批', '天', '户', '条/件',
  '—', '-', '－', '--', '——'
])
export const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
/** Printed in a value cell to mean “none” or “not applicable”. */
export const NIL_VALUE = /^(?:[—\-－/／]+|无)$/
export const LABEL_HEADER = /^(?:指标名称|统计指标|指标|项目|统计项目|项目名称|名称)$/
export const UNIT_HEADER = /^(?:计量)?单位$/
/** Columns that carry no figure: row codes (Shanghai-style forms) and running numbers. */
export const CODE_HEADER = /^(?:代码|序号|行次|编号|栏次)$/
export const VALUE_HEADER =
  /^(?:(?:19|20)\d{2}年?度?|本年度?|本期(?:实际)?|本年累计|历年累[计积]|累计|统计数|数量|全年|合计|上年|上年度?数?)$/
/** The second line of a wrapped year header (“2016” / “年度”). */
export const YEAR_FRAGMENT = /^(?:年度|年|度)$/
/** Numbering that starts a new row label; a wrapped label's second line has none. */
export const ROW_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|其中)/

/** 2016年度, 统计数, 本年累计 → 本年; 历年累计 → 历年累计; anything else as printed. */
export function columnKey(header: string): string {
  const h = compact(header)
  if (/^(?:历年累[计积]|累计)$/.test(h)) return '历年累计'
  if (/^本期(?:实际)?$/.test(h)) return '本期'
  if (/^(?:(?:19|20)\d{2}年?度?|本年度?|本年累计|统计数|数量|全年)$/.test(h)) return '本年'
  return h
}

/** One column after the label: the unit, a code to skip, or a figure under a key. */
export type Column = { kind: 'unit' } | { kind: 'code' } | { kind: 'value'; key: string }
