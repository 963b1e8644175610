/** `report:*` routes: thin calls into core, the same functions the CLI uses. */
import { startingPrint } from '@core/export/print'
import { createReport } from '@core/report/report'
import { checkReport } from '@core/rules/index'
import { exportSettings, ruleSettings } from '@core/settings'
import type { SettingsStore } from '../../services/settings'
import type { Handlers } from '../registry'

/**
 * The checks follow the region's settings (设置), as the editor's and `check --library` do; a new
 * report takes its print options from them.
 */
export function createReportHandlers(settings: SettingsStore): Pick<Handlers, 'report:new' | 'report:check'> {
  return {
    'report:new': async ({ unit, year }) => ({
      ...createReport({ unit, year }),
      settings: startingPrint(exportSettings((await settings.load()).settings.region))
    }),
    'report:check': async ({ report, previous }) => checkReport(report, previous, ruleSettings((await settings.load()).settings.region))
  }
}
