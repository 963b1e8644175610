/** `library:*` routes for the renderer: the LibraryClient of types.ts over `window.api`. */
import { getApi, unwrap } from './ipc'
import type { LibraryClient } from './types'

// async: a missing bridge (getApi throws) is a rejected promise like any other failure, never a synchronous throw.
export const libraryClient: LibraryClient = {
  list: async () => unwrap(getApi().library.list()),
  open: async (unit, year) => unwrap(getApi().library.open({ unit, year })),
  save: async (report) => unwrap(getApi().library.save({ report })),
  create: async (input) => unwrap(getApi().library.create(input)),
  nextYear: async (unit, year) => unwrap(getApi().library.nextYear({ unit, year })),
  duplicate: async (unit, year, toYear) => unwrap(getApi().library.duplicate({ unit, year, toYear })),
  remove: async (unit, year) => unwrap(getApi().library.remove({ unit, year })),
  undoRemove: async (removedId) => unwrap(getApi().library.undoRemove({ removedId })),
  history: async (unit, year) => unwrap(getApi().library.history({ unit, year })),
  restore: async (unit, year, backupId) => unwrap(getApi().library.restore({ unit, year, backupId })),
  trend: async (unit) => unwrap(getApi().library.trend({ unit })),
  previewRename: async (unit, newName) => unwrap(getApi().library.previewRename({ unit, newName })),
  renameUnit: async (unit, newName, keep) => unwrap(getApi().library.renameUnit(keep === undefined ? { unit, newName } : { unit, newName, keep })),
  previewMove: async (unit, year, toUnit, toYear) => unwrap(getApi().library.previewMove({ unit, year, toUnit, toYear })),
  moveReport: async (unit, year, toUnit, toYear, keep) =>
    unwrap(getApi().library.moveReport(keep === undefined ? { unit, year, toUnit, toYear } : { unit, year, toUnit, toYear, keep })),
  undoOperation: async (operationId) => unwrap(getApi().library.undoOperation({ operationId })),
  listRemoved: async () => unwrap(getApi().library.listRemoved()),
  emptyRecycle: async () => (await unwrap(getApi().library.emptyRecycle())).purged
}
