/**
 * The browser harness's init script (plain JS, generated from the route list) builds the same
 * `window.api` as the preload's buildApi: same groups and methods, JSON copies, envelopes.
 */
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_FAILURE, buildApi } from '@shared/ipc/api'
import { bridgeScript, BINDING } from '../e2e/support/bridge'

type Method = (input?: unknown) => Promise<unknown>
type ApiObject = Record<string, Record<string, Method>>

/** Runs the script in a fresh context standing in for the page, with `invoke` as the binding. */
function pageApi(invoke: (route: string, payload: string | undefined) => Promise<string>): ApiObject {
  const window: Record<string, unknown> = { [BINDING]: invoke }
  runInNewContext(bridgeScript(), { window, Object, JSON })
  return window.api as ApiObject
}

const shape = (api: object) => Object.entries(api).map(([group, methods]) => [group, Object.keys(methods as object)])

describe('the e2e bridge script', () => {
  it('has exactly the groups and methods of buildApi', () => {
    const reference = buildApi(async () => ({ ok: true, data: null }))
    expect(shape(pageApi(async () => '{}'))).toEqual(shape(reference))
  })

  it('sends one JSON argument per call and parses the envelope', async () => {
    const invoke = vi.fn(async () => JSON.stringify({ ok: true, data: [1] }))
    const api = pageApi(invoke)
    await expect(api.library!.open!({ unit: '某某县人民政府', year: 2024, extra: undefined })).resolves.toEqual({ ok: true, data: [1] })
    expect(invoke).toHaveBeenCalledWith('library:open', '{"unit":"某某县人民政府","year":2024}')
    await api.library!.list!()
    expect(invoke).toHaveBeenLastCalledWith('library:list', undefined)
  })

  it('answers a broken channel with the same Chinese envelope as the preload', async () => {
    const api = pageApi(() => Promise.reject(new Error('Target closed')))
    await expect(api.app!.getInfo!()).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: BRIDGE_FAILURE } })
  })
})
