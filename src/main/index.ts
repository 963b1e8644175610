/**
 * App lifecycle: one instance, IPC and menu set up once, the window created when Electron is
 * ready, and quit when the last window closes (except on macOS, where apps stay in the dock).
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { createElectronDialogs, electronShell } from './dialogs'
import { createHandlers } from './ipc/handlers/index'
import { registerIpc } from './ipc/register'
import { createRegistry } from './ipc/registry'
import { installMenu } from './menu'
import { createWindowPrinter } from './print'
import { MENU_COMMAND_CHANNEL } from '../shared/ipc/menuCommands'
import { ReportLibrary } from './services/library/index'
import { PathTokens } from './services/pathTokens'
import { SettingsStore } from './services/settings'
import { tidyLibraryOnStart } from './services/startup'
import { createUrlPolicy } from './urlPolicy'
import { createMainWindow, hardenSession } from './window'

// Built layout: out/main/index.js next to out/preload/ and out/renderer/.
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')
const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html')

function start(): void {
  // Must precede `ready`: every renderer, including any created later, is sandboxed.
  app.enableSandbox()

  // A second launch (double-clicking a report file, say) focuses the running window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const isDev = !app.isPackaged
  const devUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined
  const urlPolicy = createUrlPolicy({ devUrl, rendererIndex: RENDERER_INDEX })
  const appInfo = { name: app.getName(), version: app.getVersion(), platform: process.platform }
  let mainWindow: BrowserWindow | undefined

  const openWindow = (): void => {
    mainWindow = createMainWindow({ title: appInfo.name, preload: PRELOAD, devUrl, rendererIndex: RENDERER_INDEX, urlPolicy })
    mainWindow.on('closed', () => (mainWindow = undefined))
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    const libraryDir = join(app.getPath('userData'), 'library')
    // Autosave writes every few seconds: back up at most once a minute so five backups span real work.
    const library = new ReportLibrary(libraryDir, { backupIntervalMs: 60_000 })
    const settings = new SettingsStore(libraryDir)
    void tidyLibraryOnStart(library, settings).then(({ problems }) => problems.forEach((p) => console.warn(`[library] ${p}`)))
    const handlers = createHandlers({
      appInfo,
      library,
      settings,
      dialogs: createElectronDialogs({ getWindow: () => mainWindow, exportFolder: () => app.getPath('documents') }),
      shell: electronShell,
      tokens: new PathTokens(),
      printer: createWindowPrinter(() => mainWindow)
    })
    registerIpc(createRegistry(handlers), { isTrustedSender: (url) => urlPolicy.isAppUrl(url) })
    installMenu({
      appName: appInfo.name,
      isDev,
      isMac: process.platform === 'darwin',
      send: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: '关于',
          message: appInfo.name,
          detail: `版本 ${appInfo.version}\n用于编写、校验和导出政府信息公开工作年度报告。`,
          buttons: ['确定']
        })
    })
    openWindow()
    // macOS: clicking the dock icon with no window open brings one back.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })
}

start()
