import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FORBIDDEN_MESSAGE, registerIpc } from '../../src/main/ipc/register'
import type { Registry } from '../../src/main/ipc/registry'
import { ROUTE_NAMES } from '@shared/ipc/contract'
import { ipcMain, resetElectronMock } from '../support/electron-mock'

const TRUSTED = 'http://localhost:5173/'

function fakeRegistry(): Registry {
  return { routes: ROUTE_NAMES, dispatch: vi.fn(async (route: string) => ({ ok: true as const, data: route })) }
}

describe('registerIpc', () => {
  beforeEach(resetElectronMock)

  it('binds one ipcMain handler per route', () => {
    registerIpc(fakeRegistry(), { isTrustedSender: () => true })
    expect([...ipcMain.handlers.keys()]).toEqual(ROUTE_NAMES)
  })

  it('dispatches requests from the app’s own page', async () => {
    const registry = fakeRegistry()
    registerIpc(registry, { isTrustedSender: (url) => url === TRUSTED })
    await expect(ipcMain.invoke('report:new', { unit: '某某县', year: 2025 }, TRUSTED)).resolves.toEqual({
      ok: true,
      data: 'report:new'
    })
    expect(registry.dispatch).toHaveBeenCalledWith('report:new', { unit: '某某县', year: 2025 })
  })

  it('refuses requests from any other frame without dispatching', async () => {
    const registry = fakeRegistry()
    registerIpc(registry, { isTrustedSender: (url) => url === TRUSTED })
    await expect(ipcMain.invoke('app:getInfo', undefined, 'https://example.com/')).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE }
    })
    expect(registry.dispatch).not.toHaveBeenCalled()
  })
})
