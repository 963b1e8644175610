/**
 * The three statistical tables of the 2021 national format (国办公开办函〔2021〕30号) as data.
 *
 * This is the single definition that the checks, the DOCX tables, the editor grids and the
 * importer's label matching all read. Labels are verbatim (full-width brackets, “ ” quotes,
 * `1.` numbering). Adding a row to the format is a change here and nowhere else. Beside the labels:
 * how a sentence names a row (`short`), and which labels the importer takes as evidence of the
 * format generation (`since`, `mark`).
 *
 * A table is described semantically — a tree of rows × a tree of columns, whose leaves give the
 * value cells — plus a layout kind that says how the official document draws it:
 *  - `sections` (表二): a stack of captioned blocks, each with its own column header;
 *  - `matrix`   (表三): row labels on the left, a multi-level column header on top;
 *  - `strip`    (表四): the row groups are laid out side by side as column groups over one value row.
 * `layout.ts` turns that into the merged grid.
 */

export type TableId = 't2' | 't3' | 't4'
export type FormatSince = '2019' | '2021'
export type ValueKind = 'count' | 'amount'

export interface HeaderNode {
  key: string
  /** Official label, verbatim. */
  label: string
  /** Official line breaks inside the cell, where the template has them (商业⏎企业). */
  lines?: readonly string[]
  /** A trailing explanatory note the template sets in 楷体, part of the label. */
  note?: string
  /**
   * How a sentence names it (rule titles, messages), when that is not the label without its number:
   * 二、上年结转政府信息公开申请数量 → 上年结转.
   */
  short?: string
  /**
   * The format that first printed this label, for the importer's guess of a report's format
   * (import/recognize/generation.ts): '2021' for a label only the 2021 format prints, '2019' for
   * one both print and older reports do not. Only labels distinctive enough to decide are marked.
   */
  since?: FormatSince
  /** The part of the label the importer looks for, when the whole is printed in varying ways. */
  mark?: string
  children?: readonly HeaderNode[]
  /**
   * This leaf is the total of the other leaves of its group (siblings and their descendants),
   * reported by the named arithmetic rule.
   */
  totalOf?: 'R2' | 'R3' | 'R4'
}

export interface ColumnDef extends HeaderNode {
  kind?: ValueKind
  children?: readonly ColumnDef[]
}

export interface RowDef extends HeaderNode {
  children?: readonly RowDef[]
  /**
   * This row is filled by rule from last year's report: the key of the row of the same table whose
   * values it takes, column by column (二、上年结转 ← 四、结转下年度继续办理).
   */
  carriedFrom?: string
  /**
   * Which columns this row has values in (keys of leaf columns of its block).
   * Only 表二 varies this; elsewhere every row has every leaf column.
   */
  columns?: readonly string[]
}

/** One captioned block of 表二 (第二十条第（一）项 …). */
export interface SectionBlock {
  key: string
  caption: string
  /** As on HeaderNode: the format that first printed the caption, when it marks the format. */
  captionSince?: FormatSince
  /** Label of the header's first cell (信息内容). */
  headLabel: string
  columns: readonly ColumnDef[]
  rows: readonly RowDef[]
}

/**
 * An identity between rows that holds in every column: `sum(left) = sum(right)` (R1).
 * Row totals and column totals are declared on the nodes themselves with `totalOf`.
 */
export interface RowIdentity {
  rule: 'R1'
  left: readonly string[]
  right: readonly string[]
}

interface TableBase {
  id: TableId
  /** 表二 / 表三 / 表四, as officers and the CLI name them. */
  name: string
  /** The report section the table belongs to. */
  section: 'proactive' | 'requests' | 'review'
}

export interface SectionsTable extends TableBase {
  layout: 'sections'
  blocks: readonly SectionBlock[]
}

export interface MatrixTable extends TableBase {
  layout: 'matrix'
  /** The top-left cell: the official note on the column arithmetic. */
  corner: string
  /** Caption over all columns (申请人情况). */
  columnCaption: string
  columns: readonly ColumnDef[]
  rows: readonly RowDef[]
  identities: readonly RowIdentity[]
}

