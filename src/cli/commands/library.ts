/**
 * `library …`: everything the app does with the report library, headless. The same ReportLibrary the
 * main process uses, on the folder given by `--library DIR`.
 */
import type { Command } from 'commander'
import { cleanUnitName } from '@core/library/unitName'
import { versionReasonLabel } from '@core/library/versions'
import { serializeReport, UNIT_LEVEL_LABELS } from '@core/report/report'
import { formatBytes } from '../../main/services/files'
import { DamagedReportError, formatTime, LibraryError, ReportLibrary, type BackupInfo, type LibraryEntry, type LibraryUnit } from '../../main/services/library'
import { CollisionError, OPERATION_LABELS, type Keep, type UnitOperation } from '../../main/services/library/unitChanges'
import { CliError, type CliContext, type CliIo } from '../io'
import { parseYear } from '../options'
import { saveReport } from '../reportFiles'

interface LibraryOption {
  library: string
}

const LIBRARY_OPTION = ['--library <目录>', '资料库文件夹（不存在时自动创建）'] as const

export function registerLibrary(program: Command, { io }: CliContext): void {
  const library = program.command('library').description('报告资料库：按单位和年度保存的年报，带自动备份与回收站')
  const open = (options: LibraryOption) => new ReportLibrary(options.library)

  library
    .command('list')
    .description('列出资料库中的单位和年度（损坏的文件也列出）')
    .requiredOption(...LIBRARY_OPTION)
    .option('--json', '以 JSON 输出')
    .action(async (options: LibraryOption & { json?: boolean }) => {
      const units = await open(options).list()
      if (options.json) io.out(`${JSON.stringify(units, null, 2)}\n`)
      else io.out(formatList(units, options.library))
    })

  library
    .command('add')
    .description('把一份年报 .json 收入资料库')
    .argument('<报告>', '年报 .json 文件')
    .requiredOption(...LIBRARY_OPTION)
    .option('--force', '资料库中已有同一单位同一年度时覆盖（原版本自动备份）')
    .action(async (file: string, options: LibraryOption & { force?: boolean }) => {
      const saved = await withHints(options.library, () => open(options).add(file, { force: options.force === true }))
      const { unit, year } = saved.report
      io.out(`已收入资料库：${unit.name} ${year} 年度报告${saved.backup ? `（原版本已备份为 ${saved.backup.id}）` : ''}\n`)
    })

  library
    .command('open')
    .description('取出一份年报：输出 JSON，或用 -o 写入文件')
    .argument('<单位>', '单位名称')
    .argument('<年度>', '报告年度，如 2025')
    .requiredOption(...LIBRARY_OPTION)
    .option('-o, --output <文件>', '写入的 .json 文件')
    .option('--force', '覆盖已存在的输出文件')
    .action(async (unit: string, year: string, options: LibraryOption & { output?: string; force?: boolean }) => {
      const opened = await withHints(options.library, () => open(options).open(unit, parseYear(year)), { unit, year })
      if (opened.migratedFrom !== undefined) {
        io.err(`提示：该报告为旧格式（版本 ${opened.migratedFrom}），已按当前格式输出；在资料库中保存一次即升级\n`)
      }
      if (options.output === undefined) {
        io.out(serializeReport(opened.report))
        return
      }
      await saveReport(options.output, opened.report, { overwrite: options.force === true })
      io.out(`已写入：${options.output}\n`)
    })

  library
    .command('history')
    .description('列出一份年报的历次备份')
    .argument('<单位>', '单位名称')
    .argument('<年度>', '报告年度')
    .requiredOption(...LIBRARY_OPTION)
    .option('--json', '以 JSON 输出')
    .action(async (unit: string, year: string, options: LibraryOption & { json?: boolean }) => {
      const backups = await open(options).history(unit, parseYear(year))
      if (options.json) io.out(`${JSON.stringify(backups, null, 2)}\n`)
      else io.out(formatHistory(`${unit.trim()} ${year} 年度报告`, backups))
    })

  library
    .command('restore')
    .description('把一份年报恢复为某次备份（恢复前的版本也会备份）')
    .argument('<单位>', '单位名称')
    .argument('<年度>', '报告年度')
    .argument('<备份编号>', 'history 列出的备份编号')
    .requiredOption(...LIBRARY_OPTION)
    .action(async (unit: string, year: string, id: string, options: LibraryOption) => {
      const restored = await open(options).restore(unit, parseYear(year), id)
      const previous = restored.backup ? `；恢复前的版本已备份为 ${restored.backup.id}` : ''
      io.out(`已恢复 ${restored.report.unit.name} ${restored.report.year} 年度报告为备份 ${id}${previous}\n`)
    })

  library
    .command('remove')
    .description('把一份年报连同备份移入回收站（可用 undo-remove 撤销）')
    .argument('<单位>', '单位名称')
    .argument('<年度>', '报告年度')
    .requiredOption(...LIBRARY_OPTION)
    .action(async (unit: string, year: string, options: LibraryOption) => {
      const removed = await open(options).remove(unit, parseYear(year))
      io.out(`已移入回收站：${removed.unit} ${removed.year} 年度报告（撤销：library undo-remove ${removed.id}）\n`)
    })

  library
    .command('removed')
    .description('列出回收站中的年报')
    .requiredOption(...LIBRARY_OPTION)
    .action(async (options: LibraryOption) => {
      const removed = await open(options).listRemoved()
      if (removed.length === 0) {
        io.out('回收站是空的。\n')
        return
      }
      const rows = removed.map((r) => [r.id, r.unit, String(r.year), formatTime(r.removedAt)])
      io.out(formatTable(['编号', '单位', '年度', '移除时间'], rows))
    })

  library
    .command('empty-recycle')
    .description('清空回收站：回收站中的报告将被永久删除，无法恢复')
    .requiredOption(...LIBRARY_OPTION)
    .option('--yes', '确认永久删除')
    .action(async (options: LibraryOption & { yes?: boolean }) => {
      const lib = open(options)
      const removed = await lib.listRemoved()
      if (removed.length === 0) {
        io.out('回收站是空的。\n')
        return
      }
      if (options.yes !== true) {
        throw new CliError(`回收站中有 ${removed.length} 份报告，清空后无法恢复；确认清空请加 --yes`)
      }
      io.out(`已清空回收站：永久删除 ${await lib.emptyRecycle()} 份报告\n`)
    })

  library
    .command('rename-unit')
    .description('重命名单位（连同各年度报告和备份）；新名称已有报告时合并到该单位；可用 undo 撤销')
    .argument('<原名称>', '单位现在的名称')
    .argument('<新名称>', '新的单位名称（已存在时合并）')
    .requiredOption(...LIBRARY_OPTION)
    .option('--keep <哪一份>', '两个单位有同一年度的报告时保留哪一份：moved（移入的）或 existing（原有的）；另一份保存为历史版本')
    .action(async (unit: string, newName: string, options: LibraryOption & { keep?: string }) => {
      hintPrefix(newName, io)
      const done = await withHints(options.library, () => open(options).renameUnit(unit, newName, { keep: parseKeep(options.keep) }))
      io.out(describeOperation(done, options.library))
    })

  library
    .command('move')
    .description('把一份年报移到另一个单位和/或年度（连同备份）；可用 undo 撤销')
    .argument('<单位>', '单位名称')
    .argument('<年度>', '报告年度')
    .requiredOption(...LIBRARY_OPTION)
    .requiredOption('--to-unit <单位>', '移到哪个单位（可以是原单位，只改年度）')
    .option('--to-year <年度>', '移到哪个年度（默认不变）')
    .option('--keep <哪一份>', '目标单位已有该年度报告时保留哪一份：moved（移入的）或 existing（原有的）；另一份保存为历史版本')
    .action(async (unit: string, year: string, options: LibraryOption & { toUnit: string; toYear?: string; keep?: string }) => {
      hintPrefix(options.toUnit, io)
      const target = { toUnit: options.toUnit, ...(options.toYear === undefined ? {} : { toYear: parseYear(options.toYear) }) }
      const done = await withHints(options.library, () => open(options).moveReport(unit, parseYear(year), target, { keep: parseKeep(options.keep) }))
      io.out(describeOperation(done, options.library))
    })

  library
    .command('undo')
    .description('撤销一次重命名、合并或移动（默认最近一次）')
    .argument('[编号]', 'rename-unit / move 输出的编号')
    .requiredOption(...LIBRARY_OPTION)
    .option('--list', '列出可以撤销的操作')
    .action(async (id: string | undefined, options: LibraryOption & { list?: boolean }) => {
      const lib = open(options)
      if (options.list) {
        const operations = await lib.listOperations()
        if (operations.length === 0) io.out('没有可撤销的操作。\n')
        else io.out(formatTable(['编号', '操作', '时间', '内容'], operations.map((o) => [o.id, OPERATION_LABELS[o.kind], formatTime(o.at), summary(o)])))
        return
      }
      const undone = await lib.undoOperation(id)
      io.out(`已撤销${OPERATION_LABELS[undone.kind]}：${summary(undone)}\n`)
    })

  library
    .command('undo-remove')
    .description('从回收站恢复一份年报')
    .argument('<编号>', 'removed 列出的编号')
    .requiredOption(...LIBRARY_OPTION)
    .option('--force', '资料库中已有同一单位同一年度时覆盖（原版本自动备份）')
    .action(async (id: string, options: LibraryOption & { force?: boolean }) => {
      const restored = await withHints(options.library, () => open(options).restoreRemoved(id, { force: options.force === true }))
      io.out(`已从回收站恢复：${restored.unit} ${restored.year} 年度报告\n`)
    })
}

