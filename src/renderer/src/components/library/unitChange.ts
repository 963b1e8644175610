/**
 * What the rename and move dialogs share: the preview of a change, fetched as the officer types
 * (the last answer wins), and whether every collision has been decided.
 */
import { computed, ref, type Ref } from 'vue'
import type { Keep, UnitChangePreview } from '../../api/types'

export function useChangePreview(fetch: () => Promise<UnitChangePreview> | undefined) {
  const preview = ref<UnitChangePreview | null>(null)
  const problem = ref<string | null>(null)
  const keep: Ref<Record<string, Keep>> = ref({})
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function refresh(): Promise<void> {
    const call = fetch()
    const mine = ++asked
    if (!call) {
      preview.value = null
      problem.value = null
      return
    }
    try {
      const answer = await call
      if (mine !== asked) return
      preview.value = answer
      problem.value = null
      // A choice for a year that no longer collides is dropped.
      const years = new Set(answer.collisions.map((c) => String(c.year)))
      keep.value = Object.fromEntries(Object.entries(keep.value).filter(([year]) => years.has(year)))
    } catch (error) {
      if (mine !== asked) return
      preview.value = null
      problem.value = error instanceof Error ? error.message : String(error)
    }
  }

  /** Asks again after a short pause in typing. */
  function schedule(delayMs = 250): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => void refresh(), delayMs)
  }

  const decided = computed(() => (preview.value?.collisions ?? []).every((c) => keep.value[String(c.year)] !== undefined))

  return { preview, problem, keep, refresh, schedule, decided }
}
