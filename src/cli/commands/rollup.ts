/**
 * `rollup DIR|ZIP …`: the county office's roll-up. Reads every report in the folders, .zip files or
 * files given (each imported as `import` would), matches them to the county's units (`--units`, or
 * the list kept in `--library`), checks each as the editor does, sums the three tables, and writes
 * the summary workbook (`-o`). `--json` prints the fixed shape of issue 14 (see core/rollup/json.ts).
 */
import { extname } from 'node:path'
import type { Command } from 'commander'
import { CELLS, isCellId, type CellId } from '@core/report/cells'
import { rollupJson } from '@core/rollup/json'
import { MATCH_METHOD_LABELS, UNSURE_METHODS } from '@core/rollup/match'
import { rollupSettingsOf } from '@core/rollup/rollup'
import type { RollupResult, RollupSettings } from '@core/rollup/types'
import type { RollupUnit } from '@core/rollup/units'
import { ruleSettings } from '@core/settings'
import { FileError, fileExists } from '../../main/services/files'
import { ReportLibrary } from '../../main/services/library/index'
import { LibraryHistory } from '../../main/services/rollup/history'
import { nodeSpawner } from '../../main/services/import/nodeSpawner'
import { ImportPool } from '../../main/services/rollup/pool'
import { runRollup } from '../../main/services/rollup/run'
import { readUnitListFile, UnitsStore } from '../../main/services/rollup/unitsStore'
import { writeWorkbook } from '../../main/services/rollup/workbook'
import { SettingsStore } from '../../main/services/settings'
import { CliError, type CliContext } from '../io'
import { parseYear } from '../options'
import { loadRegionProfile } from '../ruleSettings'

interface RollupOptions {
  year: string
  units?: string
  library?: string
  settings?: string
  output?: string
  force?: boolean
  json?: boolean
  compare?: string
}

export function registerRollup(program: Command, { io }: CliContext): void {
  program
    .command('rollup')
    .description('汇总本县（区）各单位的年度报告：找出未报送的单位和各种问题，合计三张表，输出汇总表（.xlsx）')
    .argument('<输入...>', '报告所在的文件夹或 .zip 压缩包（也可直接列出报告文件）')
    .requiredOption('--year <年度>', '汇总的报告年度，如 2024')
    .option('--units <文件>', '单位名单（.tsv 或 .xlsx，每行：名称<TAB>层级[<TAB>别名…]；层级为乡镇/街道、县级部门或其他）')
    .option('--library <目录>', '资料库文件夹：各单位上年报告（跨年核对）、其中保存的单位名单和设置')
    .option('--settings <文件>', '按设置文件或县里下发的地区配置 .json 检查')
    .option('--compare <单元格>', '本级报告应与所属单位合计一致的单元格（逗号分隔的编号，如 t3.new.total,t2.normative.issued）')
    .option('-o, --output <文件>', '汇总表 .xlsx')
    .option('--force', '覆盖已存在的汇总表')
    .option('--json', '以 JSON 输出汇总结果')
    .action(async (inputs: string[], options: RollupOptions) => {
      const year = parseYear(options.year)
      if (options.output !== undefined && extname(options.output).toLowerCase() !== '.xlsx') {
        throw new CliError(`汇总表应为 .xlsx 文件：${options.output}`)
      }
      if (options.output !== undefined && options.force !== true && (await fileExists(options.output))) {
        throw new FileError(`文件已存在：${options.output}（如需覆盖，请加 --force）`)
      }
      const units = await loadUnits(options)
      const profile = await loadRegionProfile(options, io)
      const rollupSettings = await loadRollupSettings(options)
      const library = options.library === undefined ? undefined : new ReportLibrary(options.library)
      let shown = 0
      // The app's import workers, one per core: each file within the same time and memory budget as `import`.
      const pool = new ImportPool({ spawner: nodeSpawner() })
      pool.warm()
      let result
      try {
        result = await runRollup(inputs, {
          year,
          units,
          history: new LibraryHistory(library),
          ...(profile ? { ruleSettings: ruleSettings(profile) } : {}),
          ...(rollupSettings ? { rollupSettings } : {}),
          importOne: pool.importOne,
          concurrency: pool.size,
          onProgress: ({ done, total }) => {
            // About ten lines for a long run, on stderr: the JSON on stdout stays clean.
            if (total >= 20 && done < total && done >= shown + Math.ceil(total / 10)) {
              shown = done
              io.err(`已读取 ${done}/${total}\n`)
            }
          }
        })
      } finally {
        await pool.dispose()
      }
      if (options.output !== undefined) await writeWorkbook(options.output, result)
      if (options.json) io.out(`${JSON.stringify(rollupJson(result), null, 2)}\n`)
      else io.out(formatRollup(result, options.output))
    })
}

