/** `import:*` routes for the renderer: the ImportClient of types.ts over `window.api`. */
import { MAX_IMPORT_BYTES } from '@shared/ipc/schemas'
import { bytesToBase64 } from './base64'
import { ApiError, getApi, unwrap } from './ipc'
import type { ImportClient } from './types'

/** Same words as main's readers use for a file over the limit. */
export const TOO_LARGE = `文件过大，超过上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`

export const importClient: ImportClient = {
  chooseFile: async () => unwrap(getApi().import.chooseFile()),
  importBytes: async (name, bytes) => {
    // Main refuses it anyway; checked here so a huge dropped file is not base64-encoded for nothing.
    if (bytes.length > MAX_IMPORT_BYTES) throw new ApiError('REJECTED', TOO_LARGE)
    return unwrap(getApi().import.importBytes({ name, bytes: bytesToBase64(bytes) }))
  },
  importImages: async (files) => {
    if (files.reduce((n, f) => n + f.bytes.length, 0) > 2 * MAX_IMPORT_BYTES) throw new ApiError('REJECTED', '图片合计过大，超过上限 100 MB')
    return unwrap(getApi().import.importImages({ files: files.map((f) => ({ name: f.name, bytes: bytesToBase64(f.bytes) })) }))
  },
  importText: async (text) => unwrap(getApi().import.importText({ text })),
  cancel: async () => unwrap(getApi().import.cancel()),
  // Outside the desktop app there is no progress to hear.
  onProgress: (listener) => window.importEvents?.onProgress(listener) ?? (() => undefined),
  accept: async (report, options) => unwrap(getApi().import.accept({ report, replace: options?.replace }))
}
