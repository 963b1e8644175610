/**
 * `report:check` over IPC: the same findings as the editor's, following the region's settings in
 * the library folder, with each finding's key and review status, and targets of every kind (the
 * 成文日期 of DEADLINE) passing the contract's output schema.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { markFinding, type ReviewedFinding } from '@core/rules/index'
import { consistentReport, withValues } from '../support/reports'
import { createTestMain, ok, type TestMain } from '../support/testMain'

let main: TestMain
beforeEach(async () => {
  main = await createTestMain()
})
afterEach(async () => {
  await main.dispose()
})

const check = async (report: ReturnType<typeof consistentReport>): Promise<ReviewedFinding[]> =>
  (await ok(main.api.report.check({ report }))) as ReviewedFinding[]

describe('report:check', () => {
  it('follows the settings saved beside the library', async () => {
    const report = consistentReport()
    expect(await check(report)).toEqual([])
    const { settings } = await main.settings.load()
    await main.settings.save({ ...settings, region: { ...settings.region, name: '某某市 2025 年要求', overviewCharLimit: 200 } })
    const [p1] = await check(report)
    expect(p1).toMatchObject({ rule: 'P1', key: 'P1:overview', status: 'open' })
    expect(p1?.message).toContain('超过设置的 200 字上限（地区配置「某某市 2025 年要求」）')
  })

  it('passes a finding about the 成文日期 and a reviewed finding through the contract', async () => {
    const late = { ...withValues(consistentReport(), { 't3.stateSecret.research': undefined }), document: { publishedOn: '2026-02-10' } }
    const findings = await check(late)
    expect(findings.map((f) => f.rule)).toEqual(['BLANK', 'DEADLINE'])
    expect(findings[1]!.target).toEqual({ kind: 'document', field: 'date' })
    const reviewed = markFinding(late, findings[0]!, 'checked', '原文确为空白', '2026-02-10T08:00:00.000Z')
    expect((await check(reviewed))[0]).toMatchObject({ key: 'BLANK:t3', status: 'checked', reason: '原文确为空白' })
  })
})
