/**
 * The 设置 in effect, read once from main and shared by the views that need them: the settings
 * view edits them, the library shows the recycle folder's retention, and what the checks and the
 * export read is derived here as plain objects (`rules`, `export`) for them to be passed.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { exportSettings, ruleSettings, type ExportSettings, type RuleSettings } from '@core/settings'
import type { Settings } from '@core/settings/schema'
import { useSettingsClient } from '../composables/clients'

export const useSettingsStore = defineStore('settings', () => {
  const client = useSettingsClient()
  const settings = shallowRef<Settings | null>(null)
  /** Why the settings file could not be used (the national defaults are in effect meanwhile). */
  const problem = ref<string | null>(null)
  const loaded = ref(false)
  let loading: Promise<void> | undefined

  /** Reads the settings once; `force` reads them again (after another window changed them). */
  function load(force = false): Promise<void> {
    if (loading && !force) return loading
    loading = (async () => {
      try {
        const answer = await client.get()
        settings.value = answer.settings
        problem.value = answer.problem ?? null
      } catch (error) {
        problem.value = error instanceof Error ? error.message : String(error)
      } finally {
        loaded.value = true
      }
    })()
    return loading
  }

  /** Settings main has just stored (saved, imported, reset). */
  function adopt(next: Settings): void {
    settings.value = next
    problem.value = null
    loaded.value = true
  }

  const rules = computed<RuleSettings | undefined>(() => (settings.value ? ruleSettings(settings.value.region) : undefined))
  const exporting = computed<ExportSettings | undefined>(() => (settings.value ? exportSettings(settings.value.region) : undefined))

  return { settings, problem, loaded, load, adopt, rules, export: exporting }
})
