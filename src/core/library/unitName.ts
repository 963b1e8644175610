/**
 * Unit names as the officer types or an import found them, made tidy for renaming: surrounding and
 * doubled spaces go without asking; a label a web page printed before the name (「标题:某某区」,
 * 「发布机构：某某区」) is only offered for removal, since the officer knows their unit's name.
 */

/** Field labels CMS pages print before a value; a unit name never starts with one followed by a colon. */
const METADATA_LABELS = [
  '标题',
  '文章标题',
  '题目',
  '名称',
  '单位',
  '单位名称',
  '发布单位',
  '发布机构',
  '公开机构',
  '发文机关',
  '发文单位',
  '信息来源',
  '来源',
  '作者',
  '主办单位',
  '所属机构'
] as const

const PREFIX = new RegExp(`^[【\\[（(]?\\s*(${METADATA_LABELS.join('|')})\\s*[】\\]）)]?\\s*[:：]\\s*`)

export interface CleanedUnitName {
  /** The name with surrounding spaces removed and inner runs of spaces made one. */
  name: string
  /** When the name starts with a metadata label: the name without it, to offer the officer. */
  suggestion?: string
  /** The label found, as written (e.g. “标题:”), to name it in the offer. */
  prefix?: string
}

/** Trims and collapses spaces (full-width too); finds a metadata prefix to offer for removal. */
export function cleanUnitName(raw: string): CleanedUnitName {
  const name = raw.normalize('NFC').replace(/[\s\u3000]+/g, ' ').trim()
  const match = PREFIX.exec(name)
  if (!match) return { name }
  const rest = name.slice(match[0].length).trim()
  // 「标题:」 alone, or a label with nothing after it, is not a name to suggest.
  if (rest.length === 0) return { name }
  return { name, suggestion: rest, prefix: match[0].trim() }
}

/** Two names the library files under the same unit (its folder is named from the trimmed NFC form). */
export function sameUnitName(a: string, b: string): boolean {
  return a.normalize('NFC').trim() === b.normalize('NFC').trim()
}
