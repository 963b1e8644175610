/**
 * Dispatches IPC requests by route name: validates the payload against the route's input schema,
 * calls the handler, checks its answer against the output schema, and always resolves to an
 * envelope. Node-only and free of electron, so it is tested directly; `register.ts` binds it.
 */
import { z } from 'zod'
import { zhCN } from 'zod/locales'
import { ReportError } from '@core/report/report'
import { contract, isRouteName, ROUTE_NAMES, type RouteInput, type RouteName, type RouteOutput } from '@shared/ipc/contract'
import { fail, ok, type IpcResult } from '@shared/ipc/result'

export type Handler<K extends RouteName> = (input: RouteInput<K>) => RouteOutput<K> | Promise<RouteOutput<K>>

/** Exactly one handler per route: a missing, extra or renamed route does not compile. */
export type Handlers = { [K in RouteName]: Handler<K> }

/**
 * Thrown by handlers for a refusal the officer should read (a file that is not a report, a
 * missing folder…). Its message must already be Chinese; every other error is reported generically.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}

export interface Registry {
  readonly routes: readonly RouteName[]
  /** Never rejects: every failure becomes `{ ok: false }`. */
  dispatch(route: string, payload: unknown): Promise<IpcResult<unknown>>
}

export interface RegistryOptions {
  /** Where unexpected errors go (the console in the app, a spy in tests); the renderer never sees them. */
  logError?: (route: string, error: unknown) => void
}

export const MESSAGES = {
  invalidInput: '请求参数无效',
  unknownRoute: '未知的请求',
  internal: '操作未能完成，程序内部出错。请重试；如仍失败，请重启程序。'
} as const

// Chinese issue texts ("无效输入：期望 string…") for the rare schema miss, without touching zod's global config.
const zhError = zhCN().localeError

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return MESSAGES.invalidInput
  const where = first.path.length ? `（${first.path.join('.')}）` : ''
  return `${MESSAGES.invalidInput}：${first.message}${where}`
}

export function createRegistry(handlers: Handlers, options: RegistryOptions = {}): Registry {
  // The types already demand every route; this catches a handlers object assembled with casts.
  const missing = ROUTE_NAMES.filter((name) => typeof handlers[name] !== 'function')
  if (missing.length) throw new Error(`IPC routes without a handler: ${missing.join(', ')}`)
  const logError = options.logError ?? ((route, error) => console.error(`[ipc] ${route} failed`, error))

  async function run<K extends RouteName>(name: K, payload: unknown): Promise<IpcResult<RouteOutput<K>>> {
    const { input: inputSchema, output: outputSchema } = contract[name]
    const input = inputSchema.safeParse(payload, { error: zhError })
    if (!input.success) return fail('INVALID_INPUT', describeIssues(input.error))

    let data: unknown
    try {
      data = await handlers[name](input.data as RouteInput<K>)
    } catch (error) {
      if (error instanceof UserFacingError || error instanceof ReportError) return fail('REJECTED', error.message)
      logError(name, error)
      return fail('INTERNAL', MESSAGES.internal)
    }

    // A handler drifting from the contract is a bug in main: say so here, not in some view later.
    const output = outputSchema.safeParse(data)
    if (!output.success) {
      logError(name, output.error)
      return fail('INTERNAL', MESSAGES.internal)
    }
    return ok(output.data as RouteOutput<K>)
  }

  return {
    routes: ROUTE_NAMES,
    async dispatch(route, payload) {
      if (!isRouteName(route)) return fail('UNKNOWN_ROUTE', MESSAGES.unknownRoute)
      return run(route, payload)
    }
  }
}
