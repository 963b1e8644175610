/**
 * Getting a file into the import view, the same way from the library's button, Ctrl+O and a drop
 * on the window: read it (in main, or as bytes here), then show what was recognised.
 */
import { useLoadingBar, useMessage } from 'naive-ui'
import { ref } from 'vue'
import type { ImportPreview } from '../api/types'
import { useNavigationStore } from '../stores/navigation'
import { notifyError } from '../utils/discrete'
import { useImportClient } from './clients'

/** Larger than any report; a bigger file is a mistake (a video, an archive) and would stall IPC. */
export const MAX_DROP_BYTES = 64 * 1024 * 1024

export function useImportFile() {
  const client = useImportClient()
  const navigation = useNavigationStore()
  const loadingBar = useLoadingBar()
  const message = useMessage()
  const busy = ref(false)

  /** `name`: the file's name when the page knows it (a dropped file); main's messages name chosen files. */
  async function run(read: () => Promise<ImportPreview | null>, name?: string): Promise<void> {
    if (busy.value) return
    busy.value = true
    loadingBar.start()
    try {
      const preview = await read()
      loadingBar.finish()
      if (preview) navigation.showImport(preview)
    } catch (error) {
      loadingBar.error()
      notifyError(name ? `无法导入“${name}”` : '无法导入所选文件', error)
    } finally {
      busy.value = false
    }
  }

  /** The file dialog in main; nothing happens when the officer cancels it. */
  function chooseFile(): Promise<void> {
    return run(() => client.chooseFile())
  }

  /** A file dropped on the window: its bytes cross to main, its path never does. */
  function importDropped(file: File): Promise<void> {
    if (file.size > MAX_DROP_BYTES) {
      message.warning(`“${file.name}”太大（超过 64 MB），不像是年度报告文件。`)
      return Promise.resolve()
    }
    return run(async () => client.importBytes(file.name, new Uint8Array(await file.arrayBuffer())), file.name)
  }

  /** Several image files dropped together: the pages of one scanned report. */
  function importDroppedImages(files: readonly File[]): Promise<void> {
    return run(async () =>
      client.importImages(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))))
    )
  }

  return { busy, chooseFile, importDropped, importDroppedImages }
}
