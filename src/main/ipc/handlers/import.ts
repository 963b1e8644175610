/**
 * `import:*` routes: read a file (chosen in main's dialog, dropped as bytes, or pasted as text),
 * recognise it, and answer a preview for the officer to review. Nothing is stored until `accept`.
 *
 * Reading and recognising run in the import worker (ImportRunner), never on the main process:
 * the window stays responsive, each import has a time budget and a memory ceiling, its progress is
 * reported through `onProgress`, and `import:cancel` stops it. The same worker path as the CLI's `import`.
 */
import { basename } from 'node:path'
import type { ParsedReport } from '@core/import/types'
import type { RouteOutput } from '@shared/ipc/contract'
import type { ImportProgress } from '@shared/ipc/importProgress'
import type { Dialogs } from '../../services/desktop'
import type { ImportRunner, ImportSource } from '../../services/import/runner'
import type { ReportLibrary } from '../../services/library/index'
import type { PathTokens } from '../../services/pathTokens'
import { readBoundedFile } from '../../services/files'
import { MAX_DOCUMENT_BYTES } from '../../services/readers/index'
import type { Handlers } from '../registry'
import { UserFacingError } from '../registry'
import { reportExists } from './library'

export type ImportRoute = Extract<keyof Handlers, `import:${string}`>

export interface ImportDeps {
  library: ReportLibrary
  dialogs: Dialogs
  tokens: PathTokens
  /** Runs imports in the worker. */
  importer: ImportRunner
  /** Where progress goes (the window in the app); nowhere when absent. */
  onImportProgress?: (progress: ImportProgress) => void
}

type ImportPreview = RouteOutput<'import:importText'>

/** What the preview calls pasted text, which has no file name. */
export const PASTED_TEXT_NAME = '粘贴的文字'

export function createImportHandlers({ library, dialogs, tokens, importer, onImportProgress }: ImportDeps): Pick<Handlers, ImportRoute> {
  /** Imports in flight, so that `import:cancel` can stop them. */
  const inFlight = new Set<AbortController>()

  async function recognise(source: ImportSource): Promise<ParsedReport> {
    const controller = new AbortController()
    inFlight.add(controller)
    try {
      return await importer.run(source, {
        signal: controller.signal,
        // The bare name, not the path: messages quote it, and they go to the renderer.
        onProgress: (stage) => onImportProgress?.({ ...stage, fileName: source.name })
      })
    } finally {
      inFlight.delete(controller)
    }
  }

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
        const name = severalFiles(files.map((f) => f.name))
        return preview(await recognise({ kind: 'images', files, name }), { token: tokens.issue(paths[0]!), fileName: name })
      }
      const path = paths[0]!
      const token = tokens.issue(path)
      const name = basename(path)
      // The worker reads the file itself: its bytes never pass through the main process.
      return preview(await recognise({ kind: 'file', path, name }), { token, fileName: name })
    },

    'import:importBytes': async ({ name, bytes }) => {
      const parsed = await recognise({ kind: 'bytes', bytes: new Uint8Array(Buffer.from(bytes, 'base64')), name })
      return preview(parsed, { token: tokens.anonymous(), fileName: name })
    },

    'import:importImages': async ({ files }) => {
      const name = severalFiles(files.map((f) => f.name))
      const images = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.bytes, 'base64')) }))
      return preview(await recognise({ kind: 'images', files: images, name }), { token: tokens.anonymous(), fileName: name })
    },

    'import:importText': async ({ text }) => {
      const parsed = await recognise({ kind: 'text', text, name: PASTED_TEXT_NAME })
      return preview(parsed, { token: tokens.anonymous(), fileName: PASTED_TEXT_NAME })
    },

    'import:cancel': () => {
      const running = inFlight.size > 0
      for (const controller of inFlight) controller.abort()
      return running
    },

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

function preview(parsed: ParsedReport, file: { token: string; fileName: string }): ImportPreview {
  return { ...file, ...parsed }
}
