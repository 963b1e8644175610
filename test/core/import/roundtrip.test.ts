/**
 * The project's own export, read back: export → import must give back every value and every
 * section's text, through the real reader and the whole recognition pipeline.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import { recognizeReport } from '@core/import/recognizeReport'
import { CELLS } from '@core/report/cells'
import { paragraphs, SECTION_IDS } from '@core/report/sections'
import { readDocument } from '../../../src/main/services/readers/index'
import { fullReport as distinctReport } from '../export-fixture'
import { consistentReport } from '../../support/reports'

async function roundTrip(report: ReturnType<typeof consistentReport>) {
  const bytes = await buildDocx(report)
  return recognizeReport(await readDocument({ bytes, name: 'report.docx' }), { source: 'report.docx' })
}

describe('export → import round trip', () => {
  it('gives back unit, year, generation and every one of the 200 values', async () => {
    const report = consistentReport()
    const parsed = await roundTrip(report)
    expect(parsed.generation).toBe('2021')
    expect(parsed.report.unit.name).toBe(report.unit.name)
    expect(parsed.report.year).toBe(report.year)
    expect(parsed.missing).toEqual([])
    for (const cell of CELLS) expect(parsed.report.values[cell.id], cell.id).toBe(report.values[cell.id])
  })

  it('puts each value in its own cell (a distinct value per cell)', async () => {
    const report = distinctReport()
    const parsed = await roundTrip(report)
    for (const cell of CELLS) expect(parsed.report.values[cell.id], cell.id).toBe(report.values[cell.id])
  })

  it('gives back the paragraphs of all six sections', async () => {
    const report = consistentReport()
    const parsed = await roundTrip(report)
    for (const id of SECTION_IDS) {
      expect(paragraphs(parsed.report.sections[id]), id).toEqual(paragraphs(report.sections[id]))
    }
  })

  it('keeps blank cells blank when exported blank', async () => {
    const report = consistentReport()
    delete report.values['t4.review.pending']
    report.settings.blankCells = 'blank'
    const parsed = await roundTrip(report)
    expect(parsed.report.values['t4.review.pending']).toBeUndefined()
    expect(parsed.report.values['t4.review.total']).toBe(report.values['t4.review.total'])
  })
})

describe('the same report in every file kind', () => {
  const expected = consistentReport()
  it.each(['report.docx', 'report.doc', 'report.pdf', 'report.html', 'report.mhtml'])('%s gives back all 200 values', async (name) => {
    const bytes = await readFile(new URL(`../../fixtures/same-report/${name}`, import.meta.url))
    const parsed = recognizeReport(await readDocument({ bytes, name }))
    expect(parsed.generation).toBe('2021')
    expect(parsed.report.year).toBe(expected.year)
    const wrong = CELLS.filter((c) => parsed.report.values[c.id] !== expected.values[c.id]).map((c) => c.id)
    expect(wrong).toEqual([])
  })
})
