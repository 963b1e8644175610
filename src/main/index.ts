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
import { IMPORT_PROGRESS_CHANNEL } from '@shared/ipc/importProgress'
import { MENU_COMMAND_CHANNEL } from '@shared/ipc/menuCommands'
import { electronImportSpawner } from './importProcess'
import { installLastResortHandlers } from './services/lastResort'
import { ImportRunner } from './services/import/runner'
// electron-vite bundles the worker as its own entry and gives its built path, which a utility
// process runs (see README, architecture).
import importWorkerPath from './services/import/worker?modulePath'
import { ReportLibrary } from './services/library/index'
import { ImportPool } from './services/rollup/pool'
import { RollupSession } from './services/rollup/session'
import { UnitsStore } from './services/rollup/unitsStore'
import { PathTokens } from './services/pathTokens'
import { SettingsStore } from './services/settings'
import { tidyLibraryOnStart } from './services/startup'
import { createUrlPolicy, trustedDevUrl } from './urlPolicy'
import { createMainWindow, hardenSession } from './window'

// Built layout: out/main/index.js next to out/preload/ and out/renderer/.
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')
const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html')

function start(): void {
  // Nothing the app does should reach these; if something does, it is logged and the app keeps running.
  installLastResortHandlers((line) => console.error(line))
  // Must precede `ready`: every renderer, including any created later, is sandboxed.
  app.enableSandbox()

  // A second launch (double-clicking a report file, say) focuses the running window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const isDev = !app.isPackaged
  // The dev server only in development, and only on this machine (see urlPolicy).
  const devUrl = isDev ? trustedDevUrl(process.env.ELECTRON_RENDERER_URL) : undefined
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
    const importer = new ImportRunner({ spawner: electronImportSpawner(importWorkerPath) })
    app.on('will-quit', () => void importer.dispose())
    // 汇总: one roll-up held at a time, its files read by a pool of the same import worker.
    const rollup = new RollupSession({
      library,
      units: new UnitsStore(libraryDir),
      settings,
      createPool: () => new ImportPool({ spawner: electronImportSpawner(importWorkerPath) })
    })
    app.on('will-quit', () => void rollup.dispose())
    const handlers = createHandlers({
      appInfo,
      library,
      settings,
      dialogs: createElectronDialogs({ getWindow: () => mainWindow, exportFolder: () => app.getPath('documents') }),
      shell: electronShell,
      tokens: new PathTokens(),
      printer: createWindowPrinter(() => mainWindow),
      importer,
      onImportProgress: (progress) => mainWindow?.webContents.send(IMPORT_PROGRESS_CHANNEL, progress),
      rollup
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
    // The first import then starts at once instead of waiting for the worker to load its readers.
    importer.warm()
    // macOS: clicking the dock icon with no window open brings one back.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })
}

start()
