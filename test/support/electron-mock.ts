/**
 * A small stand-in for the `electron` module (vitest aliases `electron` to this file): enough of
 * app, BrowserWindow, ipcMain/ipcRenderer, contextBridge, session, Menu, dialog, shell and
 * utilityProcess for the glue code to run in plain Node, recording what it was asked to do so tests
 * can drive and inspect it. Import it by path in tests to reach the extra inspection helpers;
 * `resetElectronMock()` between tests.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { PassThrough } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { vi } from 'vitest'

type Listener = (...args: never[]) => unknown

class Emitter {
  private readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>()

  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: false }])
    return this
  }

  once(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: true }])
    return this
  }

  /** Test helper: runs the listeners as Electron would, returning how many ran. */
  emit(event: string, ...args: unknown[]): number {
    const list = this.listeners.get(event) ?? []
    this.listeners.set(
      event,
      list.filter((l) => !l.once)
    )
    for (const l of list) (l.fn as (...a: unknown[]) => unknown)(...args)
    return list.length
  }

  off(event: string, fn: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l.fn !== fn))
    return this
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }

  removeAllListeners(): this {
    this.listeners.clear()
    return this
  }
}

/** The event object passed to `will-navigate` and friends. */
export class MockEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class WebContents extends Emitter {
  windowOpenHandler: WindowOpenHandler | undefined
  readonly sent: { channel: string; args: unknown[] }[] = []

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }

  /** What printToPDF was asked for, and the bytes it answers (a tiny PDF header by default). */
  readonly printed: Record<string, unknown>[] = []
  pdfBytes: Uint8Array = new TextEncoder().encode('%PDF-1.7\n%%EOF\n')

  async printToPDF(options: Record<string, unknown>): Promise<Uint8Array> {
    this.printed.push(options)
    return this.pdfBytes
  }

  /** Test helper: fires `will-navigate` and tells whether the app let it through. */
  navigate(url: string): { prevented: boolean } {
    const event = new MockEvent()
    this.emit('will-navigate', event, url)
    return { prevented: event.defaultPrevented }
  }
}

export interface MockWindowOptions {
  show?: boolean
  title?: string
  webPreferences?: Record<string, unknown>
  [key: string]: unknown
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = []
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed)
  }

  readonly webContents = new WebContents()
  visible: boolean
  destroyed = false
  minimized = false
  focused = false
  loaded: { url: string } | { file: string } | undefined

  constructor(readonly options: MockWindowOptions = {}) {
    super()
    this.visible = options.show !== false
    BrowserWindow.instances.push(this)
  }

  loadURL(url: string): Promise<void> {
    this.loaded = { url }
    return Promise.resolve()
  }

  loadFile(file: string): Promise<void> {
    this.loaded = { file }
    return Promise.resolve()
  }

  show(): void {
    this.visible = true
  }

  isVisible(): boolean {
    return this.visible
  }

  isMinimized(): boolean {
    return this.minimized
  }

  restore(): void {
    this.minimized = false
  }

  focus(): void {
    this.focused = true
  }

  close(): void {
    this.destroyed = true
    this.emit('closed')
  }
}

class MockApp extends Emitter {
  isPackaged = false
  name = '政府信息公开年报助手'
  version = '0.1.0'
  singleInstanceLock = true
  readonly quit = vi.fn()

  reset(): void {
    this.removeAllListeners()
    this.isPackaged = false
    this.singleInstanceLock = true
    for (const fn of [this.quit, this.enableSandbox, this.requestSingleInstanceLock]) fn.mockClear()
  }

  readonly enableSandbox = vi.fn()
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock)
  getName(): string {
    return this.name
  }
  getVersion(): string {
    return this.version
  }
  /** A per-name folder under the OS temp folder: main builds the library path from 'userData'. */
  getPath(name: string): string {
    return `${tmpdir()}/electron-mock/${name}`
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
  /** What getAppMetrics answers: set by a test (no process by default). */
  metrics: { pid: number; type: string; memory: { workingSetSize: number; peakWorkingSetSize: number } }[] = []
  readonly getAppMetrics = vi.fn(() => this.metrics)
}

export const app = new MockApp()

type InvokeHandler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown

/** The URL `ipcRenderer.invoke` claims to come from, as a trusted page would. */
export const DEFAULT_SENDER_URL = 'http://localhost:5173/'

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
  /** Test helper: calls a registered handler as a renderer frame at `senderUrl` would. */
  async invoke(channel: string, payload: unknown, senderUrl = DEFAULT_SENDER_URL): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ senderFrame: { url: senderUrl } }, payload)
  }
}

const rendererEvents = new Emitter()

