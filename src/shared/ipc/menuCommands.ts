/**
 * Commands the application menu sends to the renderer (main → renderer, one channel). The renderer
 * runs them exactly as it runs their keyboard shortcuts, which it handles itself: the menu only
 * shows the accelerators (they are not registered with the system, so no key runs a command twice).
 */
export const MENU_COMMAND_CHANNEL = 'menu:command'

export const MENU_COMMANDS = {
  showLibrary: { label: '资料库', accelerator: 'CmdOrCtrl+L', menu: 'file' },
  importReport: { label: '导入上年报告…', accelerator: 'CmdOrCtrl+O', menu: 'file' },
  previewReport: { label: '预览', accelerator: 'CmdOrCtrl+Shift+P', menu: 'file' },
  printReport: { label: '打印…', accelerator: 'CmdOrCtrl+P', menu: 'file' },
  exportReport: { label: '导出 Word…', accelerator: 'CmdOrCtrl+E', menu: 'file' },
  exportPdf: { label: '导出 PDF…', accelerator: 'CmdOrCtrl+Shift+E', menu: 'file' },
  showSettings: { label: '设置…', accelerator: 'CmdOrCtrl+,', menu: 'file' },
  showHelp: { label: '使用帮助', accelerator: 'F1', menu: 'help' }
} as const

export type MenuCommand = keyof typeof MENU_COMMANDS

/** A key press as the accelerators describe it. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Whether a key press is the accelerator (“CmdOrCtrl+Shift+P”, “F1”): modifiers must match exactly. */
export function matchesAccelerator(event: KeyPress, accelerator: string): boolean {
  const parts = accelerator.split('+')
  const key = parts.at(-1)!.toLowerCase()
  const ctrl = parts.includes('CmdOrCtrl')
  return (
    event.key.toLowerCase() === key &&
    (event.ctrlKey || event.metaKey) === ctrl &&
    event.shiftKey === parts.includes('Shift') &&
    !event.altKey
  )
}

/** The command a key press runs, if any. */
export function commandForKey(event: KeyPress): MenuCommand | undefined {
  return (Object.keys(MENU_COMMANDS) as MenuCommand[]).find((name) => matchesAccelerator(event, MENU_COMMANDS[name].accelerator))
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && Object.hasOwn(MENU_COMMANDS, value)
}

/** What the preload exposes as `window.menuEvents`. */
export interface MenuEvents {
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onCommand(listener: (command: MenuCommand) => void): () => void
}
