/**
 * The app in real Chromium, as an officer would use it, with the main process in this test
 * process: the built renderer (out/renderer, from `npm run build`) served on 127.0.0.1, and
 * `window.api` bridged to the real registry and handlers over a library in a temp folder, with
 * fake dialogs whose next answers the test sets and a real PathTokens.
 *
 *   const app = await openApp({ seed: (main) => main.library.save(lastYearReport).then(() => {}) })
 *   app.setNextDialogAnswer('import', fixturePath('legacy/xiamei-2016.txt'))
 *   await app.page.getByRole('button', { name: /导入/ }).first().click()   // main's “dialog” answers the path
 *   await app.screenshot('import-review')
 *   app.setNextDialogAnswer('export', join(app.exportDir, '年报.docx'))
 *   …                                                                  // then readDocxText(that path)
 *   expect(await app.library.list()).toHaveLength(1)                     // main's side, directly
 *   expect(await app.api((api) => api.library.list())).toMatchObject({ ok: true })   // or as the page calls it
 *   expect(app.errors()).toEqual([])
 *   await app.close()
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Api } from '@shared/ipc/api'
import type { ReportLibrary } from '../../../src/main/services/library/index'
import { createTestMain, type DialogKind, type FakeDialogs, type FakeShell, type TestMain } from '../../support/testMain'
import { bridgeApi, PROGRESS, type IpcCall } from './bridge'
import { serveStatic, type StaticServer } from './server'

const REPO = new URL('../../../', import.meta.url).pathname
export const RENDERER_DIR = join(REPO, 'out/renderer')
export const SCREENSHOT_DIR = join(REPO, 'test-output/screenshots')

/** A file under test/fixtures, e.g. fixturePath('legacy/xiamei-2016.txt'). */
export function fixturePath(relative: string): string {
  return join(REPO, 'test/fixtures', relative)
}

/** Debian's chromium; `.ci/run` installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless, sandbox-free, and quiet on a closed network (without these it floods it with refused connections). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
]

/** The main window's size (src/main/window.ts). */
const VIEWPORT = { width: 1280, height: 840 }

export interface OpenAppOptions {
  /** Fill the library (or anything else in main) before the page loads. */
  seed?: (main: TestMain) => Promise<void>
  viewport?: { width: number; height: number }
  /** Extra environment for Chromium (a private FONTCONFIG_FILE, say). */
  env?: Record<string, string>
}

export interface App {
  page: Page
  context: BrowserContext
  /** The served renderer, e.g. http://127.0.0.1:41234/ */
  url: string
  /** The main-process side: registry, handlers, library, fake dialogs and shell, tokens, temp folders. */
  main: TestMain
  library: ReportLibrary
  /** The library's folder, inside the temp folder. */
  libraryDir: string
  /** An empty folder to point export dialogs at. */
  exportDir: string
  dialogs: FakeDialogs
  shell: FakeShell
  /** Every IPC call the page made, in order, with refusals' messages. */
  calls: IpcCall[]
  /** Console errors of the page, as text. */
  consoleErrors: string[]
  /** Uncaught exceptions and unhandled rejections of the page. */
  pageErrors: string[]
  /** Both of the above: what a test expects to be empty. */
  errors(): string[]
  /** Queues what the next open (import) or save (export) dialog returns; null: the officer cancels. */
  setNextDialogAnswer(kind: DialogKind, path: string | null): void
  /** Calls `window.api` in the page, as the renderer's clients do: `app.api((api) => api.library.list())`. */
  api<T>(call: (api: Api) => Promise<T>): Promise<T>
  /** A full-page PNG in test-output/screenshots/<name>.png (git-ignored); returns its path. */
  screenshot(name: string): Promise<string>
  /** Closes the browser and the server and removes the temp folders. */
  close(): Promise<void>
}

export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npm run build\` first (\`npm test\` does).`)
  }
  // Progress reports go to the page once it exists, as main sends them to the window.
  let progressTarget: Page | undefined
  const main = await createTestMain({
    onImportProgress: (progress) =>
      void progressTarget?.evaluate(`window.${PROGRESS}(${JSON.stringify(progress)})`).catch(() => undefined)
  })
  const cleanups: (() => Promise<unknown>)[] = [() => main.dispose()]
  const close = async (): Promise<void> => {
    // Reverse order: the browser before the server before the folders.
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    cleanups.length = 0
  }
  try {
    await options.seed?.(main)
    const server: StaticServer = await serveStatic(RENDERER_DIR)
    cleanups.push(() => server.close())
    const profile = await mkdtemp(join(tmpdir(), 'nianbao-chromium-'))
    cleanups.push(() => rm(profile, { recursive: true, force: true }))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {})
    })
    cleanups.push(() => context.close())

    const calls: IpcCall[] = []
    await bridgeApi(context, main.registry, calls)
    const page = context.pages()[0] ?? (await context.newPage())
    progressTarget = page
    const consoleErrors: string[] = []
    const pageErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message))

    await page.goto(server.url, { waitUntil: 'load' })
    // Mounted: Vue has replaced the empty #app with the app's markup.
    // (A string: this file is compiled without the DOM types.)
    await page.waitForFunction("(document.querySelector('#app')?.childElementCount ?? 0) > 0")

    return {
      page,
      context,
      url: server.url,
      main,
      library: main.library,
      libraryDir: main.libraryDir,
      exportDir: main.exportDir,
      dialogs: main.dialogs,
      shell: main.shell,
      calls,
      consoleErrors,
      pageErrors,
      errors: () => [...consoleErrors, ...pageErrors],
      setNextDialogAnswer: (kind, path) => main.dialogs.answerNext(kind, path),
      // The callback is serialised into the page: it may use only `api` and what it closes over there.
      api: (call) => page.evaluate(`(${call.toString()})(window.api)`),
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true })
        const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w\u4e00-\u9fff.-]+/g, '-')}.png`)
        await page.screenshot({ path, fullPage: true })
        return path
      },
      close
    }
  } catch (error) {
    await close()
    throw error
  }
}
