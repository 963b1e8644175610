/**
 * Errors of the library, readers and file writers are already worded in Chinese, but they name
 * files by their full path — which the renderer must never receive. Here they become
 * UserFacingErrors (which the registry passes on) with every path the main process knows of
 * replaced: the library folder by “资料库”, a file the officer chose by its bare name and its
 * folder by “所选文件夹”.
 */
import { basename, dirname } from 'node:path'
import { ReportError } from '@core/report/report'
import { FileError } from '../../services/fileErrors'
import type { PathTokens } from '../../services/pathTokens'
import { UserFacingError, type Handlers } from '../registry'

export type PathMask = (text: string) => string

export const LIBRARY_NAME = '资料库'
/** The folder of a file chosen in a dialog (“保存位置不存在：所选文件夹”). */
export const CHOSEN_FOLDER = '所选文件夹'

export function createPathMask(libraryRoot: string, tokens: PathTokens): PathMask {
  return (text) => {
    const replacements: [string, string][] = [
      ...tokens.knownPaths().flatMap((path): [string, string][] => {
        const folder = dirname(path)
        // A file at a drive's root: masking “/” or “C:\” would garble every message.
        const isRoot = dirname(folder) === folder
        return isRoot ? [[path, basename(path)]] : [[path, basename(path)], [folder, CHOSEN_FOLDER]]
      }),
      [libraryRoot, LIBRARY_NAME]
    ]
    // Longest first: a chosen file's full path before its folder, and before the library folder.
    replacements.sort(([a], [b]) => b.length - a.length)
    return replacements.reduce((out, [path, shown]) => (path ? out.split(path).join(shown) : out), text)
  }
}

/** Errors whose message was written for the officer; anything else stays a generic internal error. */
const OFFICER_ERRORS = [FileError, ReportError, UserFacingError] as const

/** Wraps each handler so that officer-facing errors reach the renderer masked, and others untouched. */
export function withOfficerErrors<T extends Partial<Handlers>>(handlers: T, mask: PathMask): T {
  const wrapped = Object.entries(handlers).map(([route, handler]) => [
    route,
    async (input: never) => {
      try {
        return await (handler as (input: never) => unknown)(input)
      } catch (error) {
        if (OFFICER_ERRORS.some((kind) => error instanceof kind)) throw new UserFacingError(mask((error as Error).message))
        throw error
      }
    }
  ])
  return Object.fromEntries(wrapped) as T
}
