/**
 * Makes a whole-page text dump of a saved page, as a site archive or a reader app keeps it: the
 * text content of the page's body with every line break removed (scripts and styles left out),
 * optionally under an archive's metadata header. Used to build the test corpus's dumps from our
 * own HTML and text fixtures:
 *
 *   npx tsx scripts/page-dump.ts page.html [--archive "标题"] > page-dump.txt
 *   npx tsx scripts/page-dump.ts report.txt > report-dump.txt      (text: lines joined)
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { hasChildren, isText, type AnyNode } from 'domhandler'
import { parseDocument } from 'htmlparser2'
import { decodeHtml } from '../src/main/services/readers/html'
import { decodeText } from '@core/text/decode'

const [file, ...rest] = process.argv.slice(2)
if (!file) {
  console.error('用法：npx tsx scripts/page-dump.ts 文件 [--archive 标题]')
  process.exit(1)
}
/** The text of a node and everything under it, in document order. */
const textContent = (node: AnyNode): string => (isText(node) ? node.data : hasChildren(node) ? node.children.map(textContent).join('') : '')

const bytes = new Uint8Array(readFileSync(file))
let text: string
if (/^\.html?$/i.test(extname(file))) {
  const document = parseDocument(decodeHtml(bytes).text)
  const drop = (nodes: typeof document.children) => {
    for (const node of [...nodes]) {
      if ('name' in node && (node.name === 'script' || node.name === 'style' || node.name === 'head')) {
        nodes.splice(nodes.indexOf(node), 1)
      } else if ('children' in node) drop(node.children)
    }
  }
  drop(document.children)
  text = textContent(document)
} else {
  text = decodeText(bytes).text
}
// Line breaks (and the indentation around them) gone; spaces inside a line kept as printed.
const line = text.replace(/[ \t\u3000]*[\r\n]+[ \t\u3000\r\n]*/g, '').replace(/\u00a0/g, ' ').trim()
const archive = rest.indexOf('--archive')
if (archive >= 0) {
  const title = rest[archive + 1] ?? ''
  const header = [
    `标题: ${title}`,
    '发布时间: 2026-01-20 09:30',
    '文号: ',
    '发布机构: ',
    '栏目: 政府信息公开年报',
    'URL: https://www.example.gov.cn/zwgk/ndbg/202601/t20260120_1.html',
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ===================='
  ]
  process.stdout.write(`${header.join('\n')}\n${line}\n`)
} else process.stdout.write(`${line}\n`)
