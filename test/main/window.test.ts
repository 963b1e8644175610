import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { createUrlPolicy, trustedDevUrl } from '../../src/main/urlPolicy'
import { createMainWindow, hardenSession } from '../../src/main/window'
import { BrowserWindow, MockEvent, resetElectronMock, session } from '../support/electron-mock'

const DEV_URL = 'http://localhost:5173/'
const INDEX = '/opt/app/out/renderer/index.html'

function openWindow(devUrl?: string): BrowserWindow {
  createMainWindow({
    title: '政府信息公开年报助手',
    preload: '/opt/app/out/preload/index.cjs',
    devUrl,
    rendererIndex: INDEX,
    urlPolicy: createUrlPolicy({ devUrl, rendererIndex: INDEX })
  })
  const win = BrowserWindow.instances.at(-1)
  if (!win) throw new Error('no window created')
  return win
}

describe('main window', () => {
  beforeEach(resetElectronMock)

  it('isolates and sandboxes the page', () => {
    const prefs = openWindow().options.webPreferences
    expect(prefs).toMatchObject({
      preload: '/opt/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })

  it('is created hidden and shown on ready-to-show', () => {
    const win = openWindow()
    expect(win.options.show).toBe(false)
    expect(win.isVisible()).toBe(false)
    win.emit('ready-to-show')
    expect(win.isVisible()).toBe(true)
  })

  it('denies window.open', () => {
    const handler = openWindow().webContents.windowOpenHandler
    expect(handler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' })
    expect(handler?.({ url: DEV_URL })).toEqual({ action: 'deny' })
  })

  it('in dev, loads the dev server and allows navigation only within it', () => {
    const win = openWindow(DEV_URL)
    expect(win.loaded).toEqual({ url: DEV_URL })
    expect(win.webContents.navigate('https://evil.example/phish').prevented).toBe(true)
    expect(win.webContents.navigate('http://localhost:6666/').prevented).toBe(true)
    expect(win.webContents.navigate('file:///etc/passwd').prevented).toBe(true)
    expect(win.webContents.navigate(`${DEV_URL}index.html`).prevented).toBe(false)
  })

  it('when built, loads index.html and prevents navigating anywhere else', () => {
    const win = openWindow(undefined)
    expect(win.loaded).toEqual({ file: INDEX })
    expect(win.webContents.navigate('https://evil.example/').prevented).toBe(true)
    expect(win.webContents.navigate(DEV_URL).prevented).toBe(true)
    expect(win.webContents.navigate('file:///opt/app/out/renderer/other.html').prevented).toBe(true)
  })

  it('refuses frame navigations and redirects away from the app as it refuses navigations', () => {
    for (const devUrl of [DEV_URL, undefined]) {
      const win = openWindow(devUrl)
      const app = devUrl ? `${DEV_URL}index.html` : pathToFileURL(INDEX).href
      for (const event of ['will-frame-navigate', 'will-redirect']) {
        for (const [url, allowed] of [
          ['https://evil.example/phish', false],
          ['file:///etc/passwd', false],
          ['http://localhost:6666/', false],
          [app, true]
        ] as const) {
          const details = Object.assign(new MockEvent(), { url, isMainFrame: false })
          expect(win.webContents.emit(event, details, url), event).toBe(1)
          expect(details.defaultPrevented, `${event} ${url}`).toBe(!allowed)
        }
      }
    }
  })

  it('loads a dev server only on this machine, and the built page otherwise', () => {
    expect(openWindow('http://127.0.0.1:5173/').loaded).toEqual({ url: 'http://127.0.0.1:5173/' })
    expect(openWindow('http://[::1]:5173/').loaded).toEqual({ url: 'http://[::1]:5173/' })
    for (const untrusted of ['http://evil.example:5173/', 'http://192.168.1.20:5173/', 'file:///tmp/index.html', 'http://user:pw@localhost:5173/', 'not a url']) {
      const win = openWindow(untrusted)
      expect(win.loaded, untrusted).toEqual({ file: INDEX })
      expect(win.webContents.navigate(untrusted).prevented, untrusted).toBe(true)
    }
  })

  it('prevents attaching webviews', () => {
    const event = new MockEvent()
    openWindow().webContents.emit('will-attach-webview', event)
    expect(event.defaultPrevented).toBe(true)
  })
})

describe('session hardening', () => {
  beforeEach(resetElectronMock)

  it('adds the CSP header to every response, keeping the others', () => {
    hardenSession(session.defaultSession as never)
    const callback = vi.fn()
    session.defaultSession.headersListener?.({ url: DEV_URL, responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })

  it('denies every permission request and check', () => {
    hardenSession(session.defaultSession as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      session.defaultSession.permissionRequestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.defaultSession.permissionCheckHandler?.({}, permission)).toBe(false)
    }
  })
})

describe('URL policy', () => {
  it('trusts a dev server URL only on localhost over http(s)', () => {
    expect(trustedDevUrl('http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(trustedDevUrl('https://127.0.0.1:5173/')).toBe('https://127.0.0.1:5173/')
    for (const url of [undefined, '', 'http://example.com:5173/', 'http://localhost.evil.example/', 'ftp://localhost/', 'http://10.0.0.2:5173/', 'nonsense']) {
      expect(trustedDevUrl(url), String(url)).toBeUndefined()
    }
    // A remote dev URL given anyway is not trusted: only the built page is.
    const policy = createUrlPolicy({ devUrl: 'http://evil.example:5173/', rendererIndex: INDEX })
    expect(policy.isAppUrl('http://evil.example:5173/')).toBe(false)
    expect(policy.isAppUrl(pathToFileURL(INDEX).href)).toBe(true)
  })

  it('in dev, trusts the dev server origin only', () => {
    const policy = createUrlPolicy({ devUrl: DEV_URL, rendererIndex: INDEX })
    expect(policy.isAppUrl('http://localhost:5173/src/main.ts')).toBe(true)
    expect(policy.isAppUrl('http://127.0.0.1:5173/')).toBe(false)
    expect(policy.isAppUrl(pathToFileURL(INDEX).href)).toBe(false)
  })

  it('when built, trusts the built index.html only, with any hash or query', () => {
    const policy = createUrlPolicy({ rendererIndex: INDEX })
    expect(policy.isAppUrl(pathToFileURL(INDEX).href)).toBe(true)
    expect(policy.isAppUrl(`${pathToFileURL(INDEX).href}#/editor?id=1`)).toBe(true)
    expect(policy.isAppUrl('file:///opt/app/out/renderer/evil.html')).toBe(false)
    expect(policy.isAppUrl('http://localhost:5173/')).toBe(false)
    expect(policy.isAppUrl('not a url')).toBe(false)
    expect(policy.isAppUrl('')).toBe(false)
  })
})