/** Library errors with the command that fixes them, for an officer at the command line. */
async function withHints<T>(dir: string, fn: () => Promise<T>, target?: { unit: string; year: string }): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof DamagedReportError && error.lastGoodBackup && target) {
      throw new CliError(`${error.message}（恢复：${restoreCommand(dir, target.unit, target.year, error.lastGoodBackup.id)}）`)
    }
    if (error instanceof CollisionError) {
      throw new CliError(`${error.message}（请加 --keep moved 保留移入的，或 --keep existing 保留原有的）`)
    }
    if (error instanceof LibraryError && error.code === 'exists') {
      throw new CliError(`${error.message}（如需覆盖，请加 --force；原版本会自动备份）`)
    }
    throw error
  }
}

const KEEPS: readonly Keep[] = ['moved', 'existing']

function parseKeep(value: string | undefined): Keep | undefined {
  if (value === undefined) return undefined
  if ((KEEPS as readonly string[]).includes(value)) return value as Keep
  throw new CliError(`--keep 应为 moved（保留移入的）或 existing（保留原有的），而不是“${value}”`)
}

/** A name that starts like a web page's field label is worth a word; the officer decides. */
function hintPrefix(name: string, io: CliIo): void {
  const { suggestion, prefix } = cleanUnitName(name)
  if (suggestion) io.err(`提示：名称以「${prefix}」开头，像是网页上的栏目名；如不需要，可用「${suggestion}」\n`)
}

