/**
 * The region's settings, as `check`, `review`, `export`, `new` and `next-year` take them:
 * `--library DIR` (the settings.json the app keeps there) or `--settings FILE` (a settings file, or a
 * region profile a county handed out). Neither: no settings (the national defaults for the checks).
 * A file that cannot be used is refused in one Chinese sentence naming it and the field; nothing
 * runs on half-read settings.
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { parseProfileText, ruleSettings, SettingsError, type RegionProfile, type RuleSettings } from '@core/settings'
import { readBoundedFile } from '../main/services/files'
import { SettingsStore } from '../main/services/settings'
import { CliError, type CliIo } from './io'

export interface SettingsOptions {
  library?: string
  settings?: string
}

/** A region profile is a few KB. */
const MAX_SETTINGS_BYTES = 1024 * 1024

/** What the settings are used for, in each option's help. */
const PURPOSES = {
  check: {
    library: '按资料库文件夹中的设置（settings.json）检查：字数上限、雷同比例、必写数字、截止日期等',
    settings: '按设置文件或县里下发的地区配置 .json 检查'
  },
  print: {
    library: '报告中没有记录的导出选项（三级标题加粗、落款日期写法与位置）按资料库文件夹中的设置（settings.json）',
    settings: '报告中没有记录的导出选项按设置文件或县里下发的地区配置 .json'
  },
  create: {
    library: '导出选项（空白单元格、三级标题加粗、落款写法与位置）按资料库文件夹中的设置（settings.json）',
    settings: '导出选项按设置文件或县里下发的地区配置 .json'
  }
} as const

export function addSettingsOptions(command: Command, purpose: keyof typeof PURPOSES = 'check'): Command {
  return command.option('--library <目录>', PURPOSES[purpose].library).option('--settings <文件>', PURPOSES[purpose].settings)
}

/** The region profile given by `--library` or `--settings`, or undefined when neither is. */
export async function loadRegionProfile(options: SettingsOptions, io: CliIo): Promise<RegionProfile | undefined> {
  if (options.library !== undefined && options.settings !== undefined) {
    throw new CliError('--library 与 --settings 只能指定其一')
  }
  if (options.library !== undefined) {
    const folder = options.library
    const info = await stat(folder).catch(() => undefined)
    if (!info?.isDirectory()) throw new CliError(`找不到资料库文件夹：${folder}`)
    const { settings, problem } = await new SettingsStore(folder).load()
    if (problem) io.err(`提示：${problem}\n`)
    return settings.region
  }
  if (options.settings !== undefined) {
    const bytes = await readBoundedFile(options.settings, MAX_SETTINGS_BYTES)
    try {
      return parseProfileText(bytes.toString('utf8'), basename(options.settings))
    } catch (error) {
      if (error instanceof SettingsError) throw new CliError(error.message)
      throw error
    }
  }
  return undefined
}

export async function loadRuleSettings(options: SettingsOptions, io: CliIo): Promise<RuleSettings | undefined> {
  const profile = await loadRegionProfile(options, io)
  return profile && ruleSettings(profile)
}
