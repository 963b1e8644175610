import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { tableRegions } from '../../src/core/import/recognize/dump/tableStream'
it('x', () => {
  const text = readFileSync(process.env.F!, 'utf8')
  for (const r of tableRegions(text)) { console.log(r.start, r.end, '\n' + r.lines.join('\n')) }
})
