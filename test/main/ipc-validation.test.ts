/**
 * Every library, import and export route refuses a bad payload in Chinese before its handler runs:
 * whatever a page sends, only well-formed unit names, years, ids, tokens, reports and bounded
 * bytes reach the services.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createReport } from '@core/report/report'
import { createRegistry, MESSAGES, type Handlers } from '../../src/main/ipc/registry'
import { MAX_IMPORT_BYTES } from '@shared/ipc/schemas'
import { createTestMain, type TestMain } from '../support/testMain'

const REPORT = createReport({ unit: '某某县人民政府', year: 2024 })
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA'
const TOO_LONG_BASE64 = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4)

/** Route → payloads it must refuse. */
const BAD_PAYLOADS: Record<string, [string, unknown][]> = {
  'library:list': [['an unexpected payload', { all: true }]],
  'library:open': [
    ['no payload', undefined],
    ['a blank unit', { unit: '   ', year: 2024 }],
    ['a year as text', { unit: '某某县人民政府', year: '2024' }],
    ['a fractional year', { unit: '某某县人民政府', year: 2024.5 }],
    ['a year before 2008', { unit: '某某县人民政府', year: 2007 }],
    ['a year after 2100', { unit: '某某县人民政府', year: 2101 }],
    ['a unit name of 201 characters', { unit: '县'.repeat(201), year: 2024 }]
  ],
  'library:save': [
    ['a bare report (not wrapped)', REPORT],
    ['a report without sections', { report: { ...REPORT, sections: undefined } }],
    ['a report with an unknown cell', { report: { ...REPORT, values: { 't9.x.y': 1 } } }],
    ['a report with a year out of range', { report: { ...REPORT, year: 1999 } }]
  ],
  'library:create': [
    ['an unknown level', { unit: '某某县人民政府', year: 2024, level: 'galaxy' }],
    ['no year', { unit: '某某县人民政府' }]
  ],
  'library:nextYear': [['a year as text', { unit: '某某县人民政府', year: '去年' }]],
  'library:duplicate': [
    ['no target year', { unit: '某某县人民政府', year: 2024 }],
    ['a target year out of range', { unit: '某某县人民政府', year: 2024, toYear: 3000 }]
  ],
  'library:remove': [['an empty unit', { unit: '', year: 2024 }]],
  'library:undoRemove': [
    ['a path as id', { removedId: '../reports/某某县人民政府' }],
    ['a number as id', { removedId: 20250101 }]
  ],
  'library:history': [['a null unit', { unit: null, year: 2024 }]],
  'library:restore': [
    ['a path as backup id', { unit: '某某县人民政府', year: 2024, backupId: '/etc/passwd' }],
    ['a backup id without its time', { unit: '某某县人民政府', year: 2024, backupId: 'latest' }]
  ],
  'library:trend': [['no unit', {}]],
  'library:previewRename': [['no new name', { unit: '某某县人民政府' }]],
  'library:renameUnit': [
    ['a blank new name', { unit: '某某县人民政府', newName: '  ' }],
    ['an unknown keep choice', { unit: '某某县人民政府', newName: '某某区人民政府', keep: 'both' }],
    ['a keep choice for a year that is not one', { unit: '某某县人民政府', newName: '某某区人民政府', keep: { '../x': 'moved' } }]
  ],
  'library:previewMove': [['a target year out of range', { unit: '某某县人民政府', year: 2024, toUnit: '某某区人民政府', toYear: 1900 }]],
  'library:moveReport': [
    ['no target unit', { unit: '某某县人民政府', year: 2024 }],
    ['a path to move to', { unit: '某某县人民政府', year: 2024, toUnit: '某某区人民政府', path: '/tmp' }]
  ],
  'library:undoOperation': [['a path as id', { operationId: '../operations/x' }]],
  'library:listRemoved': [['an unexpected payload', { all: true }]],
  'library:emptyRecycle': [['an unexpected payload', { force: true }]],
  'settings:get': [['an unexpected payload', { path: '/etc' }]],
  'settings:save': [
    ['no settings', {}],
    ['a limit out of range', { settings: { kind: 'nianbao-settings', version: 1, region: { name: '某县', overviewCharLimit: 5 } } }],
    ['an unknown field', { settings: { kind: 'nianbao-settings', version: 1, region: { name: '某县', colour: 'red' } } }]
  ],
  'settings:importProfile': [['a path the page wants read', '/etc/passwd']],
  'settings:exportProfile': [['a path to write to', { path: '/tmp/x.json' }]],
  'settings:resetProfile': [['an unexpected payload', { all: true }]],
  'import:chooseFile': [['a path the page wants read', '/etc/passwd']],
  'import:importBytes': [
    ['a path as name', { name: '/home/officer/report.docx', bytes: 'UEsDBA==' }],
    ['a Windows path as name', { name: 'C:\\Users\\officer\\report.docx', bytes: 'UEsDBA==' }],
    ['bytes as an array', { name: 'report.docx', bytes: [80, 75, 3, 4] }],
    ['bytes that are not base64', { name: 'report.docx', bytes: '这不是编码' }],
    ['more than 50 MB', { name: 'report.docx', bytes: TOO_LONG_BASE64 }]
  ],
  'import:importImages': [
    ['one file only', { files: [{ name: '1.jpg', bytes: '/9j/' }] }],
    ['a path as name', { files: [{ name: '/tmp/1.jpg', bytes: '/9j/' }, { name: '2.jpg', bytes: '/9j/' }] }],
    ['more than 40 files', { files: Array.from({ length: 41 }, (_, i) => ({ name: `${i}.jpg`, bytes: '/9j/' })) }],
    ['more than 100 MB in all', { files: [{ name: '1.jpg', bytes: TOO_LONG_BASE64.slice(4) }, { name: '2.jpg', bytes: TOO_LONG_BASE64.slice(4) }, { name: '3.jpg', bytes: TOO_LONG_BASE64.slice(4) }] }]
  ],
  'import:importText': [
    ['empty text', { text: '' }],
    ['text longer than a report could be', { text: '字'.repeat(2_000_001) }]
  ],
  'import:cancel': [['a file to cancel', { name: 'report.docx' }]],
  'import:accept': [
    ['no report', {}],
    ['replace as text', { report: REPORT, replace: 'yes' }]
  ],
  'export:docx': [
    ['no options', { report: REPORT }],
    ['an unknown blank-cell style', { report: REPORT, options: { blankCells: 'dash', signature: true } }],
    ['a path to write to', { report: REPORT, options: { blankCells: 'zero', signature: true }, path: '/tmp/x.docx' }]
  ],
  'export:pdf': [
    ['no unit', { year: 2025 }],
    ['a draft flag as text', { unit: '某某镇人民政府', year: 2025, draft: 'yes' }],
    ['a path to write to', { unit: '某某镇人民政府', year: 2025, path: '/tmp/x.pdf' }]
  ],
  'export:showInFolder': [
    ['a path instead of a token', { token: '/home/officer' }],
    ['a token of the wrong length', { token: TOKEN.slice(1) }]
  ]
}

