import { CliError } from './io'

export function parseYear(value: string): number {
  const year = Number(value)
  if (!/^\d{4}$/.test(value.trim()) || year < 2008 || year > 2100) {
    throw new CliError(`无效的年份“${value}”，应为四位数字，如 2025`)
  }
  return year
}
