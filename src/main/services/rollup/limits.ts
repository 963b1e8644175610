/**
 * The roll-up's bounds: how many files, how large a .zip, how deep a folder. A county has up to a
 * few hundred units; each file is then read within the import's own limits (importLimits.ts).
 */
const MB = 1024 * 1024

export const ROLLUP_LIMITS = {
  /** Files in one roll-up (a folder's, a .zip's, or dropped). */
  maxFiles: 5000,
  /** Sub-folders followed below the chosen folder. */
  maxDepth: 8,
  /** One file: the import's own limit. */
  maxFileBytes: 50 * MB,
  /** Entries of one .zip (folders included). */
  maxZipEntries: 10_000,
  /** What one .zip may unpack to, by its directory (checked before anything is written). */
  maxZipBytes: 4096 * MB,
  /** An entry inflating more than this many times its packed size is taken for a zip bomb. */
  maxZipRatio: 200,
  /** …when it unpacks to more than this. */
  zipRatioFloorBytes: 4 * MB,
  /** Dropped files, together (they cross from the window as bytes). */
  maxDroppedBytes: 1024 * MB
} as const

/** What is read as a report: what the import reads, and the app's own .json reports. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.txt',
  '.md',
  '.html',
  '.htm',
  '.mht',
  '.mhtml',
  '.jpg',
  '.jpeg',
  '.png',
  '.tif',
  '.tiff',
  '.json'
])

/** Files systems and office programs leave beside documents: never a report, never listed. */
export function isSystemFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini|__macosx)$/i.test(name)
}
