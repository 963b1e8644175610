/** Small timing helpers for `npm run bench`: medians over repeated runs, after a warm-up. */
import { performance } from 'node:perf_hooks'

export interface Timing {
  name: string
  runs: number
  medianMs: number
  p95Ms: number
  firstMs: number
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

export async function measure(name: string, runs: number, fn: () => unknown): Promise<Timing> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  const firstMs = times[0] ?? Number.NaN
  // The first runs pay for JIT and lazy module work: the median is taken over the warm runs.
  const warm = times.slice(Math.min(5, Math.floor(runs / 10))).sort((a, b) => a - b)
  return { name, runs, medianMs: quantile(warm, 0.5), p95Ms: quantile(warm, 0.95), firstMs }
}

export function formatTiming(t: Timing, targetMs?: number): string {
  const verdict = targetMs === undefined ? '' : t.medianMs < targetMs ? `  ✓ 目标 < ${targetMs} ms` : `  ✗ 目标 < ${targetMs} ms`
  const ms = (v: number) => (v < 1 ? v.toFixed(3) : v.toFixed(1))
  return `${t.name.padEnd(28)} 中位数 ${ms(t.medianMs)} ms  p95 ${ms(t.p95Ms)} ms  首次 ${ms(t.firstMs)} ms  (${t.runs} 次)${verdict}`
}