export const ipcRenderer = {
  // Forwards to ipcMain, so a preload and main wired together can be tested in one process.
  invoke: vi.fn((channel: string, ...args: unknown[]) => ipcMain.invoke(channel, args[0])),
  send: vi.fn(),
  on: vi.fn((channel: string, listener: Listener) => rendererEvents.on(channel, listener)),
  removeListener: vi.fn((channel: string, listener: Listener) => rendererEvents.off(channel, listener)),
  /** Test helper: main sending on a channel (webContents.send), as the page's listeners receive it. */
  emitFromMain(channel: string, ...args: unknown[]): number {
    return rendererEvents.emit(channel, { sender: {} }, ...args)
  },
  listenerCount(channel: string): number {
    return rendererEvents.listenerCount(channel)
  }
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
    this.exposed.set(key, api)
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void
) => void

class MockSession {
  headersListener: HeadersListener | undefined
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | undefined
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener
    }
  }
  setPermissionRequestHandler(handler: MockSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: MockSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler
  }
}

export const session = { defaultSession: new MockSession() }

export interface MockMenu {
  template: unknown[]
}

export const Menu = {
  applicationMenu: undefined as MockMenu | undefined,
  buildFromTemplate(template: unknown[]): MockMenu {
    return { template }
  },
  setApplicationMenu(menu: MockMenu | null): void {
    this.applicationMenu = menu ?? undefined
  }
}

export const dialog = {
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
  showErrorBox: vi.fn()
}

export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  showItemInFolder: vi.fn()
}

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const PARENT_PORT_SHIM = new URL('./utility-parent-port.mjs', import.meta.url).href

type UtilityForkOptions = { serviceName?: string; execArgv?: string[]; stdio?: string | string[] }

/**
 * utilityProcess.fork, played by a real Node process: the entry runs (through tsx when it is .ts)
 * with `process.parentPort` in place (utility-parent-port.mjs), so a worker's Electron path really
 * runs. `--js-flags=…` becomes the V8 flags it carries, as in a utility process. Events are
 * Electron's: `spawn`, `message` (the data itself), `exit` (a number), and `error` when a test emits
 * it; a piped stderr is a PassThrough whose listeners are all removed right after `exit`, as
 * Electron's own wrapper does (lib/browser/api/utility-process.ts).
 */
export class UtilityProcess extends Emitter {
  static forked: UtilityProcess[] = []
  readonly child: ChildProcess
  pid: number | undefined
  readonly stdout = null
  readonly stderr: PassThrough | null

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: UtilityForkOptions
  ) {
    super()
    const v8Flags = (options.execArgv ?? []).flatMap((arg) => (arg.startsWith('--js-flags=') ? arg.slice('--js-flags='.length).split(' ') : [arg]))
    const stdio = Array.isArray(options.stdio) ? options.stdio : [options.stdio ?? 'inherit', options.stdio ?? 'inherit', options.stdio ?? 'inherit']
    this.child = fork(modulePath, args, {
      execArgv: [...(modulePath.endsWith('.ts') ? ['--import', TSX_LOADER] : []), '--import', PARENT_PORT_SHIM, ...v8Flags],
      serialization: 'advanced',
      stdio: ['ignore', stdio[1] === 'pipe' ? 'pipe' : 'ignore', stdio[2] === 'pipe' ? 'pipe' : 'ignore', 'ipc'] as never
    })
    this.stderr = this.child.stderr ? new PassThrough() : null
    if (this.stderr) this.child.stderr!.pipe(this.stderr)
    this.child.on('spawn', () => {
      this.pid = this.child.pid
      this.emit('spawn')
    })
    this.child.on('message', (message) => this.emit('message', message))
    this.child.on('exit', (code, signal) => {
      this.pid = undefined
      try {
        this.emit('exit', code ?? (signal === 'SIGKILL' ? 9 : 1))
      } finally {
        this.stderr?.removeAllListeners()
      }
    })
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never)
  }

  kill(): boolean {
    return this.child.kill()
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: UtilityForkOptions = {}) => {
    const child = new UtilityProcess(modulePath, args, options)
    UtilityProcess.forked.push(child)
    return child
  })
}

/** Forget every window, handler, exposure and call recorded so far; end every utility process. */
export function resetElectronMock(): void {
  for (const child of UtilityProcess.forked) child.kill()
  UtilityProcess.forked = []
  utilityProcess.fork.mockClear()
  app.metrics = []
  app.getAppMetrics.mockClear()
  app.reset()
  BrowserWindow.instances = []
  ipcMain.handlers.clear()
  contextBridge.exposed.clear()
  session.defaultSession = new MockSession()
  Menu.applicationMenu = undefined
  ipcRenderer.invoke.mockClear()
  for (const fn of [...Object.values(dialog), ...Object.values(shell)]) fn.mockClear()
}
