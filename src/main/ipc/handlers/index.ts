/** All route handlers. The `Handlers` return type is where a route without a handler fails to compile. */
import type { AppInfo } from '../../../shared/ipc/contract'
import type { ImportProgress } from '../../../shared/ipc/importProgress'
import type { Dialogs, Shell } from '../../services/desktop'
import type { ImportRunner } from '../../services/import/runner'
import type { ReportLibrary } from '../../services/library/index'
import type { PathTokens } from '../../services/pathTokens'
import type { Handlers } from '../registry'
import { createAppHandlers } from './app'
import { createExportHandlers } from './export'
import { createImportHandlers } from './import'
import { createLibraryHandlers } from './library'
import { createPathMask, withOfficerErrors } from './officerErrors'
import { reportHandlers } from './report'

/**
 * Everything the handlers touch outside plain data, injected: Electron's dialogs and shell in the
 * app, fakes in tests and in the browser harness; a library on a temp folder in both.
 */
export interface HandlerDeps {
  appInfo: AppInfo
  library: ReportLibrary
  dialogs: Dialogs
  shell: Shell
  /** The paths behind the tokens the renderer holds. */
  tokens: PathTokens
  /** Runs imports in a worker thread with their time and memory budget. */
  importer: ImportRunner
  /** Where import progress goes (the window in the app). */
  onImportProgress?: (progress: ImportProgress) => void
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const mask = createPathMask(deps.library.paths.root, deps.tokens)
  return {
    ...createAppHandlers(deps.appInfo),
    ...reportHandlers,
    ...withOfficerErrors(
      {
        ...createLibraryHandlers({ library: deps.library, mask }),
        ...createImportHandlers(deps),
        ...createExportHandlers(deps)
      },
      mask
    )
  }
}
