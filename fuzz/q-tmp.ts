import { readFileSync } from 'node:fs'
import { readDocument } from '../src/main/services/readers/index'
import { recognizeReport } from '../src/core/import/recognizeReport'
import { normalizeBlocks } from '../src/core/import/normalize/index'
const path = process.argv[2]!
let t = performance.now()
const r = await readDocument({ bytes: readFileSync(path), name: path })
console.log('read', (performance.now() - t).toFixed(0), r.blocks.length, r.warnings, r.encoding)
t = performance.now()
normalizeBlocks(r.blocks)
console.log('normalize', (performance.now() - t).toFixed(0))
t = performance.now()
recognizeReport(r)
console.log('recognize', (performance.now() - t).toFixed(0))
