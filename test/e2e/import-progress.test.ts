/**
 * A long import as the officer sees it, in real Chromium against the real handlers and the real
 * import worker: after half a second the progress card names the file and the page being read,
 * the window stays usable, 取消 stops the worker, and the next import works at once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pagePdf } from '../../fuzz/pdf'
import { fixturePath, openApp, type App } from './support/harness'

let app: App | undefined
let dir: string | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** 200 pages of dense figures: seconds of reading, so that there is time to watch and cancel. */
function longPdf(): Buffer {
  const lines: string[] = []
  for (let row = 0; row < 60; row += 1) {
    for (let column = 0; column < 12; column += 1) lines.push(`BT /F1 8 Tf ${40 + column * 45} ${800 - row * 12} Td (${(row * 12 + column) % 97}) Tj ET`)
  }
  return pagePdf({ content: lines.join('\n'), pages: 200 })
}

describe('import progress', () => {
  it('shows a long import’s progress, cancels it, and imports the next file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'e2e-progress-'))
    const pdf = join(dir, '年度报告汇编.pdf')
    await writeFile(pdf, longPdf())
    app = await openApp()
    const { page } = app
    await page.getByTestId('library-empty').waitFor()

    app.setNextDialogAnswer('import', pdf)
    await page.keyboard.press('Control+o')
    const card = page.getByTestId('import-progress')
    await card.waitFor()
    await page.getByText(/正在读取第 \d+ 页，共 200 页/).waitFor()
    await expect(card.textContent()).resolves.toContain('正在导入：年度报告汇编.pdf')
    await app.screenshot('import-progress')

    await page.getByTestId('import-cancel').click()
    await page.getByText('已取消导入').first().waitFor()
    await card.waitFor({ state: 'detached' })
    expect(app.calls.filter((c) => c.route === 'import:chooseFile')).toEqual([
      { route: 'import:chooseFile', ok: false, message: '已取消导入：年度报告汇编.pdf' }
    ])
    expect(app.calls.some((c) => c.route === 'import:cancel' && c.ok)).toBe(true)

    app.setNextDialogAnswer('import', fixturePath('same-report/report.docx'))
    await page.keyboard.press('Control+o')
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor()
    expect(app.main.progress.map((p) => p.stage)).toContain('page')
    expect(app.errors()).toEqual([])
  })
})
