/**
 * `export:*` routes: the save dialog in main, the .docx built by core (the CLI's exporter) and
 * written atomically, so a cancelled or failed write never leaves half a document where the
 * officer's previous export was. The renderer gets the file's name and a token, not its path.
 * A report still holding the app's marks is refused before any dialog opens, unless it is a draft.
 * The PDF is the window's print layout (the preview's pages) printed by the injected Printer.
 */
import { basename, extname } from 'node:path'
import { buildDocx } from '@core/export/docx'
import { assertNoMarks } from '@core/export/gate'
import { reportPrint, withGiven } from '@core/export/print'
import { exportSettings } from '@core/settings'
import type { Dialogs, Printer, Shell } from '../../services/desktop'
import { writeFileAtomic } from '../../services/files'
import type { PathTokens } from '../../services/pathTokens'
import type { SettingsStore } from '../../services/settings'
import { UserFacingError, type Handlers } from '../registry'

export type ExportRoute = Extract<keyof Handlers, `export:${string}`>

export interface ExportDeps {
  dialogs: Dialogs
  shell: Shell
  tokens: PathTokens
  /** Absent where there is no window to print (the PDF route then says so). */
  printer?: Printer
  /** 设置, for a print option neither the dialog nor the report gives (core/export/print.ts). */
  settings?: SettingsStore
}

/** Characters no file name may hold on Windows (the strictest of the three systems). */
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001f]/g

/** The name the save dialog proposes: how reports are titled, e.g. 某某县人民政府2024年政府信息公开工作年度报告.docx. */
export function defaultExportName(unit: string, year: number, options: { draft?: boolean; extension?: 'docx' | 'pdf' } = {}): string {
  const draft = options.draft ? '（草稿）' : ''
  return `${unit}${year}年政府信息公开工作年度报告${draft}.${options.extension ?? 'docx'}`.replace(UNSAFE_IN_NAME, '_')
}

/** Linux save dialogs do not add the extension the filter names; Word and PDF readers need it. */
function withExtension(chosen: string, extension: string): string {
  return extname(chosen).toLowerCase() === `.${extension}` ? chosen : `${chosen}.${extension}`
}

export function createExportHandlers({ dialogs, shell, tokens, printer, settings }: ExportDeps): Pick<Handlers, ExportRoute> {
  return {
    'export:docx': async ({ report, options }) => {
      // Refused before the dialog: the officer is not asked for a file that will not be written.
      if (!options.draft) assertNoMarks(report)
      const chosen = await dialogs.chooseExportPath(defaultExportName(report.unit.name, report.year, { draft: options.draft }))
      if (chosen === null) return null
      const path = withExtension(chosen, 'docx')
      // Issued before writing, so that a failure's message can be masked by the file's name.
      const token = tokens.issue(path)
      const profile = settings ? (await settings.load()).settings.region : undefined
      const print = withGiven(reportPrint(report, profile && exportSettings(profile)), options)
      const bytes = await buildDocx(report, { ...print, draft: options.draft, fonts: options.fonts })
      await writeFileAtomic(path, bytes)
      return { fileName: basename(path), token }
    },

    'export:pdf': async ({ unit, year, draft }) => {
      if (!printer) throw new UserFacingError('当前窗口无法打印为 PDF')
      const chosen = await dialogs.chooseExportPath(defaultExportName(unit, year, { draft, extension: 'pdf' }))
      if (chosen === null) return null
      const path = withExtension(chosen, 'pdf')
      const token = tokens.issue(path)
      await writeFileAtomic(path, await printer.printToPdf())
      return { fileName: basename(path), token }
    },

    'export:showInFolder': ({ token }) => {
      shell.showItemInFolder(tokens.resolve(token))
      return undefined
    }
  }
}
