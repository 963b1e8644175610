/**
 * .mhtml/.mht (“网页，单个文件”): a MIME multipart/related message whose text/html part is the
 * page. postal-mime undoes quoted-printable/base64 and the part's charset; the page then goes
 * through the HTML reader. A single-part MHTML (Content-Type: text/html at the top) works the same.
 */
import PostalMime from 'postal-mime'
import type { ReadResult } from '@core/import/types'
import { FileError } from '../files'
import { MARKUP_LIMITS } from '../importLimits'
import { readHtmlText } from './html'

export async function readMhtml(bytes: Uint8Array): Promise<ReadResult> {
  let html: string | undefined
  try {
    // postal-mime's own limits: a storm of tiny parts or nested multiparts is refused, not parsed for seconds.
    const message = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxHeadersSize: MARKUP_LIMITS.maxMimeHeaderBytes,
      maxNestingDepth: MARKUP_LIMITS.maxMimeDepth
    })
    html = message.html
    if (!html) {
      // Some savers mark the page part as an attachment (Content-Disposition) rather than the body.
      const part = message.attachments.find((a) => a.mimeType === 'text/html')
      if (part && typeof part.content !== 'string') html = new TextDecoder('utf-8').decode(part.content)
    }
  } catch {
    throw new FileError('MHTML 网页文件已损坏，无法读取')
  }
  if (!html) throw new FileError('MHTML 网页文件中没有网页正文（缺少 text/html 部分）')
  return readHtmlText(html, 'mhtml', 'utf-8')
}
