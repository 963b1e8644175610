/** `report:*` routes: thin calls into core, the same functions the CLI uses. */
import { createReport } from '../../../core/report/report'
import { checkReport } from '../../../core/rules/index'
import { ruleSettings } from '../../../core/settings'
import type { SettingsStore } from '../../services/settings'
import type { Handlers } from '../registry'

/** The checks follow the region's settings (设置), as the editor's and `check --library` do. */
export function createReportHandlers(settings: SettingsStore): Pick<Handlers, 'report:new' | 'report:check'> {
  return {
    'report:new': ({ unit, year }) => createReport({ unit, year }),
    'report:check': async ({ report, previous }) => checkReport(report, previous, ruleSettings((await settings.load()).settings.region))
  }
}
