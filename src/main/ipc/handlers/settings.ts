/**
 * `settings:*` routes: the settings file beside the library (services/settings.ts), and a region
 * profile in or out through main's dialogs. The renderer gets file names, never paths.
 */
import { basename, extname } from 'node:path'
import type { Dialogs } from '../../services/desktop'
import type { PathTokens } from '../../services/pathTokens'
import type { SettingsStore } from '../../services/settings'
import type { Handlers } from '../registry'

export type SettingsRoute = Extract<keyof Handlers, `settings:${string}`>

export interface SettingsDeps {
  settings: SettingsStore
  dialogs: Dialogs
  tokens: PathTokens
}

/** Characters no file name may hold on Windows. */
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001f]/g

export function defaultProfileName(profileName: string): string {
  return `年报助手地区配置-${profileName}.json`.replace(UNSAFE_IN_NAME, '_')
}

export function createSettingsHandlers({ settings, dialogs, tokens }: SettingsDeps): Pick<Handlers, SettingsRoute> {
  return {
    'settings:get': () => settings.load(),

    'settings:save': ({ settings: next }) => settings.save(next),

    'settings:importProfile': async () => {
      const path = await dialogs.chooseSettingsFile()
      if (path === null) return null
      // Known to the path mask, so that a message naming the file shows its bare name.
      tokens.issue(path)
      const { settings: saved } = await settings.importProfile(path)
      return { settings: saved, fileName: basename(path) }
    },

    'settings:exportProfile': async () => {
      const { settings: current } = await settings.load()
      const chosen = await dialogs.chooseSettingsExportPath(defaultProfileName(current.region.name))
      if (chosen === null) return null
      const path = extname(chosen).toLowerCase() === '.json' ? chosen : `${chosen}.json`
      tokens.issue(path)
      await settings.exportProfile(path)
      return { fileName: basename(path) }
    },

    'settings:resetProfile': () => settings.resetProfile()
  }
}
