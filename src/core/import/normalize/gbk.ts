/**
 * GBK byte tables built from the platform's own GB18030 decoder, so core stays free of Node-only
 * encoders (iconv-lite, Buffer). Built once, lazily: ~24,000 two-byte sequences decode in ~15 ms.
 */

/** Byte pairs by character, for re-encoding text that was decoded with the wrong alignment. */
let encodeTable: Map<string, readonly [number, number]> | undefined
/** Characters of GB2312 level 1 (rows 0xB0–0xD7): the ~3,755 most common Han characters. */
let level1: Set<string> | undefined
/** Characters of GB2312 level 2 (rows 0xD8–0xF7): rarer but ordinary Han characters. */
let level2: Set<string> | undefined

/**
 * Code points that GB18030-2000 and Windows code page 936 gave to byte pairs which the current
 * decoder maps elsewhere. Mojibake made by older tools carries these private-use characters, so
 * they must re-encode to the bytes they came from.
 */
const LEGACY_PRIVATE_USE: readonly { lead: number; trail: number; count: number; codePoint: number }[] = [
  { lead: 0xa6, trail: 0xd9, count: 7, codePoint: 0xe78d },
  { lead: 0xa6, trail: 0xec, count: 2, codePoint: 0xe794 },
  { lead: 0xa6, trail: 0xf3, count: 1, codePoint: 0xe796 },
  { lead: 0xa8, trail: 0xbc, count: 1, codePoint: 0xe7c7 },
  { lead: 0xa8, trail: 0xbf, count: 1, codePoint: 0xe7c8 },
  { lead: 0xa9, trail: 0x89, count: 13, codePoint: 0xe7e7 }
]

function build(): void {
  const pairs: [number, number][] = []
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) pairs.push([lead, trail])
    }
  }
  // One decode for all pairs, each followed by a newline that keeps them apart even if a pair is
  // not mapped (the decoder then emits U+FFFD for it and resynchronises on the newline).
  const bytes = new Uint8Array(pairs.length * 3)
  pairs.forEach(([lead, trail], i) => {
    bytes[i * 3] = lead
    bytes[i * 3 + 1] = trail
    bytes[i * 3 + 2] = 0x0a
  })
  const decoded = new TextDecoder('gb18030').decode(bytes).split('\n')
  const table = new Map<string, readonly [number, number]>()
  const l1 = new Set<string>()
  const l2 = new Set<string>()
  pairs.forEach(([lead, trail], i) => {
    const ch = decoded[i]
    if (ch === undefined || ch.length !== 1 || ch === '\ufffd') return
    if (!table.has(ch)) table.set(ch, [lead, trail])
    if (trail >= 0xa1) {
      if (lead >= 0xb0 && lead <= 0xd7) l1.add(ch)
      else if (lead >= 0xd8 && lead <= 0xf7) l2.add(ch)
    }
  })
  for (const range of LEGACY_PRIVATE_USE) {
    for (let i = 0; i < range.count; i++) {
      const ch = String.fromCodePoint(range.codePoint + i)
      if (!table.has(ch)) table.set(ch, [range.lead, range.trail + i])
    }
  }
  encodeTable = table
  level1 = l1
  level2 = l2
}

/** The GBK bytes of one character; ASCII gives one byte; undefined when GBK cannot encode it. */
export function gbkBytes(ch: string): readonly number[] | undefined {
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x80) return [code]
  // The one single byte above ASCII: GB18030 decoders read 0x80 as €. UTF-8 read as GBK is full
  // of it, since 0x80 is a common UTF-8 continuation byte (一 = E4 B8 80).
  if (ch === '€') return [0x80]
  if (!encodeTable) build()
  return encodeTable!.get(ch)
}

/** GBK bytes of a string, or undefined when some character has no GBK form. */
export function gbkEncode(text: string): number[] | undefined {
  const out: number[] = []
  for (const ch of text) {
    const bytes = gbkBytes(ch)
    if (!bytes) return undefined
    out.push(...bytes)
  }
  return out
}

export function isLevel1Han(ch: string): boolean {
  if (!level1) build()
  return level1!.has(ch)
}

export function isLevel2Han(ch: string): boolean {
  if (!level2) build()
  return level2!.has(ch)
}

/** Strict decoding: undefined instead of U+FFFD when the bytes are not valid in that encoding. */
/** One strict decoder per encoding: building one per call cost more than the decoding (repair tries thousands). */
const strictDecoders: Partial<Record<'gb18030' | 'utf-8', InstanceType<typeof TextDecoder>>> = {}

export function decodeStrict(bytes: readonly number[], encoding: 'gb18030' | 'utf-8'): string | undefined {
  const decoder = (strictDecoders[encoding] ??= new TextDecoder(encoding, { fatal: true }))
  try {
    return decoder.decode(new Uint8Array(bytes))
  } catch {
    return undefined
  }
}
