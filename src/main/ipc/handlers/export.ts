/**
 * `export:*` routes: the save dialog in main, the .docx built by core (the CLI's exporter) and
 * written atomically, so a cancelled or failed write never leaves half a document where the
 * officer's previous export was. The renderer gets the file's name and a token, not its path.
 */
import { basename, extname } from 'node:path'
import { buildDocx } from '../../../core/export/docx'
import type { Dialogs, Shell } from '../../services/desktop'
import { writeFileAtomic } from '../../services/files'
import type { PathTokens } from '../../services/pathTokens'
import type { Handlers } from '../registry'

export type ExportRoute = Extract<keyof Handlers, `export:${string}`>

export interface ExportDeps {
  dialogs: Dialogs
  shell: Shell
  tokens: PathTokens
}

/** Characters no file name may hold on Windows (the strictest of the three systems). */
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001f]/g

/** The name the save dialog proposes: how reports are titled, e.g. 某某县人民政府2024年政府信息公开工作年度报告.docx. */
export function defaultExportName(unit: string, year: number): string {
  return `${unit}${year}年政府信息公开工作年度报告.docx`.replace(UNSAFE_IN_NAME, '_')
}

export function createExportHandlers({ dialogs, shell, tokens }: ExportDeps): Pick<Handlers, ExportRoute> {
  return {
    'export:docx': async ({ report, options }) => {
      const chosen = await dialogs.chooseExportPath(defaultExportName(report.unit.name, report.year))
      if (chosen === null) return null
      // Linux save dialogs do not add the extension the filter names; Word needs it to open the file.
      const path = extname(chosen).toLowerCase() === '.docx' ? chosen : `${chosen}.docx`
      // Issued before writing, so that a failure's message can be masked by the file's name.
      const token = tokens.issue(path)
      const bytes = await buildDocx(report, options)
      await writeFileAtomic(path, bytes)
      return { fileName: basename(path), token }
    },

    'export:showInFolder': ({ token }) => {
      shell.showItemInFolder(tokens.resolve(token))
      return undefined
    }
  }
}
