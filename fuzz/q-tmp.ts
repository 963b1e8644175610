import { readFileSync } from 'node:fs'
import PostalMime from 'postal-mime'
import { readDocument } from '../src/main/services/readers/index'
const html = readFileSync('test/fixtures/same-report/report.html', 'utf8')
const open = html.indexOf('>', html.search(/<body/i)) + 1
const close = html.search(/<\/body>/i)
const page = html.slice(0, open) + html.slice(open, close).repeat(Number(process.argv[2])) + html.slice(close)
const mhtml = Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_Part"\r\n\r\n------=_Part\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${page}\r\n------=_Part--\r\n`)
let t = performance.now()
const m = await PostalMime.parse(mhtml, { attachmentEncoding: 'arraybuffer' })
console.log('postal', (performance.now() - t).toFixed(0), m.html?.length)
t = performance.now()
await readDocument({ bytes: Buffer.from(page), name: 'a.html' })
console.log('html', (performance.now() - t).toFixed(0))
t = performance.now()
await readDocument({ bytes: mhtml, name: 'a.mhtml' })
console.log('mhtml', (performance.now() - t).toFixed(0))
