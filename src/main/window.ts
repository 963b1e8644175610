/**
 * The main window and the session it lives in, with every security setting in one place:
 * isolated, sandboxed, no Node in the page, no new windows, no navigation away, no permissions.
 */
import { BrowserWindow, type Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'
import { trustedDevUrl, type UrlPolicy } from './urlPolicy'

export interface MainWindowOptions {
  title: string
  /** Absolute path of the bundled preload script. */
  preload: string
  /** The dev server URL under `electron-vite dev`; undefined when running the built app. */
  devUrl?: string
  /** Absolute path of the built renderer index.html, loaded when there is no dev URL. */
  rendererIndex: string
  urlPolicy: UrlPolicy
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: options.title,
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    // Shown on ready-to-show, so the officer never sees a blank white frame.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })

  win.once('ready-to-show', () => win.show())

  const contents = win.webContents
  // No pop-ups: links meant for a browser get their own IPC route when one is needed.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // Navigation away from the app's page is refused however it starts: the main frame, any
  // subframe, or a server redirect of a navigation under way.
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!options.urlPolicy.isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', denyForeign)
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url))
  contents.on('will-redirect', (event) => denyForeign(event, event.url))
  contents.on('will-attach-webview', (event) => event.preventDefault())

  // The dev server only when it is on this machine (trustedDevUrl); otherwise the built page.
  const devUrl = trustedDevUrl(options.devUrl)
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(options.rendererIndex)
  return win
}

/** Session-wide rules, applied once before any window loads. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  // The app needs no camera, notifications, geolocation…: refuse them all, asked or merely checked.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
