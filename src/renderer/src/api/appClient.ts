/** `app:*` routes for the renderer. Components and stores call this, never `window.api`. */
import type { AppInfo } from '@shared/ipc/contract'
import { getApi, unwrap } from './ipc'

export const appClient = {
  getInfo: (): Promise<AppInfo> => unwrap(getApi().app.getInfo()),
  /** Which official fonts (and common substitutes) this computer has. */
  checkFonts: () => unwrap(getApi().app.checkFonts())
}
