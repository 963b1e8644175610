/**
 * PDF bomb guard, as zipGuard is for .docx: one pass over the file's bytes before pdfjs sees them.
 *
 * - Nesting: arrays and dictionaries nested deeper than PDF_LIMITS.maxNesting are refused. pdfjs's
 *   parser recurses per level, and a file of `[[[[…` thousands deep overflows its stack inside
 *   promises nobody awaits. Counted outside strings, comments and stream data, per object, and
 *   inside decoded object streams (which hold objects too).
 * - Streams: every stream pdfjs may decode for text (page contents, forms, fonts, object streams,
 *   cross-reference streams; not images, attachments or metadata, which text extraction never
 *   decodes) is decoded here with a size cap (larger for embedded fonts than for the rest): zlib inflates with `maxOutputLength`, and the simple filters that may come
 *   before or instead of it (ASCIIHex, ASCII85, RunLength, LZW) are decoded by the small functions
 *   below, each stopping at the cap. A stream past its cap, or all of them together past
 *   PDF_LIMITS.maxTotalStreamBytes, refuses the file.
 * - Type 1 font programs: their encoding and subroutine indexes within a real font's (pdfType1.ts).
 * A stream whose data cannot be decoded here (encrypted, damaged) is left to pdfjs, which fails on
 * it the same way; the worker's memory watchdog covers what this cannot see.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib'
import { FileError } from '../files'
import { PDF_LIMITS, PDF_MESSAGES } from '../importLimits'
import { checkType1Program } from './pdfType1'

/** PDF white space and delimiters (ISO 32000-1, 7.2.2). */
const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))
const STREAM = ascii('stream')
const ENDSTREAM = Buffer.from('endstream', 'latin1')
const OBJ = ascii('obj')
const ENDOBJ = ascii('endobj')

function matchesAt(bytes: Uint8Array, at: number, word: readonly number[]): boolean {
  for (let i = 0; i < word.length; i += 1) if (bytes[at + i] !== word[i]) return false
  // A keyword ends at white space, a delimiter or the end of the file.
  const after = bytes[at + word.length]
  return after === undefined || WHITE.has(after) || DELIMITER.has(after)
}

/** Counts decoded bytes against the caps; throws the officer's sentence when one is passed. */
class StreamBudget {
  private total = 0
  private content = 0
  private saves = 0

  add(bytes: number, max: number): void {
    if (bytes > max) throw new FileError(PDF_MESSAGES.bomb(max))
    this.total += bytes
    if (this.total > PDF_LIMITS.maxTotalStreamBytes) throw new FileError(PDF_MESSAGES.bombTotal)
  }

  /** Page contents and forms: what pdfjs interprets operator by operator. */
  addContent(bytes: Uint8Array): void {
    this.content += bytes.length
    if (this.content > PDF_LIMITS.maxContentBytes) throw new FileError(PDF_MESSAGES.contentTotal)
    const { saves, depth } = graphicsStates(bytes)
    this.saves += saves
    if (this.saves > PDF_LIMITS.maxStateSaves) throw new FileError(PDF_MESSAGES.stateSaves)
    if (depth > PDF_LIMITS.maxStateDepth) throw new FileError(PDF_MESSAGES.stateDepth)
  }
}

/** An operator letter standing alone: between white space or delimiters, not a name's letter. */
function isOperator(bytes: Uint8Array, at: number): boolean {
  const before = at === 0 ? 0x20 : bytes[at - 1]!
  const after = bytes[at + 1] ?? 0x20
  return (WHITE.has(before) || (DELIMITER.has(before) && before !== 0x2f)) && (WHITE.has(after) || DELIMITER.has(after))
}

/**
 * `q` (save graphics state) operators, and the deepest nesting of saves not yet restored by `Q`:
 * pdfjs's time grows with the square of that depth (10,000 unbalanced saves: seconds; 20,000: a minute).
 */
function graphicsStates(bytes: Uint8Array): { saves: number; depth: number } {
  let saves = 0
  let depth = 0
  let deepest = 0
  for (let at = 0; at < bytes.length; at += 1) {
    const c = bytes[at]
    if ((c !== 0x71 && c !== 0x51) || !isOperator(bytes, at)) continue
    if (c === 0x71) {
      saves += 1
      depth += 1
      if (depth > deepest) deepest = depth
    } else if (depth > 0) depth -= 1
  }
  return { saves, depth: deepest }
}

