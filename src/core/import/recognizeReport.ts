/**
 * Blocks → ParsedReport: normalise the text, recognise the format generation, unit and year, the
 * tables (or a pre-2019 statistics table) and the sections, and assemble last year's Report.
 * Pure: the readers in main/services turn files into Blocks; everything here is data in, data out.
 */
import { SECTION_IDS, type SectionId } from '../report/sections'
import { createReport, type Report } from '../report/report'
import { importedFacts } from '../report/importedFacts'
import { capBlocks, SPLIT_STEP_BUDGET } from './limits'
import { normalizeBlocks } from './normalize/index'
import { unflattenPage } from './recognize/dump/index'
import { readTranscription } from './recognize/transcription'
import { reviewOcr } from './ocr/review'
import { detectGeneration } from './recognize/generation'
import { mapLegacyFigures, readLegacyFigures } from './recognize/legacy'
import { splitSections } from './recognize/sections'
import { findSignature } from './recognize/signature'
import { StepBudget } from './recognize/tables/budget'
import { recognizeTables } from './recognize/tables/index'
import { findUnitAndYear } from './recognize/unitYear'
import type { ImportedValue, Notice, NoticeGroup, ParsedReport, ParsedSection, ReadResult, UnitCheck } from './types'

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
  const normalized = normalizeBlocks(capped.blocks)
  const budget = new StepBudget(SPLIT_STEP_BUDGET)
  // Markdown and OCR transcriptions: pipe tables, heading marks, placeholder headers, look-alikes.
  const transcribed = readTranscription(normalized.blocks)
  // A whole page saved as text: its furniture dropped, its one-line body cut into paragraphs and tables.
  const page = unflattenPage(transcribed.blocks, budget)
  const blocks = page.blocks
  const missing: string[] = []
  const notices: Notice[] = []
  const say = (group: NoticeGroup, texts: readonly string[]) => notices.push(...texts.map((text) => ({ group, text })))
  say('file', [...new Set([...read.warnings, ...capped.warnings])])
  say('text', normalized.repairs)
  say('layout', [...transcribed.notices, ...page.notices])

  const { unit, year, titleBlocks, documentNumber, unitSettled, unitSource, unitCandidates, evidence } = findUnitAndYear(blocks)
  const unitCheck = {
    settled: unitSettled,
    ...(unitSource ? { source: unitSource } : {}),
    candidates: unitCandidates,
    evidence: evidence.filter((e) => e.includes('单位'))
  }
  const signature = findSignature(blocks)
  const generation = detectGeneration(blocks, year).generation
  if (!unit) missing.push('单位名称')
  if (!year) missing.push('报告年度')
  if (unit && !unitSettled) say('unit', [unitNotice(unit, unitCheck)])

  const tables = recognizeTables(blocks, generation, { budget })
  const legacy = generation === 'pre-2019' ? readLegacyFigures(blocks) : { figures: [], consumed: new Set<number>() }
  const readValues: ImportedValue[] = [...tables.values, ...mapLegacyFigures(legacy.figures)]
  // Only report missing tables for the generations that have them.
  if (generation !== 'pre-2019') missing.push(...tables.missing)
  say('tables', tables.warnings)

  // Title, 发文字号 and 落款 are layout: kept out of the narrative, their facts kept in the Report.
  const skip = new Set<number>([...tables.consumed, ...legacy.consumed, ...titleBlocks, ...signature.blocks])
  const sections = splitSections(blocks, { skip })

  const report = assembleReport({ unit, year, sections, values: readValues, source: options.source })
  // Values read by OCR are marked, checked by the tables' arithmetic and the narrative's figures,
  // and flagged for review; the numbers themselves stay as read.
  const ocr = reviewOcr(blocks, readValues, report)
  const values = ocr.values
  report.document = {
    ...(documentNumber ? { number: documentNumber } : {}),
    ...(signature.publishedOn ? { publishedOn: signature.publishedOn } : {})
  }
  // What the checks need to know of the source: its generation, printed wording, unread and doubtful cells.
  report.imported = importedFacts({
    generation,
    title: titleBlocks.map((i) => blocks[i]).map((b) => (b?.kind === 'paragraph' ? b.text : '')).join(''),
    sections,
    missing,
    values,
    warnings: notices.map((n) => n.text)
  })
  return {
    report,
    unitCheck,
    generation,
    sections,
    values,
    legacy: legacy.figures,
    missing,
    warnings: notices.map((n) => n.text),
    notices,
    suggestions: tables.suggestions,
    ...(ocr.review ? { ocr: ocr.review } : {})
  }
}

const UNIT_SOURCES: Record<NonNullable<UnitCheck['source']>, string> = {
  title: '标题',
  signature: '落款',
  self: '正文中的自称',
  frequent: '正文中最常出现的名称'
}

/** Why the unit must be confirmed, in one sentence. */
function unitNotice(unit: string, check: UnitCheck): string {
  const others = check.candidates.filter((c) => c !== unit)
  const from = check.source ? `取自${UNIT_SOURCES[check.source]}` : ''
  return `单位名称“${unit}”未能确定（${from}${others.length ? `；文中还写作${others.map((c) => `“${c}”`).join('、')}` : ''}），请核对后确认`
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

