/**
 * Dialogs and shell over Electron: the thin glue behind the `Dialogs` and `Shell` interfaces the
 * handlers use. Everything that decides anything lives in the handlers; this only asks the system.
 */
import { extname, join } from 'node:path'
import { dialog, shell, type BrowserWindow } from 'electron'
import type { Dialogs, Shell } from './services/desktop'

/** What the readers understand (see services/readers), offered first; all files as a fallback. */
const IMPORT_FILTERS = [
  {
    name: '年度报告（Word、WPS、PDF、网页、文本、扫描件或照片）',
    extensions: ['docx', 'doc', 'wps', 'pdf', 'txt', 'html', 'htm', 'mht', 'mhtml', 'jpg', 'jpeg', 'png', 'tif', 'tiff']
  },
  { name: '扫描件或照片（可多选，按文件名顺序作为各页）', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff'] },
  { name: '所有文件', extensions: ['*'] }
]

const EXPORT_FILTERS: Record<string, { name: string; extensions: string[] }[]> = {
  '.docx': [{ name: 'Word 文档', extensions: ['docx'] }],
  '.pdf': [{ name: 'PDF 文档', extensions: ['pdf'] }]
}

const SETTINGS_FILTERS = [{ name: '地区配置（.json）', extensions: ['json'] }]
const ZIP_FILTERS = [{ name: '压缩包（.zip）', extensions: ['zip'] }]
const UNIT_LIST_FILTERS = [
  { name: '单位名单（Excel 或制表符分隔的文本）', extensions: ['xlsx', 'tsv', 'txt'] },
  { name: '所有文件', extensions: ['*'] }
]
const WORKBOOK_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]

export interface ElectronDialogOptions {
  /** The window to attach dialogs to (modal), when there is one. */
  getWindow: () => BrowserWindow | undefined
  /** Where the save dialog starts (the officer's 文档 folder), rather than wherever the process started. */
  exportFolder: () => string
}

export function createElectronDialogs({ getWindow, exportFolder }: ElectronDialogOptions): Dialogs {
  return {
    async chooseImportFiles() {
      const options = { title: '导入年度报告', properties: ['openFile' as const, 'multiSelections' as const], filters: IMPORT_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseExportPath(defaultName) {
      const pdf = extname(defaultName).toLowerCase() === '.pdf'
      const options = {
        title: pdf ? '导出 PDF' : '导出 Word 文档',
        defaultPath: join(exportFolder(), defaultName),
        filters: EXPORT_FILTERS[pdf ? '.pdf' : '.docx']
      }
      const win = getWindow()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseSettingsFile() {
      const options = { title: '导入地区配置', properties: ['openFile' as const], filters: SETTINGS_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseRollupSource(kind) {
      const options =
        kind === 'folder'
          ? { title: '选择各单位年报所在的文件夹', properties: ['openDirectory' as const] }
          : { title: '选择各单位年报的压缩包', properties: ['openFile' as const], filters: ZIP_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseUnitList() {
      const options = { title: '导入单位名单', properties: ['openFile' as const], filters: UNIT_LIST_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseWorkbookPath(defaultName) {
      const options = { title: '导出汇总表', defaultPath: join(exportFolder(), defaultName), filters: WORKBOOK_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseSettingsExportPath(defaultName) {
      const options = { title: '导出地区配置', defaultPath: join(exportFolder(), defaultName), filters: SETTINGS_FILTERS }
      const win = getWindow()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    }
  }
}

export const electronShell: Shell = {
  showItemInFolder: (path) => shell.showItemInFolder(path)
}
