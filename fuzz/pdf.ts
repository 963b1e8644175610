/**
 * Minimal PDFs built byte by byte, for the fuzzer: a text page whose content stream the caller
 * chooses, with a correct xref table, so that every hostile variant is otherwise well formed.
 */
import { deflateSync } from 'node:zlib'

export interface PdfObject {
  /** The object's dictionary or value, as PDF source. */
  body: string
  /** Stream data after the body (the body must then be a dictionary without /Length). */
  stream?: Buffer
}

/** Serialises objects 1..n with an xref table; object 1 must be the catalog. */
export function buildPdf(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0]!.length
  const offsets: number[] = []
  const push = (chunk: Buffer) => {
    parts.push(chunk)
    length += chunk.length
  }
  objects.forEach((object, i) => {
    offsets.push(length)
    if (object.stream) {
      const dict = object.body.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`)
      push(Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'))
      push(object.stream)
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'))
    } else {
      push(Buffer.from(`${i + 1} 0 obj\n${object.body}\nendobj\n`, 'latin1'))
    }
  })
  const xref = length
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  table += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  table += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  push(Buffer.from(table, 'latin1'))
  return Buffer.concat(parts)
}

/** A content stream showing lines of ASCII text (Helvetica): enough for pdfjs to find a text layer. */
export function textContent(lines: readonly string[]): string {
  const shown = lines.map((line, i) => `BT /F1 12 Tf 72 ${780 - i * 16} Td (${line.replace(/[()\\]/g, '')}) Tj ET`)
  return shown.join('\n')
}

/**
 * A one-page PDF. `content` is the page's content stream (deflated unless `raw`); `extra` objects
 * are appended after the standard five and may be referenced from `pageExtra` (e.g. `/Annots 6 0 R`).
 */
export function pagePdf(options: {
  content: Buffer | string
  /** The content as given is stored without a filter. */
  raw?: boolean
  /** The content as given is already zlib-compressed: stored with /FlateDecode. */
  deflated?: boolean
  pageExtra?: string
  extra?: readonly PdfObject[]
  pages?: number
}): Buffer {
  const content = typeof options.content === 'string' ? Buffer.from(options.content, 'latin1') : options.content
  const pages = options.pages ?? 1
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ')
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>` },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
    options.raw
      ? { body: '<< >>', stream: content }
      : { body: '<< /Filter /FlateDecode >>', stream: options.deflated ? content : deflateSync(content) }
  ]
  for (let i = 0; i < pages; i += 1) {
    objects.push({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> ${options.pageExtra ?? ''} >>`
    })
  }
  objects.push(...(options.extra ?? []))
  return buildPdf(objects)
}
