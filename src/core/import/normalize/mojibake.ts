/**
 * Repair of text decoded with the wrong byte alignment or the wrong encoding.
 *
 * Two kinds are recoverable, both by re-encoding the damaged run to GBK bytes:
 * - GBK decoded one byte out of step (a lost or stray byte, as in text copied from some web
 *   pages): every pair straddles two characters, so drop the first byte and decode again. The
 *   decoder falls back into step at the next ASCII byte, which bounds the damaged run.
 * - UTF-8 bytes decoded as GBK: decode the bytes as UTF-8, strictly.
 * A candidate is accepted only when it holds no suspicious character and reads better than the
 * original. A character whose bytes were lost for good becomes a visible mark, never a guess.
 */
import { classifyChar, countSuspicious, plausibility } from './charClass'
import { decodeStrict, gbkBytes, gbkEncode } from './gbk'

/** Put where a character could not be recovered, so the officer sees it and retypes it. */
export const GARBLED_MARK = '【乱码】'

export interface MojibakeRepair {
  /** The damaged text as found. */
  from: string
  /** What replaced it; may contain GARBLED_MARK. */
  to: string
  kind: 'gbk-shift' | 'utf8-as-gbk'
  /** Some characters could not be recovered and were marked. */
  lost: boolean
}

/** Debris a web page leaves where it met a byte it could not decode. */
const REPLACEMENT = new Set(['?', '\ufffd'])

interface Run {
  /** Index of the first character of the whole span to replace (a leading '?' included). */
  start: number
  lead: string
  core: string[]
  /** An ASCII character that is really the trail byte of the last damaged character. */
  tail: string
  /** A '?' right after the run: the placeholder for a byte the copy lost. */
  orphan: boolean
}

interface Candidate {
  text: string
  kind: MojibakeRepair['kind']
  lost: boolean
  score: number
  usesTail: boolean
  usesOrphan: boolean
}

function isGbkMultiByte(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) >= 0x80 && gbkBytes(ch) !== undefined
}

function isPrivateUse(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0
  return code >= 0xe000 && code <= 0xf8ff
}

const HAN = /\p{Script=Han}/u
const ASCII_TRAIL = /^[\x40-\x7e]$/
const ALNUM = /^[A-Za-z0-9]$/

/** Decodes, dropping an incomplete sequence at the end and an implausible last character. */
function decodeEnd(bytes: readonly number[], encoding: 'gb18030' | 'utf-8'): { text: string; lost: boolean } | undefined {
  const maxTrim = encoding === 'utf-8' ? 3 : 1
  for (let trim = 0; trim <= maxTrim && trim < bytes.length; trim++) {
    const text = decodeStrict(bytes.slice(0, bytes.length - trim), encoding)
    if (text === undefined) continue
    const chars = Array.from(text)
    const last = chars[chars.length - 1]
    // The last pair of a shifted run mixes a real byte with a foreign one: a rare character there
    // is a wrong guess, not a recovery.
    if (last !== undefined && classifyChar(last) !== 'common') {
      return { text: chars.slice(0, -1).join(''), lost: true }
    }
    return { text, lost: trim > 0 }
  }
  return undefined
}

