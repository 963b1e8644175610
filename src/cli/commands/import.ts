import { basename } from 'node:path'
import type { Command } from 'commander'
import { cellDef, LABEL_SEPARATOR } from '../../core/report/cells'
import { formatValue } from '../../core/report/tsv'
import type { ImportedValue, ParsedReport, ValueSource } from '../../core/import/types'
import type { ImportSource } from '../../main/services/import/runner'
import { cliImporter } from '../importer'
import type { CliContext } from '../io'
import { saveReport } from '../reportFiles'

/** The text of `import -` in reports and messages. */
const PASTED = '粘贴的文字'

interface ImportOptions {
  output?: string
  json?: boolean
  force?: boolean
}

export function registerImport(program: Command, { io }: CliContext): void {
  program
    .command('import')
    .description('导入上年报告（.docx .doc .wps .pdf .txt .html .mhtml；“-”表示从标准输入读取粘贴的文字）')
    .argument('<文件>', '上年报告文件，或 - 读取标准输入')
    .option('-o, --output <文件>', '把识别出的年报保存为 .json')
    .option('--json', '以 JSON 输出识别结果')
    .option('--force', '覆盖已存在的输出文件')
    .action(async (file: string, options: ImportOptions) => {
      const source: ImportSource =
        file === '-' ? { kind: 'text', text: await readStdin(), name: PASTED } : { kind: 'file', path: file, name: basename(file) }
      // The same worker, budget and memory ceiling as the app: a file that would hang or exhaust
      // memory ends as one Chinese sentence.
      const parsed = await cliImporter().run(source, { recognizeSource: file === '-' ? PASTED : file })
      if (options.output !== undefined) {
        await saveReport(options.output, parsed.report, { overwrite: options.force === true })
      }
      if (options.json) io.out(`${JSON.stringify(importJson(parsed), null, 2)}\n`)
      else io.out(importSummary(parsed, options.output))
    })
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function describeSource(source: ValueSource): string {
  const parts = [`第 ${source.block + 1} 块`]
  if (source.row !== undefined) parts.push(`第 ${source.row + 1} 行`)
  if (source.cell !== undefined) parts.push(`第 ${source.cell + 1} 格`)
  return source.text === undefined ? parts.join(' ') : `${parts.join(' ')}：“${source.text}”`
}

function valueJson(value: ImportedValue) {
  const cell = cellDef(value.cell)
  return {
    table: cell.tableName,
    row: cell.rowPath.join(LABEL_SEPARATOR),
    column: cell.columnPath.join(LABEL_SEPARATOR),
    value: formatValue(value.value),
    confidence: Math.round(value.confidence * 100) / 100,
    source: describeSource(value.source),
    ...(value.flags.length ? { flags: value.flags } : {}),
    ...(value.note ? { note: value.note } : {})
  }
}

/** The `import --json` shape promised in the README and the issue. */
export function importJson(parsed: ParsedReport) {
  return {
    unit: parsed.missing.includes('单位名称') ? '' : parsed.report.unit.name,
    year: parsed.missing.includes('报告年度') ? null : parsed.report.year,
    generation: parsed.generation,
    sections: parsed.sections.map((s) => ({ heading: s.heading, chars: [...s.text.replace(/\s/g, '')].length })),
    values: parsed.values.map(valueJson),
    legacy: parsed.legacy.map((f) => ({ label: f.label, ...(f.unit ? { unit: f.unit } : {}), values: f.values })),
    missing: parsed.missing,
    warnings: parsed.warnings
  }
}

const GENERATION_LABELS: Record<ParsedReport['generation'], string> = {
  '2021': '2021 年版国家格式',
  '2019': '2019 年版（试行）格式',
  'pre-2019': '2019 年以前的格式'
}

function importSummary(parsed: ParsedReport, output: string | undefined): string {
  const lines = [
    `单位：${parsed.missing.includes('单位名称') ? '未识别' : parsed.report.unit.name}`,
    `年度：${parsed.missing.includes('报告年度') ? '未识别' : parsed.report.year}`,
    `格式：${GENERATION_LABELS[parsed.generation]}`,
    `章节：${parsed.sections.length} 个${parsed.sections.length ? `（${parsed.sections.map((s) => s.heading || '开头').join('、')}）` : ''}`,
    `表格数值：${parsed.values.length} 个${reviewCount(parsed)}`
  ]
  if (parsed.legacy.length) lines.push(`旧版统计表：${parsed.legacy.length} 项`)
  if (parsed.missing.length) lines.push(`未找到：${parsed.missing.join('、')}`)
  for (const warning of parsed.warnings) lines.push(`注意：${warning}`)
  if (output !== undefined) lines.push(`已保存：${output}`)
  return `${lines.join('\n')}\n`
}

function reviewCount(parsed: ParsedReport): string {
  const review = parsed.values.filter((v) => v.flags.length > 0 || v.confidence < 1).length
  return review ? `，其中 ${review} 个需要核对` : ''
}
