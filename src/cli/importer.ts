/**
 * The CLI's import worker: the same worker, budget and memory ceiling as the app, started on the
 * first `import` and kept for the next one in the same process (tests run many commands in one);
 * `index.ts` stops it when the command is done, so the process can exit.
 */
import { ImportRunner } from '../main/services/import/runner'
import { SOURCE_WORKER_ENTRY } from '../main/services/import/sourceEntry'

let runner: ImportRunner | undefined

export function cliImporter(): ImportRunner {
  runner ??= new ImportRunner({ entry: SOURCE_WORKER_ENTRY })
  return runner
}

export async function disposeCliImporter(): Promise<void> {
  const current = runner
  runner = undefined
  await current?.dispose()
}