function candidatesFor(run: Run): Candidate[] {
  const out: Candidate[] = []
  const bad = run.core.flatMap((ch, i) => (classifyChar(ch) === 'suspicious' ? [i] : []))
  const firstBad = bad[0]
  const lastBad = bad[bad.length - 1]
  if (firstBad === undefined || lastBad === undefined) return out
  // The damage may begin a few characters before the first visibly bad one: a shifted pair can
  // happen to form an ordinary character (the 。 of “?。ㄒ唬”). It may also end before the run
  // does: UTF-8 read as GBK does not fall back into step at ASCII, so good text can follow.
  const ends = new Set([run.core.length])
  for (let e = lastBad + 1; e <= Math.min(run.core.length, lastBad + 3); e++) ends.add(e)
  // Good-looking characters before the first bad one are taken into the damage only when they are
  // not Han characters, or when a '?' marks the start of the run: “本镇┙┩” keeps its 本镇.
  // UTF-8 needs no such care: strict UTF-8 decoding rejects good characters taken in by mistake.
  let fromShift = firstBad
  while (fromShift > 0 && firstBad - fromShift < 3 && (run.lead !== '' || !HAN.test(run.core[fromShift - 1]!))) fromShift--
  for (let k = Math.max(0, firstBad - 3); k <= firstBad; k++) {
    const prefix = run.core.slice(0, k).join('')
    for (const end of ends) {
      const atEnd = end === run.core.length
      const suffix = run.core.slice(end).join('')
      for (const usesTail of run.tail && atEnd ? [true, false] : [false]) {
        const body = run.core.slice(k, end).join('') + (usesTail ? run.tail : '')
        const bytes = gbkEncode(body)
        if (!bytes) continue
        const tries: [MojibakeRepair['kind'], readonly number[], 'gb18030' | 'utf-8'][] = [
          ['gbk-shift', bytes.slice(1), 'gb18030'],
          ['utf8-as-gbk', bytes, 'utf-8']
        ]
        for (const [kind, b, encoding] of tries) {
          const decoded = decodeEnd(b, encoding)
          if (!decoded || Array.from(decoded.text).length < 2) continue
          // A shifted decode of random symbols can happen to give common characters. A real shift
          // leaves traces: the '?' of the lost byte before or after the run, or an ASCII trail byte
          // at its end; without them only a long recovery is believed.
          const traced = run.lead !== '' || usesTail || (decoded.lost && run.orphan && atEnd)
          if (kind === 'gbk-shift' && (k < fromShift || (!traced && Array.from(decoded.text).length < 6))) continue
          if (countSuspicious(decoded.text + suffix) > 0) continue
          const text = prefix + decoded.text + (decoded.lost ? GARBLED_MARK : '') + suffix
          out.push({
            text,
            kind,
            lost: decoded.lost,
            // Each mark costs: a full recovery beats a partial one.
            score: plausibility(prefix + decoded.text + suffix) - (decoded.lost ? 2 : 0) - k * 0.01,
            usesTail,
            usesOrphan: decoded.lost && run.orphan && atEnd && (usesTail || !run.tail)
          })
        }
      }
    }
  }
  return out
}

function findRuns(chars: readonly string[]): Run[] {
  const runs: Run[] = []
  let i = 0
  while (i < chars.length) {
    if (!isGbkMultiByte(chars[i]!)) {
      i++
      continue
    }
    const begin = i
    while (i < chars.length && isGbkMultiByte(chars[i]!)) i++
    const core = chars.slice(begin, i)
    const before = chars[begin - 1]
    const lead = before !== undefined && REPLACEMENT.has(before) ? before : ''
    let tail = ''
    const next = chars[i]
    const afterNext = chars[i + 1]
    if (next !== undefined && next !== '?' && ASCII_TRAIL.test(next) && !(afterNext && ALNUM.test(afterNext))) {
      tail = next
    }
    const orphanAt = i + (tail ? 1 : 0)
    const orphan = chars[orphanAt] !== undefined && REPLACEMENT.has(chars[orphanAt]!)
    runs.push({ start: begin - lead.length, lead, core, tail, orphan })
  }
  return runs
}

/** Worth trying: two or more suspicious characters, or one private-use character. */
function looksDamaged(core: readonly string[]): boolean {
  const bad = core.filter((ch) => classifyChar(ch) === 'suspicious')
  return bad.length >= 2 || bad.some(isPrivateUse)
}

/** The changed middle of a repair, for the message: “我镇鏀垮簻…，完成” → “鏀垮簻…” / “政府…”. */
function withoutCommonEnds(from: string, to: string): { from: string; to: string } {
  const a = Array.from(from)
  const b = Array.from(to)
  let head = 0
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head - 1 && tail < b.length - head - 1 && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return { from: a.slice(head, a.length - tail).join(''), to: b.slice(head, b.length - tail).join('') }
}

/** A byte the decoder replaced with U+FFFD: its value is lost. */
const LOST = -1

/**
 * UTF-8 decoding of bytes where some are LOST. A character with a lost byte becomes one mark;
 * undefined when the bytes are not UTF-8 at all.
 */
function decodeUtf8WithLosses(bytes: readonly number[]): { text: string; lost: number } | undefined {
  let text = ''
  let lost = 0
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === LOST || b < 0x80) {
      if (b === LOST) lost++
      text += b === LOST ? GARBLED_MARK : String.fromCharCode(b)
      i++
      continue
    }
    const follow = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1
    if (follow < 0) return undefined
    let code = b & (follow === 3 ? 0x07 : follow === 2 ? 0x0f : 0x1f)
    let missing = false
    for (let k = 1; k <= follow; k++) {
      const c = bytes[i + k]
      if (c === LOST) missing = true
      else if (c === undefined || c < 0x80 || c > 0xbf) return undefined
      else code = (code << 6) | (c & 0x3f)
    }
    if (missing) {
      lost++
      text += GARBLED_MARK
    } else if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      // F4 90.. and encoded surrogates are not UTF-8 (and fromCodePoint throws past U+10FFFF).
      return undefined
    } else text += String.fromCodePoint(code)
    i += follow + 1
  }
  return { text: text.replaceAll(GARBLED_MARK + GARBLED_MARK, GARBLED_MARK), lost }
}

