/**
 * The renderer never receives a filesystem path: every library, import and export route is called
 * (successes and refusals, a damaged library file included), and no answer contains the temp
 * folder the library, the chosen files and the exports live in.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApi } from '@shared/ipc/api'
import { ROUTE_NAMES } from '@shared/ipc/contract'
import { consistentReport } from '../support/reports'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'

const FIXTURE = new URL('../fixtures/same-report/report.docx', import.meta.url).pathname
const UNIT = '示例县示例镇人民政府'
const OPTIONS = { blankCells: 'zero', signature: true } as const

describe('no route answers with a path', () => {
  let main: TestMain
  const answers: { route: string; answer: string }[] = []

  beforeAll(async () => {
    main = await createTestMain()
  })
  afterAll(() => main.dispose())

  it('across every route, successes and refusals alike', async () => {
    const api = buildApi(async (route, input) => {
      const answer = await main.registry.dispatch(route, input)
      answers.push({ route, answer: JSON.stringify(answer) })
      return answer
    })
    const incoming = join(main.dir, 'incoming')
    await mkdir(incoming)
    await copyFile(FIXTURE, join(incoming, 'report.docx'))

    // Import, accept, and the refusals around them.
    main.dialogs.answerNext('import', join(incoming, 'report.docx'))
    const preview = (await ok(api.import.chooseFile()))!
    await ok(api.import.accept({ report: preview.report }))
    await refused(api.import.accept({ report: preview.report }))
    main.dialogs.answerNext('import', join(incoming, 'missing.docx'))
    await refused(api.import.chooseFile())
    await refused(api.import.importBytes({ name: 'dropped.docx', bytes: Buffer.from('not a report at all').toString('base64') }))
    await refused(api.import.importImages({ files: [{ name: '1.jpg', bytes: 'AAAA' }, { name: '2.txt', bytes: 'AAAA' }] }))
    await ok(api.import.importText({ text: '某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度……' }))
    // An import cancelled while the worker reads it: named by its bare name only.
    const reports = main.progress.length
    main.dialogs.answerNext('import', join(incoming, 'report.docx'))
    const pending = api.import.chooseFile()
    while (main.progress.length === reports) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await ok(api.import.cancel())).toBe(true)
    expect((await refused(pending)).message).toBe('已取消导入：report.docx')
    expect(await ok(api.import.cancel())).toBe(false)

    // The library, every route.
    await ok(api.library.save({ report: { ...preview.report, values: {} } }))
    await ok(api.library.list())
    await ok(api.library.open({ unit: UNIT, year: 2025 }))
    await ok(api.library.create({ unit: UNIT, year: 2023 }))
    await ok(api.library.nextYear({ unit: UNIT, year: 2025 }))
    await ok(api.library.duplicate({ unit: UNIT, year: 2025, toYear: 2022 }))
    const [backup] = await ok(api.library.history({ unit: UNIT, year: 2025 }))
    await ok(api.library.restore({ unit: UNIT, year: 2025, backupId: backup!.id }))
    await ok(api.library.trend({ unit: UNIT }))
    const { removedId } = await ok(api.library.remove({ unit: UNIT, year: 2022 }))
    await ok(api.library.undoRemove({ removedId }))
    await refused(api.library.undoRemove({ removedId }))
    await refused(api.library.open({ unit: UNIT, year: 2019 }))
    await ok(api.library.previewRename({ unit: UNIT, newName: '某某镇' }))
    const renamed = await ok(api.library.renameUnit({ unit: UNIT, newName: '某某镇' }))
    await ok(api.library.undoOperation({ operationId: renamed.id }))
    await refused(api.library.undoOperation({ operationId: renamed.id }))
    await ok(api.library.previewMove({ unit: UNIT, year: 2023, toUnit: '某某镇' }))
    const moved = await ok(api.library.moveReport({ unit: UNIT, year: 2023, toUnit: '某某镇', toYear: 2020 }))
    await ok(api.library.undoOperation({ operationId: moved.id }))
    await refused(api.library.moveReport({ unit: UNIT, year: 2023, toUnit: UNIT, toYear: 2025 }))
    await ok(api.library.listRemoved())
    await ok(api.library.emptyRecycle())

    // A damaged file: listed with its problem, refused on open, both without the library's path.
    await writeFile(join(main.libraryDir, 'reports', UNIT, '2021.json'), '{ "schemaVersion": 1, "unit": ')
    const units = await ok(api.library.list())
    expect(units[0]?.years.find((y) => y.year === 2021)).toMatchObject({ status: 'damaged', problem: expect.any(String) })
    const damaged = await refused(api.library.open({ unit: UNIT, year: 2021 }))
    expect(damaged.message).toContain('报告文件已损坏：资料库')
    await refused(api.library.renameUnit({ unit: UNIT, newName: '某某镇' }))

    // 设置: read, save, a profile out and back in, a bad one refused, reset.
    const { settings } = await ok(api.settings.get())
    await ok(api.settings.save({ settings }))
    main.dialogs.answerNext('settingsExport', join(main.exportDir, '配置.json'))
    await ok(api.settings.exportProfile())
    main.dialogs.answerNext('settingsImport', join(main.exportDir, '配置.json'))
    await ok(api.settings.importProfile())
    await writeFile(join(incoming, 'bad.json'), '{"kind": "nianbao-region-profile", "version": 1, "name": 1}')
    main.dialogs.answerNext('settingsImport', join(incoming, 'bad.json'))
    expect((await refused(api.settings.importProfile())).message).toBe('bad.json：「配置名称」应为文字')
    main.dialogs.answerNext('settingsImport', join(incoming, 'nothing.json'))
    await refused(api.settings.importProfile())
    main.dialogs.answerNext('settingsExport', join(main.dir, 'gone', '配置.json'))
    await refused(api.settings.exportProfile())
    await ok(api.settings.resetProfile())

    // Export, its refusal, and the folder.
    main.dialogs.answerNext('export', join(main.exportDir, '年报.docx'))
    const exported = (await ok(api.export.docx({ report: consistentReport(), options: OPTIONS })))!
    await ok(api.export.showInFolder({ token: exported.token }))
    main.dialogs.answerNext('export', join(main.dir, 'gone', '年报.docx'))
    await refused(api.export.docx({ report: consistentReport(), options: OPTIONS }))
    main.dialogs.answerNext('export', join(main.exportDir, '年报.pdf'))
    await ok(api.export.pdf({ unit: UNIT, year: 2025 }))
    main.dialogs.answerNext('export', join(main.dir, 'gone', '年报.pdf'))
    await refused(api.export.pdf({ unit: UNIT, year: 2025 }))

    const called = new Set(answers.map((a) => a.route))
    expect(ROUTE_NAMES.filter((r) => /^(library|import|export|settings):/.test(r) && !called.has(r))).toEqual([])
    // JSON escapes backslashes: compare against the escaped form too (Windows paths).
    const needles = [main.dir, JSON.stringify(main.dir).slice(1, -1), 'incoming', 'nianbao-main-']
    const leaks = answers.filter((a) => needles.some((n) => a.answer.includes(n)))
    expect(leaks).toEqual([])
    expect(main.shell.shown).toEqual([join(main.exportDir, '年报.docx')])
  })
})
