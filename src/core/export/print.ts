/**
 * What a report is printed with (blank cells, 三级标题, 落款), and which source decides each option.
 *
 * The rule: a report's print options are its own. A new report and a next-year draft take them from
 * 设置 (the region profile) when they are created; the export dialog then shows the report's options,
 * and what the officer exports with is kept in the report. So a county's profile imported later does
 * not silently change a report already exported; the dialog says where the two differ and sets the
 * profile's options with one click. Reports saved before an option existed have no value for it:
 * 设置 decides, and the national default where there are no settings (the CLI without --settings).
 */
import type { Report } from '../report/report'
import type { ExportSettings } from '../settings'

export type PrintSettings = Report['settings']
/** Every print option, resolved. */
export type PrintOptions = Required<PrintSettings>
export type DateStyle = PrintOptions['dateStyle']
export type SignatureAlign = PrintOptions['signatureAlign']

/** GB/T 9704-2012 and the usual practice: blanks as 0, plain 三级标题, the standard's 落款. */
export const NATIONAL_PRINT: Readonly<PrintOptions> = {
  blankCells: 'zero',
  signature: true,
  level3Bold: false,
  dateStyle: 'arabic',
  signatureAlign: 'gbt9704'
}

const PRINT_KEYS = Object.keys(NATIONAL_PRINT) as (keyof PrintOptions)[]

/** The print options a region profile gives. */
export function profilePrint(settings: ExportSettings): PrintOptions {
  return {
    blankCells: settings.blankCells,
    signature: settings.signature.include,
    level3Bold: settings.level3Bold,
    dateStyle: settings.signature.dateStyle,
    signatureAlign: settings.signature.align
  }
}

/** What a new report or a next-year draft starts with: every option from 设置 (national without). */
export function startingPrint(settings: ExportSettings | undefined): PrintOptions {
  return settings ? profilePrint(settings) : { ...NATIONAL_PRINT }
}

/** The report's own options, and 设置's (else the national defaults) for any it does not have. */
export function reportPrint(report: Pick<Report, 'settings'>, settings?: ExportSettings): PrintOptions {
  const fallback = startingPrint(settings)
  const own = report.settings
  return {
    blankCells: own.blankCells,
    signature: own.signature,
    level3Bold: own.level3Bold ?? fallback.level3Bold,
    dateStyle: own.dateStyle ?? fallback.dateStyle,
    signatureAlign: own.signatureAlign ?? fallback.signatureAlign
  }
}

/** Options given for one export (undefined: not given) over a base. */
export function withGiven(base: PrintOptions, given: Partial<PrintOptions>): PrintOptions {
  const out = { ...base }
  for (const key of PRINT_KEYS) {
    const value = given[key]
    if (value !== undefined) (out as Record<keyof PrintOptions, unknown>)[key] = value
  }
  return out
}

/** How each option is named to the officer (the export dialog, the CLI). */
export const PRINT_OPTION_LABELS: Readonly<Record<keyof PrintOptions, string>> = {
  blankCells: '空白单元格',
  signature: '落款',
  level3Bold: '三级标题加粗',
  dateStyle: '落款日期写法',
  signatureAlign: '落款位置'
}

/**
 * The options where `a` and `b` differ, in the dialog's order. The 落款's date and place do not
 * count while both leave the 落款 out.
 */
export function differingOptions(a: PrintOptions, b: PrintOptions): (keyof PrintOptions)[] {
  const noSignature = !a.signature && !b.signature
  return PRINT_KEYS.filter((key) => a[key] !== b[key] && !(noSignature && (key === 'dateStyle' || key === 'signatureAlign')))
}