export interface StripTable extends TableBase {
  layout: 'strip'
  rows: readonly RowDef[]
  columns: readonly ColumnDef[]
}

export type TableDef = SectionsTable | MatrixTable | StripTable

const decisionColumn: ColumnDef = { key: 'decisions', label: '本年处理决定数量', since: '2021' }

export const TABLE_2: SectionsTable = {
  id: 't2',
  name: '表二',
  section: 'proactive',
  layout: 'sections',
  blocks: [
    {
      key: 'item1',
      caption: '第二十条第（一）项',
      captionSince: '2019',
      headLabel: '信息内容',
      columns: [
        { key: 'issued', label: '本年制发件数', since: '2021' },
        { key: 'repealed', label: '本年废止件数', since: '2021' },
        { key: 'inForce', label: '现行有效件数', since: '2021' }
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative', label: '行政规范性文件' }
      ]
    },
    {
      key: 'item5',
      caption: '第二十条第（五）项',
      headLabel: '信息内容',
      columns: [decisionColumn],
      rows: [{ key: 'license', label: '行政许可' }]
    },
    {
      key: 'item6',
      caption: '第二十条第（六）项',
      headLabel: '信息内容',
      columns: [decisionColumn],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' }
      ]
    },
    {
      key: 'item8',
      caption: '第二十条第（八）项',
      headLabel: '信息内容',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount', since: '2021', mark: '本年收费金额' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }]
    }
  ]
}

const T3_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural', label: '自然人' },
  {
    key: 'legal',
    label: '法人或其他组织',
    children: [
      { key: 'business', label: '商业企业', lines: ['商业', '企业'] },
      { key: 'research', label: '科研机构', lines: ['科研', '机构'] },
      { key: 'welfare', label: '社会公益组织' },
      { key: 'lawService', label: '法律服务机构' },
      { key: 'otherOrg', label: '其他' }
    ]
  },
  { key: 'total', label: '总计', totalOf: 'R2' }
]

