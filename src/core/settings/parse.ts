/**
 * Reading settings and region profiles from text, with one Chinese sentence naming the file and the
 * field when anything is wrong: “某某县设置.json：「总体情况必须写明的数字」第 2 项的「对应的表格单元格」
 * 不是已知的表格单元格（t2.foo）”. Nothing is half-applied: a file either parses whole or is refused.
 */
import type { z } from 'zod'
import { defaultSettings } from './defaults'
import {
  PROFILE_KIND,
  profileFileSchema,
  regionProfileSchema,
  SETTINGS_KIND,
  SETTINGS_VERSION,
  settingsSchema,
  type RegionProfile,
  type Settings
} from './schema'

/** A settings file or profile that cannot be used; the message is for the officer. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** Chinese names of the fields, by path (array indexes left out: they are counted in the message). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: '文件类型',
  version: '格式版本',
  name: '配置名称',
  issuer: '发布单位',
  issuedOn: '发布日期',
  deadline: '报送截止日期',
  'deadline.month': '月份',
  'deadline.day': '日',
  overviewCharLimit: '总体情况字数上限',
  copyRatioThreshold: '与上年雷同比例上限',
  blankCells: '空白单元格导出方式',
  headings: '标题样式',
  'headings.level3Bold': '三级标题加粗',
  signature: '落款',
  'signature.include': '是否加落款',
  'signature.dateStyle': '日期写法',
  'signature.align': '位置',
  overviewFigures: '总体情况必须写明的数字',
  'overviewFigures.label': '名称',
  'overviewFigures.cell': '对应的表格单元格',
  'overviewFigures.patterns': '查找用语',
  section6Items: '第六部分必须说明的事项',
  'section6Items.label': '名称',
  'section6Items.patterns': '关键词',
  region: '地区配置',
  local: '本机选项',
  'local.recycleRetentionDays': '回收站保留天数',
  'local.rollup': '汇总选项',
  'local.rollup.compareCells': '本级报告应与所属单位合计一致的单元格',
  'local.rollup.ownUnit': '本级单位'
}

/** 「总体情况必须写明的数字」第 2 项的「查找用语」第 1 条 — the path of an issue in words. */
export function describeField(path: readonly PropertyKey[]): string {
  const keys: string[] = []
  const parts: string[] = []
  // In the app's file the profile sits under `region`; its fields are named as in a profile file.
  const rest = path[0] === 'region' && path.length > 1 ? path.slice(1) : path
  for (const step of rest) {
    if (typeof step === 'number') {
      const last = parts.pop()
      if (last !== undefined) parts.push(`${last}第 ${step + 1} ${keys.at(-1)?.endsWith('patterns') ? '条' : '项'}`)
      continue
    }
    keys.push(String(step))
    const label = FIELD_LABELS[keys.join('.')] ?? FIELD_LABELS[String(step)] ?? String(step)
    parts.push(`「${label}」`)
  }
  return parts.join('的')
}

/** One issue in words; `input` is what was parsed, to tell a missing field from a wrong one. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = describeField(issue.path)
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `「${k}」`).join('、')
    return `${where ? `${where}中` : ''}有不认识的设置项${keys}（可能拼写有误）`
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `缺少${where}`
  return `${where}${issue.message}`
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[step]
  }
  return value
}

function refuse(source: string, message: string): SettingsError {
  return new SettingsError(`${source}：${message}`)
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw refuse(source, '不是有效的 JSON 文件')
  }
}

function checkKind(value: unknown, source: string, kinds: readonly string[]): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(source, '不是年报助手的设置文件')
  const { kind, version } = value as { kind?: unknown; version?: unknown }
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    throw refuse(source, `不是年报助手的设置文件（应有 "kind": "${kinds[0]}"）`)
  }
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    throw refuse(source, `由更新版本的程序导出（格式版本 ${version}），请先升级本程序`)
  }
  return kind
}

function validate<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  throw refuse(source, describeIssue(parsed.error.issues[0]!, value))
}

/** The app's own settings file. */
export function parseSettingsText(text: string, source: string): Settings {
  const value = parseJson(text, source)
  checkKind(value, source, [SETTINGS_KIND])
  return validate(settingsSchema, value, source)
}

/**
 * A region profile to import: a county's exported profile, or a whole settings file (whose local
 * options are not taken — they belong to the computer it came from).
 */
export function parseProfileText(text: string, source: string): RegionProfile {
  const value = parseJson(text, source)
  const kind = checkKind(value, source, [PROFILE_KIND, SETTINGS_KIND])
  if (kind === SETTINGS_KIND) return validate(settingsSchema, value, source).region
  const { kind: _kind, version: _version, ...profile } = validate(profileFileSchema, value, source)
  return profile
}

/** Whole settings checked as the settings view edits them (no file around them). */
export function validateSettings(value: unknown, source = '设置'): Settings {
  return validate(settingsSchema, value, source)
}

/** A region profile checked as the settings view edits it (no file around it). */
export function validateProfile(value: unknown, source = '设置'): RegionProfile {
  return validate(regionProfileSchema, value, source)
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify(validate(settingsSchema, settings, '设置'), null, 2)}\n`
}

/** The small file a county hands out: kind and version first, then the profile. */
export function serializeProfile(profile: RegionProfile): string {
  const checked = validate(regionProfileSchema, profile, '设置')
  return `${JSON.stringify({ kind: PROFILE_KIND, version: SETTINGS_VERSION, ...checked }, null, 2)}\n`
}

/** Settings with another region profile; this computer's own options stay. */
export function withProfile(settings: Settings, profile: RegionProfile): Settings {
  return { ...settings, region: profile }
}

export { defaultSettings }
