/**
 * The open report as it is now. The editor's copy comes first while it belongs to the current
 * opening: it can be ahead of the last autosave (the preview and the export must show what the
 * officer just typed). Otherwise the library's.
 */
import type { Report } from '@core/report/report'
import { useNavigationStore } from '../stores/navigation'
import { useReportStore } from '../stores/report'
import { useLibraryClient } from './clients'

export function useCurrentReport() {
  const navigation = useNavigationStore()
  const editor = useReportStore()
  const library = useLibraryClient()

  async function current(): Promise<Report | null> {
    const open = navigation.openReport
    if (!open) return null
    const edited = editor.report
    const current = navigation.editorSession === navigation.session
    if (current && edited && edited.unit.name === open.unit && edited.year === open.year) return edited
    return library.open(open.unit, open.year)
  }

  /** Last year's report of the same unit, for the cross-year checks; none is not an error. */
  async function previous(report: Report): Promise<Report | undefined> {
    const edited = editor.previous
    if (edited && edited.unit.name === report.unit.name && edited.year === report.year - 1) return edited
    try {
      return await library.open(report.unit.name, report.year - 1)
    } catch {
      return undefined
    }
  }

  return { current, previous }
}
