/** `window.api` as the renderer sees it: derived from the IPC contract, never written by hand. */
import type { Api } from '@shared/ipc/api'
import type { ImportEvents } from '@shared/ipc/importProgress'
import type { MenuEvents } from '@shared/ipc/menuCommands'

declare global {
  interface Window {
    readonly api: Api
    /** Absent outside the desktop app (a plain browser, the component tests). */
    readonly menuEvents?: MenuEvents
    /** Import progress; absent outside the desktop app. */
    readonly importEvents?: ImportEvents
  }
}

export {}
