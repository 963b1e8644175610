/**
 * What the 帮助 view says. The lists that the app itself defines are read from where the app
 * defines them, so the help cannot drift: the six sections and their headings (SECTIONS), the
 * tables' rows (TABLES), every check with its short name and severity (RULES, RULE_NAMES), the
 * menu shortcuts (MENU_COMMANDS). What is written here is the explanation around them: what a
 * row counts, what a check means and how to fix what it finds.
 */
import { SECTIONS, type SectionId } from '@core/report/sections'
import { TABLES, type RowDef, type TableDef } from '@core/report/tables'
import { OUTLIER_LIMITS } from '@core/rollup/crossChecks'
import { ROLLUP_RULE_NAMES } from '@core/rollup/names'
import { RULES } from '@core/rules/engine'
import { ruleName } from '@core/rules/names'
import { SEVERITY_LABELS, type Severity } from '@core/rules/types'
import { MENU_COMMANDS, type MenuCommand } from '@shared/ipc/menuCommands'

export const STEPS: readonly { title: string; text: string }[] = [
  {
    title: '导入上年报告',
    text: '在“资料库”点“导入上年报告”，或把文件拖到窗口上。Word、WPS、PDF、网页、文本都可以。程序识别出单位、年度、六个部分和三张表的数字，需要核对的数字标黄并说明原因，改好后确认导入。'
  },
  {
    title: '生成本年草稿',
    text: '在上年报告旁点“生成草稿”。表三“上年结转”自动取上年“结转下年度继续办理”；正文照搬上年，年份顺延，其中每个数字都标成【待更新：原数字】，第五部分开头列出上年问题的整改清单，整改情况处标【待填写】。'
  },
  {
    title: '填写和修改',
    text: '在“编辑”页逐节改写正文、填写三张表。黄色底的是程序加的标记：按 F3 跳到下一处，直接输入即替换；右侧“检查结果”随输入更新，点一条就跳到对应的单元格或段落。最后在“落款”处选择成文日期。'
  },
  {
    title: '预览和核对',
    text: '在“预览”页按打印效果逐页查看（A4、页码、表格跨页时表头重复）。这就是导出的 Word 文档本身。缺少国家标准字体时，页面上方会说明，并可改用常见字体。'
  },
  {
    title: '导出和发布',
    text: '按 Ctrl+E 导出 Word 文档（或导出 PDF、打印）。导出前会列出还没处理的标记、错误和警告（已核实或忽略的只说明条数）；正文里还有标记时只能导出草稿（每页标“草稿”），处理完才能导出正式文档。空白单元格、三级标题是否加粗、落款日期写法和位置在导出对话框中选择，默认取本报告上次的选择（新报告取“设置”），选择保存在报告中。'
  }
]

/** The six parts, in our words; headings come from SECTIONS. */
const SECTION_NOTES: Record<SectionId, string> = {
  overview:
    '概括本机关一年来落实《政府信息公开条例》的情况：主动公开、依申请公开、政府信息管理、公开平台建设、监督保障。各级人民政府还要写工作考核、社会评议和责任追究结果。篇幅原则上不超过一千字。',
  proactive: '用表二报告第二十条规定主动公开的几类信息的数量，数字截至报告年度 12 月 31 日。表前可以写一段说明。',
  requests: '用表三报告收到了多少公开申请、来自哪类申请人、每件最后怎么处理的。表前可以写一段说明。',
  review: '用表四报告因政府信息公开被申请行政复议、被提起行政诉讼的件数和结果。复议机关作共同被告的，只由原行政行为机关统计。',
  problems: '如实写本机关工作中存在的主要问题和改进措施，并说明上年问题的整改情况。不得敷衍了事，不得年年雷同。',
  other: '其他需要报告的事项；收取信息处理费的情况必须在这里写明，没有收取也要写明。'
}

/** What each row counts, in our words, by the row's key in TABLES. */
const ROW_NOTES: Record<string, string> = {
  rules: '本机关制定的规章。只有省级和设区的市、自治州人民政府能制定规章，县、乡两级通常为 0。',
  normative: '本机关制发的行政规范性文件。',
  license: '办理行政许可的处理决定数，已公开和依法未公开的都算。',
  penalty: '行政处罚决定数，已公开和依法未公开的都算。',
  coercion: '行政强制决定数，已公开和依法未公开的都算。',
  fees: '行政事业性收费金额，单位是万元，可以有小数。',
  new: '本年收到的公开申请件数，按收到申请的日期算。',
  carried: '上年没办完、转到本年继续办理的件数，应等于上年报告的“结转下年度继续办理”。',
  result: '本年办结的申请按最终结果分类，每件只计一种结果。',
  public: '全部公开。',
  partial: '一部分公开、一部分不公开（区分处理）的，只计在这里。',
  withheld: '依法不予公开，按理由分八类：国家秘密、其他法律法规禁止、危及国家安全公共安全经济安全社会稳定、第三方权益、内部事务、过程性信息、行政执法案卷、行政查询事项。',
  unable: '无法提供：本机关不掌握、需要另行制作、补正后仍不明确。',
  notProcessed: '不予处理：信访举报投诉类、重复申请、要求提供公开出版物、无正当理由大量反复申请、要求确认或重新出具已获取信息。',
  otherHandling: '其他处理：逾期不补正、逾期不缴费而不再处理的，以及确实无法归类的。“其他”件数多时主管部门会过问。',
  resultTotal: '（一）到（六）各项之和。',
  carryOver: '年底还没办完、转到下年继续办理的件数。',
  review: '本机关因政府信息公开被申请行政复议的案件，按结果分维持、纠正、其他结果、尚未审结。',
  litigation: '本机关因政府信息公开被提起行政诉讼的案件。',
  direct: '没有经过复议、直接起诉的。',
  afterReview: '先复议、对复议结果不服再起诉的。'
}

