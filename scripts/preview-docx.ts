/**
 * Look at an exported report: .docx (or a report .json, exported first) → PDF (LibreOffice) →
 * one PNG per page (pdftoppm).
 *
 *   npm run preview-docx -- report.docx [outDir]
 *   npm run preview-docx -- report.json [outDir]
 *
 * LibreOffice runs with a private profile, so parallel runs do not collide, and with a private
 * fontconfig that maps the GB/T 9704 faces (not installed here) to Noto CJK, so the preview is
 * closer to what Word shows with the real fonts.
 */
import { execFile } from 'node:child_process'
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { buildDocx } from '@core/export/docx'
import { reportMarks } from '@core/export/gate'
import { parseReport } from '@core/report/report'

const run = promisify(execFile)

/** The faces the export names, and the installed face that stands in for each. */
const FONT_STAND_INS: Record<string, string> = {
  仿宋_GB2312: 'Noto Serif CJK SC',
  楷体_GB2312: 'Noto Serif CJK SC',
  方正小标宋简体: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  'Times New Roman': 'Noto Serif CJK SC'
}

/** The private fontconfig (also given to Chromium when a test compares its layout with LibreOffice's). */
export function fontconfig(): string {
  const aliases = Object.entries(FONT_STAND_INS)
    .map(
      ([name, standIn]) =>
        `  <alias binding="same"><family>${name}</family><prefer><family>${standIn}</family></prefer></alias>`
    )
    .join('\n')
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${aliases}
</fontconfig>
`
}

export class PreviewError extends Error {
  override name = 'PreviewError'
}

async function onPath(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`])
    return true
  } catch {
    return false
  }
}

export async function hasLibreOffice(): Promise<boolean> {
  return onPath('soffice')
}

/** Convert a .docx to PDF in `outDir`; returns the PDF's path. */
export async function docxToPdf(docx: string, outDir: string): Promise<string> {
  if (!(await hasLibreOffice())) {
    throw new PreviewError('未找到 LibreOffice（soffice），无法生成预览：请安装 libreoffice-writer-nogui')
  }
  const work = await mkdtemp(join(tmpdir(), 'preview-docx-'))
  try {
    const fonts = join(work, 'fonts.conf')
    await writeFile(fonts, fontconfig())
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docx
      ],
      { env: { ...process.env, FONTCONFIG_FILE: fonts }, timeout: 120_000 }
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  const pdf = join(outDir, `${basename(docx, extname(docx))}.pdf`)
  try {
    await readFile(pdf)
  } catch {
    throw new PreviewError(`LibreOffice 未能转换该文件：${docx}`)
  }
  return pdf
}

/** Render each page of a PDF to a PNG at 70 dpi; returns the PNG paths in page order. */
export async function pdfToPngs(pdf: string, outDir: string): Promise<string[]> {
  if (!(await onPath('pdftoppm'))) {
    throw new PreviewError('未找到 pdftoppm，无法生成页面图片：请安装 poppler-utils')
  }
  const prefix = basename(pdf, extname(pdf))
  await run('pdftoppm', ['-r', '70', '-png', pdf, join(outDir, prefix)])
  const pages = (await readdir(outDir)).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
  return pages.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((f) => join(outDir, f))
}

/** A report .json is exported to .docx in `outDir` first. */
async function toDocx(input: string, outDir: string): Promise<string> {
  if (extname(input).toLowerCase() !== '.json') return input
  const report = parseReport(await readFile(input, 'utf8'))
  const docx = join(outDir, `${basename(input, extname(input))}.docx`)
  // A report still holding the app's marks can only be exported as a draft: show it as one.
  await writeFile(docx, await buildDocx(report, { draft: reportMarks(report).length > 0 }))
  return docx
}

async function main(args: readonly string[]): Promise<void> {
  const [input, out] = args
  if (!input) throw new PreviewError('用法：npm run preview-docx -- <报告.docx 或 .json> [输出目录]')
  await access(input).catch(() => {
    throw new PreviewError(`找不到文件：${input}`)
  })
  const outDir = resolve(out ?? join(tmpdir(), 'preview'))
  await mkdir(outDir, { recursive: true })
  const docx = await toDocx(resolve(input), outDir)
  const pdf = await docxToPdf(docx, outDir)
  const pngs = await pdfToPngs(pdf, outDir)
  console.log([pdf, ...pngs].join('\n'))
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    console.error(error instanceof PreviewError || (error as { name?: string }).name === 'ReportError' ? message : `预览失败：${message}`)
    process.exitCode = 1
  })
}