/** Thrown by a decoder whose output passed the cap. */
class TooLarge extends Error {}

/** The cap of the stream being decoded (set per stream: fonts may be larger than page contents). */
let cap = PDF_LIMITS.maxStreamBytes
const CAP = () => cap + 1

function inflate(data: Uint8Array): Uint8Array {
  const options = { maxOutputLength: CAP(), finishFlush: constants.Z_SYNC_FLUSH }
  try {
    return inflateSync(data, options)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge()
    // pdfjs ignores the checksum and reads what inflates: so must the guard (a flipped byte fails
    // zlib's check). Then raw deflate, for writers that omit the zlib header.
    for (const raw of [data.subarray(2), data]) {
      try {
        return inflateRawSync(raw, options)
      } catch (rawError) {
        if ((rawError as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge()
      }
    }
    return new Uint8Array(0)
  }
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 2))
  let n = 0
  let high = -1
  for (const c of data) {
    if (c === 0x3e) break
    const v = hexValue(c)
    if (v < 0) continue
    if (high < 0) high = v
    else {
      out[n++] = (high << 4) | v
      high = -1
    }
  }
  if (high >= 0) out[n++] = high << 4
  return out.subarray(0, n)
}

function ascii85(data: Uint8Array): Uint8Array {
  const chunks: number[] = []
  let group: number[] = []
  const flush = (count: number) => {
    while (group.length < 5) group.push(0x75)
    let value = 0
    for (const c of group) value = value * 85 + (c - 0x21)
    for (let i = 0; i < count; i += 1) chunks.push((value >>> (24 - 8 * i)) & 0xff)
    group = []
  }
  for (let i = 0; i < data.length; i += 1) {
    const c = data[i]!
    if (c === 0x7e) break
    if (c === 0x7a && group.length === 0) {
      chunks.push(0, 0, 0, 0)
    } else if (c >= 0x21 && c <= 0x75) {
      group.push(c)
      if (group.length === 5) flush(4)
    }
    if (chunks.length > CAP()) throw new TooLarge()
  }
  if (group.length > 1) flush(group.length - 1)
  return Uint8Array.from(chunks)
}

function runLength(data: Uint8Array): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < data.length; ) {
    const length = data[i++]!
    if (length === 128) break
    if (length < 128) {
      for (let j = 0; j <= length && i < data.length; j += 1) out.push(data[i++]!)
    } else {
      const value = data[i++] ?? 0
      for (let j = 0; j < 257 - length; j += 1) out.push(value)
    }
    if (out.length > CAP()) throw new TooLarge()
  }
  return Uint8Array.from(out)
}

/** LZW as PDF uses it (early change 1): only the decoded length is needed, not the bytes. */
function lzwLength(data: Uint8Array): number {
  const lengths: number[] = []
  const reset = () => {
    lengths.length = 258
    for (let i = 0; i < 256; i += 1) lengths[i] = 1
  }
  reset()
  let bits = 9
  let buffer = 0
  let held = 0
  let previous = -1
  let total = 0
  for (const byte of data) {
    buffer = (buffer << 8) | byte
    held += 8
    while (held >= bits) {
      const code = (buffer >>> (held - bits)) & ((1 << bits) - 1)
      held -= bits
      buffer &= (1 << held) - 1
      if (code === 256) {
        reset()
        bits = 9
        previous = -1
        continue
      }
      if (code === 257) return total
      const length = code < lengths.length ? lengths[code]! : previous >= 0 ? lengths[previous]! + 1 : 1
      total += length
      if (total > CAP()) throw new TooLarge()
      if (previous >= 0 && lengths.length < 4096) lengths.push(lengths[previous]! + 1)
      previous = code
      if (lengths.length + 1 >= 1 << bits && bits < 12) bits += 1
    }
  }
  return total
}

