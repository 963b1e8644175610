/**
 * MHTML as browsers and old IE save it: the page part quoted-printable or base64, in the page's
 * own charset (GB2312 on many government sites).
 */
import { describe, expect, it } from 'vitest'
import { FileError } from '../../../src/main/services/files'
import { readDocument } from '../../../src/main/services/readers'
import { encodeGbk, paragraphs } from './support'

const BODY = '示例镇政府信息公开工作年度报告正文。'.repeat(10)
const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${BODY}</p></body></html>`

function quotedPrintable(bytes: Uint8Array): string {
  const tokens = [...bytes].map((b) =>
    (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`
  )
  // Soft line breaks between tokens, never inside an =XX.
  const lines: string[] = ['']
  for (const token of tokens) {
    if (lines.at(-1)!.length + token.length > 75) lines.push('')
    lines[lines.length - 1] += token
  }
  return lines.join('=\r\n')
}

function mht(encoding: 'quoted-printable' | 'base64'): Uint8Array {
  const bytes = encodeGbk(PAGE)
  const body = encoding === 'base64' ? Buffer.from(bytes).toString('base64').replace(/(.{76})/g, '$1\r\n') : quotedPrintable(bytes)
  return Buffer.from(
    [
      'From: <由 Windows Internet Explorer 8 保存>',
      'Subject: report',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000_0000"',
      '',
      '------=_NextPart_000_0000',
      'Content-Type: text/html; charset="gb2312"',
      `Content-Transfer-Encoding: ${encoding}`,
      'Content-Location: http://www.example.gov.cn/a.htm',
      '',
      body,
      '------=_NextPart_000_0000--',
      ''
    ].join('\r\n'),
    'utf8'
  )
}

describe('.mhtml', () => {
  it.each(['quoted-printable', 'base64'] as const)('decodes a %s GB2312 page part', async (encoding) => {
    const result = await readDocument({ bytes: mht(encoding), name: 'report.mht' })
    expect(result.kind).toBe('mhtml')
    expect(paragraphs(result.blocks)).toEqual([BODY])
  })

  it('refuses a MIME file with no page in it', async () => {
    const bytes = Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n')
    const error = await readDocument({ bytes, name: 'x.mhtml' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toContain('没有网页正文')
  })
})