const OUTCOMES = { moved: '', replaced: '（原有的报告已保存为历史版本）', setAside: '（保留原有的报告，移入的已保存为历史版本）' } as const

function summary(operation: UnitOperation): string {
  const years = operation.moves.map((m) => (m.fromYear === m.toYear ? `${m.fromYear}` : `${m.fromYear}→${m.toYear}`)).join('、')
  return `「${operation.fromUnit}」→「${operation.toUnit}」 ${years} 年度`
}

function describeOperation(operation: UnitOperation, dir: string): string {
  const lines = operation.moves.map((m) => `  ${m.fromYear} 年度${m.fromYear === m.toYear ? '' : ` → ${m.toYear} 年度`}${OUTCOMES[m.outcome]}`)
  return `已${OPERATION_LABELS[operation.kind]}：「${operation.fromUnit}」→「${operation.toUnit}」\n${lines.join('\n')}\n撤销：npm run cli -- library undo ${operation.id} --library ${quote(dir)}\n`
}

function restoreCommand(dir: string, unit: string, year: string | number, id: string): string {
  return `npm run cli -- library restore ${quote(unit)} ${year} ${id} --library ${quote(dir)}`
}

function quote(arg: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`
}

function formatList(units: readonly LibraryUnit[], dir: string): string {
  if (units.length === 0) return `资料库中还没有报告：${dir}\n`
  const rows: string[][] = []
  const notes: string[] = []
  for (const unit of units) {
    for (const entry of unit.years) {
      rows.push([unit.name, entry.level ? UNIT_LEVEL_LABELS[entry.level] : '—', String(entry.year), status(entry), formatTime(entry.updatedAt)])
      if (entry.status === 'damaged') {
        const fix = entry.lastGoodBackup
          ? `可恢复 ${formatTime(entry.lastGoodBackup.time)} 的备份：${restoreCommand(dir, unit.name, entry.year, entry.lastGoodBackup.id)}`
          : '没有可用的备份'
        notes.push(`！ ${unit.name} ${entry.year} 年度：${entry.problem ?? '无法读取'}（${entry.path}）；${fix}`)
      }
    }
  }
  const count = rows.length
  return `${formatTable(['单位', '级别', '年度', '状态', '更新时间'], rows)}共 ${units.length} 个单位，${count} 份报告\n${notes.map((n) => `${n}\n`).join('')}`
}

function status(entry: LibraryEntry): string {
  if (entry.status === 'damaged') return '已损坏'
  return entry.migratedFrom === undefined ? '正常' : `旧格式（版本 ${entry.migratedFrom}）`
}

function formatHistory(title: string, backups: readonly BackupInfo[]): string {
  if (backups.length === 0) return `${title}还没有备份（每次保存时自动备份上一版本）。\n`
  const rows = backups.map((b) => [b.id, formatTime(b.time), `${versionReasonLabel(b.reason)}前`, formatBytes(b.size), b.damaged ? '已损坏' : '正常'])
  return `${title}的备份（最新在前）：\n${formatTable(['备份编号', '时间', '说明', '大小', '状态'], rows)}`
}

/** Columns aligned for a terminal, where a Chinese character takes two cells. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c))))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].map((l) => `${l}\n`).join('')
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u

function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1
  return width
}
