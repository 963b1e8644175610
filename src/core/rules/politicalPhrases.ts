/**
 * Time-bound political phrases as data: when each 全国代表大会 and each 中央委员会全体会议 was held.
 * A report quotes the guiding thought of its year (“深入学习贯彻党的二十大和二十届二中、三中全会
 * 精神”); text carried over from an older report keeps an older one. The dates are public record;
 * a plenum that only elected the leadership or prepared the next congress is not one whose 精神 is
 * studied, so it makes no phrase stale. Add a line when a new meeting is held.
 */
import { chineseNumber } from '../text/chinese'

export interface PartyMeeting {
  /** 第N届 (the congress, and the central committee it elected). */
  congress: number
  /** N中全会; absent for the congress itself. */
  plenum?: number
  /** Year and month held. */
  held: { year: number; month: number }
  /** Its 精神 is what reports are asked to study (false for the 一中 and the last, preparatory plenum). */
  studied: boolean
}

export const PARTY_MEETINGS: readonly PartyMeeting[] = [
  { congress: 18, held: { year: 2012, month: 11 }, studied: true },
  { congress: 18, plenum: 1, held: { year: 2012, month: 11 }, studied: false },
  { congress: 18, plenum: 2, held: { year: 2013, month: 2 }, studied: true },
  { congress: 18, plenum: 3, held: { year: 2013, month: 11 }, studied: true },
  { congress: 18, plenum: 4, held: { year: 2014, month: 10 }, studied: true },
  { congress: 18, plenum: 5, held: { year: 2015, month: 10 }, studied: true },
  { congress: 18, plenum: 6, held: { year: 2016, month: 10 }, studied: true },
  { congress: 18, plenum: 7, held: { year: 2017, month: 10 }, studied: false },
  { congress: 19, held: { year: 2017, month: 10 }, studied: true },
  { congress: 19, plenum: 1, held: { year: 2017, month: 10 }, studied: false },
  { congress: 19, plenum: 2, held: { year: 2018, month: 1 }, studied: true },
  { congress: 19, plenum: 3, held: { year: 2018, month: 2 }, studied: true },
  { congress: 19, plenum: 4, held: { year: 2019, month: 10 }, studied: true },
  { congress: 19, plenum: 5, held: { year: 2020, month: 10 }, studied: true },
  { congress: 19, plenum: 6, held: { year: 2021, month: 11 }, studied: true },
  { congress: 19, plenum: 7, held: { year: 2022, month: 10 }, studied: false },
  { congress: 20, held: { year: 2022, month: 10 }, studied: true },
  { congress: 20, plenum: 1, held: { year: 2022, month: 10 }, studied: false },
  { congress: 20, plenum: 2, held: { year: 2023, month: 2 }, studied: true },
  { congress: 20, plenum: 3, held: { year: 2024, month: 7 }, studied: true },
  { congress: 20, plenum: 4, held: { year: 2025, month: 10 }, studied: true }
]


export interface Staleness {
  /** Why the phrase no longer fits the report year, in Chinese. */
  because: string
}

/**
 * Whether a phrase quoting the 精神 of congress `congress` (and of the plenums listed, if any) is
 * out of date in a report for `reportYear`: a next congress held before the report year, or a
 * later studied plenum of the same congress held by the end of it. A phrase saying 历次全会 covers
 * every plenum.
 */
export function stalePhrase(congress: number, plenums: readonly number[] | 'all', reportYear: number): Staleness | undefined {
  const next = PARTY_MEETINGS.find((m) => m.congress === congress + 1 && m.plenum === undefined)
  if (next && next.held.year < reportYear) {
    return { because: `党的${chineseNumber(next.congress)}大已于 ${next.held.year} 年 ${next.held.month} 月召开` }
  }
  if (plenums === 'all' || plenums.length === 0) return undefined
  const highest = Math.max(...plenums)
  const later = PARTY_MEETINGS.filter(
    (m) => m.congress === congress && m.plenum !== undefined && m.plenum > highest && m.studied && m.held.year <= reportYear
  ).at(-1)
  if (!later) return undefined
  return { because: `${chineseNumber(congress)}届${chineseNumber(later.plenum!)}中全会已于 ${later.held.year} 年 ${later.held.month} 月召开` }
}
