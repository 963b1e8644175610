/**
 * Reading one report file of the library: bounded, strict UTF-8, JSON, migrated, validated.
 * A file that cannot be read as a report is "damaged" (a ReportError); a file that cannot be read at
 * all (missing, no permission) is a FileError — the file itself may be fine.
 */
import { formatBytes, MAX_REPORT_BYTES, describeFsError, FileError } from '../files'
import { ReportError, SCHEMA_VERSION, serializeReport, toReport, type Migrations, type Report } from '@core/report/report'
import { errorCode, type LibraryFs } from '../fsAdapter'

export type { Migration, Migrations } from '@core/report/report'

export interface ReadReport {
  report: Report
  /** The schema version on disk when it was older than today's. */
  migratedFrom?: number
  size: number
  mtimeMs: number
}

/** Reads a report file; undefined when there is no such file. */
export async function readReportFile(fs: LibraryFs, path: string, migrations: Migrations): Promise<ReadReport | undefined> {
  let bytes: Buffer
  let mtimeMs: number
  try {
    const info = await fs.stat(path)
    if (info.isDirectory()) throw new FileError(`这是一个文件夹，不是文件：${path}`)
    if (info.size > MAX_REPORT_BYTES) {
      throw new ReportError(`文件过大（${formatBytes(info.size)}），不是年报文件`)
    }
    mtimeMs = info.mtimeMs
    bytes = await fs.readFile(path)
  } catch (error) {
    if (error instanceof ReportError) throw error
    if (errorCode(error) === 'ENOENT') return undefined
    throw describeFsError(error, path)
  }
  return { ...parseReportBytes(bytes, migrations), size: bytes.length, mtimeMs }
}

/** Bytes → Report, applying the library's migrations before the core's validation. */
export function parseReportBytes(bytes: Uint8Array, migrations: Migrations): { report: Report; migratedFrom?: number } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ReportError('不是 UTF-8 编码的文本')
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new ReportError('不是有效的 JSON，可能写入时被中断或被其他程序改动')
  }
  const declared = isObject(value) ? value.schemaVersion : undefined
  const report = toReport(value, { migrations })
  const migratedFrom = typeof declared === 'number' && declared < SCHEMA_VERSION ? declared : undefined
  return migratedFrom === undefined ? { report } : { report, migratedFrom }
}


function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The bytes the library stores for a report, after checking they read back as the same report. */
export function encodeReport(report: Report): Buffer {
  const text = serializeReport(report)
  // Never store what we could not open again: validate the very text that is written.
  toReport(JSON.parse(text))
  return Buffer.from(text, 'utf8')
}
