/**
 * Zip bomb guard for .docx (a zip package), read once: the central directory is checked before
 * anything is inflated (entry count, total size, ratio), then every entry is inflated once through
 * yauzl, which aborts as soon as an entry inflates past the size its directory claims — so a lying
 * directory cannot slip a bomb through. The parts asked for are kept (word/document.xml); the others
 * are counted and discarded, so memory stays at one chunk for them.
 */
import yauzl from 'yauzl'
import { FileError } from '../files'
import { ZIP_LIMITS } from '../importLimits'

export { ZIP_LIMITS } from '../importLimits'

const BOMB_MESSAGE = '压缩包解压后过大，可能已损坏或是恶意文件'
const CORRUPT_MESSAGE = 'Word 文件（.docx）已损坏或不完整，无法打开；请在 Word/WPS 中打开并另存后再导入'

export interface ZipPackage {
  /** Every entry name, folders included, in directory order. */
  names: string[]
  /** The inflated bytes of the entries asked for that are present. */
  parts: Map<string, Buffer>
  /** Parts kept only up to `keepBytes` (the rest was not inflated). */
  truncated: Set<string>
  /** Uncompressed size of all entries, as the directory states it. */
  totalBytes: number
}

export interface ZipReadOptions {
  /** Keep at most this many bytes of each wanted part; the rest is not inflated. */
  keepBytes?: number
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(new FileError(CORRUPT_MESSAGE)) : resolve(zip))
    )
  })
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    let total = 0
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      total += entry.uncompressedSize
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
      if (
        entries.length > ZIP_LIMITS.maxEntries ||
        total > ZIP_LIMITS.maxTotalBytes ||
        (entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
      ) {
        zip.close()
        reject(new FileError(BOMB_MESSAGE))
        return
      }
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', () => reject(new FileError(CORRUPT_MESSAGE)))
    zip.readEntry()
  })
}

interface Inflated {
  data: Buffer
  truncated: boolean
}

/**
 * Inflates one entry; returns its bytes (up to `keepBytes`) when `keep`, else counts and discards
 * them. A kept part past `keepBytes` stops inflating there.
 */
function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean, keepBytes: number): Promise<Inflated | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new FileError(CORRUPT_MESSAGE))
        return
      }
      const chunks: Buffer[] = []
      let kept = 0
      const collect = (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, keepBytes - kept))
        kept += chunk.length
        if (kept >= keepBytes) {
          stream.removeAllListeners('data')
          stream.removeAllListeners('end')
          stream.on('error', () => undefined)
          stream.destroy()
          resolve({ data: Buffer.concat(chunks), truncated: true })
        }
      }
      stream.on('data', keep ? collect : () => undefined)
      stream.on('end', () => resolve(keep ? { data: Buffer.concat(chunks), truncated: false } : undefined))
      stream.on('error', (streamError: Error) =>
        // yauzl's size check: the entry inflated past what the directory claimed.
        reject(new FileError(/too many bytes|too few bytes/.test(streamError.message) ? BOMB_MESSAGE : CORRUPT_MESSAGE))
      )
    })
  })
}

/** Checks the package and keeps the parts named in `wanted`. Throws FileError for a bomb or a broken zip. */
export async function readZipPackage(bytes: Uint8Array, wanted: ReadonlySet<string>, options: ZipReadOptions = {}): Promise<ZipPackage> {
  const zip = await openZip(bytes)
  try {
    const entries = await readEntries(zip)
    const parts = new Map<string, Buffer>()
    const truncated = new Set<string>()
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const keep = wanted.has(entry.fileName) && !parts.has(entry.fileName)
      const inflated = await inflateEntry(zip, entry, keep, options.keepBytes ?? Number.POSITIVE_INFINITY)
      if (!inflated) continue
      parts.set(entry.fileName, inflated.data)
      if (inflated.truncated) truncated.add(entry.fileName)
    }
    const totalBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
    return { names: entries.map((e) => e.fileName), parts, truncated, totalBytes }
  } finally {
    zip.close()
  }
}
