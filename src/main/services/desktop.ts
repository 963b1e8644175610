/**
 * What the handlers need from the desktop, as interfaces: Electron implements them in
 * src/main/dialogs.ts, tests and the browser harness with fakes. Node-only; never imports electron.
 */

export interface Dialogs {
  /**
   * The open dialog for a report to import: one file, or several image files (the pages of one
   * scan); null when cancelled.
   */
  chooseImportFiles(): Promise<string[] | null>
  /** The save dialog for an export, proposing `defaultName`; null when cancelled. */
  chooseExportPath(defaultName: string): Promise<string | null>
  /** The open dialog for a region profile (.json) to import into 设置; null when cancelled. */
  chooseSettingsFile(): Promise<string | null>
  /** The save dialog for exporting the region profile, proposing `defaultName`; null when cancelled. */
  chooseSettingsExportPath(defaultName: string): Promise<string | null>
  /** The folder, or the .zip, of the units' reports to roll up; null when cancelled. */
  chooseRollupSource(kind: 'folder' | 'zip'): Promise<string | null>
  /** The open dialog for a unit list (.tsv, .txt, .xlsx); null when cancelled. */
  chooseUnitList(): Promise<string | null>
  /** The save dialog for the summary workbook, proposing `defaultName`; null when cancelled. */
  chooseWorkbookPath(defaultName: string): Promise<string | null>
}

export interface Shell {
  /** Opens the file manager at a file, selecting it. */
  showItemInFolder(path: string): void
}

/** Prints the window's page (the preview's print layout) to PDF bytes: webContents.printToPDF in the app. */
export interface Printer {
  printToPdf(): Promise<Uint8Array>
}
