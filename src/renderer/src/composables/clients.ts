/**
 * The clients a view talks to, by injection: the real `*Client` modules unless an ancestor (a
 * component test, the browser harness) provides another. The default is a factory, so a test that
 * provides a fake never touches the real client or `window.api`.
 */
import { hasInjectionContext, inject, type InjectionKey } from 'vue'
import { exportClient } from '../api/exportClient'
import { importClient } from '../api/importClient'
import { libraryClient } from '../api/libraryClient'
import { rollupClient } from '../api/rollupClient'
import { settingsClient } from '../api/settingsClient'
import type { ExportClient, ImportClient, LibraryClient, RollupClient, SettingsClient } from '../api/types'

export const LIBRARY_CLIENT: InjectionKey<LibraryClient> = Symbol('libraryClient')
export const IMPORT_CLIENT: InjectionKey<ImportClient> = Symbol('importClient')
export const EXPORT_CLIENT: InjectionKey<ExportClient> = Symbol('exportClient')
export const SETTINGS_CLIENT: InjectionKey<SettingsClient> = Symbol('settingsClient')
export const ROLLUP_CLIENT: InjectionKey<RollupClient> = Symbol('rollupClient')

export function useLibraryClient(): LibraryClient {
  return inject(LIBRARY_CLIENT, () => libraryClient, true)
}

export function useImportClient(): ImportClient {
  return inject(IMPORT_CLIENT, () => importClient, true)
}

export function useRollupClient(): RollupClient {
  return inject(ROLLUP_CLIENT, () => rollupClient, true)
}

export function useExportClient(): ExportClient {
  return inject(EXPORT_CLIENT, () => exportClient, true)
}

/**
 * Also reached outside any component (the report store reads the settings store for the checks, and
 * a store may be created before an app is mounted, as in the store's own tests): the real client then.
 */
export function useSettingsClient(): SettingsClient {
  return hasInjectionContext() ? inject(SETTINGS_CLIENT, () => settingsClient, true) : settingsClient
}
