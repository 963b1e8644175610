/** The built app loads in real Chromium, cleanly, and `window.api` reaches the real main-process handlers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consistentReport } from '../support/reports'
import { openApp, type App } from './support/harness'

describe('smoke', () => {
  let app: App

  beforeAll(async () => {
    app = await openApp({
      seed: async (main) => {
        await main.library.save(consistentReport({ unit: '示例县示例镇人民政府', year: 2025 }))
      }
    })
  })
  afterAll(() => app?.close())

  it('loads with no console or page errors and shows the title', async () => {
    await expect(app.page.title()).resolves.toBe('政府信息公开年报助手')
    await app.page.getByText('政府信息公开年报助手').first().waitFor()
    await app.screenshot('smoke-start')
    expect(app.errors()).toEqual([])
  })

  it('round-trips window.api.library.list() through the bridge', async () => {
    const answer = await app.api((api) => api.library.list())
    expect(answer).toEqual({
      ok: true,
      data: [{ name: '示例县示例镇人民政府', level: 'township', years: [{ year: 2025, updatedAt: expect.any(String), status: 'ok' }] }]
    })
    expect(app.calls).toContainEqual({ route: 'library:list', ok: true })
  })

  it('carries refusals back as envelopes with main’s Chinese message', async () => {
    const answer = await app.api((api) => api.library.open({ unit: '示例县示例镇人民政府', year: 2019 }))
    expect(answer).toEqual({ ok: false, error: { code: 'REJECTED', message: '资料库中没有「示例县示例镇人民政府」2019 年度报告' } })
    const invalid = await app.api((api) => api.library.open({ unit: '', year: 2019 }))
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('window.api has every route and cannot be replaced by the page', async () => {
    const shape = await app.page.evaluate(() => {
      // globalThis is the page's window (this file is compiled without the DOM types).
      const api = (globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api
      const replaced = Reflect.set(globalThis, 'api', {})
      return { replaced, groups: Object.keys(api).sort(), library: Object.keys(api.library ?? {}).length }
    })
    expect(shape).toEqual({ replaced: false, groups: ['app', 'export', 'import', 'library', 'report', 'rollup', 'settings'], library: 18 })
    expect(app.errors()).toEqual([])
  })
})
