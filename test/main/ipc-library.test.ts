/** The `library:*` routes through the real ReportLibrary on a temp folder, as the renderer calls them. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cellId } from '@core/report/cells'
import { defaultSettings } from '@core/settings/defaults'
import { consistentReport, previousReport } from '../support/reports'
import { createTestMain, ok, refused, type TestMain } from '../support/testMain'

const UNIT = '示例县示例镇人民政府'

describe('library routes', () => {
  let main: TestMain
  beforeEach(async () => {
    main = await createTestMain()
  })
  afterEach(() => main.dispose())

  it('create → save → list → open', async () => {
    const { api } = main
    const created = await ok(api.library.create({ unit: ` ${UNIT} `, year: 2025 }))
    expect(created).toMatchObject({ unit: { name: UNIT, level: 'township' }, year: 2025, values: {} })

    const edited = { ...created, values: { 't3.new.natural': 7 } }
    const { updatedAt } = await ok(api.library.save({ report: edited }))
    expect(Date.parse(updatedAt)).not.toBeNaN()

    const units = await ok(api.library.list())
    expect(units).toEqual([{ name: UNIT, level: 'township', years: [{ year: 2025, updatedAt: expect.any(String), status: 'ok' }] }])

    const opened = await ok(api.library.open({ unit: UNIT, year: 2025 }))
    expect(opened.values).toEqual({ 't3.new.natural': 7 })
  })

  it('refuses to create a year that already exists, in Chinese', async () => {
    await ok(main.api.library.create({ unit: UNIT, year: 2025 }))
    const error = await refused(main.api.library.create({ unit: UNIT, year: 2025 }))
    expect(error).toEqual({ code: 'REJECTED', message: expect.stringContaining(`已有「${UNIT}」2025 年度报告`) })
  })

  it('says a missing report is missing, without a path', async () => {
    const error = await refused(main.api.library.open({ unit: UNIT, year: 2020 }))
    expect(error).toEqual({ code: 'REJECTED', message: `资料库中没有「${UNIT}」2020 年度报告` })
  })

  it('nextYear: carries 结转 into 上年结转 and saves the draft as year + 1', async () => {
    const last = consistentReport({ unit: UNIT, year: 2024 })
    await ok(main.api.library.save({ report: last }))
    const draft = await ok(main.api.library.nextYear({ unit: UNIT, year: 2024 }))
    expect(draft.year).toBe(2025)
    for (const column of ['natural', 'business', 'total']) {
      expect(draft.values[cellId('t3', 'carried', column)]).toBe(last.values[cellId('t3', 'carryOver', column)])
    }
    // Everything else starts blank, not 0.
    expect(draft.values['t3.new.total']).toBeUndefined()
    expect(await ok(main.api.library.open({ unit: UNIT, year: 2025 }))).toEqual(draft)
    // A second draft over the officer's work is refused.
    expect(await refused(main.api.library.nextYear({ unit: UNIT, year: 2024 }))).toMatchObject({ code: 'REJECTED' })
  })

  it('a new report and a next-year draft take their print options from 设置; last year’s are not carried', async () => {
    const national = { blankCells: 'zero', signature: true, level3Bold: false, dateStyle: 'arabic', signatureAlign: 'gbt9704' }
    expect((await ok(main.api.library.create({ unit: UNIT, year: 2023 }))).settings).toEqual(national)
    const settings = defaultSettings()
    settings.region = {
      ...settings.region,
      name: '某某县 2025 年要求',
      blankCells: 'blank',
      headings: { level3Bold: true },
      signature: { include: true, dateStyle: 'chinese', align: 'right' }
    }
    await main.settings.save(settings)
    const county = { blankCells: 'blank', signature: true, level3Bold: true, dateStyle: 'chinese', signatureAlign: 'right' }
    const created = await ok(main.api.library.create({ unit: UNIT, year: 2026 }))
    expect(created.settings).toEqual(county)
    expect((await ok(main.api.library.open({ unit: UNIT, year: 2026 }))).settings).toEqual(county)
    expect((await ok(main.api.report.new({ unit: UNIT, year: 2027 }))).settings).toEqual(county)

    const last = { ...consistentReport({ unit: UNIT, year: 2024 }), settings: { blankCells: 'zero', signature: false } } as const
    await ok(main.api.library.save({ report: last }))
    const draft = await ok(main.api.library.nextYear({ unit: UNIT, year: 2024 }))
    expect(draft.settings).toEqual(county)
  })

  it('duplicate copies to another year and refuses an existing one', async () => {
    await ok(main.api.library.save({ report: consistentReport({ unit: UNIT, year: 2024 }) }))
    const copy = await ok(main.api.library.duplicate({ unit: UNIT, year: 2024, toYear: 2023 }))
    expect(copy.year).toBe(2023)
    expect(copy.values).toEqual(consistentReport().values)
    expect(await refused(main.api.library.duplicate({ unit: UNIT, year: 2024, toYear: 2023 }))).toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('已有')
    })
  })

  it('remove goes to the recycle folder and undoRemove brings it back', async () => {
    await ok(main.api.library.create({ unit: UNIT, year: 2025 }))
    const { removedId } = await ok(main.api.library.remove({ unit: UNIT, year: 2025 }))
    expect(await ok(main.api.library.list())).toEqual([])
    expect(await readdir(join(main.libraryDir, 'recycle'))).toContain(removedId)
    await ok(main.api.library.undoRemove({ removedId }))
    expect((await ok(main.api.library.list()))[0]?.years.map((y) => y.year)).toEqual([2025])
    expect(await refused(main.api.library.undoRemove({ removedId }))).toMatchObject({ code: 'REJECTED' })
  })

  it('history lists backups and restore brings one back', async () => {
    const report = consistentReport({ unit: UNIT, year: 2025 })
    await ok(main.api.library.save({ report }))
    await ok(main.api.library.save({ report: { ...report, values: {} } }))
    const backups = await ok(main.api.library.history({ unit: UNIT, year: 2025 }))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toEqual({ id: expect.stringMatching(/^\d{8}T\d{9}Z/), time: expect.any(String), size: expect.any(Number), damaged: false, reason: 'save' })
    const restored = await ok(main.api.library.restore({ unit: UNIT, year: 2025, backupId: backups[0]!.id }))
    expect(restored.values).toEqual(report.values)
  })

  it('trend: the main figures of every year, oldest first, null where blank', async () => {
    const current = consistentReport({ unit: UNIT, year: 2025 })
    await ok(main.api.library.save({ report: current }))
    await ok(main.api.library.save({ report: previousReport(current) }))
    await ok(main.api.library.create({ unit: UNIT, year: 2026 }))
    await ok(main.api.library.create({ unit: '另一个镇人民政府', year: 2025 }))
    const v = current.values
    const figures = {
      newRequests: v['t3.new.total'],
      published: v['t3.public.total'],
      reviews: v['t4.review.total'],
      lawsuits: v['t4.direct.total']! + v['t4.afterReview.total']!,
      normativeIssued: v['t2.normative.issued']
    }
    for (const figure of Object.values(figures)) expect(typeof figure).toBe('number')
    expect(await ok(main.api.library.trend({ unit: UNIT }))).toEqual([
      { year: 2024, ...figures },
      { year: 2025, ...figures },
      { year: 2026, newRequests: null, published: null, reviews: null, lawsuits: null, normativeIssued: null }
    ])
    expect(await ok(main.api.library.trend({ unit: '没有的单位' }))).toEqual([])
  })

  it('trend: 诉讼 counts whichever of its two rows is filled', async () => {
    const report = { ...consistentReport({ unit: UNIT, year: 2025 }), values: { 't4.afterReview.total': 2 } }
    await ok(main.api.library.save({ report }))
    expect(await ok(main.api.library.trend({ unit: UNIT }))).toEqual([
      { year: 2025, newRequests: null, published: null, reviews: null, lawsuits: 2, normativeIssued: null }
    ])
  })
})
