import { afterEach, describe, expect, it, vi } from 'vitest'
import { WORKER_LIMITS } from '../../src/main/services/importLimits'
import { ROUTE_NAMES } from '@shared/ipc/contract'

type ElectronMock = typeof import('../support/electron-mock')

let launched: ElectronMock | undefined
// Each launch warms an import worker process: end it with the test.
afterEach(() => launched?.resetElectronMock())

/**
 * Runs src/main/index.ts afresh, as Electron would on launch, and lets `whenReady` settle.
 * Modules are reset first, so the mock is imported afresh too and returned for inspection.
 */
async function launch(prepare: (electron: ElectronMock) => void = () => {}): Promise<ElectronMock> {
  vi.resetModules()
  const electron = await import('../support/electron-mock')
  launched = electron
  prepare(electron)
  await import('../../src/main/index')
  await new Promise((resolve) => setImmediate(resolve))
  return electron
}

describe('app lifecycle', () => {
  it('sets everything up once ready and opens one hidden, sandboxed window', async () => {
    const { app, BrowserWindow, ipcMain, Menu, session } = await launch()
    expect(app.enableSandbox).toHaveBeenCalled()
    expect([...ipcMain.handlers.keys()]).toEqual(ROUTE_NAMES)
    expect(Menu.applicationMenu).toBeDefined()
    expect(session.defaultSession.headersListener).toBeDefined()
    expect(BrowserWindow.instances).toHaveLength(1)
    const win = BrowserWindow.instances[0]
    expect(win?.options.show).toBe(false)
    expect(win?.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('starts the import worker ahead of the first import, as a utility process with its heap ceiling', async () => {
    const { utilityProcess, UtilityProcess } = await launch()
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1)
    const [child] = UtilityProcess.forked
    expect(child?.modulePath).toMatch(/worker\.ts$/)
    expect(child?.options).toMatchObject({ serviceName: '导入组件', execArgv: [`--js-flags=--max-old-space-size=${WORKER_LIMITS.maxHeapMb}`] })
  })

  it('answers the app’s own page and refuses others', async () => {
    const { ipcMain } = await launch((electron) => {
      electron.app.isPackaged = true
    })
    const index = (await import('node:url')).pathToFileURL(
      (await import('node:path')).join(import.meta.dirname, '../../src/renderer/index.html')
    ).href
    await expect(ipcMain.invoke('app:getInfo', undefined, index)).resolves.toEqual({
      ok: true,
      data: { name: '政府信息公开年报助手', version: '0.1.0', platform: process.platform }
    })
    await expect(ipcMain.invoke('app:getInfo', undefined, 'https://example.com/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })

  it('quits when another instance already runs', async () => {
    const { app, BrowserWindow, ipcMain } = await launch((electron) => {
      electron.app.singleInstanceLock = false
    })
    expect(app.quit).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('focuses the existing window on a second launch', async () => {
    const { app, BrowserWindow } = await launch()
    const win = BrowserWindow.instances[0]
    if (!win) throw new Error('no window')
    win.minimized = true
    app.emit('second-instance')
    expect(win.isMinimized()).toBe(false)
    expect(win.focused).toBe(true)
  })

  it('quits when the last window closes (not on macOS)', async () => {
    const { app } = await launch()
    app.emit('window-all-closed')
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled()
    else expect(app.quit).toHaveBeenCalled()
  })
})