/**
 * A whole line of UTF-8 read as GBK (a page or file decoded with the wrong charset): ASCII and
 * the GBK pairs go back to bytes, each U+FFFD is a lost byte, and the bytes are read as UTF-8.
 */
function repairUtf8Line(text: string): MojibakeRepair | undefined {
  if (countSuspicious(text) < 2) return undefined
  const bytes: number[] = []
  for (const ch of text) {
    if (ch === '\ufffd') {
      bytes.push(LOST)
      continue
    }
    const b = gbkBytes(ch)
    if (!b) return undefined
    bytes.push(...b)
  }
  const decoded = decodeUtf8WithLosses(bytes)
  if (!decoded || decoded.text === text) return undefined
  if (countSuspicious(decoded.text.replaceAll(GARBLED_MARK, '')) > 0) return undefined
  if (plausibility(decoded.text) - decoded.lost * 2 <= plausibility(text)) return undefined
  return { from: text, to: decoded.text, kind: 'utf8-as-gbk', lost: decoded.lost > 0 }
}

/**
 * How much run-by-run repair a document may still try (see NORMALIZE_LIMITS): each run tried costs
 * one attempt and its length in characters. Shared across a document's lines; decremented here.
 */
export interface MojibakeBudget {
  attempts: number
  chars: number
}

export function repairMojibake(text: string, budget?: MojibakeBudget): { text: string; repairs: MojibakeRepair[] } {
  const whole = repairUtf8Line(text)
  if (whole) return { text: whole.to, repairs: [whole] }
  const chars = Array.from(text)
  const repairs: MojibakeRepair[] = []
  const pieces: string[] = []
  let pos = 0
  for (const run of findRuns(chars)) {
    if (run.start < pos || !looksDamaged(run.core)) continue
    // Every candidate decodes the whole run several ways: past the budget, garbage is only marked.
    if (budget) {
      if (budget.attempts <= 0 || budget.chars < run.core.length) break
      budget.attempts -= 1
      budget.chars -= run.core.length
    }
    const original = run.core.join('') + run.tail
    const best = candidatesFor(run)
      .filter((c) => c.score > plausibility(original))
      .sort((a, b) => b.score - a.score || Number(b.usesTail) - Number(a.usesTail))[0]
    if (!best) continue
    const end = run.start + run.lead.length + run.core.length + (best.usesTail ? 1 : 0) + (best.usesOrphan ? 1 : 0)
    const from = chars.slice(run.start, end).join('')
    pieces.push(chars.slice(pos, run.start).join(''), best.text)
    repairs.push({ ...withoutCommonEnds(from, best.text), kind: best.kind, lost: best.lost })
    pos = end
  }
  if (repairs.length === 0) return { text, repairs }
  pieces.push(chars.slice(pos).join(''))
  return { text: pieces.join(''), repairs }
}

/** Runs that still look damaged after repair: marked so they are not taken for text. */
export function markUnrepaired(text: string): { text: string; marked: string[] } {
  const chars = Array.from(text)
  const marked: string[] = []
  const pieces: string[] = []
  let pos = 0
  for (const run of findRuns(chars)) {
    if (run.start < pos) continue
    const bad = run.core.flatMap((ch, i) => (classifyChar(ch) === 'suspicious' ? [i] : []))
    const first = bad[0]
    const last = bad[bad.length - 1]
    if (first === undefined || last === undefined) continue
    // Only spans that are mostly garbage: a stray symbol in real text is left alone. The span runs
    // from the first to the last bad character; good text around it stays.
    const span = last - first + 1
    if (bad.length < 3 || bad.length * 2 < span) continue
    const start = run.start + run.lead.length + first
    const end = start + span
    marked.push(chars.slice(start, end).join(''))
    pieces.push(chars.slice(pos, start).join(''), GARBLED_MARK)
    pos = end
  }
  if (marked.length === 0) return { text, marked }
  pieces.push(chars.slice(pos).join(''))
  return { text: pieces.join(''), marked }
}
