/** All route handlers. The `Handlers` return type is where a route without a handler fails to compile. */
import type { AppInfo } from '../../../shared/ipc/contract'
import type { Handlers } from '../registry'
import { createAppHandlers } from './app'
import { reportHandlers } from './report'

export interface HandlerDeps {
  appInfo: AppInfo
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createAppHandlers(deps.appInfo),
    ...reportHandlers
  }
}
