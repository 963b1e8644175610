import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, installMenu, type MenuOptions } from '../../src/main/menu'
import { commandForKey, type KeyPress } from '@shared/ipc/menuCommands'
import { Menu, resetElectronMock } from '../support/electron-mock'

const BASE: MenuOptions = { appName: '政府信息公开年报助手', isDev: false, isMac: false }

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label)
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`)
  return menu.submenu
}

const labels = (items: MenuItemConstructorOptions[]): (string | undefined)[] =>
  items.filter((item) => item.type !== 'separator').map((item) => item.label)

describe('application menu', () => {
  beforeEach(resetElectronMock)

  it('has 文件, 编辑, 视图 and 帮助', () => {
    expect(buildMenuTemplate(BASE).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
  })

  it('uses roles for editing, labelled in Chinese', () => {
    const edit = submenu(buildMenuTemplate(BASE), '编辑')
    expect(edit.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['undo', '撤销'],
      ['redo', '重做'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['selectAll', '全选']
    ])
  })

  it('offers 重新加载 only in development', () => {
    expect(labels(submenu(buildMenuTemplate(BASE), '视图'))).toEqual(['实际大小', '放大', '缩小', '全屏'])
    expect(labels(submenu(buildMenuTemplate({ ...BASE, isDev: true }), '视图'))).toContain('重新加载')
  })

  it('sends the 文件 commands to the renderer, showing but not registering their shortcuts', () => {
    const send = vi.fn()
    const file = submenu(buildMenuTemplate({ ...BASE, send }), '文件')
    expect(labels(file)).toEqual(['资料库', '导入上年报告…', '预览', '打印…', '导出 Word…', '导出 PDF…', '设置…', '退出'])
    const importItem = file[1]
    expect(importItem).toMatchObject({ enabled: true, accelerator: 'CmdOrCtrl+O', registerAccelerator: false })
    ;(importItem?.click as () => void)()
    expect(send).toHaveBeenCalledWith('importReport')
    expect(file.at(-1)?.role).toBe('quit')
  })

  it('disables the 文件 commands while there is nothing to send them to', () => {
    const file = submenu(buildMenuTemplate(BASE), '文件')
    expect(file.filter((i) => i.label !== '退出' && i.type !== 'separator').every((i) => i.enabled === false)).toBe(true)
  })

  it('shows 使用帮助 (F1, sent to the renderer) and 关于 under 帮助', () => {
    const about = vi.fn()
    const send = vi.fn()
    const help = submenu(buildMenuTemplate({ ...BASE, about, send }), '帮助')
    expect(labels(help)).toEqual(['使用帮助', '关于'])
    expect(help[0]).toMatchObject({ accelerator: 'F1', registerAccelerator: false })
    ;(help[0]?.click as () => void)()
    expect(send).toHaveBeenCalledWith('showHelp')
    ;(help.at(-1)?.click as () => void)()
    expect(about).toHaveBeenCalledOnce()
  })

  it('prints with Ctrl+P and opens the help with F1, matching modifiers exactly', () => {
    const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })
    expect(commandForKey(key('p', { ctrlKey: true }))).toBe('printReport')
    expect(commandForKey(key('P', { ctrlKey: true, shiftKey: true }))).toBe('previewReport')
    expect(commandForKey(key('F1'))).toBe('showHelp')
    expect(commandForKey(key('F1', { ctrlKey: true }))).toBeUndefined()
    expect(commandForKey(key('p'))).toBeUndefined()
    expect(commandForKey(key('e', { metaKey: true, shiftKey: true }))).toBe('exportPdf')
  })

  it('on macOS, puts 退出 in the application menu', () => {
    const template = buildMenuTemplate({ ...BASE, isMac: true })
    expect(template[0]?.label).toBe('政府信息公开年报助手')
    expect(labels(submenu(template, '文件'))).not.toContain('退出')
  })

  it('installs the menu', () => {
    installMenu(BASE)
    expect(Menu.applicationMenu?.template).toHaveLength(4)
  })
})
