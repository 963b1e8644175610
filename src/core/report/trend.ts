/**
 * The main figures of one report, for the year-over-year chart: which cells make each figure is
 * data, read by one function. Pure; main computes these for every year of a unit in the library.
 */
import type { CellId } from './cells'
import type { Report } from './report'

export interface TrendFigures {
  /** 表三 一、本年新收政府信息公开申请数量 总计. */
  newRequests: number | null
  /** 表三 三、（一）予以公开 总计. */
  published: number | null
  /** 表四 行政复议 总计. */
  reviews: number | null
  /** 表四 行政诉讼: 未经复议直接起诉 总计 + 复议后起诉 总计. */
  lawsuits: number | null
  /** 表二 行政规范性文件 本年制发件数. */
  normativeIssued: number | null
}

/** Each figure is the sum of these cells. */
export const TREND_CELLS: Readonly<Record<keyof TrendFigures, readonly CellId[]>> = {
  newRequests: ['t3.new.total'],
  published: ['t3.public.total'],
  reviews: ['t4.review.total'],
  lawsuits: ['t4.direct.total', 't4.afterReview.total'],
  normativeIssued: ['t2.normative.issued']
}

/** A figure is null only when all its cells are blank: a chart gap, not a false 0. */
export function trendFigures(report: Report): TrendFigures {
  const sum = (cells: readonly CellId[]): number | null => {
    const filled = cells.map((id) => report.values[id]).filter((v): v is number => v !== undefined)
    return filled.length ? filled.reduce((a, b) => a + b, 0) : null
  }
  return Object.fromEntries(Object.entries(TREND_CELLS).map(([key, cells]) => [key, sum(cells)])) as unknown as TrendFigures
}
