/** `export:*` routes for the renderer: the ExportClient of types.ts over `window.api`. */
import { getApi, unwrap } from './ipc'
import type { ExportClient } from './types'

export const exportClient: ExportClient = {
  exportDocx: async (report, options) => unwrap(getApi().export.docx({ report, options })),
  exportPdf: async (input) => unwrap(getApi().export.pdf(input)),
  showInFolder: async (token) => unwrap(getApi().export.showInFolder({ token }))
}
