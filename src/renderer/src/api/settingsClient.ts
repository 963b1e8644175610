/** `settings:*` routes for the renderer: the SettingsClient of types.ts over `window.api`. */
import { getApi, unwrap } from './ipc'
import type { SettingsClient } from './types'

export const settingsClient: SettingsClient = {
  get: async () => unwrap(getApi().settings.get()),
  save: async (settings) => unwrap(getApi().settings.save({ settings })),
  importProfile: async () => unwrap(getApi().settings.importProfile()),
  exportProfile: async () => unwrap(getApi().settings.exportProfile()),
  resetProfile: async () => unwrap(getApi().settings.resetProfile())
}
