/**
 * The main process's IPC side as a test (or the browser harness) runs it: the real handlers and
 * registry over a library in a fresh temp folder, real PathTokens, and fake dialogs and shell
 * whose answers the test sets. No electron anywhere.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, type HandlerDeps } from '../../src/main/ipc/handlers/index'
import { createRegistry, type Handlers, type Registry } from '../../src/main/ipc/registry'
import type { Dialogs, Printer, Shell } from '../../src/main/services/desktop'
import { createFontChecker } from '../../src/main/services/fonts'
import { nodeSpawner } from '../../src/main/services/import/nodeSpawner'
import { ImportRunner, type ImportRunnerOptions } from '../../src/main/services/import/runner'
import type { ImportProgress } from '@shared/ipc/importProgress'
import { ReportLibrary } from '../../src/main/services/library/index'
import { PathTokens } from '../../src/main/services/pathTokens'
import { ImportPool } from '../../src/main/services/rollup/pool'
import { RollupSession } from '../../src/main/services/rollup/session'
import { UnitsStore } from '../../src/main/services/rollup/unitsStore'
import { SettingsStore } from '../../src/main/services/settings'
import { buildApi, type Api } from '@shared/ipc/api'
import type { AppInfo } from '@shared/ipc/contract'
import type { IpcError, IpcResult } from '@shared/ipc/result'

export const TEST_APP_INFO: AppInfo = { name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }

export type DialogKind = 'import' | 'export' | 'settingsImport' | 'settingsExport' | 'rollupFolder' | 'rollupZip' | 'unitList' | 'workbook'

/** Dialogs that answer what the test queued, then “cancelled” once the queue is empty. */
export class FakeDialogs implements Dialogs {
  private readonly answers: Record<DialogKind, (string | string[] | null)[]> = {
    import: [],
    export: [],
    settingsImport: [],
    settingsExport: [],
    rollupFolder: [],
    rollupZip: [],
    unitList: [],
    workbook: []
  }
  /** Every dialog opened, with the name the save dialog proposed. */
  readonly opened: { kind: DialogKind; defaultName?: string }[] = []

  /** Queues the path the next dialog of this kind returns (null: the officer cancels). */
  answerNext(kind: DialogKind, path: string | string[] | null): void {
    this.answers[kind].push(path)
  }

  async chooseImportFiles(): Promise<string[] | null> {
    this.opened.push({ kind: 'import' })
    const answer = this.answers.import.shift() ?? null
    return answer === null ? null : typeof answer === 'string' ? [answer] : answer
  }

  async chooseExportPath(defaultName: string): Promise<string | null> {
    this.opened.push({ kind: 'export', defaultName })
    const answer = this.answers.export.shift() ?? null
    return Array.isArray(answer) ? (answer[0] ?? null) : answer
  }

  async chooseSettingsFile(): Promise<string | null> {
    this.opened.push({ kind: 'settingsImport' })
    return this.single(this.answers.settingsImport.shift())
  }

  async chooseSettingsExportPath(defaultName: string): Promise<string | null> {
    this.opened.push({ kind: 'settingsExport', defaultName })
    return this.single(this.answers.settingsExport.shift())
  }

  async chooseRollupSource(kind: 'folder' | 'zip'): Promise<string | null> {
    const dialog = kind === 'folder' ? 'rollupFolder' : 'rollupZip'
    this.opened.push({ kind: dialog })
    return this.single(this.answers[dialog].shift())
  }

  async chooseUnitList(): Promise<string | null> {
    this.opened.push({ kind: 'unitList' })
    return this.single(this.answers.unitList.shift())
  }

  async chooseWorkbookPath(defaultName: string): Promise<string | null> {
    this.opened.push({ kind: 'workbook', defaultName })
    return this.single(this.answers.workbook.shift())
  }

  private single(answer: string | string[] | null | undefined): string | null {
    return Array.isArray(answer) ? (answer[0] ?? null) : (answer ?? null)
  }
}

export class FakeShell implements Shell {
  readonly shown: string[] = []
  showItemInFolder(path: string): void {
    this.shown.push(path)
  }
}

/**
 * The window's printToPDF, faked: records each call and answers what `print` returns. The browser
 * harness points `print` at Chromium's own page.pdf(), which is the same printing engine.
 */
export class FakePrinter implements Printer {
  calls = 0
  print: () => Promise<Uint8Array> = async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n')
  async printToPdf(): Promise<Uint8Array> {
    this.calls++
    return this.print()
  }
}

