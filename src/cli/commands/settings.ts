/**
 * `settings …`: the 设置 of a library folder (`settings.json` in `--library DIR`, the same file the
 * app keeps in its user data folder): show them, import a region profile a county handed out,
 * export this one to hand out, or go back to the national defaults.
 */
import type { Command } from 'commander'
import { describeCell } from '@core/report/cells'
import type { Settings } from '@core/settings'
import { FileError, fileExists } from '../../main/services/files'
import { SettingsStore } from '../../main/services/settings'
import type { CliContext } from '../io'

interface LibraryOption {
  library: string
}

const LIBRARY_OPTION = ['--library <目录>', '资料库文件夹（设置保存在其中的 settings.json）'] as const

export function registerSettings(program: Command, { io }: CliContext): void {
  const settings = program.command('settings').description('设置：截止日期、字数上限、导出样式、地区要求；可导入县里下发的配置')
  const store = (options: LibraryOption) => new SettingsStore(options.library)

  settings
    .command('show')
    .description('显示当前设置')
    .requiredOption(...LIBRARY_OPTION)
    .option('--json', '以 JSON 输出（即 settings.json 的内容）')
    .action(async (options: LibraryOption & { json?: boolean }) => {
      const { settings: current, problem } = await store(options).load()
      if (problem) io.err(`提示：${problem}\n`)
      io.out(options.json ? `${JSON.stringify(current, null, 2)}\n` : formatSettings(current))
    })

  settings
    .command('import')
    .description('导入地区配置（县里导出的 .json）；文件有误时不做任何修改')
    .argument('<文件>', '地区配置 .json')
    .requiredOption(...LIBRARY_OPTION)
    .action(async (file: string, options: LibraryOption) => {
      const { profile } = await store(options).importProfile(file)
      io.out(`已导入地区配置「${profile.name}」${profile.issuer ? `（${profile.issuer}）` : ''}\n`)
    })

  settings
    .command('export')
    .description('把当前的地区配置导出为 .json，供下级单位导入')
    .argument('<文件>', '要写入的 .json 文件')
    .requiredOption(...LIBRARY_OPTION)
    .option('--force', '覆盖已存在的文件')
    .action(async (file: string, options: LibraryOption & { force?: boolean }) => {
      if (options.force !== true && (await fileExists(file))) throw new FileError(`文件已存在：${file}（如需覆盖，请加 --force）`)
      const profile = await store(options).exportProfile(file)
      io.out(`已导出地区配置「${profile.name}」：${file}\n`)
    })

  settings
    .command('reset')
    .description('地区配置恢复为国家默认（本机选项不变）')
    .requiredOption(...LIBRARY_OPTION)
    .action(async (options: LibraryOption) => {
      await store(options).resetProfile()
      io.out('地区配置已恢复为国家默认\n')
    })
}

const DATE_STYLES = { arabic: '阿拉伯数字', chinese: '汉字' } as const
const ALIGNS = { gbt9704: '按 GB/T 9704（右空二字）', right: '右对齐' } as const

function formatSettings({ region, local }: Settings): string {
  const lines = [
    `地区配置：${region.name}${region.issuer ? `（${region.issuer}${region.issuedOn ? `，${region.issuedOn}` : ''}）` : ''}`,
    `报送截止日期：次年 ${region.deadline.month} 月 ${region.deadline.day} 日`,
    `总体情况字数上限：${region.overviewCharLimit} 字`,
    `与上年雷同比例上限：${Math.round(region.copyRatioThreshold * 100)}%`,
    `空白单元格导出为：${region.blankCells === 'zero' ? '0' : '空白'}`,
    `三级标题加粗：${region.headings.level3Bold ? '是' : '否'}`,
    `落款：${region.signature.include ? `加，日期用${DATE_STYLES[region.signature.dateStyle]}，${ALIGNS[region.signature.align]}` : '不加'}`,
    `总体情况必须写明的数字：${region.overviewFigures.length === 0 ? '无' : ''}`,
    ...region.overviewFigures.map(
      (f, i) => `  ${i + 1}. ${f.label}${f.cell ? `（与${describeCell(f.cell)}核对）` : ''}：${f.patterns.join(' / ')}`
    ),
    `第六部分必须说明的事项：${region.section6Items.length === 0 ? '无' : ''}`,
    ...region.section6Items.map((item, i) => `  ${i + 1}. ${item.label}：${item.patterns.join(' / ')}`),
    `回收站保留天数：${local.recycleRetentionDays} 天`
  ]
  return `${lines.join('\n')}\n`
}
