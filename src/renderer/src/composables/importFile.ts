/**
 * Getting a file into the import view, the same way from the library's button, Ctrl+O and a drop
 * on the window: read it (in main's import worker, or as bytes from here), then show what was
 * recognised. One import at a time, whichever view started it: the state is shared, so the
 * progress card (ImportProgress.vue) shows it and its 取消 stops it.
 */
import { useLoadingBar, useMessage } from 'naive-ui'
import { computed, reactive, readonly } from 'vue'
import type { ImportPreview, ImportProgress } from '../api/types'
import { useNavigationStore } from '../stores/navigation'
import { notifyError } from '../utils/discrete'
import { useImportClient } from './clients'

/** Larger than any report; a bigger file is a mistake (a video, an archive) and would stall IPC. */
export const MAX_DROP_BYTES = 64 * 1024 * 1024

interface ImportState {
  busy: boolean
  /** When the import started (performance.now()), for showing progress only past half a second. */
  startedAt: number
  /** The latest stage main reported, with the file's name. */
  progress: ImportProgress | undefined
  cancelling: boolean
}

const state = reactive<ImportState>({ busy: false, startedAt: 0, progress: undefined, cancelling: false })

export function useImportFile() {
  const client = useImportClient()
  const navigation = useNavigationStore()
  const loadingBar = useLoadingBar()
  const message = useMessage()

  /** `name`: the file's name when the page knows it (a dropped file); main's messages name chosen files. */
  async function run(read: () => Promise<ImportPreview | null>, name?: string): Promise<void> {
    if (state.busy) return
    Object.assign(state, { busy: true, startedAt: performance.now(), progress: undefined, cancelling: false })
    const stop = client.onProgress((progress) => {
      if (state.busy) state.progress = progress
    })
    loadingBar.start()
    try {
      const preview = await read()
      loadingBar.finish()
      if (preview) navigation.showImport(preview)
    } catch (error) {
      loadingBar.error()
      // The officer stopped it: say so quietly, it is not a failure.
      if (state.cancelling) message.info('已取消导入')
      else notifyError(name ? `无法导入“${name}”` : '无法导入所选文件', error)
    } finally {
      stop()
      Object.assign(state, { busy: false, progress: undefined, cancelling: false })
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

  return { busy: computed(() => state.busy), chooseFile, importDropped, importDroppedImages }
}

/** The import in flight, for the progress card: its state and 取消. */
export function useImportProgress() {
  const client = useImportClient()

  async function cancel(): Promise<void> {
    if (!state.busy || state.cancelling) return
    state.cancelling = true
    try {
      await client.cancel()
    } catch (error) {
      state.cancelling = false
      notifyError('无法取消导入', error)
    }
  }

  return { state: readonly(state), cancel }
}
