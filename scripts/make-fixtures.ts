/**
 * Builds the committed reader fixtures: one consistent 2021-format report in every file kind an
 * officer brings, so the reader tests can check that each kind yields the same blocks.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * test/fixtures/same-report/report.docx   the project's own export (buildDocx)
 * test/fixtures/same-report/report.{doc,pdf,html}   converted from it by LibreOffice
 * test/fixtures/same-report/report.mhtml  the .html wrapped by hand as a browser saves it
 *                                         (multipart/related, quoted-printable)
 * test/fixtures/same-report/encrypted.pdf the .docx exported by LibreOffice with an open password
 * test/fixtures/same-report/report-split.pdf  the same report with a longer section 三, so that 表三
 *                                         crosses a page break: header repeated, page number between
 * test/fixtures/text/report.{utf8,gbk,utf16le}.txt  the narrative and 表三 flattened one cell per line
 *
 * LibreOffice runs with a private profile so that parallel runs (and a desktop instance) do not
 * collide. The output is not byte-for-byte reproducible (LibreOffice stamps dates), only its content is.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { buildDocx } from '@core/export/docx'
import { cellId, fullLabel, leaves } from '@core/report/cells'
import type { Report } from '@core/report/report'
import { SECTIONS, paragraphs } from '@core/report/sections'
import { TABLE_3 } from '@core/report/tables'
import { consistentReport, withSection } from '../test/support/reports'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '..')
const SAME = join(ROOT, 'test/fixtures/same-report')
const TEXT = join(ROOT, 'test/fixtures/text')

const ENCRYPT_FILTER =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}'

async function soffice(profile: string, input: string, target: string, outDir: string): Promise<void> {
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, input],
    { timeout: 120_000 }
  )
}

/** Four more paragraphs in section 三 push 表三 across the page break from page 2 to page 3. */
const SPLIT_FILLER = Array.from(
  { length: 4 },
  (_, i) =>
    `（${i + 5}）补充说明第${i + 1}项。本年度持续加强政务公开标准化规范化建设，完善公开目录，细化公开事项，确保公开内容准确、完整、及时。`
).join('\n')

/** 表三 as a web page's table copied as text gives it: every cell on its own line. */
function flattenedTable3(report: Report): string[] {
  const lines = ['申请人情况', '自然人', '法人或其他组织', '总计']
  const columns = leaves(TABLE_3.columns)
  lines.push(...columns.filter((c) => c.path.length > 1).map((c) => c.node.label))
  // A merged group label (三、本年度办理结果) is printed once, in the first row it spans.
  const printed = new Set<string>()
  for (const row of leaves(TABLE_3.rows)) {
    for (const node of row.path) {
      if (!printed.has(node.key)) lines.push(fullLabel(node))
      printed.add(node.key)
    }
    for (const column of columns) lines.push(String(report.values[cellId('t3', row.node.key, column.node.key)] ?? ''))
  }
  return lines
}

/** Title, the six sections, and 表三 flattened under section 三. */
function reportText(report: Report): string {
  const lines = [report.unit.name, `${report.year}年政府信息公开工作年度报告`, '']
  for (const def of SECTIONS) {
    lines.push(def.heading, ...paragraphs(report.sections[def.id] ?? ''))
    if (def.table === 't3') lines.push(...flattenedTable3(report))
    lines.push('')
  }
  return lines.join('\r\n')
}

/** Quoted-printable as RFC 2045 has it: soft line breaks before 76 characters, `=XX` for the rest. */
function quotedPrintable(bytes: Uint8Array): string {
  const out: string[] = []
  let line = ''
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      out.push(`${line}=`)
      line = ''
    }
    line += token
  }
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!
    if (b === 0x0a) {
      out.push(line)
      line = ''
    } else if (b === 0x0d) {
      continue
    } else if ((b >= 33 && b <= 126 && b !== 61) || b === 32) {
      push(String.fromCharCode(b))
    } else {
      push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`)
    }
  }
  out.push(line)
  return out.join('\r\n')
}

/** What “网页，单个文件” in a browser writes: the page as quoted-printable in multipart/related. */
function mhtml(html: Uint8Array): string {
  const boundary = '----MultipartBoundary--fixture0001----'
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: http://www.example.gov.cn/zwgk/ndbg/report.html',
    'Subject: =?utf-8?Q?2025=E5=B9=B4=E6=94=BF=E5=BA=9C=E4=BF=A1=E6=81=AF=E5=85=AC=E5=BC=80?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="utf-8"',
    'Content-ID: <frame-0001@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://www.example.gov.cn/zwgk/ndbg/report.html',
    '',
    quotedPrintable(html),
    '',
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://www.example.gov.cn/css/site.css',
    '',
    'p { margin: 0 }',
    '',
    `--${boundary}--`,
    ''
  ].join('\r\n')
}

function utf16le(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le')
  return Buffer.concat([Buffer.from([0xff, 0xfe]), body])
}

function gbk(text: string): Uint8Array {
  // TextEncoder only writes UTF-8; Node's ICU has no GBK encoder, so map each character through
  // the decoder's table once (every character of the fixture is in GBK).
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const bytes = table.get(char)
      if (!bytes) throw new Error(`not in GBK: ${char}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}

async function main(): Promise<void> {
  await mkdir(SAME, { recursive: true })
  await mkdir(TEXT, { recursive: true })
  const work = await mkdtemp(join(tmpdir(), 'fixtures-'))
  const profile = join(work, 'lo-profile')
  try {
    const report = consistentReport()
    const docx = join(SAME, 'report.docx')
    await writeFile(docx, await buildDocx(report))
    for (const target of ['doc', 'pdf', 'html']) await soffice(profile, docx, target, SAME)

    // LibreOffice names the output after the input, so encrypt a copy with another name.
    const encryptedSource = join(work, 'encrypted.docx')
    await writeFile(encryptedSource, await readFile(docx))
    await soffice(profile, encryptedSource, ENCRYPT_FILTER, SAME)

    await writeFile(join(SAME, 'report.mhtml'), mhtml(await readFile(join(SAME, 'report.html'))))

    const split = join(work, 'report-split.docx')
    await writeFile(split, await buildDocx(withSection(report, 'requests', `${report.sections.requests}\n${SPLIT_FILLER}`)))
    await soffice(profile, split, 'pdf', SAME)

    const text = reportText(report)
    await writeFile(join(TEXT, 'report.utf8.txt'), text)
    await writeFile(join(TEXT, 'report.gbk.txt'), gbk(text))
    await writeFile(join(TEXT, 'report.utf16le.txt'), utf16le(text))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
