/**
 * What the printed output is made with, shared by the preview and the export dialog — the fonts
 * the document names and which of the official ones this computer has — and the print or PDF the
 * officer asked for from elsewhere (Ctrl+P, the menu), which the preview carries out once its
 * pages are laid out; and a signal that the export dialog kept new print options in a report, for
 * the preview to show them.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { FontChoice } from '@core/export/gbt9704'
import type { FontStatus } from '../api/types'
import { appClient } from '../api/appClient'

export type PreviewAction = 'print' | 'pdf'

export const useOutputStore = defineStore('output', () => {
  const fonts = ref<FontChoice>('official')
  const fontStatus = shallowRef<FontStatus[] | null>(null)
  /** The official fonts this computer lacks (none known until checked). */
  const missingFonts = computed(() => fontStatus.value?.filter((s) => !s.installed) ?? [])
  let checking: Promise<void> | undefined

  /** Checks once per run (fonts are rarely installed while the app is open); `again` re-checks. */
  function checkFonts(again = false): Promise<void> {
    if (checking && !again) return checking
    checking = (async () => {
      try {
        fontStatus.value = await appClient.checkFonts()
      } catch {
        // Not knowing is not an error the officer can act on: nothing is claimed either way.
        fontStatus.value = null
      }
    })()
    return checking
  }

  const pending = ref<{ action: PreviewAction; seq: number } | null>(null)
  let seq = 0
  function request(action: PreviewAction): void {
    pending.value = { action, seq: ++seq }
  }
  function take(): PreviewAction | undefined {
    const action = pending.value?.action
    pending.value = null
    return action
  }

  /** Bumped when the export dialog stored the officer's print options in a report. */
  const printKept = ref(0)
  function keptPrint(): void {
    printKept.value++
  }

  return { fonts, fontStatus, missingFonts, checkFonts, pending, request, take, printKept, keptPrint }
})
