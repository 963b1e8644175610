/**
 * Import progress and 取消: an import that takes more than half a second shows which file, the stage
 * the worker reports (page n of m) and a cancel button; cancelling stops it quietly, and the next
 * import works. Quick imports never show the card.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/renderer/src/api/ipc'
import type { ImportPreview, ImportProgress } from '../../src/renderer/src/api/types'
import { mountShell } from './shell-fakes'
import { bodyText, byTestId, importPreview, settle, unmountViews } from './views-fakes'

vi.mock('../../src/renderer/src/api/appClient', () => ({
  appClient: { getInfo: async () => ({ name: '政府信息公开年报助手', version: '0.1.0', platform: 'linux' }) }
}))

afterEach(unmountViews)

function pending<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

async function mountWithProgress() {
  const shell = mountShell({ preview: importPreview({ fileName: '年报.pdf' }) })
  const listeners: ((progress: ImportProgress) => void)[] = []
  shell.importClient.onProgress.mockImplementation((listener: (progress: ImportProgress) => void) => {
    listeners.push(listener)
    return () => void listeners.splice(listeners.indexOf(listener), 1)
  })
  await settle()
  const emit = (progress: ImportProgress) => listeners.forEach((listener) => listener(progress))
  return { importClient: shell.importClient, emit, listeners, navigation: shell.navigation }
}

const press = (key: string) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true }))
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const card = () => document.body.querySelector('[data-testid="import-progress"]')

describe('import progress', () => {
  it('stays hidden for a quick import', async () => {
    const { navigation, listeners } = await mountWithProgress()
    press('o')
    await settle()
    expect(navigation.view).toBe('import')
    expect(card()).toBeNull()
    // The subscription ends with the import.
    expect(listeners).toHaveLength(0)
  })

  it('after half a second shows the file, the page being read, and 取消, which stops the import quietly', async () => {
    const { importClient, emit, navigation } = await mountWithProgress()
    const answer = pending<ImportPreview>()
    importClient.chooseFile.mockReturnValueOnce(answer.promise)
    importClient.cancel.mockImplementationOnce(async () => {
      answer.reject(new ApiError('REJECTED', '已取消导入：年报.pdf'))
      return true
    })
    press('o')
    await settle()
    emit({ stage: 'reading', fileName: '年报.pdf' })
    await settle()
    expect(card()).toBeNull()

    await wait(650)
    emit({ stage: 'page', fileName: '年报.pdf', page: 3, pages: 12 })
    await settle()
    expect(card()?.textContent).toContain('正在导入：年报.pdf')
    expect(byTestId('import-progress-stage').textContent).toContain('正在读取第 3 页，共 12 页')

    byTestId('import-cancel').click()
    await settle()
    expect(importClient.cancel).toHaveBeenCalledTimes(1)
    expect(card()).toBeNull()
    expect(bodyText()).toContain('已取消导入')
    expect(bodyText()).not.toContain('无法导入该文件')
    expect(navigation.view).toBe('library')

    // The next import works as before.
    press('o')
    await settle()
    expect(navigation.view).toBe('import')
  })

  it('reports a file the worker could not read in time as the error main sent', async () => {
    const { importClient } = await mountWithProgress()
    importClient.chooseFile.mockRejectedValueOnce(new ApiError('REJECTED', '文件过于复杂，10 秒内未能读完：年报.pdf。'))
    press('o')
    await settle()
    expect(bodyText()).toContain('文件过于复杂，10 秒内未能读完：年报.pdf')
    expect(card()).toBeNull()
  })
})
