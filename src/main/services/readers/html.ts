/**
 * Saved web pages (.html/.htm): decoded by the page's own charset declaration, read with a real
 * parser, site chrome dropped (see htmlBlocks). A page that holds no report body — the shell of a
 * site that loads its articles by script — is refused with advice, rather than read as empty.
 */
import type { ReadResult } from '@core/import/types'
import { decodeText } from '@core/text/decode'
import { FileError } from '../files'
import { htmlToBlocks } from './htmlBlocks'
import { hanCount } from './text'

/** Labels of <meta charset> that mean the GB family: decoded as GB18030, their common superset. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312'])

/**
 * A report body has well over a thousand Chinese characters; a script-loaded shell has a menu and
 * a footer. Below this, the page is not a report.
 */
const MIN_REPORT_HAN = 100

/** The charset a page declares, from <meta charset> or <meta http-equiv content="…charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Declarations must sit in the first 1024 bytes (HTML spec); allow more for pages with long heads.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192))
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return match?.[1]?.toLowerCase()
}

/** Valid UTF-8 holding multi-byte characters (not just ASCII, which every charset shares). */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export function decodeHtml(bytes: Uint8Array, charset?: string): { text: string; encoding: string } {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  // A BOM is certain; a declaration is what the page says; otherwise guess as for text files.
  const label = hasBom ? undefined : (charset ?? declaredCharset(bytes))
  // A page declaring a legacy charset but holding valid UTF-8 text (a CMS template that kept its
  // old <meta> after the site moved to UTF-8): Chinese in GBK is practically never valid UTF-8.
  if (label && label !== 'utf-8' && label !== 'utf8' && isUtf8Text(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
  }
  if (label) {
    const encoding = GB_LABELS.has(label) ? 'gb18030' : label
    try {
      return { text: new TextDecoder(encoding).decode(bytes), encoding }
    } catch {
      // An unknown label (TextDecoder throws RangeError): fall back to guessing.
    }
  }
  return decodeText(bytes)
}

export function readHtmlText(html: string, kind: 'html' | 'mhtml', encoding: string): ReadResult {
  const { blocks, scripts, warnings } = htmlToBlocks(html, { dropChrome: true })
  const han = blocks.reduce(
    (sum, block) =>
      sum +
      (block.kind === 'paragraph'
        ? hanCount(block.text)
        : block.rows.reduce((s, row) => s + row.reduce((c, cell) => c + hanCount(cell.text), 0), 0)),
    0
  )
  if (han < MIN_REPORT_HAN) {
    throw new FileError(
      scripts > 0
        ? '该网页未包含报告正文（可能是动态加载的页面），请在浏览器中打开后复制正文粘贴，或另存为“网页，全部”'
        : '该网页未包含报告正文，请确认保存的是年报正文页面，或在浏览器中复制正文粘贴'
    )
  }
  return { kind, blocks, warnings, encoding }
}

export function readHtml(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeHtml(bytes)
  return readHtmlText(text, 'html', encoding)
}
