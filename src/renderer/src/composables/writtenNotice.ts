/**
 * “已导出 …” once a file is written: its name, and 打开所在文件夹 (which shows it in the file
 * manager) for ten seconds. The export dialog (Word) and the preview (PDF) say it the same way.
 */
import { NButton, useNotification } from 'naive-ui'
import { h } from 'vue'
import { notifyError } from '../utils/discrete'
import { useExportClient } from './clients'

/** What main answers for a file it wrote: the name to show, and a token that finds it again. */
export interface WrittenFile {
  fileName: string
  token: string
}

export function useWrittenNotice() {
  const notification = useNotification()
  const exportClient = useExportClient()

  function announceWritten(title: string, written: WrittenFile): void {
    const note = notification.success({
      title,
      content: written.fileName,
      duration: 10000,
      action: () =>
        h(
          NButton,
          {
            size: 'small',
            type: 'primary',
            secondary: true,
            onClick: () => {
              note.destroy()
              exportClient.showInFolder(written.token).catch((error: unknown) => notifyError(`无法打开 ${written.fileName} 所在文件夹`, error))
            }
          },
          { default: () => '打开所在文件夹' }
        )
    })
  }

  return { announceWritten }
}
