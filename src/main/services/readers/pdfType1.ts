/**
 * Embedded Type 1 font programs (FontFile) whose tables point past any real font. pdfjs stores a
 * glyph at whatever index the program names — `dup 48843120694 /g put` in the encoding, `dup 9999999
 * 12 RD …` among the subroutines — and then walks the array up to that index for every glyph: a
 * single damaged byte costs hours inside pdfjs, which cannot be interrupted. Such a program is
 * refused before pdfjs sees it; a real font's codes are under 256 and its subroutines a few thousand.
 */
import { FileError } from '../files'
import { PDF_LIMITS, PDF_MESSAGES } from '../importLimits'

const EEXEC = Buffer.from('eexec', 'latin1')

/** Throws when the encoding or the subroutines of a decoded Type 1 program index past the limit. */
export function checkType1Program(program: Uint8Array): void {
  const bytes = Buffer.from(program.buffer, program.byteOffset, program.byteLength)
  const eexec = bytes.indexOf(EEXEC)
  const clear = bytes.toString('latin1', 0, eexec < 0 ? bytes.length : eexec)
  const encoding = /\/Encoding\b([\s\S]*?)\bdef\b/.exec(clear)?.[1] ?? ''
  if (tooHigh(encoding, PDF_LIMITS.maxType1EncodingCode)) throw new FileError(PDF_MESSAGES.type1Font)
  if (eexec < 0) return
  const secret = decryptEexec(bytes.subarray(eexec + EEXEC.length)).toString('latin1')
  const subrsAt = secret.indexOf('/Subrs')
  if (subrsAt < 0) return
  const charStringsAt = secret.indexOf('/CharStrings', subrsAt)
  if (tooHigh(secret.slice(subrsAt, charStringsAt < 0 ? undefined : charStringsAt), PDF_LIMITS.maxType1Subrs)) throw new FileError(PDF_MESSAGES.type1Font)
}

/** Whether a `dup <index>` in the text names an index past `max`, read as pdfjs reads it (parseInt, then to 32 bits). */
function tooHigh(text: string, max: number): boolean {
  for (const m of text.matchAll(/\bdup\s+([+-]?\d+)/g)) if ((parseInt(m[1]!, 10) | 0) > max) return true
  return false
}

/** The eexec section decrypted (binary or hex, as pdfjs accepts it), its four random bytes dropped. */
function decryptEexec(data: Buffer): Buffer {
  let start = 0
  while (start < data.length && (data[start] === 0x20 || data[start] === 0x0d || data[start] === 0x0a || data[start] === 0x09)) start += 1
  let cipher = data.subarray(start)
  if (cipher.length >= 4 && /^[0-9a-fA-F]{4}$/.test(cipher.toString('latin1', 0, 4))) cipher = Buffer.from(cipher.toString('latin1').replace(/[^0-9a-fA-F]/g, ''), 'hex')
  const plain = Buffer.alloc(cipher.length)
  let r = 55665
  for (let i = 0; i < cipher.length; i += 1) {
    const c = cipher[i]!
    plain[i] = c ^ (r >> 8)
    r = ((c + r) * 52845 + 22719) & 0xffff
  }
  return plain.subarray(4)
}
