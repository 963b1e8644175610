/**
 * A separate process for the kill -9 test: renames a unit in the library at argv[2], stopping dead
 * (forever) before its n-th file operation (argv[3]; -1: never) after printing PAUSED, so that the
 * test can SIGKILL it exactly there. Prints DONE <operations> when it was not stopped.
 */
import { nodeFs, ReportLibrary, type LibraryFs } from '../../../../src/main/services/library'

const [root = '', pauseText = '-1', from = '', to = ''] = process.argv.slice(2)
const pauseAt = Number(pauseText)
let calls = 0

async function gate(): Promise<void> {
  if (calls++ !== pauseAt) return
  process.stdout.write('PAUSED\n')
  await new Promise(() => undefined)
}

const fs: LibraryFs = {
  readFile: async (path) => (await gate(), nodeFs.readFile(path)),
  stat: async (path) => (await gate(), nodeFs.stat(path)),
  readdir: async (path) => (await gate(), nodeFs.readdir(path)),
  mkdir: async (path) => (await gate(), nodeFs.mkdir(path)),
  open: async (path, flags) => {
    await gate()
    const handle = await nodeFs.open(path, flags)
    return {
      writeFile: async (data) => (await gate(), handle.writeFile(data)),
      sync: async () => (await gate(), handle.sync()),
      close: () => handle.close()
    }
  },
  rename: async (a, b) => (await gate(), nodeFs.rename(a, b)),
  rm: async (path, options) => (await gate(), nodeFs.rm(path, options)),
  syncDir: async (path) => (await gate(), nodeFs.syncDir(path)),
  // The lock's heartbeat runs on a timer: not counted, so the pause lands on the same operation every run.
  touch: (path) => nodeFs.touch(path)
}

await new ReportLibrary(root, { fs }).renameUnit(from, to)
process.stdout.write(`DONE ${calls}\n`)
