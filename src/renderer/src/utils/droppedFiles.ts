/**
 * Every file of a drop, folders opened (Chromium's entries API): what 汇总 rolls up when the
 * officer drops a folder or many files. What systems leave beside documents is left out.
 */

/** Thumbs.db, desktop.ini, ~$ lock files, hidden files: never a report. */
const SYSTEM_FILE = /^(\.|~\$)|^(thumbs\.db|desktop\.ini)$/i

/** Folders below the dropped one followed, and files taken at most (main bounds them again). */
const MAX_DEPTH = 8
const MAX_FILES = 5000

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

/** A folder's entries: readEntries answers in batches until an empty one. */
async function childrenOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader()
  const out: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return out
    out.push(...batch)
  }
}

async function collect(entry: FileSystemEntry, depth: number, out: File[]): Promise<void> {
  if (out.length >= MAX_FILES || SYSTEM_FILE.test(entry.name)) return
  if (entry.isFile) out.push(await fileOf(entry as FileSystemFileEntry))
  else if (entry.isDirectory && depth < MAX_DEPTH) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await collect(child, depth + 1, out)
  }
}

/**
 * The files of a drop. The entries are taken at once (a DataTransfer is emptied when its event
 * ends); reading folders goes on after.
 */
export function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items)
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null)
  const files = Array.from(transfer.files)
  if (entries.length === 0) return Promise.resolve(files.filter((f) => !SYSTEM_FILE.test(f.name)))
  return (async () => {
    const out: File[] = []
    for (const entry of entries) await collect(entry, 0, out)
    return out
  })()
}
