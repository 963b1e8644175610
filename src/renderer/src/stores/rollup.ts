/**
 * Files dropped on the window while 汇总 is shown: handed from the window's drop target to the
 * roll-up view, which sends them to main and rolls them up.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

export const useRollupStore = defineStore('rollup', () => {
  const dropped = shallowRef<File[] | null>(null)

  function drop(files: File[]): void {
    dropped.value = files
  }

  /** The files dropped, once: the view takes them. */
  function take(): File[] | null {
    const files = dropped.value
    dropped.value = null
    return files
  }

  return { dropped, drop, take }
})
