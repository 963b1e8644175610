/**
 * `window.api` in a plain browser page, answered by the real main-process registry in the test
 * process: one Playwright binding (`__invoke`) carries every call, and an init script builds the
 * api object from the contract's route list — the same shape, the same one-argument JSON-copy
 * rule and the same broken-channel envelope as the preload's `buildApi`.
 */
import type { BrowserContext } from 'playwright-core'
import { BRIDGE_FAILURE } from '@shared/ipc/api'
import { ROUTE_NAMES } from '@shared/ipc/contract'
import type { Registry } from '../../../src/main/ipc/registry'

export const BINDING = '__invoke'

export interface IpcCall {
  route: string
  ok: boolean
  /** The Chinese message of a refused call. */
  message?: string
}

/**
 * The init script, as plain JS: it runs in the page before any of the app's scripts, where no
 * module of ours can be imported, so the route list and messages are written into it as literals.
 */
export function bridgeScript(routes: readonly string[] = ROUTE_NAMES): string {
  return `(() => {
  const routes = ${JSON.stringify(routes)};
  const failure = ${JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: BRIDGE_FAILURE } })};
  const invoke = window[${JSON.stringify(BINDING)}];
  const api = {};
  for (const name of routes) {
    const at = name.indexOf(':');
    const group = (api[name.slice(0, at)] ??= {});
    group[name.slice(at + 1)] = async (input) => {
      try {
        const answer = await invoke(name, input === undefined ? undefined : JSON.stringify(input));
        return JSON.parse(answer);
      } catch {
        return failure;
      }
    };
  }
  for (const group of Object.values(api)) Object.freeze(group);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
  // Import progress, as the preload's window.importEvents gives it; the harness emits through ${PROGRESS}.
  const listeners = new Set();
  const importEvents = { onProgress: (listener) => (listeners.add(listener), () => void listeners.delete(listener)) };
  Object.defineProperty(window, 'importEvents', { value: Object.freeze(importEvents), enumerable: true });
  Object.defineProperty(window, ${JSON.stringify(PROGRESS)}, { value: (progress) => listeners.forEach((l) => l(progress)) });
})();`
}

/** The page function the harness calls with each import progress report. */
export const PROGRESS = '__importProgress'

/** Bridges every page of the context to `registry`; calls are logged into `calls`. */
export async function bridgeApi(context: BrowserContext, registry: Registry, calls: IpcCall[]): Promise<void> {
  await context.exposeBinding(BINDING, async (_source, route: string, payload: string | undefined) => {
    const answer = await registry.dispatch(route, payload === undefined ? undefined : JSON.parse(payload))
    calls.push(answer.ok ? { route, ok: true } : { route, ok: false, message: answer.error.message })
    return JSON.stringify(answer)
  })
  await context.addInitScript({ content: bridgeScript() })
}
