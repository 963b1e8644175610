/**
 * The labels of the 2019 format (国办公开办函〔2019〕60号) that differ from today's, and what each
 * becomes in today's model (spec §2.1). Everything not listed here is identical to 2021 and maps
 * 1:1 through the 2021 definitions. These are the only labels the importer spells itself: they
 * are not part of the current format, so `tables.ts` does not hold them.
 */

/** A 2019 表二 column: where its figures go today, or why they are not imported. */
export interface Column2019 {
  label: string
  /** Printed only by the 2019 format: the importer takes it as evidence of that format (generation.ts). */
  marksFormat?: true
  /** 表二 blocks of tables.ts the column appears in. */
  blocks: readonly string[]
  /** Today's column key, when the 2019 figure maps onto it. */
  to?: string
  /** Why the figure is not imported (Chinese, shown to the officer). */
  unmapped?: string
  /** A change, not a count: the only column whose figures may be negative. */
  signed?: boolean
}

const ITEM_COUNTS_NOTE = '是事项数量，不是处理决定数量或收费金额，现行格式无对应栏目，未导入'

export const COLUMNS_2019: readonly Column2019[] = [
  { label: '本年新制作数量', blocks: ['item1'], to: 'issued', marksFormat: true },
  { label: '本年新公开数量', blocks: ['item1'], unmapped: '在现行格式中无对应栏目，未导入', marksFormat: true },
  {
    label: '对外公开总数量',
    blocks: ['item1'],
    marksFormat: true,
    unmapped: '是累计数（可能含已废止文件），不等于“现行有效件数”，未导入；如需沿用请人工核对'
  },
  { label: '上一年项目数量', blocks: ['item5', 'item6', 'item8'], unmapped: ITEM_COUNTS_NOTE, marksFormat: true },
  { label: '本年增/减', blocks: ['item5', 'item6', 'item8'], unmapped: ITEM_COUNTS_NOTE, signed: true },
  { label: '处理决定数量', blocks: ['item5', 'item6'], to: 'decisions' },
  { label: '采购项目数量', blocks: ['item9'], unmapped: '属第二十条第（九）项，已从现行格式删除，未导入', marksFormat: true },
  { label: '采购总金额', blocks: ['item9'], unmapped: '属第二十条第（九）项，已从现行格式删除，未导入' }
]

/** The column order of each 2019 表二 block, used when a block's header row was not recognised. */
export const BLOCK_COLUMNS_2019: Readonly<Record<string, readonly string[]>> = {
  item1: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  item5: ['上一年项目数量', '本年增/减', '处理决定数量'],
  item6: ['上一年项目数量', '本年增/减', '处理决定数量'],
  item8: ['上一年项目数量', '本年增/减'],
  item9: ['采购项目数量', '采购总金额']
}

/** A 2019 表二 row: renamed onto today's row, or dropped. */
export interface Row2019 {
  label: string
  /** As on Column2019. */
  marksFormat?: true
  block: string
  /** Today's row key. */
  to?: string
  unmapped?: string
}

export const ROWS_2019: readonly Row2019[] = [
  // 2021 reports still print the old name now and then; it is the same row.
  { label: '规范性文件', block: 'item1', to: 'normative' },
  { label: '其他对外管理服务事项', block: 'item5', unmapped: '现行格式第二十条第（五）项只统计行政许可，未导入' },
  { label: '政府集中采购', block: 'item9', unmapped: '属第二十条第（九）项，已从现行格式删除，未导入', marksFormat: true }
]

/** The caption of the 2019 block that no longer exists. */
export const CAPTIONS_2019: readonly { label: string; block: string; marksFormat?: true }[] = [
  { label: '第二十条第（九）项', block: 'item9', marksFormat: true }
]

/**
 * 表三 （六）其他处理 printed as one undivided row (the 2019 format, or a 2021 report keeping the old
 * layout): its figures go into this sub-row, the other sub-rows stay blank (spec §2.1).
 */
export const UNDIVIDED_GROUPS: Readonly<Record<string, { into: string; note: string }>> = {
  otherHandling: {
    into: 'otherReason',
    note: '原表“其他处理”未分项（2019 年格式），数值计入“3.其他”，第 1、2 项无法区分，留空'
  }
}
