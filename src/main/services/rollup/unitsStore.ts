/**
 * The county's unit list on disk: `units.json` in the library folder (beside settings.json), written
 * atomically; and a list read from the .tsv or .xlsx an office keeps (`名称<TAB>层级[<TAB>别名…]`).
 * Reading never half-applies: a list with a problem is refused whole, naming the line.
 */
import { basename, extname, join } from 'node:path'
import { decodeText } from '@core/text/decode'
import { parseUnitsFile, parseUnitsTsv, serializeUnits, UnitListError, unitsFromRows } from '@core/rollup/unitList'
import type { RollupUnit } from '@core/rollup/units'
import { writeAtomic } from '../atomicWrite'
import { describeFsError, FileError, readBoundedFile } from '../files'
import { errorCode, nodeFs, type LibraryFs } from '../fsAdapter'
import { readWorksheetRows } from './workbook'

export const UNITS_FILE = 'units.json'

/** A list of a few hundred units is tens of KB; a spreadsheet with formatting a few hundred. */
const MAX_LIST_BYTES = 10 * 1024 * 1024

/** Unit list problems reach the officer as file problems: one sentence naming the file. */
function officer<T>(name: string | undefined, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof UnitListError) throw new FileError(name ? `${name}：${error.message}` : error.message)
    throw error
  }
}

/** A unit list from a file: .xlsx (first worksheet), .json (as kept in the library), else text (.tsv/.txt/.csv with tabs). */
export async function readUnitListFile(path: string): Promise<RollupUnit[]> {
  const name = basename(path)
  const bytes = await readBoundedFile(path, MAX_LIST_BYTES)
  const extension = extname(path).toLowerCase()
  if (extension === '.xlsx') {
    const rows = await readWorksheetRows(bytes, name)
    return officer(name, () => unitsFromRows(rows))
  }
  if (extension === '.xls') throw new FileError(`${name}：请在 Excel/WPS 中另存为 .xlsx 或“文本文件（制表符分隔）”后再导入`)
  const text = decodeText(bytes).text
  if (extension === '.json') return officer(undefined, () => parseUnitsFile(text, name))
  return officer(name, () => parseUnitsTsv(text))
}

export class UnitsStore {
  readonly path: string

  constructor(
    folder: string,
    private readonly fs: LibraryFs = nodeFs
  ) {
    this.path = join(folder, UNITS_FILE)
  }

  /** The list; empty when none was saved yet. A damaged file is said, never replaced behind the officer's back. */
  async load(): Promise<RollupUnit[]> {
    let bytes: Buffer
    try {
      bytes = await this.fs.readFile(this.path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw describeFsError(error, this.path)
    }
    return officer(undefined, () => parseUnitsFile(bytes.toString('utf8'), `单位名单文件 ${this.path}`))
  }

  /** Checks and writes the whole list; returns it as stored. */
  async save(units: readonly RollupUnit[]): Promise<RollupUnit[]> {
    const text = officer('单位名单', () => serializeUnits(units))
    try {
      await this.fs.mkdir(join(this.path, '..'))
    } catch (error) {
      throw describeFsError(error, this.path)
    }
    await writeAtomic(this.fs, this.path, text)
    return parseUnitsFile(text, this.path)
  }

  /** Replaces the list with one read from a .tsv/.xlsx; nothing changes if the file has a problem. */
  async importFile(path: string): Promise<RollupUnit[]> {
    return this.save(await readUnitListFile(path))
  }
}
