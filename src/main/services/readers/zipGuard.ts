/**
 * Zip bomb guard for .docx (a zip package): the central directory is read and checked before
 * anything is inflated, then every entry is inflated once through yauzl, which aborts as soon as
 * an entry inflates past the size its directory claims — so a lying directory cannot slip a bomb
 * through to mammoth. Data is counted and discarded: memory stays at one chunk.
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

function drainEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new FileError(CORRUPT_MESSAGE))
        return
      }
      stream.on('data', () => undefined)
      stream.on('end', () => resolve())
      stream.on('error', (streamError: Error) =>
        // yauzl's size check: the entry inflated past what the directory claimed.
        reject(new FileError(/too many bytes|too few bytes/.test(streamError.message) ? BOMB_MESSAGE : CORRUPT_MESSAGE))
      )
    })
  })
}

/** Checks the package; returns the entry names. Throws FileError for a bomb or a broken zip. */
export async function checkZip(bytes: Uint8Array): Promise<string[]> {
  const zip = await openZip(bytes)
  try {
    const entries = await readEntries(zip)
    for (const entry of entries) {
      if (!entry.fileName.endsWith('/')) await drainEntry(zip, entry)
    }
    return entries.map((e) => e.fileName)
  } finally {
    zip.close()
  }
}
