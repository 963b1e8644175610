/**
 * Last year's report of a unit, from the library: the cross-year checks (上年结转, 现行有效件数,
 * 与上年雷同) and the roll-up's outlier check compare with it. The library's units are named as
 * their reports were (某某县城关镇人民政府), the list's as the county writes them (城关镇): they are
 * matched by the same rules as reports, but never by a near spelling — comparing a unit with another
 * unit's year would be worse than no comparison.
 */
import type { Report } from '@core/report/report'
import { UnitMatcher } from '@core/rollup/match'
import { FileError } from '../files'
import type { LibraryUnit, ReportLibrary } from '../library/index'

export class LibraryHistory {
  private units: Promise<LibraryUnit[]> | undefined
  private matcher: UnitMatcher | undefined

  constructor(private readonly library: ReportLibrary | undefined) {}

  /** Last year's report of the unit the names stand for (the list's unit and aliases first), when the library has it. */
  async previous(names: readonly string[], year: number): Promise<Report | undefined> {
    if (!this.library || names.length === 0) return undefined
    this.units ??= this.library.list().catch(() => [])
    const units = await this.units
    this.matcher ??= new UnitMatcher(units.map((u) => ({ name: u.name })))
    const unit = this.matcher.match(names, { fuzzy: false }).match?.unit
    const found = units.find((u) => u.name === unit)
    if (!found?.years.some((y) => y.year === year - 1 && y.status === 'ok')) return undefined
    // Not kept: a roll-up of hundreds of units holds their figures, not their documents.
    try {
      return (await this.library.open(found.name, year - 1)).report
    } catch (error) {
      // A damaged or locked file is the library's to report; the roll-up goes on without it.
      if (error instanceof FileError) return undefined
      throw error
    }
  }
}
