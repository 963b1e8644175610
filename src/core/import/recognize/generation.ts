/**
 * Which format generation a report follows: the 2021 format (reports for 2021 on), the 2019
 * format (2019 and 2020) or a pre-2019 style. Decided from the table labels, which differ between
 * generations (spec §2.1, §3.3), together with the report year.
 */
import { headerNodes, TABLES, withoutNumber } from '../../report/tables'
import type { Block, Generation } from '../types'
import { compact, documentText } from './blockText'
import { CAPTIONS_2019, COLUMNS_2019, ROWS_2019 } from './tables/format2019'

export interface GenerationResult {
  generation: Generation
  /** 0–1. */
  confidence: number
  /** What was seen, in Chinese. */
  evidence: string[]
}

type Marker = 'only2021' | 'only2019' | 'since2019' | 'before2019'

interface FormatMarker {
  marker: Marker
  text: string
}

/** Today's labels marked in tables.ts as first printed by the 2021 or the 2019 format (`since`, `mark`). */
function currentLabelMarkers(): FormatMarker[] {
  const out: FormatMarker[] = []
  const add = (since: '2019' | '2021', text: string) => {
    if (!out.some((m) => m.text === text)) out.push({ marker: since === '2021' ? 'only2021' : 'since2019', text })
  }
  for (const table of TABLES) {
    if (table.layout === 'sections') for (const block of table.blocks) if (block.captionSince) add(block.captionSince, block.caption)
    for (const node of headerNodes(table)) if (node.since) add(node.since, node.mark ?? withoutNumber(node.label))
  }
  return out
}

/**
 * Labels and phrases that only one generation prints, matched on text with whitespace removed: the
 * marked labels of the table definitions (today's in tables.ts, the 2019 format's in format2019.ts),
 * and phrases and labels of formats the definitions do not hold.
 */
const MARKERS: readonly FormatMarker[] = [
  ...currentLabelMarkers(),
  // A phrase of the 2021 format's rules, not a label (see byLabels).
  { marker: 'only2021', text: '信息处理费' },
  ...[...COLUMNS_2019, ...ROWS_2019, ...CAPTIONS_2019].filter((l) => l.marksFormat).map((l) => ({ marker: 'only2019' as const, text: l.label })),
  // Labels of the tables before the 2019 format, and the old regulations they cite.
  { marker: 'before2019', text: '收费及减免' },
  { marker: 'before2019', text: '主动公开文件数' },
  { marker: 'before2019', text: '历年累计' },
  { marker: 'before2019', text: '对申请的答复总数' },
  { marker: 'before2019', text: '同意公开答复数' },
  { marker: 'before2019', text: '同意部分公开答复数' },
  { marker: 'before2019', text: '受理政府信息公开申请总数' },
  { marker: 'before2019', text: '政府信息公开情况统计表' },
  { marker: 'before2019', text: '政府信息公开工作情况统计表' },
  { marker: 'before2019', text: '不同意公开答复数' },
  { marker: 'before2019', text: '国务院令第492号' },
  { marker: 'before2019', text: '第三十二条' }
]

function count(text: string): Record<Marker, string[]> {
  const found: Record<Marker, string[]> = { only2021: [], only2019: [], since2019: [], before2019: [] }
  for (const m of MARKERS) if (text.includes(m.text)) found[m.marker].push(m.text)
  return found
}

function byYear(year: number | undefined): Generation | undefined {
  if (year === undefined) return undefined
  if (year >= 2021) return '2021'
  if (year >= 2019) return '2019'
  return 'pre-2019'
}

const NAMES: Record<Generation, string> = { '2021': '2021年格式', '2019': '2019年格式', 'pre-2019': '2019年以前的格式' }

/** From the labels alone; undefined when none is printed. */
function byLabels(found: Record<Marker, string[]>): Generation | undefined {
  // “信息处理费” may be mentioned in any later text; the 2019 table labels are decisive when the
  // 2021 ones are absent.
  const strong2021 = found.only2021.filter((t) => t !== '信息处理费')
  if (strong2021.length > 0) return '2021'
  if (found.only2019.length > 0) return '2019'
  if (found.since2019.length > 0) return '2021'
  if (found.only2021.length > 0) return '2021'
  if (found.before2019.length > 0) return 'pre-2019'
  return undefined
}

export function detectGeneration(blocks: readonly Block[], year?: number): GenerationResult {
  const found = count(compact(documentText(blocks)))
  const evidence: string[] = []
  for (const [marker, label] of [
    ['only2021', '2021年格式特有'],
    ['only2019', '2019年格式特有'],
    ['since2019', '2019年以后格式共有'],
    ['before2019', '旧条例时期']
  ] as const) {
    if (found[marker].length > 0) evidence.push(`${label}的表述：${found[marker].map((t) => `“${t}”`).join('')}`)
  }
  const fromYear = byYear(year)
  // “信息处理费” alone is a word in the text, not a table label: a 2020 report may mention the
  // 2020 rules. It decides only when the year is unknown.
  const onlyMentions = found.only2021.every((t) => t === '信息处理费') && found.only2019.length + found.since2019.length + found.before2019.length === 0
  const fromLabels = fromYear && onlyMentions ? undefined : byLabels(found)
  if (year !== undefined) evidence.push(`报告年度 ${year} 年`)

  if (fromYear && fromLabels) {
    if (fromYear === fromLabels) return { generation: fromYear, confidence: 0.95, evidence }
    // The printed tables decide how to read them; the disagreement is worth a look.
    evidence.push(`报告年度对应${NAMES[fromYear]}，但表格为${NAMES[fromLabels]}`)
    // 2019–2020 reports with the 2021 labels, and later reports still on the 2019 template, exist.
    return { generation: fromLabels, confidence: 0.6, evidence }
  }
  if (fromYear) return { generation: fromYear, confidence: 0.7, evidence }
  if (fromLabels) return { generation: fromLabels, confidence: found.since2019.length + found.only2021.length + found.only2019.length > 2 ? 0.8 : 0.6, evidence }
  evidence.push('未找到年度或表格特征，按2019年以前的格式处理')
  return { generation: 'pre-2019', confidence: 0.3, evidence }
}
