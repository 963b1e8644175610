/** The application menu's commands (main → renderer). Components use this, never `window.menuEvents`. */
import type { MenuCommand } from '@shared/ipc/menuCommands'

export const menuClient = {
  /** Listens for menu commands; outside the desktop app there are none. Returns the unsubscribe. */
  onCommand(listener: (command: MenuCommand) => void): () => void {
    return window.menuEvents?.onCommand(listener) ?? (() => undefined)
  }
}
