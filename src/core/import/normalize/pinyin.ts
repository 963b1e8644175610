/**
 * Removal of pinyin glosses that web converters insert after characters: `報(bào)告`, `鎮(zhèn)`,
 * `辦(ban4)`. Only a bracketed single pinyin syllable right after a Han character goes; real
 * parentheses — `(豫政辦〔2016〕86號(hào))`, `(WTO)`, `(一)`, `(1)` — stay.
 */
import { GARBLED_MARK } from './mojibake'

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ'
const PLAIN = 'aaaaeeeeiiiioooouuuuüüüünnnm'

function stripTones(s: string): string {
  let out = ''
  for (const ch of s) {
    const i = TONED.indexOf(ch)
    out += i >= 0 ? PLAIN[i]! : ch
  }
  return out
}

/** Mandarin syllables: optional initial, then a final (ü may be written v or u). */
const SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ueng|ü|üe|üan|ün|v|ve|van|vn|ue)$|^(?:ng|hm|hng|m|n)$/

/** A syllable with a tone mark or a tone digit; a bare syllable only if longer than one letter. */
export function isPinyinSyllable(token: string): boolean {
  const digit = /[1-5]$/.test(token)
  const base = stripTones(digit ? token.slice(0, -1) : token)
  if (!SYLLABLE.test(base)) return false
  const toned = digit || base !== (digit ? token.slice(0, -1) : token)
  return toned || base.length >= 2
}

const GLOSS = new RegExp(`(\\p{Script=Han}|${GARBLED_MARK})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿv]{1,6}[1-5]?)[)）]`, 'gu')
/** Left by the mojibake repair: the gloss's opening bracket went with the lost byte. */
const GLOSS_AFTER_MARK = new RegExp(`(${GARBLED_MARK})([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿv]{1,6}[1-5]?)[)）]`, 'gu')

export function removePinyinGlosses(text: string): { text: string; removed: string[] } {
  const removed: string[] = []
  const drop = (match: string, before: string, syllable: string): string => {
    if (!isPinyinSyllable(syllable)) return match
    removed.push(match)
    return before
  }
  const out = text.replace(GLOSS, drop).replace(GLOSS_AFTER_MARK, drop)
  return { text: out, removed }
}
