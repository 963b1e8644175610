/**
 * Which URLs count as the app's own page: the dev server's origin during `electron-vite dev`,
 * otherwise the built index.html on disk. Used to refuse navigation away from the app and IPC
 * from any other frame. Pure, so it is tested without electron.
 */
import { pathToFileURL } from 'node:url'

export interface UrlPolicy {
  isAppUrl(url: string): boolean
}

/** Host names of this machine: the only place a dev server is trusted. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server URL (ELECTRON_RENDERER_URL under `electron-vite dev`) if it is an http(s) URL on
 * this machine; anything else — another host, another scheme, garbage — is not trusted, and the
 * app loads its built page instead.
 */
export function trustedDevUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    const local = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname)
    return local && !parsed.username && !parsed.password ? url : undefined
  } catch {
    return undefined
  }
}

export function createUrlPolicy(options: { devUrl?: string; rendererIndex: string }): UrlPolicy {
  const devUrl = trustedDevUrl(options.devUrl)
  const devOrigin = devUrl ? new URL(devUrl).origin : undefined
  // The packaged page, compared without query or hash (a hash router would add one).
  const indexUrl = pathToFileURL(options.rendererIndex).href

  return {
    isAppUrl(url) {
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        return false
      }
      if (devOrigin) return parsed.origin === devOrigin
      parsed.hash = ''
      parsed.search = ''
      return parsed.href === indexUrl
    }
  }
}
