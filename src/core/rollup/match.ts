/**
 * Which unit of the county's list a report belongs to, by name. Reports name their unit in many
 * ways: with or without the county in front (某某县城关镇 / 城关镇), 人民政府 or 政府 or neither,
 * 街道办事处 or 街道, traditional characters, full-width letters, a typo (城官镇). So names are
 * compared as keys (normalised), then by their "forms" (the key with leading place names taken off),
 * then, only when nothing else matched, by a one- or two-character difference; the file name is the
 * last resort. A match that is not certain says so (method), and two units that fit equally well
 * match neither: the officer chooses.
 */
import { isLevel1Han, isLevel2Han } from '../import/normalize/gbk'
import { convertToSimplified } from '../import/normalize/traditional'
import { toHalfWidth } from '../import/normalize/width'
import { cleanUnitName } from '../library/unitName'
import type { MatchMethod } from './labels'

export { MATCH_METHOD_LABELS, UNSURE_METHODS, type MatchMethod } from './labels'

export interface UnitMatch {
  /** The unit's name as the list gives it. */
  unit: string
  method: MatchMethod
  /** The name (of the report, or the file) that matched. */
  via: string
}

export interface MatchOutcome {
  match?: UnitMatch
  /** Units that fitted equally well, when more than one did (no match then). */
  ambiguous?: string[]
}

/** Endings that say what kind of body, not which: 某某镇人民政府 = 某某镇政府 = 某某镇. */
const GENERIC_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/管理委员会$/, '管委会'],
  [/(人民政府|政府)$/, ''],
  [/(街道)办事处$/, '$1']
]

/** What a name may not shrink to: these say nothing about which unit. */
const GENERIC_FORMS = new Set(['管委会', '委员会', '人民政府', '政府', '办事处', '街道', '街道办', '管理局', '办公室', '服务中心', '中心'])

/** Characters that end a place name in front of a unit's own name. */
const PLACE_ENDS = new Set(['省', '市', '州', '盟', '县', '区', '旗'])

/** Shortest form that still names a unit (城关镇, 教育局). */
const MIN_FORM = 3

/**
 * A name as a key: NFC, a web page's label (标题：) dropped, simplified characters, half-width
 * letters and digits, no spaces or punctuation, a trailing remark in brackets dropped, lower-case,
 * and the generic endings made one.
 */
export function unitKey(name: string): string {
  let key = KEYS.get(name)
  if (key === undefined) {
    key = computeKey(name)
    if (KEYS.size > MAX_CACHED_KEYS) KEYS.clear()
    KEYS.set(name, key)
  }
  return key
}

/** Names repeat (each report is matched against every unit, the library's units too): keys are kept. */
const KEYS = new Map<string, string>()
const MAX_CACHED_KEYS = 20_000

const HAN = /\p{Script=Han}/u

/** Traditional characters lie outside GB2312: only a name with such characters is converted. */
function simplified(text: string): string {
  for (const ch of text) if (HAN.test(ch) && !isLevel1Han(ch) && !isLevel2Han(ch)) return convertToSimplified(text)
  return text
}

function computeKey(name: string): string {
  const cleaned = cleanUnitName(name)
  let text = toHalfWidth(simplified(cleaned.suggestion ?? cleaned.name)).text
  // 城关镇（本级） / 某某局(含下属单位): the remark says nothing about which unit.
  text = text.replace(/[（(【[][^（）()【】[\]]*[）)】\]]\s*$/, (remark, offset: number) => (offset >= 2 ? '' : remark))
  text = text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '').toLowerCase()
  for (const [ending, replacement] of GENERIC_ENDINGS) {
    const shorter = text.replace(ending, replacement)
    if (shorter.length >= 2) text = shorter
  }
  return text
}

/** The key and what remains of it after each leading place name (某某县城关镇 → 城关镇). */
export function nameForms(key: string): string[] {
  const forms = [key]
  const chars = Array.from(key)
  chars.forEach((ch, i) => {
    if (!PLACE_ENDS.has(ch)) return
    const tail = chars.slice(i + 1).join('')
    if (Array.from(tail).length >= MIN_FORM && !GENERIC_FORMS.has(tail)) forms.push(tail)
  })
  return forms
}

/** Edit distance between two short strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.length]!
}

/** Differences allowed between two forms of this length: none under 3 characters, 1 up to 7, then 2. */
function allowedTypos(length: number): number {
  return length < MIN_FORM ? 0 : length < 8 ? 1 : 2
}

interface Known {
  unit: string
  /** The unit's own name's key, and its aliases' keys. */
  keys: { key: string; alias: boolean }[]
  /** Every form of every key. */
  forms: string[]
}

export interface MatchableUnit {
  name: string
  aliases?: readonly string[]
}

