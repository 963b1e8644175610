/** The `export:*` routes: save dialog (fake), .docx built by core and written atomically, folder shown by token. */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '@core/settings/defaults'
import { defaultExportName } from '../../src/main/ipc/handlers/export'
import { nodeFs } from '../../src/main/services/fsAdapter'
import { TOKEN_PATTERN } from '@shared/ipc/schemas'
import { consistentReport } from '../support/reports'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'

const OPTIONS = { blankCells: 'zero', signature: true } as const

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path))
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
}

describe('export routes', () => {
  let main: TestMain
  beforeEach(async () => {
    main = await createTestMain()
  })
  afterEach(() => {
    vi.restoreAllMocks()
    return main.dispose()
  })

  it('proposes the official file name in the save dialog', async () => {
    const report = consistentReport({ year: 2025 })
    expect(await ok(main.api.export.docx({ report, options: OPTIONS }))).toBeNull()
    expect(main.dialogs.opened).toEqual([{ kind: 'export', defaultName: '示例县示例镇人民政府2025年政府信息公开工作年度报告.docx' }])
    expect(defaultExportName('某局/办公室', 2024)).toBe('某局_办公室2024年政府信息公开工作年度报告.docx')
  })

  it('writes the .docx where the dialog said, atomically, and answers its name and a token', async () => {
    const report = consistentReport({ year: 2025 })
    const target = join(main.exportDir, '年报.docx')
    await writeFile(target, 'the previous export')
    const realRename = nodeFs.rename.bind(nodeFs)
    let contentAtRename = ''
    const rename = vi.spyOn(nodeFs, 'rename').mockImplementation(async (from, to) => {
      contentAtRename = await readFile(to, 'utf8')
      return realRename(from, to)
    })

    main.dialogs.answerNext('export', target)
    const exported = await ok(main.api.export.docx({ report, options: OPTIONS }))
    expect(exported).toEqual({ fileName: '年报.docx', token: expect.stringMatching(TOKEN_PATTERN) })
    expect(main.tokens.resolve(exported!.token)).toBe(target)

    // Written to a temp file beside it and renamed over it: until then, the old file was intact.
    expect(rename).toHaveBeenCalledOnce()
    const [from, to] = rename.mock.calls[0]!
    expect(to).toBe(target)
    expect(from).toMatch(/[\\/]\.年报\.docx\.[0-9a-f]{12}\.tmp$/)
    expect(contentAtRename).toBe('the previous export')
    expect(await readdir(main.exportDir)).toEqual(['年报.docx'])

    const text = await documentText(target)
    expect(text).toContain('示例县示例镇人民政府2025年政府信息公开工作年度报告')
  })

  it('prints with the options given, and 设置 for those neither the dialog nor the report gives', async () => {
    const settings = defaultSettings()
    settings.region = { ...settings.region, signature: { include: true, dateStyle: 'chinese', align: 'right' } }
    await main.settings.save(settings)
    const report = consistentReport({ year: 2025 })
    const fromSettings = join(main.exportDir, 'a.docx')
    main.dialogs.answerNext('export', fromSettings)
    await ok(main.api.export.docx({ report, options: OPTIONS }))
    expect((await documentText(fromSettings)).trimEnd()).toMatch(/二〇二六年一月二十日$/)

    const given = join(main.exportDir, 'b.docx')
    main.dialogs.answerNext('export', given)
    await ok(main.api.export.docx({ report, options: { ...OPTIONS, dateStyle: 'arabic' } }))
    expect((await documentText(given)).trimEnd()).toMatch(/2026年1月20日$/)

    const own = join(main.exportDir, 'c.docx')
    main.dialogs.answerNext('export', own)
    await ok(main.api.export.docx({ report: { ...report, settings: { ...report.settings, dateStyle: 'arabic' } }, options: OPTIONS }))
    expect((await documentText(own)).trimEnd()).toMatch(/2026年1月20日$/)
  })

  it('adds the .docx extension a Linux save dialog leaves off', async () => {
    main.dialogs.answerNext('export', join(main.exportDir, '年报'))
    const exported = await ok(main.api.export.docx({ report: consistentReport(), options: OPTIONS }))
    expect(exported?.fileName).toBe('年报.docx')
    expect(await readdir(main.exportDir)).toEqual(['年报.docx'])
  })

  it('a folder that no longer exists is refused in Chinese, without its path', async () => {
    main.dialogs.answerNext('export', join(main.dir, '已删除的文件夹', '年报.docx'))
    const error = await refused(main.api.export.docx({ report: consistentReport(), options: OPTIONS }))
    expect(error).toEqual({ code: 'REJECTED', message: '保存位置不存在：所选文件夹' })
  })

  it('showInFolder asks the shell for the exported file’s path, by token', async () => {
    const target = join(main.exportDir, '年报.docx')
    main.dialogs.answerNext('export', target)
    const { token } = (await ok(main.api.export.docx({ report: consistentReport(), options: OPTIONS })))!
    await ok(main.api.export.showInFolder({ token }))
    expect(main.shell.shown).toEqual([target])
  })

  it('showInFolder refuses a token it never issued', async () => {
    const error = await refused(main.api.export.showInFolder({ token: 'AAAAAAAAAAAAAAAAAAAAAA' }))
    expect(error).toEqual({ code: 'REJECTED', message: '该文件的标识已失效，请重新选择文件' })
    expect(main.shell.shown).toEqual([])
  })
})
