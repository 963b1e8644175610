import { describe, expect, it, vi } from 'vitest'
import { createReport, ReportError } from '@core/report/report'
import type { Finding } from '@core/rules/types'
import { createHandlers } from '../../src/main/ipc/handlers/index'
import { createRegistry, MESSAGES, UserFacingError, type Handlers } from '../../src/main/ipc/registry'
import { ROUTE_NAMES } from '@shared/ipc/contract'
import { idleHandlerDeps } from '../support/testMain'

const APP_INFO = { name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }

/** Real handlers with spies around them, so a test can tell whether one ran. */
function spiedHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const real = { ...createHandlers(idleHandlerDeps(APP_INFO)), ...overrides }
  return Object.fromEntries(Object.entries(real).map(([route, handler]) => [route, vi.fn(handler)])) as unknown as Handlers
}

describe('IPC registry', () => {
  it('answers a valid request with an ok envelope', async () => {
    const registry = createRegistry(spiedHandlers())
    await expect(registry.dispatch('app:getInfo', undefined)).resolves.toEqual({ ok: true, data: APP_INFO })
  })

  it('passes the parsed input to the handler', async () => {
    const handlers = spiedHandlers()
    const result = await createRegistry(handlers).dispatch('report:new', { unit: '  某某县人民政府  ', year: 2025 })
    expect(handlers['report:new']).toHaveBeenCalledWith({ unit: '某某县人民政府', year: 2025 })
    expect(result).toMatchObject({ ok: true, data: { unit: { name: '某某县人民政府', level: 'county' }, year: 2025 } })
  })

  it.each([
    ['a wrong type', 'report:new', { unit: '某某县人民政府', year: '2025' }],
    ['a missing field', 'report:new', { unit: '某某县人民政府' }],
    ['no payload at all', 'report:new', undefined],
    ['a payload for a route without input', 'app:getInfo', { sneaky: true }],
    ['a report that is not a report', 'report:check', { report: { schemaVersion: 1 } }]
  ])('rejects %s in Chinese without calling the handler', async (_case, route, payload) => {
    const handlers = spiedHandlers()
    const result = await createRegistry(handlers).dispatch(route, payload)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message.startsWith(MESSAGES.invalidInput)).toBe(true)
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled()
  })

  it('keeps the schema’s own Chinese message', async () => {
    const result = await createRegistry(spiedHandlers()).dispatch('report:new', { unit: '   ', year: 2025 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('单位名称不能为空') } })
  })

  it('turns an unexpected handler error into a generic envelope, without message or stack', async () => {
    const logError = vi.fn()
    const failing = (): never => {
      throw new Error('ENOENT: /home/officer/secret.json at Object.openSync')
    }
    const registry = createRegistry(spiedHandlers({ 'app:getInfo': failing }), { logError })
    const result = await registry.dispatch('app:getInfo', undefined)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.internal } })
    expect(JSON.stringify(result)).not.toMatch(/secret|ENOENT|stack|at Object/)
    expect(logError).toHaveBeenCalledWith('app:getInfo', expect.any(Error))
  })

  it('handles async rejections the same way', async () => {
    const registry = createRegistry(spiedHandlers({ 'app:getInfo': () => Promise.reject(new TypeError('x is undefined')) }), {
      logError: () => {}
    })
    await expect(registry.dispatch('app:getInfo', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('passes on messages written for the officer', async () => {
    const registry = createRegistry(
      spiedHandlers({
        'report:new': () => {
          throw new UserFacingError('该年度报告已存在')
        },
        'app:getInfo': () => {
          throw new ReportError('不是年报文件：内容不是 JSON 对象')
        }
      })
    )
    await expect(registry.dispatch('report:new', { unit: '某某镇人民政府', year: 2024 })).resolves.toEqual({
      ok: false,
      error: { code: 'REJECTED', message: '该年度报告已存在' }
    })
    await expect(registry.dispatch('app:getInfo', undefined)).resolves.toMatchObject({
      error: { code: 'REJECTED', message: '不是年报文件：内容不是 JSON 对象' }
    })
  })

  it('refuses a handler answer that breaks the contract', async () => {
    const logError = vi.fn()
    const wrong = { name: '政府信息公开年报助手', version: 1 } as unknown as typeof APP_INFO
    const registry = createRegistry(spiedHandlers({ 'app:getInfo': () => wrong }), { logError })
    await expect(registry.dispatch('app:getInfo', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logError).toHaveBeenCalledOnce()
  })

  it.each(['report:delete', 'constructor', '__proto__', 'toString', ''])('answers UNKNOWN_ROUTE for %j', async (route) => {
    await expect(createRegistry(spiedHandlers()).dispatch(route, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ROUTE', message: MESSAGES.unknownRoute }
    })
  })

  it('checks a report through the core rules, findings matching the contract', async () => {
    const report = createReport({ unit: '某某县人民政府', year: 2025 })
    const previous = { ...createReport({ unit: '某某县人民政府', year: 2024 }), values: { 't2.rules.inForce': 3 } }
    const logError = vi.fn()
    const result = await createRegistry(spiedHandlers(), { logError }).dispatch('report:check', { report, previous })
    expect(logError).not.toHaveBeenCalled()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    // A blank report is never clean (blank cells at least), so the output schema really was exercised.
    const findings = result.data as Finding[]
    expect(findings.length).toBeGreaterThan(0)
    for (const finding of findings) expect(finding.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('every contract route has a handler', () => {
  it('at run time', () => {
    expect(Object.keys(createHandlers(idleHandlerDeps(APP_INFO))).sort()).toEqual([...ROUTE_NAMES].sort())
    expect(createRegistry(createHandlers(idleHandlerDeps(APP_INFO))).routes).toEqual(ROUTE_NAMES)
  })

  it('refuses to start with a missing handler', () => {
    const { 'report:check': _dropped, ...incomplete } = createHandlers(idleHandlerDeps(APP_INFO))
    expect(() => createRegistry(incomplete as Handlers)).toThrow(/report:check/)
  })

  it('at compile time (checked by `npm run typecheck`)', () => {
    const complete = createHandlers(idleHandlerDeps(APP_INFO))
    const { 'report:check': _dropped, ...incomplete } = complete
    // @ts-expect-error a route without a handler does not compile
    const missing: Handlers = incomplete
    // @ts-expect-error a renamed (unknown) route does not compile
    const renamed: Handlers = { ...incomplete, 'report:validate': complete['report:check'] }
    expect([missing, renamed]).toHaveLength(2)
  })
})