describe('library, import and export routes validate every payload', () => {
  let main: TestMain
  let handlers: Handlers

  beforeAll(async () => {
    main = await createTestMain()
    handlers = Object.fromEntries(Object.entries(main.handlers).map(([route, fn]) => [route, vi.fn(fn)])) as unknown as Handlers
  })
  beforeEach(() => vi.clearAllMocks())
  afterAll(() => main.dispose())

  const cases = Object.entries(BAD_PAYLOADS).flatMap(([route, payloads]) => payloads.map(([what, payload]) => ({ route, what, payload })))

  it.each(cases)('$route refuses $what', async ({ route, payload }) => {
    const result = await createRegistry(handlers).dispatch(route, payload)
    if (result.ok) {
      // A route without input ignores nothing: an extra payload is refused, not dropped.
      expect.fail(`${route} accepted ${JSON.stringify(payload)?.slice(0, 80)}`)
    }
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message.startsWith(MESSAGES.invalidInput)).toBe(true)
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]{2}/)
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled()
  })

  it('covers every library, import, export and settings route', () => {
    const routes = Object.keys(main.handlers).filter((r) => /^(library|import|export|settings):/.test(r))
    expect(Object.keys(BAD_PAYLOADS).sort()).toEqual(routes.sort())
  })

  it('says which field is wrong, in Chinese', async () => {
    const result = await main.registry.dispatch('library:open', { unit: '某某县人民政府', year: 1999 })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('年份应在 2008–2100 之间') } })
    const path = await main.registry.dispatch('import:importBytes', { name: '../x.docx', bytes: 'UEsDBA==' })
    expect(path).toMatchObject({ ok: false, error: { message: expect.stringContaining('文件名不能包含路径') } })
  })

  it('trims unit names before the handler sees them', async () => {
    const spied = { ...main.handlers, 'library:open': vi.fn(main.handlers['library:open']) }
    await createRegistry(spied).dispatch('library:open', { unit: '  某某县人民政府 ', year: 2024 })
    expect(spied['library:open']).toHaveBeenCalledWith({ unit: '某某县人民政府', year: 2024 })
  })
})
