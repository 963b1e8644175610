/**
 * The path aliases (`@core/…`, `@shared/…`, `@renderer/…`) as vite and vitest want them, read from
 * tsconfig.base.json's `compilerOptions.paths`: the one place they are written (tsc and tsx read
 * that file themselves), so adding an alias is one change.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TSCONFIG = resolve(ROOT, 'tsconfig.base.json')

/** `{ '@core': '/…/src/core', … }`: each `"@x/*": ["./dir/*"]` as a prefix alias to an absolute folder. */
export function tsconfigAliases(): Record<string, string> {
  const { config, error } = ts.readConfigFile(TSCONFIG, ts.sys.readFile)
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  const paths: Record<string, string[]> = config.compilerOptions?.paths ?? {}
  return Object.fromEntries(
    Object.entries(paths).map(([key, [target]]) => {
      if (!key.endsWith('/*') || !target?.endsWith('/*')) throw new Error(`${TSCONFIG}: 只支持 "@x/*": ["./dir/*"] 形式的路径别名（${key}）`)
      return [key.slice(0, -2), resolve(ROOT, target.slice(0, -2))]
    })
  )
}
