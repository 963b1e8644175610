/**
 * The corpus: reports made by producers other than our own export — real reports (a site
 * archive's page dump, township reports copied from the web), dumps of HTML pages as archives
 * and reader apps keep them, Markdown transcriptions, a local layout, a PDF from another producer
 * (test/fixtures/corpus/README.md). Each has a truth file; one generic test reads every file
 * through the real pipeline and compares every cell by its label: right, wrong or blank.
 *
 * What must hold everywhere: no wrong value is ever marked certain (read from a labelled cell
 * with full confidence). Each file also keeps at least the cells it gets right today (`expect`),
 * so a regression in any phenomenon fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { needsReview } from '@core/import/certainty'
import { recognizeReport } from '@core/import/recognizeReport'
import type { ImportedValue, ParsedReport } from '@core/import/types'
import { CELLS, describeCell } from '@core/report/cells'
import { readDocument } from '../../../src/main/services/readers/index'

interface Truth {
  file: string
  unit: string
  year: number
  generation: string
  /** The 2021 sections the headed sections map to, in order. */
  sections?: string[]
  /** Every cell by its label (describeCell): the printed value, or null for a cell printed blank. */
  cells?: Record<string, number | null>
  /** Pre-2019 statistics rows by label, each column as printed ('' for an empty cell). */
  legacy?: { label: string; values: Record<string, string> }[]
  /** Cells (and legacy values) this file must get right at least. */
  expect: { right: number }
}

interface Score {
  right: number
  wrong: number
  blank: number
  /** Wrong, and shown as certain: must never happen. */
  wrongCertain: string[]
}

const DIR = new URL('../../fixtures/corpus/', import.meta.url)
const FIXTURES = new URL('../../fixtures/', import.meta.url)
const truths = readdirSync(DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.truth\.json$/, ''), truth: JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Truth }))

const LABEL_TO_CELL = new Map(CELLS.map((c) => [describeCell(c.id), c.id]))

async function importFile(file: string): Promise<ParsedReport> {
  const bytes = new Uint8Array(readFileSync(new URL(file, FIXTURES)))
  return recognizeReport(await readDocument({ bytes, name: file }), { source: file })
}

function score(result: ParsedReport, truth: Truth): Score {
  const out: Score = { right: 0, wrong: 0, blank: 0, wrongCertain: [] }
  const got = new Map<string, ImportedValue>(result.values.map((v) => [v.cell, v]))
  for (const [label, want] of Object.entries(truth.cells ?? {})) {
    const id = LABEL_TO_CELL.get(label)
    expect(id, `unknown label ${label}`).toBeDefined()
    const value = got.get(id!)
    if (value === undefined) {
      if (want === null) out.right += 1
      else out.blank += 1
    } else if (want !== null && Math.abs(value.value - want) < 1e-9) out.right += 1
    else {
      out.wrong += 1
      if (!needsReview(value)) out.wrongCertain.push(`${label}：${value.value}（应为 ${want ?? '空白'}）`)
    }
  }
  for (const row of truth.legacy ?? []) {
    const figure = result.legacy.find((f) => f.label === row.label)
    for (const [key, want] of Object.entries(row.values)) {
      const value = figure?.values[key]
      if (value === undefined || value === '') {
        if (want === '') out.right += 1
        else out.blank += 1
      } else if (value === want) out.right += 1
      else {
        out.wrong += 1
        if (!figure?.derived?.[key]) out.wrongCertain.push(`${row.label}（${key}）：${value}（应为 ${want || '空白'}）`)
      }
    }
  }
  return out
}

const totals: Score & { files: number } = { right: 0, wrong: 0, blank: 0, wrongCertain: [], files: 0 }
const perFile: string[] = []

describe('the corpus of reports other producers made, every cell compared by label', () => {
  for (const { name, truth } of truths) {
    it(`${name}（${truth.file}）`, async () => {
      const result = await importFile(truth.file)
      const s = score(result, truth)
      totals.files += 1
      totals.right += s.right
      totals.wrong += s.wrong
      totals.blank += s.blank
      totals.wrongCertain.push(...s.wrongCertain)
      perFile.push(`${name.padEnd(28)} right ${String(s.right).padStart(3)}  wrong ${s.wrong}  blank ${String(s.blank).padStart(3)}`)
      expect(s.wrongCertain).toEqual([])
      expect(result.report.unit.name).toBe(truth.unit)
      expect(result.report.year).toBe(truth.year)
      expect(result.generation).toBe(truth.generation)
      if (truth.sections) {
        expect(result.sections.filter((x) => x.heading && x.section).map((x) => x.section)).toEqual(truth.sections)
      }
      expect(s.right).toBeGreaterThanOrEqual(truth.expect.right)
    })
  }
  afterAll(() => {
    if (totals.files !== truths.length) return
    console.log(
      [
        ...perFile,
        `corpus: ${totals.files} files — right ${totals.right}, wrong ${totals.wrong}, blank ${totals.blank}, wrong marked certain ${totals.wrongCertain.length}`
      ].join('\n')
    )
  })
})
