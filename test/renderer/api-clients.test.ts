/**
 * The renderer's clients over `window.api` (built by the preload's own buildApi, over a recording
 * invoke): each method calls its route with the payload main validates, unwraps the data, and
 * turns a refusal into an ApiError. The round trip through the real handlers is covered by the
 * node tests (test/main/ipc-*.test.ts) and the browser tests (test/e2e).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createReport } from '@core/report/report'
import { bytesToBase64 } from '../../src/renderer/src/api/base64'
import { exportClient } from '../../src/renderer/src/api/exportClient'
import { importClient, TOO_LARGE } from '../../src/renderer/src/api/importClient'
import { ApiError } from '../../src/renderer/src/api/ipc'
import { libraryClient } from '../../src/renderer/src/api/libraryClient'
import { settingsClient } from '../../src/renderer/src/api/settingsClient'
import { defaultSettings } from '@core/settings/defaults'
import { buildApi } from '@shared/ipc/api'
import type { RouteName } from '@shared/ipc/contract'
import { MAX_IMPORT_BYTES } from '@shared/ipc/schemas'

const UNIT = '某某县人民政府'
const REPORT = createReport({ unit: UNIT, year: 2024 })
const OPTIONS = { blankCells: 'zero', signature: true } as const

/** Client call → the route and payload it must send. */
const CALLS: [string, () => Promise<unknown>, RouteName, unknown][] = [
  ['library.list', () => libraryClient.list(), 'library:list', undefined],
  ['library.open', () => libraryClient.open(UNIT, 2024), 'library:open', { unit: UNIT, year: 2024 }],
  ['library.save', () => libraryClient.save(REPORT), 'library:save', { report: REPORT }],
  ['library.create', () => libraryClient.create({ unit: UNIT, year: 2024, level: 'county' }), 'library:create', { unit: UNIT, year: 2024, level: 'county' }],
  ['library.nextYear', () => libraryClient.nextYear(UNIT, 2024), 'library:nextYear', { unit: UNIT, year: 2024 }],
  ['library.duplicate', () => libraryClient.duplicate(UNIT, 2024, 2023), 'library:duplicate', { unit: UNIT, year: 2024, toYear: 2023 }],
  ['library.remove', () => libraryClient.remove(UNIT, 2024), 'library:remove', { unit: UNIT, year: 2024 }],
  ['library.undoRemove', () => libraryClient.undoRemove('20251123T064031123Z'), 'library:undoRemove', { removedId: '20251123T064031123Z' }],
  ['library.history', () => libraryClient.history(UNIT, 2024), 'library:history', { unit: UNIT, year: 2024 }],
  ['library.restore', () => libraryClient.restore(UNIT, 2024, '20251123T064031123Z'), 'library:restore', { unit: UNIT, year: 2024, backupId: '20251123T064031123Z' }],
  ['library.trend', () => libraryClient.trend(UNIT), 'library:trend', { unit: UNIT }],
  ['library.previewRename', () => libraryClient.previewRename(UNIT, '某某区'), 'library:previewRename', { unit: UNIT, newName: '某某区' }],
  ['library.renameUnit', () => libraryClient.renameUnit(UNIT, '某某区'), 'library:renameUnit', { unit: UNIT, newName: '某某区' }],
  ['library.renameUnit (keep)', () => libraryClient.renameUnit(UNIT, '某某区', { '2024': 'moved' }), 'library:renameUnit', { unit: UNIT, newName: '某某区', keep: { '2024': 'moved' } }],
  ['library.previewMove', () => libraryClient.previewMove(UNIT, 2024, '某某区', 2023), 'library:previewMove', { unit: UNIT, year: 2024, toUnit: '某某区', toYear: 2023 }],
  ['library.moveReport', () => libraryClient.moveReport(UNIT, 2024, '某某区', 2023, 'existing'), 'library:moveReport', { unit: UNIT, year: 2024, toUnit: '某某区', toYear: 2023, keep: 'existing' }],
  ['library.undoOperation', () => libraryClient.undoOperation('20251123T064031123Z'), 'library:undoOperation', { operationId: '20251123T064031123Z' }],
  ['library.listRemoved', () => libraryClient.listRemoved(), 'library:listRemoved', undefined],
  ['settings.get', () => settingsClient.get(), 'settings:get', undefined],
  ['settings.save', () => settingsClient.save(defaultSettings()), 'settings:save', { settings: defaultSettings() }],
  ['settings.importProfile', () => settingsClient.importProfile(), 'settings:importProfile', undefined],
  ['settings.exportProfile', () => settingsClient.exportProfile(), 'settings:exportProfile', undefined],
  ['settings.resetProfile', () => settingsClient.resetProfile(), 'settings:resetProfile', undefined],
  ['import.chooseFile', () => importClient.chooseFile(), 'import:chooseFile', undefined],
  ['import.importBytes', () => importClient.importBytes('报告.docx', new Uint8Array([80, 75, 3, 4])), 'import:importBytes', { name: '报告.docx', bytes: 'UEsDBA==' }],
  ['import.importText', () => importClient.importText('一、总体情况'), 'import:importText', { text: '一、总体情况' }],
  ['import.cancel', () => importClient.cancel(), 'import:cancel', undefined],
  ['import.accept', () => importClient.accept(REPORT), 'import:accept', { report: REPORT }],
  ['import.accept (replace)', () => importClient.accept(REPORT, { replace: true }), 'import:accept', { report: REPORT, replace: true }],
  ['export.exportDocx', () => exportClient.exportDocx(REPORT, OPTIONS), 'export:docx', { report: REPORT, options: OPTIONS }],
  ['export.showInFolder', () => exportClient.showInFolder('AAAAAAAAAAAAAAAAAAAAAA'), 'export:showInFolder', { token: 'AAAAAAAAAAAAAAAAAAAAAA' }]
]

