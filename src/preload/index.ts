/**
 * Sandboxed preload: exposes `window.api`, one wrapper per contract route, and nothing else —
 * never ipcRenderer itself. Bundled into a single CommonJS file, since a sandboxed preload can
 * only require('electron').
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/api'

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input))
)
