/**
 * Spec §3.4 as data: which pre-2019 figures may feed today's cells, always flagged approximate,
 * since “此前有关政府信息公开的各类报告和统计口径，随原政府信息公开条例的失效而失效”.
 *
 * Not mapped, on purpose: 主动公开文件数 (no such cell; text only), 不予公开答复数 as a whole (the
 * 2021 table has no （三） subtotal), 行政诉讼数 (2021 splits litigation into 未经复议直接起诉 and
 * 复议后起诉, which old tables never recorded, and has no overall total), 收费 (not 信息处理费),
 * 告知作出更改补充数, and the old categories without a counterpart.
 */
import { cellDef, type CellId } from '../../../report/cells'
import { confidenceOf } from '../../certainty'
import type { ImportedValue, LegacyFigure, ValueSource } from '../../types'
import { compact } from '../blockText'
import { NUMBER } from './vocabulary'

interface LegacyMapping {
  cell: CellId
  /** Old rows whose 本年 values are added into the cell (spec §3.4 merges some categories). */
  labels: readonly RegExp[]
  /** The old row the figure must sit under, where the same words occur under several rows. */
  parent?: RegExp
  confidence: number
  note: string
}

const OLD = '旧条例时期的统计口径已失效，仅供历史对比'

const MAPPINGS: readonly LegacyMapping[] = [
  {
    cell: 't2.normative.issued',
    labels: [/^制发规范性文件总?数$/],
    confidence: 0.5,
    note: `由旧统计表“制发规范性文件总数”近似填入“行政规范性文件 本年制发件数”；${OLD}`
  },
  {
    cell: 't3.new.total',
    labels: [/^(?:受理(?:政府信息公开|依申请公开(?:信息)?)(?:申请)?总?数|收到申请数|(?:政府)?信息公开申请数量?|申请总数|受理申请总?数)$/],
    confidence: 0.5,
    note: `由旧统计表的申请总数近似填入“本年新收”总计；2019年前没有申请人分类，其余各列空缺；${OLD}`
  },
  {
    cell: 't3.public.total',
    labels: [/^同意公开(?:答复数?)?$/, /^属于已主动公开范围数?$/],
    confidence: 0.5,
    note: `由旧统计表“同意公开答复数”（含“属于已主动公开范围数”）近似填入“（一）予以公开”总计；${OLD}`
  },
  {
    cell: 't3.partial.total',
    labels: [/^同意部[分份]公开(?:答复数?)?$/],
    confidence: 0.5,
    note: `由旧统计表“同意部分公开答复数”近似填入“（二）部分公开”总计；${OLD}`
  },
  {
    cell: 't3.stateSecret.total',
    labels: [/^涉及国家秘密$/],
    confidence: 0.4,
    note: `由旧统计表“涉及国家秘密”近似填入“1.属于国家秘密”总计；${OLD}`
  },
  {
    cell: 't3.thirdParty.total',
    labels: [/^涉及商业秘密$/, /^涉及个人隐私$/],
    confidence: 0.4,
    note: `由旧统计表“涉及商业秘密”与“涉及个人隐私”之和近似填入“4.保护第三方合法权益”总计；${OLD}`
  },
  {
    cell: 't3.threeSafety.total',
    labels: [/^危及国家安全、?公共安全、?经济安全和社会稳定$/],
    confidence: 0.4,
    note: `由旧统计表“危及国家安全、公共安全、经济安全和社会稳定”近似填入“3.危及“三安全一稳定””总计；${OLD}`
  },
  {
    cell: 't3.notHeld.total',
    labels: [/^不属于本行政机关公开数?$/, /^申请信息不存在数?$/],
    confidence: 0.4,
    note: `由旧统计表“不属于本行政机关公开数”与“申请信息不存在数”之和近似填入“1.本机关不掌握相关政府信息”总计；${OLD}`
  },
  {
    cell: 't3.inquiry.total',
    labels: [/^告知通过其他途径办理数?$/],
    confidence: 0.2,
    note: `由旧统计表“告知通过其他途径办理数”勉强对应“8.属于行政查询事项”，对应关系很弱，请核实；${OLD}`
  },
  {
    cell: 't4.review.total',
    labels: [/^(?:(?:政府信息公开)?被?(?:申请)?行政复议数量?|因政府信息公开申请行政复议数)$/],
    confidence: 0.5,
    note: `由旧统计表的行政复议数近似填入表四“行政复议 总计”；“尚未审结”无来源；${OLD}`
  },
  {
    cell: 't4.review.upheld',
    labels: [/^维持具体行政行为数?$/],
    parent: /复议/,
    confidence: 0.4,
    note: `由旧统计表行政复议“维持具体行政行为数”近似填入“行政复议 结果维持”；${OLD}`
  },
  {
    cell: 't4.review.corrected',
    labels: [/^(?:被依法)?纠错数?$/],
    parent: /复议/,
    confidence: 0.4,
    note: `由旧统计表行政复议“被依法纠错数”近似填入“行政复议 结果纠正”；${OLD}`
  },
  {
    cell: 't4.review.other',
    labels: [/^其他情形数?$/],
    parent: /复议/,
    confidence: 0.4,
    note: `由旧统计表行政复议“其他情形数”近似填入“行政复议 其他结果”；${OLD}`
  }
]

/** The label without its numbering and “其中：”, for matching. */
export function bareLabel(label: string): string {
  return compact(label)
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '')
    .replace(/^其中[:：]?/, '')
}

function yearValue(figure: LegacyFigure): { value: number; source: ValueSource; derived?: string } | undefined {
  const key = figure.values['本年'] !== undefined ? '本年' : '本期'
  const printed = figure.values[key]
  if (printed === undefined || !NUMBER.test(printed.trim())) return undefined
  const value = Number(printed.replace(/,/g, ''))
  if (!Number.isFinite(value)) return undefined
  const source = figure.valueSources?.[key] ?? figure.source
  const derived = figure.derived?.[key]
  return { value, source, ...(derived ? { derived } : {}) }
}

export function mapLegacyFigures(figures: readonly LegacyFigure[]): ImportedValue[] {
  const out: ImportedValue[] = []
  for (const mapping of MAPPINGS) {
    const kind = cellDef(mapping.cell).kind
    let total = 0
    const found: { figure: LegacyFigure; value: number; source: ValueSource; derived?: string }[] = []
    for (const pattern of mapping.labels) {
      const figure = figures.find(
        (f) => pattern.test(bareLabel(f.label)) && (!mapping.parent || (f.parent !== undefined && mapping.parent.test(f.parent)))
      )
      const v = figure && yearValue(figure)
      if (!figure || !v) continue
      // Counts are whole numbers; a decimal here is not a count and is left out rather than rounded.
      if (kind === 'count' && !Number.isInteger(v.value)) continue
      total += v.value
      found.push({ figure, value: v.value, source: v.source, ...(v.derived ? { derived: v.derived } : {}) })
    }
    const first = found[0]
    if (!first) continue
    // A figure split from run-together digits is derived, not read: less sure, and said so.
    const derived = found.flatMap((f) => (f.derived ? [f.derived] : []))
    out.push({
      cell: mapping.cell,
      value: total,
      method: derived.length ? 'derived' : 'read',
      confidence: confidenceOf(derived.length ? 'derived' : 'read', derived.length ? 'joint' : 'label', [mapping.confidence]),
      source: { ...first.source, text: found.map((f) => `${f.figure.label} ${f.value}`).join('；') },
      flags: derived.length ? ['approximate', 'split'] : ['approximate'],
      note: [mapping.note, ...derived].join('；')
    })
  }
  return out
}
