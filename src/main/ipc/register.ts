/** Binds the registry to Electron's ipcMain: the only electron import of the IPC layer. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { fail } from '@shared/ipc/result'
import type { Registry } from './registry'

export interface RegisterOptions {
  /** Whether a request comes from the app's own page (and not, say, an iframe or a navigated-away frame). */
  isTrustedSender: (url: string) => boolean
}

export const FORBIDDEN_MESSAGE = '拒绝了来自未知页面的请求'

export function registerIpc(registry: Registry, { isTrustedSender }: RegisterOptions): void {
  for (const channel of registry.routes) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedSender(url)) return fail('FORBIDDEN', FORBIDDEN_MESSAGE)
      return registry.dispatch(channel, payload)
    })
  }
}
