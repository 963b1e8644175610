/**
 * A dialog opened for one thing (the report to copy, the unit to rename): open while it has one;
 * closing the dialog lets the thing go. `show` is the dialog's v-model:show.
 */
import { computed, reactive, ref, type Ref } from 'vue'

export function useDialogSubject<T>() {
  const subject = ref(null) as Ref<T | null>
  const show = computed({
    get: () => subject.value !== null,
    set: (open: boolean) => {
      if (!open) subject.value = null
    }
  })
  return reactive({ subject, show })
}