/** Words of a file name that are not the unit's: the year, the title, the kind. */
const FILE_NOISE = /(19|20)\d{2}|年度?|政府信息公开|工作|年度报告|年报|报告|定稿|终稿|修改|最终版|公开版|副本|\d+/g

export class UnitMatcher {
  private readonly known: Known[] = []

  constructor(units: readonly MatchableUnit[] = []) {
    for (const unit of units) this.add(unit)
  }

  /** One more unit to match against (the units of a roll-up without a list are found as it goes). */
  add(unit: MatchableUnit): void {
    const keys = [{ key: unitKey(unit.name), alias: false }, ...(unit.aliases ?? []).map((a) => ({ key: unitKey(a), alias: true }))].filter(
      (k) => k.key !== ''
    )
    this.known.push({ unit: unit.name, keys, forms: [...new Set(keys.flatMap((k) => nameForms(k.key)))] })
  }

  /**
   * The unit for a report that names itself `names` (the importer's choice first, then the other
   * names the document gives), in a file called `fileName`. `fuzzy: false` accepts only names that
   * agree once normalised (used for the library's units, where a wrong guess would compare a unit
   * with another unit's last year).
   */
  match(names: readonly string[], options: { fileName?: string; fuzzy?: boolean } = {}): MatchOutcome {
    const keys = names.map((n) => ({ name: n, key: unitKey(n) })).filter((n) => n.key !== '')
    // A name that fits two units does not stop the others from deciding; if none does, the officer chooses.
    let ambiguous: string[] | undefined
    for (const { name, key } of keys) {
      const found = this.exact(name, key)
      if (found?.match) return found
      ambiguous ??= found?.ambiguous
    }
    if (ambiguous) return { ambiguous }
    if (options.fuzzy === false) return {}
    for (const { name, key } of keys) {
      const found = this.similar(name, key)
      if (found?.match) return found
      ambiguous ??= found?.ambiguous
    }
    if (ambiguous) return { ambiguous }
    return options.fileName ? this.byFileName(options.fileName) : {}
  }

  /** Same key, same alias, or a form in common; the longest form in common wins. */
  private exact(name: string, key: string): MatchOutcome | undefined {
    const whole = this.unique(this.known.filter((k) => k.keys.some((c) => c.key === key && !c.alias)))
    if (whole) return whole === 'ambiguous' ? undefined : { match: { unit: whole.unit, method: 'name', via: name } }
    const alias = this.unique(this.known.filter((k) => k.keys.some((c) => c.key === key && c.alias)))
    if (alias) return alias === 'ambiguous' ? undefined : { match: { unit: alias.unit, method: 'alias', via: name } }
    const forms = nameForms(key)
    const scored = this.known
      .map((k) => ({ known: k, length: Math.max(0, ...k.forms.filter((f) => forms.includes(f)).map((f) => Array.from(f).length)) }))
      .filter((s) => s.length > 0)
    return this.best(scored, (s) => s.length, name, 'place')
  }

  /** A typo or two: the smallest difference between any two forms, when one unit has it alone. */
  private similar(name: string, key: string): MatchOutcome | undefined {
    const forms = nameForms(key)
    const scored = this.known
      .map((k) => {
        let distance = Number.POSITIVE_INFINITY
        for (const unitForm of k.forms) {
          for (const form of forms) {
            const shorter = Math.min(Array.from(unitForm).length, Array.from(form).length)
            if (Math.abs(Array.from(unitForm).length - Array.from(form).length) > allowedTypos(shorter)) continue
            const d = editDistance(unitForm, form)
            if (d <= allowedTypos(shorter)) distance = Math.min(distance, d)
          }
        }
        return { known: k, distance }
      })
      .filter((s) => Number.isFinite(s.distance))
    return this.best(scored, (s) => -s.distance, name, 'similar')
  }

  /** The unit whose name (a form of at least three characters) the file name contains; the longest wins. */
  private byFileName(fileName: string): MatchOutcome {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
    const key = unitKey(base.replace(FILE_NOISE, ' '))
    if (!key) return {}
    const scored = this.known
      .map((k) => ({ known: k, length: Math.max(0, ...k.forms.filter((f) => key.includes(f)).map((f) => Array.from(f).length)) }))
      .filter((s) => s.length >= MIN_FORM)
    return this.best(scored, (s) => s.length, base, 'file') ?? {}
  }

  private best<T extends { known: Known }>(scored: T[], score: (s: T) => number, via: string, method: MatchMethod): MatchOutcome | undefined {
    if (scored.length === 0) return undefined
    const top = Math.max(...scored.map(score))
    const winners = scored.filter((s) => score(s) === top)
    if (winners.length > 1) return { ambiguous: winners.map((w) => w.known.unit) }
    return { match: { unit: winners[0]!.known.unit, method, via } }
  }

  private unique(found: Known[]): Known | 'ambiguous' | undefined {
    if (found.length === 0) return undefined
    return found.length === 1 ? found[0] : 'ambiguous'
  }
}
