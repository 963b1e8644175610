/** All route handlers. The `Handlers` return type is where a route without a handler fails to compile. */
import type { AppInfo } from '@shared/ipc/contract'
import type { ImportProgress } from '@shared/ipc/importProgress'
import type { Dialogs, Printer, Shell } from '../../services/desktop'
import { createFontChecker, type FontChecker } from '../../services/fonts'
import type { ImportRunner } from '../../services/import/runner'
import type { ReportLibrary } from '../../services/library/index'
import type { PathTokens } from '../../services/pathTokens'
import type { ImportPool } from '../../services/rollup/pool'
import { RollupSession } from '../../services/rollup/session'
import { UnitsStore } from '../../services/rollup/unitsStore'
import type { SettingsStore } from '../../services/settings'
import type { Handlers } from '../registry'
import { createAppHandlers } from './app'
import { createExportHandlers } from './export'
import { createImportHandlers } from './import'
import { createLibraryHandlers } from './library'
import { createPathMask, withOfficerErrors } from './officerErrors'
import { createReportHandlers } from './report'
import { createRollupHandlers } from './rollup'
import { createSettingsHandlers } from './settings'

/**
 * Everything the handlers touch outside plain data, injected: Electron's dialogs and shell in the
 * app, fakes in tests and in the browser harness; a library on a temp folder in both.
 */
export interface HandlerDeps {
  appInfo: AppInfo
  library: ReportLibrary
  /** The settings file beside the library. */
  settings: SettingsStore
  dialogs: Dialogs
  shell: Shell
  /** The paths behind the tokens the renderer holds. */
  tokens: PathTokens
  /** Prints the window to PDF (webContents.printToPDF in the app, a fake in tests). */
  printer?: Printer
  /** Looks for the official fonts; the system's font folders by default. */
  fonts?: FontChecker
  /** Runs imports in worker processes with their time and memory budget. */
  importer: ImportRunner
  /** Where import progress goes (the window in the app). */
  onImportProgress?: (progress: ImportProgress) => void
  /** The roll-up's import workers, started for a run and stopped after it; absent: read in this process. */
  createImportPool?: () => ImportPool
  /** The roll-up held (the app keeps one, to remove its temporary files on quit); made here when absent. */
  rollup?: RollupSession
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const mask = createPathMask(deps.library.paths.root, deps.tokens)
  // The unit list lives beside the settings, in the library folder.
  const units = new UnitsStore(deps.library.paths.root)
  const session =
    deps.rollup ??
    new RollupSession({ library: deps.library, units, settings: deps.settings, ...(deps.createImportPool ? { createPool: deps.createImportPool } : {}) })
  return {
    ...createAppHandlers(deps.appInfo),
    ...createReportHandlers(deps.settings),
    'app:checkFonts': () => (deps.fonts ?? createFontChecker()).check(),
    ...withOfficerErrors(
      {
        ...createLibraryHandlers({ library: deps.library, mask, settings: deps.settings }),
        ...createImportHandlers(deps),
        ...createExportHandlers(deps),
        ...createSettingsHandlers(deps),
        ...createRollupHandlers({ session, units, dialogs: deps.dialogs, tokens: deps.tokens })
      },
      mask
    )
  }
}