async function loadUnits(options: RollupOptions): Promise<RollupUnit[]> {
  if (options.units !== undefined) return readUnitListFile(options.units)
  if (options.library !== undefined) return new UnitsStore(options.library).load()
  return []
}

async function loadRollupSettings(options: RollupOptions): Promise<RollupSettings | undefined> {
  if (options.compare !== undefined) {
    const cells = options.compare
      .split(/[,，\s]+/)
      .map((c) => c.trim())
      .filter((c) => c !== '')
    const unknown = cells.find((c) => !isCellId(c))
    if (unknown) throw new CliError(`未知单元格“${unknown}”（编号如 ${CELLS[0]!.id}、t3.new.total）`)
    return { compareCells: cells as CellId[] }
  }
  if (options.library === undefined) return undefined
  const { settings } = await new SettingsStore(options.library).load()
  return rollupSettingsOf(settings.local.rollup)
}

const list = (names: readonly string[], max = 20) => (names.length > max ? `${names.slice(0, max).join('、')} 等 ${names.length} 个` : names.join('、'))

export function formatRollup(result: RollupResult, output?: string): string {
  const reported = result.units.filter((s) => s.status !== 'missing')
  const duplicates = result.units.filter((s) => s.status === 'duplicate')
  const lines = [
    `${result.year} 年度汇总：${result.listed ? `单位 ${result.units.length} 个，已报送 ${reported.length} 个，未报送 ${result.missing.length} 个` : `未提供单位名单，按报告所写共 ${result.units.length} 个单位`}` +
      `${duplicates.length ? `（重复报送 ${duplicates.length} 个）` : ''}；其他年度 ${result.otherYears.length} 份，未匹配 ${result.unmatched.length} 份，无法读取 ${result.unreadable.length} 个。`
  ]
  if (result.missing.length) lines.push(`未报送：${list(result.missing)}`)
  for (const s of duplicates) {
    lines.push(`重复报送：${s.unit.name}（${s.reports.map((r) => r.file).join('、')}；合计暂用 ${s.chosen?.file}）`)
  }
  for (const s of result.units) {
    const match = s.chosen?.match
    if (match && UNSURE_METHODS.has(match.method)) lines.push(`请核对匹配：${s.chosen!.file}（“${match.via}”）→ ${s.unit.name}（${MATCH_METHOD_LABELS[match.method]}）`)
  }
  for (const r of result.unmatched) {
    const why = r.ambiguous?.length ? `可能是 ${r.ambiguous.join('、')}` : r.names.length ? `报告写作“${r.names[0]}”，名单中没有` : '报告中未识别出单位'
    lines.push(`未匹配到单位：${r.file}（${why}），未计入合计`)
  }
  for (const r of result.otherYears) lines.push(`其他年度：${r.file}（${r.year === undefined ? '年度未识别' : `${r.year} 年度`}${r.match ? `，${r.match.unit}` : ''}），未计入合计`)
  for (const u of result.unreadable) lines.push(`无法读取：${u.file}：${u.reason}`)
  const errors = result.units.reduce((n, s) => n + s.counts.error, 0)
  const warnings = result.units.reduce((n, s) => n + s.counts.warning, 0)
  lines.push(`检查结果：错误 ${errors} 项，警告 ${warnings} 项${output ? '（详见汇总表“问题清单”）' : ''}`)
  const incomplete = result.totals.filter((t) => !t.complete).length
  lines.push(incomplete ? `合计不完整的单元格 ${incomplete} 个（有单位空白，空白不等于 0）` : '三张表的合计均完整')
  if (result.comparisonProblem) lines.push(result.comparisonProblem)
  if (result.comparison) {
    const differ = result.comparison.cells.filter((c) => !c.agrees).length
    lines.push(`本级（${result.comparison.unit}）与所属单位合计：核对 ${result.comparison.cells.length} 个单元格，${differ ? `${differ} 个不一致` : '全部一致'}`)
  }
  if (output) lines.push(`已写入汇总表：${output}`)
  return `${lines.join('\n')}\n`
}
