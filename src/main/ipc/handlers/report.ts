/** `report:*` routes: thin calls into core, the same functions the CLI uses. */
import { createReport } from '../../../core/report/report'
import { checkReport } from '../../../core/rules/index'
import type { Handlers } from '../registry'

export const reportHandlers: Pick<Handlers, 'report:new' | 'report:check'> = {
  'report:new': ({ unit, year }) => createReport({ unit, year }),
  'report:check': ({ report, previous }) => checkReport(report, previous)
}
