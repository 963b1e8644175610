/** `window.api` as the renderer sees it: derived from the IPC contract, never written by hand. */
import type { Api } from '../shared/ipc/api'

declare global {
  interface Window {
    readonly api: Api
  }
}

export {}
