import { basename } from 'node:path'
import type { Command } from 'commander'
import { cellDef, CELLS, describeCell, LABEL_SEPARATOR } from '@core/report/cells'
import { formatValue } from '@core/report/tsv'
import { countValues } from '@core/import/certainty'
import { OCR_REASON_TEXT } from '@core/import/ocr/review'
import type { ImportedValue, ParsedReport, ValueSource } from '@core/import/types'
import { FileError, readBoundedFile } from '../../main/services/files'
import type { ImportSource, ImportStage } from '../../main/services/import/runner'
import { MAX_DOCUMENT_BYTES } from '../../main/services/readers/index'
import { cliImporter } from '../importer'
import type { CliContext, CliIo } from '../io'
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
    .description('导入上年报告（.docx .doc .wps .pdf .txt .html .mhtml，扫描件或照片 .jpg .png .tif；“-”表示从标准输入读取粘贴的文字）')
    .argument('<文件...>', '上年报告文件（同一份报告的多张扫描图片按文件名顺序作为各页），或 - 读取标准输入')
    .option('-o, --output <文件>', '把识别出的年报保存为 .json')
    .option('--json', '以 JSON 输出识别结果')
    .option('--force', '覆盖已存在的输出文件')
    .action(async (files: string[], options: ImportOptions) => {
      const file = files[0]!
      const source: ImportSource =
        file === '-'
          ? { kind: 'text', text: await readStdin(), name: PASTED }
          : files.length > 1
            ? { kind: 'images', files: await readFiles(files), name: files.map((f) => basename(f)).join('、') }
            : { kind: 'file', path: file, name: basename(file) }
      // The same worker, budget and memory ceiling as the app: a file that would hang or exhaust
      // memory ends as one Chinese sentence.
      const parsed = await cliImporter()
        .run(source, { recognizeSource: file === '-' ? PASTED : files.join('、'), onProgress: progressTo(io) })
        .catch((error: unknown) => {
          throw namingFile(error, source.name)
        })
      if (options.output !== undefined) {
        await saveReport(options.output, parsed.report, { overwrite: options.force === true })
      }
      if (options.json) io.out(`${JSON.stringify(importJson(parsed), null, 2)}\n`)
      else io.out(importSummary(parsed, options.output))
    })
}

/** OCR is the slow stage (seconds a page): its progress goes to stderr. */
function progressTo(io: CliIo): (stage: ImportStage) => void {
  return (stage) => {
    if (stage.stage !== 'ocr') return
    const { page, pages, done } = stage
    io.err(done < pages ? `正在识别第 ${page} 页（共 ${pages} 页）…\n` : `已识别 ${pages} 页\n`)
  }
}

/** A refusal says which file it is about (the worker's own sentences may name it already). */
function namingFile(error: unknown, name: string): unknown {
  if (!(error instanceof FileError) || error.message.includes(name)) return error
  return new FileError(`无法导入“${name}”：${error.message}`)
}

/** Several image files: the pages of one scan, read here and handed to the worker in name order. */
async function readFiles(paths: readonly string[]) {
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readBoundedFile(path, MAX_DOCUMENT_BYTES)
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name: path }
    })
  )
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

/**
 * The `import --json` shape promised in the README (kept as it is: how each value was obtained
 * shows in its `confidence`, `flags` and `note`; an unsettled unit and the suggestions are among
 * the `warnings`).
 */
export function importJson(parsed: ParsedReport) {
  return {
    unit: parsed.missing.includes('单位名称') ? '' : parsed.report.unit.name,
    year: parsed.missing.includes('报告年度') ? null : parsed.report.year,
    generation: parsed.generation,
    sections: parsed.sections.map((s) => ({ heading: s.heading, chars: [...s.text.replace(/\s/g, '')].length })),
    values: parsed.values.map(valueJson),
    legacy: parsed.legacy.map((f) => ({
      label: f.label,
      ...(f.unit ? { unit: f.unit } : {}),
      values: f.values,
      ...(f.derived ? { derived: f.derived } : {})
    })),
    missing: parsed.missing,
    warnings: parsed.warnings,
    ...(parsed.ocr
      ? {
          ocr: {
            pages: parsed.ocr.pages,
            flagged: parsed.ocr.items.filter((i) => i.reasons.length > 0).map((i) => ({ cell: i.cell, value: i.value, read: i.read, score: Math.round(i.score * 100) / 100, reasons: i.reasons, ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}) }))
          }
        }
      : {})
  }
}

const GENERATION_LABELS: Record<ParsedReport['generation'], string> = {
  '2021': '2021 年版国家格式',
  '2019': '2019 年版（试行）格式',
  'pre-2019': '2019 年以前的格式'
}

function importSummary(parsed: ParsedReport, output: string | undefined): string {
  const counts = countValues(parsed.values, CELLS.length)
  const unitNote = parsed.unitCheck.settled || parsed.missing.includes('单位名称') ? '' : `（未能确定，请核对${parsed.unitCheck.candidates.length > 1 ? `：文中还写作${parsed.unitCheck.candidates.slice(1).map((c) => `“${c}”`).join('、')}` : ''}）`
  const lines = [
    `单位：${parsed.missing.includes('单位名称') ? '未识别' : parsed.report.unit.name}${unitNote}`,
    `年度：${parsed.missing.includes('报告年度') ? '未识别' : parsed.report.year}`,
    `格式：${GENERATION_LABELS[parsed.generation]}`,
    `章节：${parsed.sections.length} 个${parsed.sections.length ? `（${parsed.sections.map((s) => s.heading || '开头').join('、')}）` : ''}`,
    `表格数值：已识别 ${counts.read} 个，需核对 ${counts.review} 个，未识别 ${counts.missing} 个`
  ]
  if (parsed.ocr) {
    const flagged = parsed.ocr.items.filter((i) => i.reasons.length > 0)
    lines.push(
      `文字识别：第 ${parsed.ocr.pages.join('、')} 页为图片，${parsed.ocr.items.length - flagged.length} 个数值已由合计关系验证，${flagged.length} 个需对照原图核对`
    )
    for (const item of flagged) {
      const cell = cellDef(item.cell)
      const hint = item.suggestion !== undefined ? `，建议改为 ${formatValue(item.suggestion)}` : ''
      lines.push(`  ${cell.tableName}「${cell.rowPath.join(LABEL_SEPARATOR)}」「${cell.columnPath.join(LABEL_SEPARATOR)}」：${formatValue(item.value)}（${item.reasons.map((r) => OCR_REASON_TEXT[r]).join('、')}${hint}）`)
    }
  }
  if (parsed.legacy.length) lines.push(`旧版统计表：${parsed.legacy.length} 项`)
  if (parsed.missing.length) lines.push(`未找到：${parsed.missing.join('、')}`)
  for (const warning of parsed.warnings) lines.push(`注意：${warning}`)
  for (const s of parsed.suggestions) lines.push(`建议：${s.reason}（${s.cells.map((id) => describeCell(id)).join('、')}）`)
  if (output !== undefined) lines.push(`已保存：${output}`)
  return `${lines.join('\n')}\n`
}

