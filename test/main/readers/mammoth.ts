/**
 * The oracle for the direct .docx reader: mammoth renders a .docx to HTML, read by htmlBlocks as a
 * page without chrome — the app's former path. mammoth is a dev dependency, used only here.
 */
import mammoth from 'mammoth'
import type { Block } from '@core/import/types'
import { htmlToBlocks } from '../../../src/main/services/readers/htmlBlocks'

export async function mammothBlocks(bytes: Uint8Array): Promise<Block[]> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    // Images carry no report text; by default mammoth inlines each as base64.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) }
  )
  return htmlToBlocks(result.value, { dropChrome: false }).blocks
}
