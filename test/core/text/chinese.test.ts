/**
 * core/text/chinese: Chinese numerals both ways, dates both ways, the signing line. The one module
 * every reader and writer of them uses (checks, importer, export, CLI), so its edges are pinned here.
 */
import { describe, expect, it } from 'vitest'
import {
  arabicYears,
  chineseDigits,
  chineseNumber,
  formatDate,
  isSignerLine,
  parseChineseNumber,
  parseCount,
  parseDate,
  WRITTEN_DATE
} from '@core/text/chinese'

describe('numerals', () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['一百零五', 105],
    ['两千零一十', 2010],
    ['三千', 3000]
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value)
  })

  it('refuses what is not a count: digit strings, units out of order, an empty text', () => {
    for (const text of ['二〇二四', '三四', '一百十', '十百', '百', '', '二十x']) expect(parseChineseNumber(text), text).toBeUndefined()
  })

  it('reads counts in Arabic, full-width and Chinese numerals', () => {
    expect([parseCount('12'), parseCount('１２'), parseCount('十二'), parseCount('1二')]).toEqual([12, 12, 12, undefined])
  })

  it('writes 0–99 as dates and ordinals do, and reads back what it writes', () => {
    expect([0, 1, 9, 10, 11, 19, 20, 21, 31, 99].map(chineseNumber)).toEqual(['〇', '一', '九', '十', '十一', '十九', '二十', '二十一', '三十一', '九十九'])
    for (let n = 1; n < 100; n += 1) expect(parseChineseNumber(chineseNumber(n))).toBe(n)
    expect(() => chineseNumber(100)).toThrow(RangeError)
  })

  it('writes and reads years digit by digit', () => {
    expect(chineseDigits(2026)).toBe('二〇二六')
    expect(arabicYears('二〇一六年度报告，二〇二四年1月')).toBe('2016年度报告，2024年1月')
    // Only four digits before 年: not a count, not a date of three digits.
    expect(arabicYears('三四年，一二三年')).toBe('三四年，一二三年')
  })
})

describe('dates', () => {
  it.each([
    ['2024年1月15日', '2024-01-15'],
    ['2024 年 1 月 15 日', '2024-01-15'],
    ['二〇二四年一月十五日', '2024-01-15'],
    ['二〇二五年十二月三十一日', '2025-12-31'],
    ['2024-01-15', '2024-01-15'],
    ['2024.1.5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024年2月29日', '2024-02-29']
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })

  it('refuses what is not a whole date or not a day of the calendar', () => {
    for (const text of ['2023年2月29日', '2024年13月1日', '2024年1月32日', '2024年1月', '截至2024年1月15日', '2024-01-15 发布', '']) {
      expect(parseDate(text), text).toBeUndefined()
    }
  })

  it('gives up at once on a long line, however many numerals it holds (it is called on every line)', () => {
    const started = performance.now()
    for (const text of ['一'.repeat(100_000), `${'十'.repeat(50_000)}月`, `2024年1月${'十'.repeat(50_000)}日`]) expect(parseDate(text)).toBeUndefined()
    // Spaces are not length: a right-aligned date is still one.
    expect(parseDate(`${' '.repeat(60)}2024年1月15日`)).toBe('2024-01-15')
    expect(performance.now() - started).toBeLessThan(50)
  })

  it('writes a date in Arabic numerals without leading zeros, or in Chinese numerals, and reads it back', () => {
    expect(formatDate('2026-01-09')).toBe('2026年1月9日')
    expect(formatDate('2026-01-20', 'chinese')).toBe('二〇二六年一月二十日')
    expect(formatDate('2030-10-10', 'chinese')).toBe('二〇三〇年十月十日')
    for (const iso of ['2026-01-09', '2025-12-31', '2030-10-10', '2026-11-20']) {
      expect(parseDate(formatDate(iso))).toBe(iso)
      expect(parseDate(formatDate(iso, 'chinese'))).toBe(iso)
    }
    expect(() => formatDate('2026/1/9')).toThrow(/YYYY-MM-DD/)
  })

  it('gives a pattern to find a written date inside a line', () => {
    const closing = new RegExp(`(${WRITTEN_DATE})$`)
    expect(closing.exec('特此报告。某某镇人民政府二〇二六年一月二十日')?.[1]).toBe('二〇二六年一月二十日')
    expect(closing.exec('某某镇人民政府 2026 年 1 月 20 日')?.[1]).toBe('2026 年 1 月 20 日')
  })
})

describe('the signing line', () => {
  it('is a body’s name on its own, joint signers too', () => {
    for (const line of ['某某镇人民政府', '某某县交通运输局', '某某街道办事处', '某某经济开发区管委会', '中共某某镇委员会、某某镇人民政府', '某 某 镇']) {
      expect(isSignerLine(line), line).toBe(true)
    }
  })

  it('is not a sentence, a date, or a name too long for one line', () => {
    for (const line of ['本年度共收到申请42件。', '2026年1月20日', '特此报告', '某'.repeat(40) + '人民政府', '']) {
      expect(isSignerLine(line), line).toBe(false)
    }
  })
})
