/**
 * Printing the window to PDF: the thin glue behind the `Printer` the export handlers use. The page
 * lays itself out for print (the preview's A4 pages, see PreviewView's print styles), so the PDF
 * has exactly the pages the preview shows; the CSS page size wins over any default paper.
 */
import type { BrowserWindow } from 'electron'
import type { Printer } from './services/desktop'

/** What printToPDF is asked for: A4 as the page's CSS says, no margins of its own, backgrounds kept. */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  generateDocumentOutline: false
} as const

export function createWindowPrinter(getWindow: () => BrowserWindow | undefined): Printer {
  return {
    async printToPdf() {
      const win = getWindow()
      if (!win) throw new Error('no window to print')
      return new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS))
    }
  }
}
