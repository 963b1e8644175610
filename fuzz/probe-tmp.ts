import { readDocument } from '../src/main/services/readers/index'
import { recognizeReport } from '../src/core/import/recognizeReport'
import { normalizeBlocks } from '../src/core/import/normalize/index'
import { HOSTILE } from './hostile'
const input = HOSTILE[process.argv[2]!]!()
let t = performance.now()
const read = await readDocument(input)
console.log('read', (performance.now() - t).toFixed(0), read.blocks.length, read.warnings)
t = performance.now()
const n = normalizeBlocks(read.blocks)
console.log('normalize', (performance.now() - t).toFixed(0), n.repairs.length)
t = performance.now()
recognizeReport(read)
console.log('recognize', (performance.now() - t).toFixed(0))
