/**
 * The Chinese application menu. The template is built by a plain function (tested without a
 * window). The 文件 commands and 帮助's 使用帮助 are sent to the renderer, which runs them as it
 * runs their shortcuts.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, type MenuCommand } from '@shared/ipc/menuCommands'

export interface MenuOptions {
  appName: string
  isDev: boolean
  isMac: boolean
  /** Sends a 文件 command to the renderer; undefined while there is no window (items disabled). */
  send?: (command: MenuCommand) => void
  about?: () => void
}

function command(label: string, run: (() => void) | undefined, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, enabled: run !== undefined, click: () => run?.() }
}

/** A renderer command: the page handles the keys itself, so the accelerator is shown, not registered. */
function rendererCommand(name: MenuCommand, send: MenuOptions['send']): MenuItemConstructorOptions {
  const { label, accelerator } = MENU_COMMANDS[name]
  return { ...command(label, send && (() => send(name)), accelerator), registerAccelerator: false }
}

function commandsOf(menu: 'file' | 'help'): MenuCommand[] {
  return (Object.keys(MENU_COMMANDS) as MenuCommand[]).filter((name) => MENU_COMMANDS[name].menu === menu)
}

export function buildMenuTemplate({ appName, isDev, isMac, send, about: showAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const about = command('关于', showAbout)
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      ...commandsOf('file').map((name) => rendererCommand(name, send)),
      // On macOS 退出 lives in the application menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: '退出' } as const])
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      // Reloading drops unsaved edits and the dev tools expose internals: development only.
      ...(isDev
        ? ([
            { role: 'reload', label: '重新加载' },
            { role: 'toggleDevTools', label: '开发者工具' },
            { type: 'separator' }
          ] as const)
        : []),
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' }
    ]
  }
  const help: MenuItemConstructorOptions = {
    label: '帮助',
    submenu: [...commandsOf('help').map((name) => rendererCommand(name, send)), { type: 'separator' }, about]
  }

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [about, { type: 'separator' }, { role: 'hide', label: '隐藏' }, { role: 'quit', label: '退出' }]
  }
  return [...(isMac ? [appMenu] : []), file, edit, view, help]
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