/** What each table is for, in our words. */
const TABLE_NOTES: Record<string, string> = {
  t2: '表二“主动公开政府信息情况”分四块，对应《条例》第二十条第（一）（五）（六）（八）项。',
  t3: '表三“收到和处理政府信息公开申请情况”：每行一类情况，每列一类申请人（自然人；法人或其他组织分商业企业、科研机构、社会公益组织、法律服务机构、其他；总计）。左上角写明勾稽关系：第一项加第二项，等于第三项加第四项。',
  t4: '表四“政府信息公开行政复议、行政诉讼情况”只有一行数字，分行政复议、未经复议直接起诉、复议后起诉三组，每组各有结果维持、结果纠正、其他结果、尚未审结、总计五列。'
}

export interface RowHelp {
  label: string
  note?: string
  depth: number
}

function rowsOf(rows: readonly RowDef[], depth = 0): RowHelp[] {
  return rows.flatMap((row) => [{ label: row.label, note: ROW_NOTES[row.key], depth }, ...rowsOf(row.children ?? [], depth + 1)])
}

function tableRows(table: TableDef): RowHelp[] {
  if (table.layout === 'sections') return table.blocks.flatMap((block) => [{ label: block.caption, depth: 0 }, ...rowsOf(block.rows, 1)])
  return rowsOf(table.rows)
}

export const FORMAT_SECTIONS = SECTIONS.map((section) => ({ heading: section.heading, note: SECTION_NOTES[section.id] }))

export const FORMAT_TABLES = TABLES.map((table) => ({ name: table.name, note: TABLE_NOTES[table.id] ?? '', rows: tableRows(table) }))

/** What to do about each check's findings, by rule id; the rule's own title says what it checks. */
export const RULE_FIXES: Readonly<Record<string, string>> = {
  R1: '表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度。核对四行中填错的一行；上年结转应取上年报告的数字。',
  R2: '表三每一行的“总计”应等于自然人和各类法人或其他组织之和。改正总计或分项；空白的总计可用“填入合计”自动算出。',
  R3: '表三“（七）总计”应等于（一）到（六）各项之和。改正总计或分项，或用“填入合计”。',
  R4: '表四每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
  R5: '件数只能是不小于 0 的整数；收费金额以万元计，可以有小数。改正该单元格。',
  BLANK: '空白不等于 0。确实为 0 的请填 0；导出时可在导出对话框选择空白填 0 还是保留空白。',
  X1: '本年“上年结转”应逐列等于上年报告的“结转下年度继续办理”。核对两年的数字。',
  X2: '现行有效件数应等于上年现行有效件数 + 本年制发 − 本年废止。清理、修订造成的差异可以保留，但请核实。',
  P1: '总体情况原则上不超过一千字（地区配置可另定上限；开头关于本报告的说明和程序加的标记不计入，与编辑页的字数统计相同）。精简文字，细节放到后面各部分。',
  P2: '第五部分几乎照搬上年。按本年实际改写问题和改进措施，并写明上年问题的整改情况。',
  P3: '第六部分要写明收取信息处理费的情况，没有收取也要写，例如“本年度未收取信息处理费”。',
  P5: '正文引用的数字与表格不符。以表格为准改正正文，或改正表格。',
  P6: '县级、乡镇单位一般无权制定规章，规章件数通常为 0。核实后改正。',
  YEAR: '正文中的年份可能还是上年的，或写成了报告年度之后的年份。核对并改正。',
  STALE: '正文中还有【待更新】【待填写】标记。按 F3 逐个跳到标记处，输入本年内容即替换；有标记时只能导出草稿。',
  COPY: '与上年报告文字重复超过一半。按本年实际改写。',
  OUTDATED: '正文沿用了往年的年度文件名称（如某年的工作要点、年报通知）或已过时的提法。改为本年适用的文件和提法；历史回顾中有意提及的可忽略。',
  REMEDY: '第五部分应写明上年报告所列问题的整改情况。逐条写明采取了什么措施、效果如何。',
  FORMAT: '标题、章节标题或表格标签与国家格式的写法不同，或总体情况缺少格式要求的内容。按提示改用规范写法或补写；确有理由的可忽略。',
  FIGURES: '地区配置要求在总体情况中写明的数字没有写，或与对应单元格不符。按表格补写或改正；配置在“设置”中。',
  ITEMS: '地区配置要求第六部分说明的事项没有写到。逐项补写；配置在“设置”中。',
  DEADLINE: '成文日期晚于报送截止日期（1 月 31 日，或地区配置的日期）。核对成文日期；确实逾期的请说明原因。',
  DATE: '在编辑页最后的“落款”处选择成文日期（按 GB/T 9704 用阿拉伯数字打印，如 2026年1月20日；地区要求用汉字的，在导出选项中选择）。年度报告应在次年成文。'
}

