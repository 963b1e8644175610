/**
 * Which URLs count as the app's own page: the dev server's origin during `electron-vite dev`,
 * otherwise the built index.html on disk. Used to refuse navigation away from the app and IPC
 * from any other frame. Pure, so it is tested without electron.
 */
import { pathToFileURL } from 'node:url'

export interface UrlPolicy {
  isAppUrl(url: string): boolean
}

export function createUrlPolicy(options: { devUrl?: string; rendererIndex: string }): UrlPolicy {
  const devOrigin = options.devUrl ? new URL(options.devUrl).origin : undefined
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
