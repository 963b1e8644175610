/** Facts about the running app (name, version), loaded once from main. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/ipc/contract'
import { appClient } from '../api/appClient'
import { notifyError } from '../utils/discrete'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const failed = ref(false)

  async function load(): Promise<void> {
    try {
      info.value = await appClient.getInfo()
      failed.value = false
    } catch (error) {
      failed.value = true
      notifyError('无法读取程序信息', error)
    }
  }

  return { info, failed, load }
})
