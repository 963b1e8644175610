/**
 * Short Chinese names of the rules, shown to the officer instead of their codes (the code stays in a
 * tooltip and in `check --json`). A rule added to the engine gets its name here.
 */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  R1: '勾稽关系',
  R2: '行合计',
  R3: '列合计',
  R4: '复议诉讼合计',
  R5: '数值格式',
  BLANK: '未填写',
  X1: '上年结转',
  X2: '现行有效件数',
  P1: '字数',
  P2: '整改照搬',
  P3: '信息处理费',
  P5: '文字与表格',
  P6: '规章件数',
  YEAR: '年份',
  STALE: '待更新',
  COPY: '与上年雷同',
  OUTDATED: '过时表述',
  REMEDY: '上年问题整改',
  FORMAT: '格式表述',
  DATE: '成文日期',
  FIGURES: '必写数字',
  ITEMS: '第六部分事项',
  DEADLINE: '报送期限'
}

/** The rule's short name, or its code when it has none yet. */
export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule
}