export interface CheckHelp {
  id: string
  name: string
  title: string
  severity: Severity
  severityLabel: string
  fix: string
}

export const CHECKS: readonly CheckHelp[] = RULES.map((rule) => ({
  id: rule.id,
  name: ruleName(rule.id),
  title: rule.title,
  severity: rule.severity,
  severityLabel: SEVERITY_LABELS[rule.severity],
  fix: RULE_FIXES[rule.id] ?? ''
}))

/** “CmdOrCtrl+Shift+P” → “Ctrl+Shift+P”. */
function keys(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'Ctrl')
}

export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  ...(Object.keys(MENU_COMMANDS) as MenuCommand[]).map((name) => ({
    keys: keys(MENU_COMMANDS[name].accelerator),
    what: MENU_COMMANDS[name].label.replace(/…$/, '')
  })),
  { keys: 'F3 / Shift+F3', what: '编辑页：跳到下一处 / 上一处【待更新】【待填写】标记（选中后直接输入即替换）' },
  { keys: 'Alt+Enter', what: '编辑页：选中【待更新：N】标记时，保留原数字 N 并去掉标记' },
  { keys: 'Ctrl+Z / Ctrl+Y', what: '撤销 / 重做（正文和表格都可以）' },
  { keys: 'Ctrl+S', what: '立即保存（平时自动保存）' },
  { keys: 'Tab / Shift+Tab', what: '表格：下一格 / 上一格' },
  { keys: 'Enter / Shift+Enter', what: '表格：下一行 / 上一行' },
  { keys: '方向键', what: '表格：在单元格之间移动' },
  { keys: 'Ctrl+V', what: '表格：粘贴从 Excel、WPS 复制的一块数据' }
]

/** 汇总 (the county office's roll-up), paragraph by paragraph; figures from the roll-up's own limits. */
export const ROLLUP: readonly string[] = [
  '县（市、区）政务公开办收齐各乡镇（街道）、部门的年报后，在“汇总”页选择存放这些报告的文件夹或 .zip 压缩包（也可以把文件或整个文件夹拖进来）。每份报告都按导入的同样方式读取，用上电脑的全部核心，显示“已读取 n/m”，可随时取消；读不了的文件列出原因，不影响其他文件。',
  `先在“单位名单”中列出应报送的单位（名称、层级：乡镇/街道、县级部门、其他，以及别名），可从 .tsv 或 .xlsx 导入（每行：名称、层级、别名……）。报告按单位名称匹配：去掉“人民政府”“办事处”和地名前缀、按别名、容许一两个字的差错（这类匹配标“请核对”）；匹配不上的可手动指定，并可记为别名；名单中没有报告的单位列为“未报送”。`,
  `每份报告做与编辑时相同的检查（勾稽关系、正文与表格、空白、过时年份；资料库中有该单位上年报告时还比较雷同比例），并按名单中的层级判断（如乡镇制发规章）；与该单位上年相比变化超过 ${OUTLIER_LIMITS.ratio} 倍（且至少 ${OUTLIER_LIMITS.floor}）的主要数字列为“${ROLLUP_RULE_NAMES.OUTLIER}”。同一单位有两份文件时并排显示，由经办人选择；其他年度的报告单独列出，不计入合计。`,
  '三张表按单位逐格合计；有单位留空的格，合计标为“不完整”（空白不等于 0）。如上级要求本级报告与所属单位合计一致，可在“设置”中选择要比较的单元格和本级单位（默认不比较）。“导出汇总表”生成 .xlsx：汇总、表二、表三、表四、问题清单、未报送等工作表，数字为数值格式，表头冻结，可直接打印。命令行：npm run cli -- rollup 文件夹 --year 年度 [--units 名单.tsv] [-o 汇总.xlsx] [--json]。'
]

export const STORAGE: readonly string[] = [
  '报告保存在本机的“资料库”里，每份报告（单位 + 年度）一个文件，修改后自动保存。资料库位于程序的用户数据目录：Windows 为 %APPDATA%\\政府信息公开年报助手\\library，统信 UOS、麒麟等 Linux 系统为 ~/.config/政府信息公开年报助手/library。',
  '每份报告保留最近 5 个备份（backups 文件夹），文件损坏时程序会提示并可从备份恢复；删除的报告先进入回收站（recycle 文件夹），可以撤销。',
  '导出的 Word、PDF 文件保存在导出时选择的位置（默认“文档”文件夹），导出后可点“打开所在文件夹”。程序全程离线，不上传任何内容。'
]
