/**
 * The Electron glue of the library, import and export routes, with `electron` mocked: main builds
 * the library under userData/library, asks Electron's dialogs (attached to the main window) and
 * shell, and the renderer still only sees names and tokens.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { consistentReport } from '../support/reports'

type ElectronMock = typeof import('../support/electron-mock')

const FIXTURE = new URL('../fixtures/same-report/report.docx', import.meta.url).pathname
const APP_PAGE = pathToFileURL(join(import.meta.dirname, '../../src/renderer/index.html')).href

describe('IPC wiring in the Electron main process', () => {
  let electron: ElectronMock
  let userData: string
  let exports: string
  const documents = join(tmpdir(), '文档')

  /** Calls a route as the app's own page would. */
  const invoke = (route: string, payload?: unknown) => electron.ipcMain.invoke(route, payload, APP_PAGE)

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'nianbao-userdata-'))
    exports = await mkdtemp(join(tmpdir(), 'nianbao-exports-'))
    vi.resetModules()
    electron = await import('../support/electron-mock')
    electron.resetElectronMock()
    electron.app.isPackaged = true
    vi.spyOn(electron.app, 'getPath').mockImplementation((name: string) => (name === 'userData' ? userData : documents))
    await import('../../src/main/index')
    await new Promise((resolve) => setImmediate(resolve))
  })
  afterEach(async () => {
    // The app's import worker (a utility process, played by a Node process) ends with the app.
    electron.app.emit('will-quit')
    vi.restoreAllMocks()
    await rm(userData, { recursive: true, force: true })
    await rm(exports, { recursive: true, force: true })
  })

  it('keeps the library in userData/library', async () => {
    await expect(invoke('library:create', { unit: '某某县人民政府', year: 2025 })).resolves.toMatchObject({ ok: true })
    expect(await readdir(join(userData, 'library', 'reports'))).toEqual(['某某县人民政府'])
  })

  it('imports through Electron’s open dialog, attached to the main window', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [FIXTURE] })
    const answer = (await invoke('import:chooseFile')) as { ok: boolean; data: { fileName: string; values: unknown[] } }
    expect(answer.ok).toBe(true)
    expect(answer.data.fileName).toBe('report.docx')
    expect(answer.data.values).toHaveLength(200)
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls[0] as unknown as [unknown, { properties: string[] }]
    expect(parent).toBe(electron.BrowserWindow.instances[0])
    expect(options.properties).toEqual(['openFile', 'multiSelections'])
    expect(JSON.stringify(answer)).not.toContain(FIXTURE)
  })

  it('a cancelled dialog answers null', async () => {
    await expect(invoke('import:chooseFile')).resolves.toEqual({ ok: true, data: null })
    await expect(invoke('export:docx', { report: consistentReport(), options: { blankCells: 'zero', signature: true } })).resolves.toEqual({
      ok: true,
      data: null
    })
  })

  it('exports through the save dialog and shows the file with Electron’s shell', async () => {
    const target = join(exports, '年报.docx')
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const answer = (await invoke('export:docx', { report: consistentReport(), options: { blankCells: 'zero', signature: true } })) as {
      data: { fileName: string; token: string }
    }
    expect(answer.data.fileName).toBe('年报.docx')
    const [, options] = electron.dialog.showSaveDialog.mock.calls[0] as unknown as [unknown, { defaultPath: string }]
    expect(options.defaultPath).toBe(join(documents, '示例县示例镇人民政府2025年政府信息公开工作年度报告.docx'))
    await expect(invoke('export:showInFolder', { token: answer.data.token })).resolves.toEqual({ ok: true })
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(target)
  })
})
