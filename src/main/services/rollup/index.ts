/** The county roll-up's Node side: collecting files, importing them, the unit list on disk, the workbook. */
export { collectFiles, type CollectedFiles, type RollupFile, type SkippedFile } from './collect'
export { LibraryHistory } from './history'
export { importInProcess, isReportJson, readReportJson, type ImportOne } from './importOne'
export { ROLLUP_LIMITS } from './limits'
export { defaultConcurrency, RollupCancelled, runRollup, summarizeFiles, summarizeImported, type RollupProgress, type SummaryContext } from './run'
export { readUnitListFile, UNITS_FILE, UnitsStore } from './unitsStore'
export { buildWorkbook, readWorksheetRows, workbookBytes, writeWorkbook } from './workbook'
