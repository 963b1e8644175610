/**
 * Bounded work on hostile or huge inputs: the readers' own loops must stay near-linear, so a
 * crafted file cannot hang the app.
 */
import { describe, expect, it } from 'vitest'
import { htmlToBlocks } from '../../../src/main/services/readers/htmlBlocks'
import { layoutPages, type PositionedText } from '../../../src/main/services/readers/pdfLayout'
import { readPastedText } from '../../../src/main/services/readers'
import { TEXT_LIMITS, TEXT_LIMIT_WARNINGS } from '@core/import/limits'

function timed<T>(f: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = f()
  return { value, ms: performance.now() - started }
}

describe('bounds', () => {
  it('lays out a page of 20,000 scattered numbers and words quickly', () => {
    let seed = 1
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    const items: PositionedText[] = Array.from({ length: 20_000 }, (_, i) => ({
      text: i % 3 ? String(Math.floor(random() * 100)) : '文字',
      x: random() * 500,
      y: random() * 800,
      width: 10,
      height: 10
    }))
    const { value, ms } = timed(() => layoutPages([{ number: 1, width: 595, height: 842, items }]))
    expect(value.length).toBeGreaterThan(0)
    expect(ms).toBeLessThan(5000)
  })

  it('reads a grid of 200 rows × 8 columns as a table quickly', () => {
    const items: PositionedText[] = []
    for (let r = 0; r < 200; r += 1) {
      items.push({ text: `第${r}行`, x: 80, y: 800 - r * 2.6, width: 40, height: 2 })
      for (let c = 0; c < 7; c += 1) items.push({ text: String(r + c), x: 200 + c * 40, y: 800 - r * 2.6, width: 6, height: 2 })
    }
    const { value, ms } = timed(() => layoutPages([{ number: 1, width: 595, height: 842, items }]))
    expect(value.filter((b) => b.kind === 'table')).toHaveLength(1)
    expect(ms).toBeLessThan(3000)
  })

  it('walks HTML nested 20,000 deep without overflowing the stack', () => {
    const html = `<html><body><p>${'政府信息公开'.repeat(30)}</p>${'<div>'.repeat(20_000)}深处${'</div>'.repeat(20_000)}</body></html>`
    const { value, ms } = timed(() => htmlToBlocks(html, { dropChrome: true }))
    expect(value.blocks[0]).toEqual({ kind: 'paragraph', text: '政府信息公开'.repeat(30) })
    expect(ms).toBeLessThan(5000)
  })

  it('reads 100,000 pasted lines linearly, keeping the first 20,000 blocks and saying so', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `行${i}\t${i}` : `段落${i}`)).join('\n')
    const { value, ms } = timed(() => readPastedText(text))
    expect(value.blocks).toHaveLength(TEXT_LIMITS.maxBlocks)
    expect(value.blocks.at(-1)).toEqual({ kind: 'table', rows: [[{ text: '行19999', rowSpan: 1, colSpan: 1 }, { text: '19999', rowSpan: 1, colSpan: 1 }]] })
    expect(value.warnings).toEqual([TEXT_LIMIT_WARNINGS.blocks])
    expect(ms).toBeLessThan(3000)
  })
})
