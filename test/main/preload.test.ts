import { beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/ipc/handlers/index'
import { registerIpc } from '../../src/main/ipc/register'
import { createRegistry } from '../../src/main/ipc/registry'
import { BRIDGE_FAILURE, type Api } from '@shared/ipc/api'
import { ROUTE_NAMES } from '@shared/ipc/contract'
import { IMPORT_PROGRESS_CHANNEL, type ImportEvents } from '@shared/ipc/importProgress'
import { MENU_COMMAND_CHANNEL, type MenuEvents } from '@shared/ipc/menuCommands'
import { contextBridge, ipcMain, ipcRenderer, resetElectronMock } from '../support/electron-mock'
import { idleHandlerDeps } from '../support/testMain'

/** Every leaf of the exposed object, as `namespace.method` → value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>()
  if (typeof value !== 'object' || value === null) return found.set(prefix, value)
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(path, leaf)
  }
  return found
}

describe('preload', () => {
  let api: Api

  beforeAll(async () => {
    resetElectronMock()
    registerIpc(createRegistry(createHandlers(idleHandlerDeps({ name: '年报助手', version: '9.9.9', platform: 'linux' }))), {
      isTrustedSender: () => true
    })
    await import('../../src/preload/index')
    api = contextBridge.exposed.get('api') as Api
  })

  it('exposes window.api, window.menuEvents and window.importEvents, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api', 'menuEvents', 'importEvents'])
  })

  it('relays well-formed import progress to the page as a copy, nothing else, until unsubscribed', () => {
    const events = contextBridge.exposed.get('importEvents') as ImportEvents
    const received: unknown[] = []
    const stop = events.onProgress((progress) => received.push(progress))
    const page = { stage: 'page', fileName: '年报.pdf', page: 2, pages: 9 }
    ipcRenderer.emitFromMain(IMPORT_PROGRESS_CHANNEL, page)
    ipcRenderer.emitFromMain(IMPORT_PROGRESS_CHANNEL, { stage: 'page', fileName: '年报.pdf', page: 0, pages: 9 })
    ipcRenderer.emitFromMain(IMPORT_PROGRESS_CHANNEL, { stage: 'reading', fileName: '年报.pdf', path: '/home/officer/年报.pdf' })
    ipcRenderer.emitFromMain(IMPORT_PROGRESS_CHANNEL, 'reading')
    ipcRenderer.emitFromMain(IMPORT_PROGRESS_CHANNEL, { stage: 'recognising', fileName: '年报.pdf' })
    expect(received).toEqual([page, { stage: 'recognising', fileName: '年报.pdf' }])
    expect(received[0]).not.toBe(page)
    stop()
    expect(ipcRenderer.listenerCount(IMPORT_PROGRESS_CHANNEL)).toBe(0)
  })

  it('relays known menu commands to the page, nothing else, until unsubscribed', () => {
    const events = contextBridge.exposed.get('menuEvents') as MenuEvents
    const received: unknown[] = []
    const stop = events.onCommand((command) => received.push(command))
    ipcRenderer.emitFromMain(MENU_COMMAND_CHANNEL, 'importReport')
    ipcRenderer.emitFromMain(MENU_COMMAND_CHANNEL, 'rm -rf /')
    ipcRenderer.emitFromMain(MENU_COMMAND_CHANNEL, { command: 'exportReport' })
    expect(received).toEqual(['importReport'])
    stop()
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0)
  })

  it('has exactly one function per route', () => {
    const found = leaves(api)
    expect([...found.keys()].sort()).toEqual(ROUTE_NAMES.map((r) => r.replace(':', '.')).sort())
    for (const value of found.values()) expect(typeof value).toBe('function')
  })

  it('never hands out ipcRenderer or its methods', () => {
    for (const value of leaves(api).values()) {
      expect(value).not.toBe(ipcRenderer)
      expect(value).not.toBe(ipcRenderer.invoke)
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send|on/i)
  })

  it('sends the route’s channel and one payload only', async () => {
    ipcRenderer.invoke.mockClear()
    const report = api.report as unknown as { new: (input: unknown, extra: unknown) => Promise<unknown> }
    await report.new({ unit: '某某镇人民政府', year: 2025 }, 'ignored')
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('report:new', { unit: '某某镇人民政府', year: 2025 })
  })

  it('sends a plain JSON copy, so reactive proxies can cross', async () => {
    ipcRenderer.invoke.mockClear()
    const reactiveLike = new Proxy({ unit: '某某镇人民政府', year: 2025, skip: undefined }, {})
    await api.report.new(reactiveLike)
    const sent = ipcRenderer.invoke.mock.calls[0]?.[1]
    expect(sent).toEqual({ unit: '某某镇人民政府', year: 2025 })
    expect(sent).not.toBe(reactiveLike)
    expect(Object.keys(sent as object)).toEqual(['unit', 'year'])
  })

  it('turns a broken channel into an envelope instead of a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'app:getInfo'"))
    await expect(api.app.getInfo()).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: BRIDGE_FAILURE } })
  })

  it('reaches the main-process handlers end to end', async () => {
    await expect(api.app.getInfo()).resolves.toEqual({ ok: true, data: { name: '年报助手', version: '9.9.9', platform: 'linux' } })
    const created = await api.report.new({ unit: '某某镇人民政府', year: 2025 })
    expect(created).toMatchObject({ ok: true, data: { year: 2025, unit: { level: 'township' } } })
    expect(ipcMain.handlers.size).toBe(ROUTE_NAMES.length)
  })
})

describe('window.api types (checked by `npm run typecheck`)', () => {
  it('follow the contract', () => {
    const calls = (api: Api): unknown[] => [
      api.app.getInfo(),
      api.report.new({ unit: '某某县人民政府', year: 2025 }),
      // @ts-expect-error a route without input takes no argument
      api.app.getInfo({}),
      // @ts-expect-error the year is required
      api.report.new({ unit: '某某县人民政府' }),
      // @ts-expect-error no such route
      api.report.delete()
    ]
    expect(calls).toBeTypeOf('function')
  })
})
