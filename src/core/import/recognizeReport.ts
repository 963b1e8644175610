/**
 * Blocks → ParsedReport: normalise the text, recognise the format generation, unit and year, the
 * tables (or a pre-2019 statistics table) and the sections, and assemble last year's Report.
 * Pure: the readers in main/services turn files into Blocks; everything here is data in, data out.
 */
import { capBlocks } from './limits'
import { SECTION_IDS, type SectionId } from '../report/sections'
import { createReport, type Report } from '../report/report'
import { normalizeBlocks } from './normalize/index'
import { detectGeneration } from './recognize/generation'
import { mapLegacyFigures, readLegacyFigures } from './recognize/legacy'
import { splitSections } from './recognize/sections'
import { findSignature } from './recognize/signature'
import { recognizeTables } from './recognize/tables/index'
import { findUnitAndYear } from './recognize/unitYear'
import type { ImportedValue, ParsedReport, ParsedSection, ReadResult } from './types'

export interface RecognizeOptions {
  /** Shown in provenance and messages, e.g. the file name. */
  source?: string
}

/**
 * Stand-ins when the document names no unit or year: the Report needs both, and `missing` tells the
 * officer to fill them in before accepting (never a silent guess).
 */
const UNKNOWN_UNIT = '（未识别单位）'

export function recognizeReport(read: Pick<ReadResult, 'blocks' | 'warnings'>, options: RecognizeOptions = {}): ParsedReport {
  // The readers already keep within these caps; blocks handed in directly are held to them here.
  const capped = capBlocks(read.blocks)
  const { blocks, repairs } = normalizeBlocks(capped.blocks)
  const missing: string[] = []
  const warnings = [...new Set([...read.warnings, ...capped.warnings]), ...repairs]

  const { unit, year, titleBlocks, documentNumber } = findUnitAndYear(blocks)
  const signature = findSignature(blocks)
  const generation = detectGeneration(blocks, year).generation
  if (!unit) missing.push('单位名称')
  if (!year) missing.push('报告年度')

  const tables = recognizeTables(blocks, generation)
  const legacy = generation === 'pre-2019' ? readLegacyFigures(blocks) : { figures: [], consumed: new Set<number>() }
  const values: ImportedValue[] = [...tables.values, ...mapLegacyFigures(legacy.figures)]
  // Only report missing tables for the generations that have them.
  if (generation !== 'pre-2019') missing.push(...tables.missing)
  warnings.push(...tables.warnings)

  // Title, 发文字号 and 落款 are layout: kept out of the narrative, their facts kept in the Report.
  const skip = new Set<number>([...tables.consumed, ...legacy.consumed, ...titleBlocks, ...signature.blocks])
  const sections = splitSections(blocks, { skip })

  const report = assembleReport({ unit, year, sections, values, source: options.source })
  report.document = {
    ...(documentNumber ? { number: documentNumber } : {}),
    ...(signature.publishedOn ? { publishedOn: signature.publishedOn } : {})
  }
  return { report, generation, sections, values, legacy: legacy.figures, missing, warnings }
}

function assembleReport(input: {
  unit: string | undefined
  year: number | undefined
  sections: readonly ParsedSection[]
  values: readonly ImportedValue[]
  source: string | undefined
}): Report {
  const report = createReport({ unit: input.unit ?? UNKNOWN_UNIT, year: input.year ?? new Date().getFullYear() - 1 })
  report.sections = sectionTexts(input.sections)
  for (const value of input.values) {
    // The first reading of a cell wins: recognisers list exact readings before approximate ones.
    if (!(value.cell in report.values)) report.values[value.cell] = value.value
  }
  report.provenance = { ...report.provenance, source: input.source }
  return report
}

/** Joins the text of every parsed section that maps to the same 2021 section, in document order. */
function sectionTexts(sections: readonly ParsedSection[]): Record<SectionId, string> {
  const texts = Object.fromEntries(SECTION_IDS.map((id) => [id, [] as string[]])) as Record<SectionId, string[]>
  for (const section of sections) {
    const target = section.section ?? 'overview'
    // A heading with no 2021 counterpart keeps its words, so nothing the officer wrote is lost.
    const keepHeading = section.section === undefined && section.heading !== ''
    texts[target].push(keepHeading ? `${section.heading}\n${section.text}` : section.text)
  }
  return Object.fromEntries(SECTION_IDS.map((id) => [id, texts[id].filter((t) => t.trim() !== '').join('\n')])) as Record<
    SectionId,
    string
  >
}

