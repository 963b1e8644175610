/**
 * Zip bomb guard for .docx (a zip package), read once: the central directory is checked before
 * anything is inflated (entry count, total size, ratio), then every entry is inflated once through
 * yauzl, which aborts as soon as an entry inflates past the size its directory claims — so a lying
 * directory cannot slip a bomb through. The parts asked for are kept (word/document.xml); the others
 * are counted and discarded, so memory stays at one chunk for them.
 */
import yauzl from 'yauzl'
import { FileError } from '../files'

export const ZIP_LIMITS = {
  /** A Word report unpacks to a few MB; 200 MB is far past any real one. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Word documents hold tens of parts, a few hundred with many images. */
  maxEntries: 5000,
  /** XML deflates ~10:1, zeros ~1000:1. Above 100:1 on a sizeable entry is not a document. */
  maxRatio: 100,
  /** Small entries compress absurdly well too (an empty part): ratios only count above this size. */
  ratioFloorBytes: 1024 * 1024
}

const BOMB_MESSAGE = '压缩包解压后过大，可能已损坏或是恶意文件'
const CORRUPT_MESSAGE = 'Word 文件（.docx）已损坏或不完整，无法打开；请在 Word/WPS 中打开并另存后再导入'

export interface ZipPackage {
  /** Every entry name, folders included, in directory order. */
  names: string[]
  /** The inflated bytes of the entries asked for that are present. */
  parts: Map<string, Buffer>
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

/** Inflates one entry; returns its bytes when `keep`, else counts and discards them. */
function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new FileError(CORRUPT_MESSAGE))
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', keep ? (chunk: Buffer) => chunks.push(chunk) : () => undefined)
      stream.on('end', () => resolve(keep ? Buffer.concat(chunks) : undefined))
      stream.on('error', (streamError: Error) =>
        // yauzl's size check: the entry inflated past what the directory claimed.
        reject(new FileError(/too many bytes|too few bytes/.test(streamError.message) ? BOMB_MESSAGE : CORRUPT_MESSAGE))
      )
    })
  })
}

/** Checks the package and keeps the parts named in `wanted`. Throws FileError for a bomb or a broken zip. */
export async function readZipPackage(bytes: Uint8Array, wanted: ReadonlySet<string>): Promise<ZipPackage> {
  const zip = await openZip(bytes)
  try {
    const entries = await readEntries(zip)
    const parts = new Map<string, Buffer>()
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const keep = wanted.has(entry.fileName) && !parts.has(entry.fileName)
      const data = await inflateEntry(zip, entry, keep)
      if (data) parts.set(entry.fileName, data)
    }
    return { names: entries.map((e) => e.fileName), parts }
  } finally {
    zip.close()
  }
}
