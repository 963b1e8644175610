/** `app:*` routes. The facts come from the caller, so this module needs no electron. */
import type { AppInfo } from '@shared/ipc/contract'
import type { Handlers } from '../registry'

export function createAppHandlers(info: AppInfo): Pick<Handlers, 'app:getInfo'> {
  const frozen = Object.freeze({ ...info })
  return {
    'app:getInfo': () => ({ ...frozen })
  }
}
