/** The window: navigation between views, the shortcuts, and a file dropped anywhere. */
import type { MenuCommand } from '@shared/ipc/menuCommands'
import { useOutputStore } from '../../src/renderer/src/stores/output'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountShell } from './shell-fakes'
import { UNIT, bodyText, byTestId, settle, unmountViews } from './views-fakes'

vi.mock('../../src/renderer/src/api/appClient', () => ({
  appClient: { getInfo: async () => ({ name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }) }
}))

afterEach(unmountViews)

const EditorStub = defineComponent({
  props: { report: { type: Object, required: true } },
  render() {
    return h('div', { 'data-testid': 'editor-stub' }, `editing ${(this.report as { year: number }).year}`)
  }
})

/** The window, its editor stubbed, settled. */
async function mountWindow() {
  const shell = mountShell({ stubs: { EditorView: EditorStub } })
  await settle()
  return shell
}

/** A drag event carrying files, as Chromium delivers it. */
function dragEvent(type: string, files: File[], options: { folder?: boolean } = {}): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  const dataTransfer = {
    types: ['Files'],
    files,
    items: files.map(() => ({ webkitGetAsEntry: () => ({ isDirectory: options.folder ?? false }) })),
    dropEffect: 'none'
  }
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer })
  return event
}

function press(key: string, modifiers: KeyboardEventInit = { ctrlKey: true }): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, ...modifiers, bubbles: true, cancelable: true }))
}

describe('ShellView', () => {
  it('shows the app title, the library, and only the tabs that lead somewhere', async () => {
    await mountWindow()
    expect(bodyText()).toContain('政府信息公开年报助手')
    const tabs = [...document.body.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim())
    expect(tabs).toEqual(['资料库', '汇总', '设置', '帮助'])
    expect(byTestId('app-version').textContent).toContain('0.1.0')
  })

  it('shows the drop overlay while a file is dragged over the window', async () => {
    await mountWindow()
    window.dispatchEvent(dragEvent('dragenter', [new File(['x'], 'a.txt')]))
    await settle()
    expect(byTestId('drop-overlay').textContent).toContain('松开鼠标即可导入上年报告')
    window.dispatchEvent(dragEvent('dragleave', [new File(['x'], 'a.txt')]))
    await settle()
    expect(document.body.querySelector('[data-testid="drop-overlay"]')).toBeNull()
  })

  it('imports a dropped file by its bytes and shows what was recognised', async () => {
    const { importClient, navigation } = await mountWindow()
    const content = '霞美镇2024年政府信息公开工作年度报告'
    const file = new File([content], '2024年报.txt', { type: 'text/plain' })
    window.dispatchEvent(dragEvent('dragenter', [file]))
    window.dispatchEvent(dragEvent('drop', [file]))
    await settle()
    expect(importClient.importBytes).toHaveBeenCalledTimes(1)
    const [name, bytes] = importClient.importBytes.mock.calls[0]!
    expect(name).toBe('2024年报.txt')
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(bytes)).toBe(content)
    expect(navigation.view).toBe('import')
    expect(bodyText()).toContain('核对导入内容')
    expect([...document.body.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim())).toContain('导入')
  })

  it('refuses several files and folders, in Chinese, without reading them', async () => {
    const { importClient } = await mountWindow()
    window.dispatchEvent(dragEvent('drop', [new File(['a'], 'a.docx'), new File(['b'], 'b.docx')]))
    await settle()
    expect(bodyText()).toContain('一次只能导入一个文件')
    window.dispatchEvent(dragEvent('drop', [new File([], '2024年报')], { folder: true }))
    await settle()
    expect(bodyText()).toContain('不能导入文件夹')
    expect(importClient.importBytes).not.toHaveBeenCalled()
  })

  it('Ctrl+O chooses a file to import', async () => {
    const { importClient, navigation } = await mountWindow()
    press('o')
    await settle()
    expect(importClient.chooseFile).toHaveBeenCalled()
    expect(navigation.view).toBe('import')
  })

  it('runs the 文件 menu commands sent by main, and stops listening when unmounted', async () => {
    const listeners: ((command: MenuCommand) => void)[] = []
    Object.assign(window, {
      menuEvents: {
        onCommand: (listener: (command: MenuCommand) => void) => {
          listeners.push(listener)
          return () => listeners.splice(listeners.indexOf(listener), 1)
        }
      }
    })
    try {
      const { importClient, navigation } = await mountWindow()
      expect(listeners).toHaveLength(1)
      listeners[0]!('importReport')
      await settle()
      expect(importClient.chooseFile).toHaveBeenCalled()
      listeners[0]!('showLibrary')
      await settle()
      expect(navigation.view).toBe('library')
      unmountViews()
      expect(listeners).toHaveLength(0)
    } finally {
      Reflect.deleteProperty(window, 'menuEvents')
    }
  })

  it('opens the editor for a report, Ctrl+Shift+P previews it, Ctrl+E exports it, F1 shows the help', async () => {
    const { navigation, exportClient } = await mountWindow()
    document.body.querySelector<HTMLButtonElement>('li[data-year="2025"] [data-testid="open-year"]')!.click()
    await settle()
    expect(byTestId('editor-stub').textContent).toBe('editing 2025')
    expect(byTestId('open-report').textContent).toContain(`${UNIT} 2025 年度`)

    press('P', { ctrlKey: true, shiftKey: true })
    await settle()
    expect(navigation.view).toBe('preview')
    expect(byTestId('docx-pages')).toBeDefined()

    press('e')
    await settle()
    expect(byTestId('export-dialog').textContent).toContain('空白单元格')
    byTestId('export-cancel').click()
    await settle()
    expect(exportClient.exportDocx).not.toHaveBeenCalled()

    press('F1', {})
    await settle()
    expect(navigation.view).toBe('help')
    expect(byTestId('help-checks').textContent).toContain('勾稽关系')
  })

  it('prints from anywhere with Ctrl+P: the preview is shown and the print asked of it', async () => {
    const { navigation } = await mountWindow()
    document.body.querySelector<HTMLButtonElement>('li[data-year="2025"] [data-testid="open-year"]')!.click()
    await settle()
    press('p')
    await settle()
    expect(navigation.view).toBe('preview')
    // The pages cannot be laid out without a layout engine: the print waits for them.
    expect(useOutputStore().pending?.action).toBe('print')
  })
})
