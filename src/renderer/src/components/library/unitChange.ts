/**
 * What the rename and move dialogs share: the preview of a change, fetched as the officer types
 * (the last answer wins), whether every collision has been decided, and the change itself.
 */
import { computed, ref, type Ref } from 'vue'
import type { Keep, UnitChangePreview, UnitOperation } from '../../api/types'
import { notifyError } from '../../utils/discrete'

/**
 * `valid`: whether what the officer typed names a change at all (no preview is asked for otherwise);
 * `fetch`: the preview of that change.
 */
export function useChangePreview(valid: () => boolean, fetch: () => Promise<UnitChangePreview>) {
  const preview = ref<UnitChangePreview | null>(null)
  const problem = ref<string | null>(null)
  const keep: Ref<Record<string, Keep>> = ref({})
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function refresh(): Promise<void> {
    const call = valid() ? fetch() : undefined
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

  const busy = ref(false)
  /** A change typed, previewed, every collision decided, and none running. */
  const ready = computed(() => valid() && preview.value !== null && decided.value && !busy.value)

  /**
   * Makes the change, with the officer's choices where years collide. A refusal is said under
   * `failure` and the preview asked again (the library may have changed meanwhile).
   */
  async function commit(
    failure: string,
    change: (keep: Record<string, Keep> | undefined) => Promise<UnitOperation>
  ): Promise<UnitOperation | undefined> {
    busy.value = true
    try {
      const collides = (preview.value?.collisions.length ?? 0) > 0
      return await change(collides ? { ...keep.value } : undefined)
    } catch (error) {
      notifyError(failure, error)
      await refresh()
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { preview, problem, keep, refresh, schedule, busy, ready, commit }
}
