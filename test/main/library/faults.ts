/**
 * A LibraryFs over the real disk that records every call and fails the ones a test chooses:
 * with an errno (full disk, read-only folder) or with a "kill", after which every call fails —
 * as if the process had died there, so that not even clean-up code gets to run.
 */
import { nodeFs, type FileInfo, type LibraryFs, type WritableFile } from '../../../src/main/services/library'

export type Op = 'readFile' | 'stat' | 'readdir' | 'mkdir' | 'open' | 'write' | 'sync' | 'close' | 'rename' | 'rm' | 'syncDir' | 'touch'

export interface Call {
  op: Op
  path: string
}

/** What to do with the n-th call (0-based): nothing, fail with this errno, or die. */
export type Fault = (call: Call, index: number) => string | 'kill' | undefined

export class FaultyFs implements LibraryFs {
  readonly calls: Call[] = []
  killed = false

  constructor(private readonly fault: Fault = () => undefined) {}

  private check(op: Op, path: string): void {
    if (this.killed) throw errno('EKILLED', path)
    const call = { op, path }
    const outcome = this.fault(call, this.calls.length)
    this.calls.push(call)
    if (outcome === 'kill') {
      this.killed = true
      throw errno('EKILLED', path)
    }
    if (outcome) throw errno(outcome, path)
  }

  async readFile(path: string): Promise<Buffer> {
    this.check('readFile', path)
    return nodeFs.readFile(path)
  }
  async stat(path: string): Promise<FileInfo> {
    this.check('stat', path)
    return nodeFs.stat(path)
  }
  async readdir(path: string): Promise<string[]> {
    this.check('readdir', path)
    return nodeFs.readdir(path)
  }
  async mkdir(path: string): Promise<void> {
    this.check('mkdir', path)
    return nodeFs.mkdir(path)
  }
  async open(path: string, flags: 'wx'): Promise<WritableFile> {
    this.check('open', path)
    const handle = await nodeFs.open(path, flags)
    return {
      writeFile: async (data) => {
        this.check('write', path)
        await handle.writeFile(data)
      },
      sync: async () => {
        this.check('sync', path)
        await handle.sync()
      },
      close: async () => {
        // A dead process's handles are closed by the OS: close for real, then report.
        await handle.close()
        this.check('close', path)
      }
    }
  }
  async rename(from: string, to: string): Promise<void> {
    this.check('rename', from)
    return nodeFs.rename(from, to)
  }
  async rm(path: string, options?: { recursive?: boolean }): Promise<void> {
    this.check('rm', path)
    return nodeFs.rm(path, options)
  }
  async syncDir(path: string): Promise<void> {
    this.check('syncDir', path)
    return nodeFs.syncDir(path)
  }
  async touch(path: string): Promise<void> {
    this.check('touch', path)
    return nodeFs.touch(path)
  }
}

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path })
}

/** Every file under `dir`, relative, sorted: to compare what is on disk before and after. */
export async function tree(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises')
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(dir.length + 1)}/${e.name}`.replace(/^\//, ''))
    .sort()
}

/** The file of a backup by its id, whatever reason and state its name records. */
export async function backupFile(root: string, unit: string, year: number, id: string): Promise<string> {
  const { readdir } = await import('node:fs/promises')
  const { join } = await import('node:path')
  const folder = join(root, 'backups', unit, String(year))
  const file = (await readdir(folder)).find((name) => name.startsWith(`${id}.`))
  if (!file) throw new Error(`no backup ${id} in ${folder}`)
  return join(folder, file)
}