export const TABLE_3: MatrixTable = {
  id: 't3',
  name: '表三',
  section: 'requests',
  layout: 'matrix',
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columnCaption: '申请人情况',
  columns: T3_COLUMNS,
  rows: [
    { key: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收', since: '2019' },
    { key: 'carried', label: '二、上年结转政府信息公开申请数量', short: '上年结转', carriedFrom: 'carryOver', since: '2019' },
    {
      key: 'result',
      label: '三、本年度办理结果',
      short: '办理结果',
      children: [
        { key: 'public', label: '（一）予以公开' },
        { key: 'partial', label: '（二）部分公开', note: '（区分处理的，只计这一情形，不计其他情形）' },
        {
          key: 'withheld',
          label: '（三）不予公开',
          children: [
            { key: 'stateSecret', label: '1.属于国家秘密' },
            { key: 'lawForbids', label: '2.其他法律行政法规禁止公开' },
            { key: 'threeSafety', label: '3.危及“三安全一稳定”' },
            { key: 'thirdParty', label: '4.保护第三方合法权益' },
            { key: 'internalAffairs', label: '5.属于三类内部事务信息' },
            { key: 'processInfo', label: '6.属于四类过程性信息' },
            { key: 'enforcementFile', label: '7.属于行政执法案卷' },
            { key: 'inquiry', label: '8.属于行政查询事项' }
          ]
        },
        {
          key: 'unable',
          label: '（四）无法提供',
          children: [
            { key: 'notHeld', label: '1.本机关不掌握相关政府信息', since: '2019' },
            { key: 'needsCreating', label: '2.没有现成信息需要另行制作' },
            { key: 'stillUnclear', label: '3.补正后申请内容仍不明确' }
          ]
        },
        {
          key: 'notProcessed',
          label: '（五）不予处理',
          children: [
            { key: 'petition', label: '1.信访举报投诉类申请' },
            { key: 'repeated', label: '2.重复申请' },
            { key: 'publication', label: '3.要求提供公开出版物' },
            { key: 'massRepeated', label: '4.无正当理由大量反复申请' },
            { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息' }
          ]
        },
        {
          key: 'otherHandling',
          label: '（六）其他处理',
          children: [
            {
              key: 'noCorrection',
              label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
              since: '2021',
              mark: '无正当理由逾期不补正'
            },
            {
              key: 'feeUnpaid',
              label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
              since: '2021',
              mark: '逾期未按收费通知要求缴纳费用'
            },
            { key: 'otherReason', label: '3.其他' }
          ]
        },
        { key: 'resultTotal', label: '（七）总计', short: '办理结果总计', totalOf: 'R3' }
      ]
    },
    { key: 'carryOver', label: '四、结转下年度继续办理', since: '2019' }
  ],
  identities: [{ rule: 'R1', left: ['new', 'carried'], right: ['resultTotal', 'carryOver'] }]
}

const T4_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', lines: ['结果', '维持'] },
  { key: 'corrected', label: '结果纠正', lines: ['结果', '纠正'] },
  { key: 'other', label: '其他结果', lines: ['其他', '结果'] },
  { key: 'pending', label: '尚未审结', lines: ['尚未', '审结'] },
  { key: 'total', label: '总计', totalOf: 'R4' }
]

export const TABLE_4: StripTable = {
  id: 't4',
  name: '表四',
  section: 'review',
  layout: 'strip',
  columns: T4_COLUMNS,
  rows: [
    { key: 'review', label: '行政复议' },
    {
      key: 'litigation',
      label: '行政诉讼',
      children: [
        { key: 'direct', label: '未经复议直接起诉', since: '2019' },
        { key: 'afterReview', label: '复议后起诉', since: '2019' }
      ]
    }
  ]
}

export const TABLES: readonly TableDef[] = [TABLE_2, TABLE_3, TABLE_4]

export function tableById(id: TableId): TableDef {
  const table = TABLES.find((t) => t.id === id)
  if (!table) throw new Error(`unknown table ${id}`)
  return table
}

/** Every header node of a table (rows and columns, 表二's blocks included), outermost first. */
export function headerNodes(table: TableDef): HeaderNode[] {
  const walk = (nodes: readonly HeaderNode[]): HeaderNode[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])])
  if (table.layout === 'sections') return table.blocks.flatMap((b) => walk([...b.rows, ...b.columns]))
  return walk([...table.rows, ...table.columns])
}

/** A row of a table by its key, at any depth. */
export function rowByKey(table: TableDef, key: string): RowDef {
  const rows = table.layout === 'sections' ? table.blocks.flatMap((b) => b.rows) : table.rows
  const find = (nodes: readonly RowDef[]): RowDef | undefined => {
    for (const node of nodes) {
      const found = node.key === key ? node : find(node.children ?? [])
      if (found) return found
    }
    return undefined
  }
  const row = find(rows)
  if (!row) throw new Error(`unknown row ${table.id}.${key}`)
  return row
}

/** The numbering a label starts with: 二、 （三） 1. */
const LABEL_NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}\.)/

export function labelNumber(label: string): string {
  return LABEL_NUMBER.exec(label)?.[0] ?? ''
}

/** A label without its numbering: 1.属于国家秘密 → 属于国家秘密. */
export function withoutNumber(label: string): string {
  return label.slice(labelNumber(label).length)
}

/** How a sentence names a row or column: its `short`, else its label without the number. */
export function shortLabel(node: HeaderNode): string {
  return node.short ?? withoutNumber(node.label)
}

/** How a message points at a row: number and short name, “二、上年结转”. */
export function rowHeading(node: HeaderNode): string {
  return labelNumber(node.label) + shortLabel(node)
}

/** 表三's row filled from last year's report, and last year's row it takes (二、上年结转 ← 四、结转下年度继续办理). */
export const CARRIED_ROW: { readonly row: RowDef; readonly from: RowDef } = (() => {
  const row = TABLE_3.rows.find((r) => r.carriedFrom)!
  return { row, from: rowByKey(TABLE_3, row.carriedFrom!) }
})()
