/** `rollup:*` routes for the renderer: the RollupClient of types.ts over `window.api`. */
import { MAX_IMPORT_BYTES } from '@shared/ipc/schemas'
import { bytesToBase64 } from './base64'
import { ApiError, getApi, unwrap } from './ipc'
import type { RollupClient } from './types'

export const rollupClient: RollupClient = {
  units: async () => unwrap(getApi().rollup.units()),
  saveUnits: async (units) => unwrap(getApi().rollup.saveUnits({ units: [...units] })),
  importUnits: async () => unwrap(getApi().rollup.importUnits()),
  stage: async (files) => {
    // Main refuses it anyway; checked here so a huge file is not base64-encoded for nothing.
    const large = files.find((f) => f.bytes.length > MAX_IMPORT_BYTES)
    if (large) throw new ApiError('REJECTED', `“${large.name}”过大，超过上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
    return unwrap(getApi().rollup.stage({ files: files.map((f) => ({ name: f.name, bytes: bytesToBase64(f.bytes) })) }))
  },
  unstage: async () => unwrap(getApi().rollup.unstage()),
  start: async (source, year) => unwrap(getApi().rollup.start({ source, year })),
  status: async () => unwrap(getApi().rollup.status()),
  cancel: async () => unwrap(getApi().rollup.cancel()),
  view: async (year) => unwrap(getApi().rollup.view(year === undefined ? {} : { year })),
  match: async (report, unit, remember) => unwrap(getApi().rollup.match({ report, unit, remember })),
  choose: async (unit, report) => unwrap(getApi().rollup.choose({ unit, report })),
  report: async (report) => unwrap(getApi().rollup.report({ report })),
  exportWorkbook: async () => unwrap(getApi().rollup.exportWorkbook())
}
