import { readFileSync } from 'node:fs'
import { readDocument } from '../src/main/services/readers/index'
import { recognizeReport } from '../src/core/import/recognizeReport'
const path = process.argv[2]!
const t = performance.now()
const keep = setInterval(() => {}, 1000)
try {
  const r = await readDocument({ bytes: readFileSync(path), name: path }, { onPage: (p) => p.page % 20 === 0 && console.log('page', p, (performance.now() - t).toFixed(0)) })
  console.log('read', (performance.now() - t).toFixed(0), r.blocks.length, r.warnings)
  const t2 = performance.now()
  recognizeReport(r)
  console.log('recognize', (performance.now() - t2).toFixed(0))
} catch (e) { console.log('err', (performance.now() - t).toFixed(0), (e as Error).message) }
clearInterval(keep)
