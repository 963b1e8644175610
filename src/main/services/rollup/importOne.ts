/**
 * Importing one file of a roll-up: the seam between the roll-up and the import. Whatever imports
 * (directly here, or the import worker's pool) answers what the roll-up reads of a report, or
 * throws a FileError whose message is the Chinese reason the file is listed as unreadable.
 * The app's own report files (.json) are read as they are: they need no recognition.
 */
import { basename, extname } from 'node:path'
import { recognizeReport } from '@core/import/recognizeReport'
import { parseReport, ReportError } from '@core/report/report'
import type { ImportedReport } from '@core/rollup/summarize'
import { FileError, readBoundedFile, readReportText } from '../files'
import { MAX_DOCUMENT_BYTES, readDocument } from '../readers/index'
import type { RollupFile } from './collect'

export type ImportOne = (file: RollupFile, signal?: AbortSignal) => Promise<ImportedReport>

/** A report .json as the import would give it: unit and year as saved, nothing missing. */
export async function readReportJson(file: RollupFile): Promise<ImportedReport> {
  try {
    const report = parseReport(await readReportText(file.path))
    return { report, missing: [], unitCheck: { settled: true, candidates: [report.unit.name], evidence: [] } }
  } catch (error) {
    if (error instanceof ReportError) throw new FileError(error.message)
    throw error
  }
}

export function isReportJson(file: RollupFile): boolean {
  return extname(file.file).toLowerCase() === '.json'
}

/** Reads and recognises in this process (tests, and the seam the worker pool replaces). */
export const importInProcess: ImportOne = async (file) => {
  if (isReportJson(file)) return readReportJson(file)
  const bytes = await readBoundedFile(file.path, MAX_DOCUMENT_BYTES)
  // The name as the officer knows it (messages quote it), not where a .zip was unpacked to.
  const read = await readDocument({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name: basename(file.file) })
  const parsed = recognizeReport(read, { source: file.file })
  return { report: parsed.report, missing: parsed.missing, unitCheck: parsed.unitCheck }
}
