/**
 * `import:*` routes: read a file (chosen in main's dialog, dropped as bytes, or pasted as text),
 * recognise it, and answer a preview for the officer to review. Nothing is stored until `accept`.
 * The same readers and recogniser as the CLI's `import`.
 */
import { basename } from 'node:path'
import { recognizeReport } from '../../../core/import/recognizeReport'
import type { ParsedReport, ReadResult } from '../../../core/import/types'
import type { RouteOutput } from '../../../shared/ipc/contract'
import type { Dialogs } from '../../services/desktop'
import { readBoundedFile } from '../../services/files'
import type { ReportLibrary } from '../../services/library/index'
import type { PathTokens } from '../../services/pathTokens'
import { MAX_DOCUMENT_BYTES, readDocument, readPastedText } from '../../services/readers/index'
import { readScanFiles } from '../../services/readers/scan'
import type { Handlers } from '../registry'
import { UserFacingError } from '../registry'
import { reportExists } from './library'

export type ImportRoute = Extract<keyof Handlers, `import:${string}`>

export interface ImportDeps {
  library: ReportLibrary
  dialogs: Dialogs
  tokens: PathTokens
}

type ImportPreview = RouteOutput<'import:importText'>

/** What the preview calls pasted text, which has no file name. */
export const PASTED_TEXT_NAME = '粘贴的文字'

export function createImportHandlers({ library, dialogs, tokens }: ImportDeps): Pick<Handlers, ImportRoute> {
  return {
    'import:chooseFile': async () => {
      const paths = await dialogs.chooseImportFiles()
      if (paths === null || paths.length === 0) return null
      if (paths.length > 1) {
        // Several image files: the pages of one scan, in name order.
        const files = await Promise.all(
          paths.map(async (path) => {
            const bytes = await readBoundedFile(path, MAX_DOCUMENT_BYTES)
            return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name: basename(path) }
          })
        )
        return preview(await readScanFiles(files), { token: tokens.issue(paths[0]!), fileName: severalFiles(files.map((f) => f.name)) })
      }
      const path = paths[0]!
      const token = tokens.issue(path)
      const name = basename(path)
      const bytes = await readBoundedFile(path, MAX_DOCUMENT_BYTES)
      // The bare name, not the path: reader messages quote it, and they go to the renderer.
      const read = await readDocument({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name })
      return preview(read, { token, fileName: name })
    },

    'import:importBytes': async ({ name, bytes }) => {
      const read = await readDocument({ bytes: new Uint8Array(Buffer.from(bytes, 'base64')), name })
      return preview(read, { token: tokens.anonymous(), fileName: name })
    },

    'import:importImages': async ({ files }) => {
      const read = await readScanFiles(files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.bytes, 'base64')) })))
      return preview(read, { token: tokens.anonymous(), fileName: severalFiles(files.map((f) => f.name)) })
    },

    'import:importText': ({ text }) => preview(readPastedText(text), { token: tokens.anonymous(), fileName: PASTED_TEXT_NAME }),

    'import:accept': async ({ report, replace }) => {
      // Last year's report may already be in the library (typed in, or imported before): replacing
      // it is the officer's decision, never a side effect of importing.
      if (replace !== true && (await reportExists(library, report.unit.name, report.year))) {
        throw new UserFacingError(
          `资料库中已有「${report.unit.name}」${report.year} 年度报告。如要用导入的内容替换它，请确认替换（原报告会先备份）。`
        )
      }
      return (await library.save(report, { forceBackup: true, reason: 'import' })).report
    }
  }
}

/** How the preview names a scan given as several image files. */
function severalFiles(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
  return `${sorted[0]} 等 ${names.length} 个图片文件`
}

function preview(read: ReadResult, file: { token: string; fileName: string }): ImportPreview {
  const parsed: ParsedReport = recognizeReport(read, { source: file.fileName })
  return { ...file, ...parsed }
}
