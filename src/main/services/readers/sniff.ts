/**
 * What a file is, from its first bytes; the extension only decides between kinds the content
 * cannot tell apart (plain text), and names the problem when the content contradicts it.
 */
import { extname } from 'node:path'

export type SniffedKind = 'docx' | 'doc' | 'pdf' | 'html' | 'mhtml' | 'txt' | 'rtf' | 'unknown'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b)
}

/** The head of the file as text for tag and header checks: Latin-1 never fails, UTF-16 is unwrapped. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096)
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (utf16) return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2))
  return new TextDecoder('latin1').decode(head).replace(/^\u00ef\u00bb\u00bf/, '')
}

/** Bytes that never occur in text in any encoding we read (NUL outside UTF-16, most C0 controls). */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false
  let zeros = 0
  let controls = 0
  for (const b of head) {
    if (b === 0) zeros += 1
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1
  }
  // UTF-16 without a BOM has many zeros but in one byte position; decodeText checks that. Random
  // bytes have zeros and controls scattered: 1 in 256 each.
  if (zeros > 0 && zeros < head.length / 8) return true
  return controls > head.length / 50
}

export function sniff(bytes: Uint8Array, name: string): SniffedKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'docx'
  if (startsWith(bytes, OLE2)) return 'doc'
  const head = headText(bytes)
  // %PDF may follow a little junk (some servers prepend a BOM or whitespace); readers tolerate 1 KB.
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf'
  if (head.startsWith('{\\rtf')) return 'rtf'
  const trimmed = head.trimStart()
  if (/^(MIME-Version:|From:[^\n]*\n(?:[\s\S]*\n)?MIME-Version:|Content-Type:\s*multipart\/related)/i.test(trimmed) ||
      (/^[\w-]+:/.test(trimmed) && /Content-Type:\s*multipart\/related/i.test(head))) {
    return 'mhtml'
  }
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table|div|p|\?xml[^>]*>\s*<html)\b/i.test(trimmed)) {
    return 'html'
  }
  const extension = extname(name).toLowerCase()
  if ((extension === '.html' || extension === '.htm' || extension === '.xhtml') && /<(html|body|table|p|div)\b/i.test(head)) {
    return 'html'
  }
  if ((extension === '.mht' || extension === '.mhtml') && /Content-Type:/i.test(head)) return 'mhtml'
  if (looksBinary(bytes)) return 'unknown'
  return 'txt'
}
