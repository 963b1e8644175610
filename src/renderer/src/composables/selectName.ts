/**
 * An accessible name for a naive-ui NSelect. A non-filterable NSelect is focused through a plain
 * <div tabindex="0"> with no role and no input, so neither `input-props` nor an aria-label on the
 * component reach anything a screen reader names. Whenever the select is (re)mounted, that element
 * is given the combobox role, the label's id and whether the menu is open.
 */
import { watch, type Ref } from 'vue'

/** The element of NSelect's selection that takes focus (single, non-filterable select). */
const FOCUSABLE = '.n-base-selection-label'

export function useSelectName(host: Ref<HTMLElement | null>, labelId: string, open: Ref<boolean>): void {
  const focusable = (): HTMLElement | null => host.value?.querySelector<HTMLElement>(FOCUSABLE) ?? null

  // The host may appear later than the view (ImportView shows the form only once a file is read).
  watch(
    host,
    () => {
      const element = focusable()
      if (!element) return
      element.setAttribute('role', 'combobox')
      element.setAttribute('aria-haspopup', 'listbox')
      element.setAttribute('aria-labelledby', labelId)
      element.setAttribute('aria-expanded', String(open.value))
    },
    { flush: 'post', immediate: true }
  )

  watch(open, (now) => focusable()?.setAttribute('aria-expanded', String(now)))
}
