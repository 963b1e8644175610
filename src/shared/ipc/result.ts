/**
 * The envelope every IPC call answers with. Errors never cross IPC as exceptions: Electron would
 * flatten them into an English "Error invoking remote method …" string and leak the stack.
 */

export type IpcErrorCode =
  /** The payload did not match the route's input schema. */
  | 'INVALID_INPUT'
  /** A channel name that is not in the contract. */
  | 'UNKNOWN_ROUTE'
  /** The request did not come from the app's own page. */
  | 'FORBIDDEN'
  /** The handler refused the request with a message meant for the officer (bad file, bad report…). */
  | 'REJECTED'
  /** Anything unexpected: a bug, or a handler answer that does not match the contract. */
  | 'INTERNAL'

export interface IpcError {
  code: IpcErrorCode
  /** Chinese, shown to the officer as is. */
  message: string
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

export const ok = <T>(data: T): IpcResult<T> => ({ ok: true, data })
export const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } })
