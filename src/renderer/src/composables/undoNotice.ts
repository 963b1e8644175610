/**
 * “Done — 撤销” right where the officer is: a message with an undo button, for a change that can be
 * taken back (a removal, a rename, an import that replaced a report).
 */
import { NButton, useMessage } from 'naive-ui'
import { h } from 'vue'

export function useUndoNotice() {
  const message = useMessage()

  /** Shows `text` with a 撤销 button for `seconds`; the button runs `undo` once. */
  function offerUndo(text: string, undo: () => void | Promise<void>, options: { seconds?: number; testId?: string } = {}): void {
    const note = message.info(
      () =>
        h('span', { class: 'undo-notice' }, [
          text,
          h(
            NButton,
            {
              text: true,
              type: 'primary',
              style: 'margin-left: 12px',
              'data-testid': options.testId ?? 'undo-notice',
              onClick: () => {
                note.destroy()
                void undo()
              }
            },
            { default: () => '撤销' }
          )
        ]),
      { duration: (options.seconds ?? 10) * 1000, closable: true }
    )
  }

  return { offerUndo }
}
