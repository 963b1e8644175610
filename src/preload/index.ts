/**
 * Sandboxed preload: exposes `window.api`, one wrapper per contract route, `window.menuEvents` for
 * the application menu's commands and `window.importEvents` for import progress — never
 * ipcRenderer itself. Bundled into a single CommonJS file, since a sandboxed preload can only
 * require('electron').
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '@shared/ipc/api'
import { IMPORT_PROGRESS_CHANNEL, importProgressSchema, type ImportEvents } from '@shared/ipc/importProgress'
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuEvents } from '@shared/ipc/menuCommands'

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input))
)

const menuEvents: MenuEvents = {
  onCommand(listener) {
    // Only known command names reach the page; the IPC event object never does.
    const relay = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay)
    return () => void ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay)
  }
}
contextBridge.exposeInMainWorld('menuEvents', menuEvents)

const importEvents: ImportEvents = {
  onProgress(listener) {
    // Only a well-formed report reaches the page, as a fresh copy; the IPC event object never does.
    const relay = (_event: unknown, progress: unknown) => {
      const parsed = importProgressSchema.safeParse(progress)
      if (parsed.success) listener(parsed.data)
    }
    ipcRenderer.on(IMPORT_PROGRESS_CHANNEL, relay)
    return () => void ipcRenderer.removeListener(IMPORT_PROGRESS_CHANNEL, relay)
  }
}
contextBridge.exposeInMainWorld('importEvents', importEvents)