export interface TestMain {
  /** The temp folder everything lives in (library and exports). */
  dir: string
  libraryDir: string
  /** A folder for exported files, inside `dir`. */
  exportDir: string
  library: ReportLibrary
  /** The settings file, in the library folder as in the app. */
  settings: SettingsStore
  dialogs: FakeDialogs
  shell: FakeShell
  printer: FakePrinter
  /** The folders the font check looks in: none by default (no official font installed). */
  fontFolders: string[]
  tokens: PathTokens
  /** The import worker's runner (worker.ts through tsx, in Node child processes). */
  importer: ImportRunner
  /** The roll-up held (汇总), its imports through the worker pool. */
  rollup: RollupSession
  /** Every import progress report main sent, in order. */
  progress: ImportProgress[]
  handlers: Handlers
  registry: Registry
  /** `window.api` as the renderer sees it, over the registry (payloads cross as JSON copies). */
  api: Api
  /** Stops the import worker and removes the temp folder. */
  dispose(): Promise<void>
}

export interface TestMainOptions {
  logError?: (route: string, error: unknown) => void
  /** Overrides of the import worker's budgets (a tiny time budget to see an overrun). */
  importer?: Partial<ImportRunnerOptions>
  /** Also called with each progress report (the browser harness forwards them to the page). */
  onImportProgress?: (progress: ImportProgress) => void
}

/** An import runner on the worker's source in Node child processes, as tests and the CLI run it. */
export function testImporter(options: Partial<ImportRunnerOptions> = {}): ImportRunner {
  return new ImportRunner({ spawner: nodeSpawner(), ...options })
}

export async function createTestMain(options: TestMainOptions = {}): Promise<TestMain> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-main-'))
  const libraryDir = join(dir, 'library')
  const exportDir = join(dir, 'exports')
  await mkdir(exportDir)
  const library = new ReportLibrary(libraryDir)
  const settings = new SettingsStore(libraryDir)
  const dialogs = new FakeDialogs()
  const shell = new FakeShell()
  const tokens = new PathTokens()
  const printer = new FakePrinter()
  const fontFolders: string[] = []
  const fonts = createFontChecker(() => fontFolders)
  
  const importer = testImporter(options.importer)
  const progress: ImportProgress[] = []
  const onImportProgress = (report: ImportProgress) => {
    progress.push(report)
    options.onImportProgress?.(report)
  }
  const rollup = new RollupSession({ library, units: new UnitsStore(libraryDir), settings, createPool: () => new ImportPool({ spawner: nodeSpawner() }) })
  const handlers = createHandlers({ appInfo: TEST_APP_INFO, library, settings, dialogs, shell, tokens, printer, fonts, importer, onImportProgress, rollup })
  const registry = createRegistry(handlers, options)
  return {
    dir,
    libraryDir,
    exportDir,
    library,
    settings,
    dialogs,
    shell,
    printer,
    fontFolders,
    tokens,
    importer,
    progress,
    handlers,
    registry,
    api: buildApi((channel, input) => registry.dispatch(channel, input)),
    rollup,
    dispose: async () => {
      await importer.dispose()
      await rollup.dispose()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/**
 * Deps for tests that never touch the library or dialogs (registry and preload tests): a library on
 * a folder that is only created if something writes to it.
 */
export function idleHandlerDeps(appInfo: AppInfo = TEST_APP_INFO): HandlerDeps {
  return {
    appInfo,
    library: new ReportLibrary(join(tmpdir(), 'nianbao-idle-library-never-written')),
    settings: new SettingsStore(join(tmpdir(), 'nianbao-idle-library-never-written')),
    dialogs: new FakeDialogs(),
    shell: new FakeShell(),
    tokens: new PathTokens(),
    // Started only if a test imports something.
    importer: testImporter()
  }
}

/** The data of a successful answer; a failed one fails the test with main's message. */
export async function ok<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(`IPC call failed: ${result.error.code} ${result.error.message}`)
  return result.data
}

/** The error of a failed answer; a successful one fails the test. */
export async function refused<T>(pending: Promise<IpcResult<T>>): Promise<IpcError> {
  const result = await pending
  if (result.ok) throw new Error(`IPC call succeeded unexpectedly: ${JSON.stringify(result.data)?.slice(0, 200)}`)
  return result.error
}
