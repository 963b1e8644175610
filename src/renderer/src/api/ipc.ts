/**
 * The bridge as the renderer's clients use it: `window.api` (from the preload) unwrapped, so a
 * failed call becomes an `ApiError` carrying the Chinese message main already wrote.
 */
import type { Api } from '@shared/ipc/api'
import type { IpcErrorCode, IpcResult } from '@shared/ipc/result'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly code: IpcErrorCode | 'NO_BRIDGE',
    message: string
  ) {
    super(message)
  }
}

/** `window.api`, or a clear error when the page was opened outside the app (a plain browser). */
export function getApi(): Api {
  const api = (window as Partial<Window>).api
  if (!api) throw new ApiError('NO_BRIDGE', '未连接到桌面程序：请在“政府信息公开年报助手”中打开本页面。')
  return api
}

export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.data
}
