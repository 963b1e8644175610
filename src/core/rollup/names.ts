/** Short Chinese names of the roll-up's own checks, beside the editor's (rules/names.ts). */
export const ROLLUP_RULE_NAMES: Readonly<Record<string, string>> = {
  OUTLIER: '与上年差异大',
  AGREE: '与所属单位合计'
}
