/**
 * `library …`: everything the app does with the report library, headless. The same ReportLibrary the
 * main process uses, on the folder given by `--library DIR`.
 */
import type { Command } from 'commander'
import { serializeReport, UNIT_LEVEL_LABELS } from '../../core/report/report'
import { formatBytes } from '../../main/services/files'
import { DamagedReportError, formatTime, LibraryError, ReportLibrary, type BackupInfo, type LibraryEntry, type LibraryUnit } from '../../main/services/library'
import { CliError, type CliContext } from '../io'
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
    if (error instanceof LibraryError && error.code === 'exists') {
      throw new CliError(`${error.message}（如需覆盖，请加 --force；原版本会自动备份）`)
    }
    throw error
  }
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
  const rows = backups.map((b) => [b.id, formatTime(b.time), formatBytes(b.size), b.damaged ? '已损坏' : '正常'])
  return `${title}的备份（最新在前）：\n${formatTable(['备份编号', '时间', '大小', '状态'], rows)}`
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
