/**
 * The shape of `window.api`, derived from the contract: `'report:check'` becomes
 * `api.report.check(input)`. Also builds that object from any invoke function, so the preload,
 * renderer tests and the browser end-to-end harness all get the same bridge.
 */
import { ROUTE_NAMES, type RouteName, type RouteOutput, type RouteRequest } from './contract'
import { fail, type IpcResult } from './result'

export const BRIDGE_FAILURE = '无法与主程序通信，请重启程序后再试。'

type NamespaceOf<K> = K extends `${infer N}:${string}` ? N : never
type Namespace = NamespaceOf<RouteName>

/** Routes without input take no argument rather than an explicit `undefined`. */
export type RouteCall<K extends RouteName> = [RouteRequest<K>] extends [undefined]
  ? () => Promise<IpcResult<RouteOutput<K>>>
  : (input: RouteRequest<K>) => Promise<IpcResult<RouteOutput<K>>>

export type Api = {
  readonly [N in Namespace]: {
    readonly [K in RouteName as K extends `${N}:${infer M}` ? M : never]: RouteCall<K>
  }
}

/** Sends one request on a channel; `ipcRenderer.invoke` in the preload. */
export type Invoke = (channel: RouteName, input: unknown) => Promise<unknown>

export function splitRoute(name: RouteName): { namespace: string; method: string } {
  const at = name.indexOf(':')
  return { namespace: name.slice(0, at), method: name.slice(at + 1) }
}

export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of ROUTE_NAMES) {
    const { namespace, method } = splitRoute(name)
    const group = (api[namespace] ??= {})
    // One argument at most, so nothing else the page passes ever reaches main. It crosses as a
    // JSON copy: Vue's reactive proxies cannot be structured-cloned, and the browser test harness
    // passes JSON too, so both see the same data.
    group[method] = async (input?: unknown) => {
      try {
        return await invoke(name, input === undefined ? undefined : JSON.parse(JSON.stringify(input)))
      } catch {
        // Main answers every request with an envelope; only a broken channel gets here.
        return fail('INTERNAL', BRIDGE_FAILURE)
      }
    }
  }
  // Same keys as the mapped type: built from the same route list.
  return api as unknown as Api
}
