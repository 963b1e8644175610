/**
 * Commands the application menu sends to the renderer (main → renderer, one channel). The renderer
 * runs them exactly as it runs their keyboard shortcuts, which it handles itself: the menu only
 * shows the accelerators (they are not registered with the system, so no key runs a command twice).
 */
export const MENU_COMMAND_CHANNEL = 'menu:command'

export const MENU_COMMANDS = {
  showLibrary: { label: '资料库', accelerator: 'CmdOrCtrl+L' },
  importReport: { label: '导入上年报告…', accelerator: 'CmdOrCtrl+O' },
  previewReport: { label: '预览', accelerator: 'CmdOrCtrl+P' },
  exportReport: { label: '导出 Word…', accelerator: 'CmdOrCtrl+E' },
  showSettings: { label: '设置…', accelerator: 'CmdOrCtrl+,' }
} as const

export type MenuCommand = keyof typeof MENU_COMMANDS

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && Object.hasOwn(MENU_COMMANDS, value)
}

/** What the preload exposes as `window.menuEvents`. */
export interface MenuEvents {
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onCommand(listener: (command: MenuCommand) => void): () => void
}
