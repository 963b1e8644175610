/**
 * The CLI's import worker: the same worker, budget and memory ceiling as the app, in a Node child
 * process (worker.ts through tsx), started on the first `import` and kept for the next one in the
 * same process (tests run many commands in one); `index.ts` stops it when the command is done, so
 * the process can exit.
 */
import { nodeSpawner } from '../main/services/import/nodeSpawner'
import { ImportRunner } from '../main/services/import/runner'

let runner: ImportRunner | undefined

export function cliImporter(): ImportRunner {
  runner ??= new ImportRunner({ spawner: nodeSpawner() })
  return runner
}

export async function disposeCliImporter(): Promise<void> {
  const current = runner
  runner = undefined
  await current?.dispose()
}
