/** `app:*` routes for the renderer. Components and stores call this, never `window.api`. */
import type { AppInfo } from '../../../shared/ipc/contract'
import { getApi, unwrap } from './ipc'

export const appClient = {
  getInfo: (): Promise<AppInfo> => unwrap(getApi().app.getInfo())
}