describe('renderer clients', () => {
  const invoke = vi.fn(async (route: RouteName, _input: unknown): Promise<unknown> => ({ ok: true, data: `answer of ${route}` }))
  const global = globalThis as unknown as { api?: unknown }

  beforeEach(() => {
    invoke.mockClear()
    global.api = buildApi(invoke)
  })
  afterEach(() => {
    delete global.api
  })

  it.each(CALLS)('%s sends its route and payload and unwraps the answer', async (_name, call, route, payload) => {
    await expect(call()).resolves.toBe(`answer of ${route}`)
    expect(invoke).toHaveBeenCalledExactlyOnceWith(route, payload)
  })

  it('emptyRecycle answers how many reports were deleted', async () => {
    invoke.mockResolvedValueOnce({ ok: true, data: { purged: 3 } })
    await expect(libraryClient.emptyRecycle()).resolves.toBe(3)
    expect(invoke).toHaveBeenCalledExactlyOnceWith('library:emptyRecycle', undefined)
  })

  it('turns a refusal into an ApiError carrying main’s message', async () => {
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'REJECTED', message: `资料库中没有「${UNIT}」2010 年度报告` } })
    const error = await libraryClient.open(UNIT, 2010).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'REJECTED', message: `资料库中没有「${UNIT}」2010 年度报告` })
  })

  it('refuses a file over 50 MB before encoding or sending it', async () => {
    await expect(importClient.importBytes('big.pdf', new Uint8Array(MAX_IMPORT_BYTES + 1))).rejects.toMatchObject({ code: 'REJECTED', message: TOO_LARGE })
    expect(invoke).not.toHaveBeenCalled()
  })

  it('encodes base64 like every other encoder, across chunk boundaries', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256)
    const reference = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    expect(bytesToBase64(bytes)).toBe(reference)
    expect(bytesToBase64(new Uint8Array())).toBe('')
  })

  it('hears import progress through window.importEvents, and none outside the app', () => {
    const received: unknown[] = []
    const stopNothing = importClient.onProgress((p) => received.push(p))
    expect(() => stopNothing()).not.toThrow()
    const listeners = new Set<(p: unknown) => void>()
    Object.assign(window, { importEvents: { onProgress: (l: (p: unknown) => void) => (listeners.add(l), () => void listeners.delete(l)) } })
    try {
      const stop = importClient.onProgress((p) => received.push(p))
      for (const listener of listeners) listener({ stage: 'reading', fileName: '年报.pdf' })
      stop()
      expect(listeners.size).toBe(0)
      expect(received).toEqual([{ stage: 'reading', fileName: '年报.pdf' }])
    } finally {
      Reflect.deleteProperty(window, 'importEvents')
    }
  })

  it('says clearly when the page runs outside the app', async () => {
    delete global.api
    await expect(libraryClient.list()).rejects.toMatchObject({ code: 'NO_BRIDGE' })
  })
})