/** The stream's filters, from its dictionary text: `/Filter /FlateDecode` or `/Filter [/A85 /Fl]`. */
function filtersOf(dict: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dict)
  if (!match) return []
  return [...match[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((m) => m[1]!)
}

const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF'])

/** Streams text extraction never decodes: pixels, attachments, XMP metadata. */
function isSkipped(dict: string, filters: readonly string[]): boolean {
  return /\/Subtype\s*\/Image\b|\/Type\s*\/(?:EmbeddedFile|Metadata)\b/.test(dict) || filters.some((f) => IMAGE_CODECS.has(f))
}

/** Embedded font programs: the one kind of stream that is legitimately large. */
function isFont(dict: string): boolean {
  return /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/.test(dict)
}

/** A Type 1 font program (FontFile): its three lengths, cleartext, encrypted and trailer. */
function isType1Font(dict: string): boolean {
  return /\/Length2\b/.test(dict)
}

/** Structure rather than drawing: object and cross-reference streams, CMaps, colour profiles. */
function isStructure(dict: string): boolean {
  return /\/Type\s*\/(?:ObjStm|XRef|CMap)\b|\/N\s+[134]\b/.test(dict)
}

/**
 * Decodes a stream through its filters with the cap; returns the decoded bytes (when the last
 * filter's output is needed) and their count. Filters this guard does not know stop the chain.
 */
function decodeChain(data: Uint8Array, filters: readonly string[]): { bytes: Uint8Array | undefined; length: number } {
  let bytes: Uint8Array = data
  for (const filter of filters) {
    switch (filter) {
      case 'FlateDecode':
      case 'Fl':
        bytes = inflate(bytes)
        break
      case 'ASCIIHexDecode':
      case 'AHx':
        bytes = asciiHex(bytes)
        break
      case 'ASCII85Decode':
      case 'A85':
        bytes = ascii85(bytes)
        break
      case 'RunLengthDecode':
      case 'RL':
        bytes = runLength(bytes)
        break
      case 'LZWDecode':
      case 'LZW':
        // Only the length is computed; a filter after LZW (rare) is not followed.
        return { bytes: undefined, length: lzwLength(bytes) }
      default:
        // Crypt, an image codec or a name of no filter: counted as it stands.
        return { bytes: undefined, length: bytes.length }
    }
  }
  return { bytes, length: bytes.length }
}

/** “12 0” for the `12 0 obj` whose keyword starts at `at`, read backwards; undefined if not numbers. */
function objectNumber(bytes: Uint8Array, at: number): string | undefined {
  let i = at - 1
  const number = (): string | undefined => {
    while (i >= 0 && WHITE.has(bytes[i]!)) i -= 1
    const end = i + 1
    while (i >= 0 && bytes[i]! >= 0x30 && bytes[i]! <= 0x39 && end - i <= 10) i -= 1
    return end - (i + 1) > 0 ? Buffer.from(bytes.subarray(i + 1, end)).toString('latin1') : undefined
  }
  const generation = number()
  const object = generation === undefined ? undefined : number()
  return object === undefined ? undefined : `${object} ${generation}`
}

/** Nesting depth of arrays and dictionaries, per object, outside strings, comments and streams. */
class NestingCounter {
  private depth = 0
  /** Objects that ended (at the next `obj`) with an array or dictionary still open. */
  private unterminated = 0
  /** Object definitions per “number generation”, to count redefinitions. */
  private readonly definitions = new Map<string, number>()
  private duplicates = 0

  reset(): void {
    this.depth = 0
  }

  /** The current object is over (its `endobj`, or the next object's `obj`): was all of it closed? */
  private objectEnd(): void {
    if (this.depth > 0 && ++this.unterminated > PDF_LIMITS.maxUnterminatedObjects) throw new FileError(PDF_MESSAGES.structure)
    this.depth = 0
  }

  /**
   * A new object starts at `at` (its `obj` keyword). pdfjs, rebuilding a damaged cross-reference
   * table, parses every redefinition of an object number again, and an unterminated dictionary runs
   * on to the end of the file: many of either make its time grow with the square of the file.
   */
  private objectAt(bytes: Uint8Array, at: number): void {
    this.objectEnd()
    const key = objectNumber(bytes, at)
    if (key === undefined) return
    const seen = this.definitions.get(key) ?? 0
    this.definitions.set(key, seen + 1)
    if (seen > 0 && ++this.duplicates > PDF_LIMITS.maxDuplicateObjects) throw new FileError(PDF_MESSAGES.structure)
  }

  /**
   * Scans bytes[from, to); calls `onStream(dataStart)` at each `stream` keyword and
   * continues after the offset it returns. Throws the officer's sentence past the limit.
   */
  scan(bytes: Uint8Array, from: number, to: number, onStream?: (dataStart: number) => number): void {
    let i = from
    while (i < to) {
      const c = bytes[i]!
      if (c === 0x25) {
        // Comment: to the end of the line.
        while (i < to && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i += 1
        continue
      }
      if (c === 0x28) {
        // Literal string: balanced parentheses, backslash escapes.
        let level = 1
        i += 1
        while (i < to && level > 0) {
          const s = bytes[i]!
          if (s === 0x5c) i += 1
          else if (s === 0x28) level += 1
          else if (s === 0x29) level -= 1
          i += 1
        }
        continue
      }
      if (c === 0x3c) {
        if (bytes[i + 1] === 0x3c) {
          this.open()
          i += 2
        } else {
          // Hex string.
          while (i < to && bytes[i] !== 0x3e) i += 1
          i += 1
        }
        continue
      }
      if (c === 0x3e && bytes[i + 1] === 0x3e) {
        this.close()
        i += 2
        continue
      }
      if (c === 0x5b) {
        this.open()
        i += 1
        continue
      }
      if (c === 0x5d) {
        this.close()
        i += 1
        continue
      }
      // Keywords only start after white space or a delimiter.
      const before = i === 0 ? 0x20 : bytes[i - 1]!
      if ((WHITE.has(before) || DELIMITER.has(before)) && c === 0x6f && matchesAt(bytes, i, OBJ)) {
        // A new object: whatever the previous one left open is not its nesting.
        this.objectAt(bytes, i)
        this.reset()
        i += 3
        continue
      }
      if ((WHITE.has(before) || DELIMITER.has(before)) && c === 0x65 && matchesAt(bytes, i, ENDOBJ)) {
        // An object ends: anything still open was never closed.
        this.objectEnd()
        i += ENDOBJ.length
        continue
      }
      if ((WHITE.has(before) || DELIMITER.has(before)) && c === 0x73 && onStream && matchesAt(bytes, i, STREAM)) {
        let data = i + STREAM.length
        if (bytes[data] === 0x0d) data += 1
        if (bytes[data] === 0x0a) data += 1
        i = onStream(data)
        this.reset()
        continue
      }
      i += 1
    }
  }

  private open(): void {
    this.depth += 1
    if (this.depth > PDF_LIMITS.maxNesting) throw new FileError(PDF_MESSAGES.nesting)
  }

  private close(): void {
    if (this.depth > 0) this.depth -= 1
  }
}

/** Throws a FileError naming the problem when the PDF nests too deep or holds a stream bomb. */
export function checkPdfStructure(bytes: Uint8Array): void {
  const budget = new StreamBudget()
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let previousEnd = 0
  const onStream = (dataStart: number): number => {
    const end = text.indexOf(ENDSTREAM, dataStart)
    const dataEnd = end < 0 ? bytes.length : end
    // The stream's dictionary: from its object's `obj` to the keyword (bounded, for a malformed file).
    const objAt = text.lastIndexOf('obj', dataStart)
    const dict = text.toString('latin1', Math.max(objAt, previousEnd, dataStart - 4096), dataStart)
    previousEnd = dataEnd
    const filters = filtersOf(dict)
    if (!isSkipped(dict, filters)) {
      cap = isType1Font(dict) ? PDF_LIMITS.maxType1FontBytes : isFont(dict) ? PDF_LIMITS.maxFontStreamBytes : PDF_LIMITS.maxStreamBytes
      let decoded
      try {
        // A stream without filters is its own decoded form.
        decoded = decodeChain(bytes.subarray(dataStart, dataEnd), filters)
      } catch (error) {
        if (error instanceof TooLarge) throw new FileError(PDF_MESSAGES.bomb(cap))
        throw error
      }
      budget.add(decoded.length, cap)
      if (decoded.bytes && isType1Font(dict)) checkType1Program(decoded.bytes)
      if (decoded.bytes && !isFont(dict) && !isStructure(dict)) budget.addContent(decoded.bytes)
      // Object streams hold objects: their nesting counts as the file's.
      if (decoded.bytes && /\/Type\s*\/ObjStm\b/.test(dict)) new NestingCounter().scan(decoded.bytes, 0, decoded.bytes.length)
    }
    return dataEnd + ENDSTREAM.length
  }
  new NestingCounter().scan(bytes, 0, bytes.length, onStream)
}
