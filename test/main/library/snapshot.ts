/** The library folder as content, to compare before and after an operation. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tree } from './faults'

/**
 * Every file under `root` with its content. Locks and temp files a dead process may leave, and
 * folders (empty ones stay behind a move), do not count; `skip` leaves out more (e.g. 'operations/').
 */
export async function snapshot(root: string, skip: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await tree(root)) {
    if (file.startsWith('locks/') || file.endsWith('.tmp') || skip.some((prefix) => file.startsWith(prefix))) continue
    out[file] = await readFile(join(root, file), 'utf8')
  }
  return out
}
