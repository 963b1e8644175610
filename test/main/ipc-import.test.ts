/** The `import:*` routes: a file chosen in the (fake) dialog, a dropped file, pasted text; then accept. */
import { readdir, readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PASTED_TEXT_NAME } from '../../src/main/ipc/handlers/import'
import { TOKEN_PATTERN } from '@shared/ipc/schemas'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'

const FIXTURE = new URL('../fixtures/same-report/report.docx', import.meta.url).pathname
const LEGACY = new URL('../fixtures/legacy/xiamei-2016.txt', import.meta.url).pathname
const UNIT = '示例县示例镇人民政府'

describe('import routes', () => {
  let main: TestMain
  beforeEach(async () => {
    main = await createTestMain()
  })
  afterEach(() => main.dispose())

  it('chooseFile: reads the file the dialog returned and previews all 200 values; accept stores it', async () => {
    main.dialogs.answerNext('import', FIXTURE)
    const preview = await ok(main.api.import.chooseFile())
    if (!preview) throw new Error('no preview')
    expect(main.dialogs.opened).toEqual([{ kind: 'import' }])
    expect(preview).toMatchObject({ fileName: 'report.docx', generation: '2021', missing: [], report: { unit: { name: UNIT }, year: 2025 } })
    expect(preview.token).toMatch(TOKEN_PATTERN)
    expect(main.tokens.resolve(preview.token)).toBe(FIXTURE)
    expect(preview.values).toHaveLength(200)
    expect(Object.keys(preview.report.values)).toHaveLength(200)
    // Provenance: each value says where it was read.
    for (const value of preview.values) expect(value.source.block).toBeGreaterThanOrEqual(0)
    expect(preview.sections.map((s) => s.section)).toEqual(expect.arrayContaining(['overview', 'proactive', 'requests', 'review', 'problems', 'other']))
    // A preview is plain data: it survives a structured clone (Electron) and JSON (the browser bridge).
    expect(structuredClone(preview)).toEqual(preview)
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview)

    expect(await ok(main.api.library.list())).toEqual([])
    const saved = await ok(main.api.import.accept({ report: preview.report }))
    expect(saved).toEqual(preview.report)
    expect(await ok(main.api.library.open({ unit: UNIT, year: 2025 }))).toEqual(preview.report)
  })

  it('chooseFile: null when the officer cancels', async () => {
    main.dialogs.answerNext('import', null)
    expect(await ok(main.api.import.chooseFile())).toBeNull()
  })

  it('accept refuses to replace a report already in the library unless told to, and keeps a backup', async () => {
    main.dialogs.answerNext('import', FIXTURE)
    const preview = (await ok(main.api.import.chooseFile()))!
    await ok(main.api.library.create({ unit: UNIT, year: 2025 }))

    const error = await refused(main.api.import.accept({ report: preview.report }))
    expect(error.code).toBe('REJECTED')
    expect(error.message).toContain(`资料库中已有「${UNIT}」2025 年度报告`)
    expect((await ok(main.api.library.open({ unit: UNIT, year: 2025 }))).values).toEqual({})

    await ok(main.api.import.accept({ report: preview.report, replace: true }))
    expect(Object.keys((await ok(main.api.library.open({ unit: UNIT, year: 2025 }))).values)).toHaveLength(200)
    expect(await ok(main.api.library.history({ unit: UNIT, year: 2025 }))).toHaveLength(1)
  })

  it('importBytes: a dropped file, sent as base64', async () => {
    const bytes = await readFile(FIXTURE)
    const preview = await ok(main.api.import.importBytes({ name: 'dropped.docx', bytes: bytes.toString('base64') }))
    expect(preview).toMatchObject({ fileName: 'dropped.docx', generation: '2021', report: { year: 2025 } })
    expect(preview.values).toHaveLength(200)
    // A dropped file has no path in main: its token stands for nothing.
    expect(preview.token).toMatch(TOKEN_PATTERN)
    expect(() => main.tokens.resolve(preview.token)).toThrow(/失效/)
  })

  it('importBytes: a file that is not a report is refused in Chinese', async () => {
    const error = await refused(main.api.import.importBytes({ name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0, 0, 0, 0]).toString('base64') }))
    // A JPEG goes to OCR; this one is cut off after its header.
    expect(error).toEqual({ code: 'REJECTED', message: expect.stringContaining('photo.jpg：JPEG 图片已损坏') })
    const unknown = await refused(main.api.import.importBytes({ name: 'data.bin', bytes: Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 9, 8]).toString('base64') }))
    expect(unknown).toEqual({ code: 'REJECTED', message: expect.stringContaining('无法识别的文件类型（data.bin）') })
    const empty = await refused(main.api.import.importBytes({ name: 'empty.docx', bytes: '' }))
    expect(empty).toEqual({ code: 'REJECTED', message: '文件是空的' })
  })

  it('importText: a pre-2019 report pasted as text keeps its 附表 figures as legacy', async () => {
    const text = await readFile(LEGACY, 'utf8')
    const preview = await ok(main.api.import.importText({ text }))
    expect(preview).toMatchObject({ fileName: PASTED_TEXT_NAME, generation: 'pre-2019', report: { year: 2016 } })
    expect(preview.legacy.length).toBeGreaterThan(0)
    expect(preview.report.unit.name).toContain('霞美')
  })

  it('every fixture, of every kind and generation, previews within the contract (or is refused in Chinese)', async () => {
    const folders = ['same-report', 'legacy', 'text'].map((f) => new URL(`../fixtures/${f}/`, import.meta.url).pathname)
    const files = (await Promise.all(folders.map(async (dir) => (await readdir(dir)).map((name) => dir + name)))).flat()
    expect(files.length).toBeGreaterThanOrEqual(15)
    for (const file of files) {
      const answer = await main.api.import.importBytes({ name: file.split('/').pop()!, bytes: (await readFile(file)).toString('base64') })
      // INTERNAL would mean a preview the output schema refused: a contract out of step with the recogniser.
      if (!answer.ok) expect({ file, code: answer.error.code }).toEqual({ file, code: 'REJECTED' })
      else expect(answer.data.report.year, file).toBeGreaterThan(2008)
    }
  })

  it('a chosen file that cannot be read is refused by its name, not its path', async () => {
    main.dialogs.answerNext('import', `${main.dir}/已删除的报告.docx`)
    const error = await refused(main.api.import.chooseFile())
    expect(error).toEqual({ code: 'REJECTED', message: '找不到文件：已删除的报告.docx' })
  })
})
