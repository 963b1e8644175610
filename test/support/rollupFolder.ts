/**
 * A county's inbox for the roll-up tests, the CLI test, the e2e test and the bench: a dozen reports
 * of 2025 in every form (Word made by the app's own export, the committed .pdf, .doc, web page and
 * text fixtures with their unit renamed), with what a real inbox holds — a unit under an alias, a
 * unit's name misspelt, the same unit twice, last year's report, a unit not on the list, a broken
 * and an encrypted file, a spreadsheet that is not a report — and the unit list that goes with it.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { buildDocx } from '@core/export/docx'
import type { CellId } from '@core/report/cells'
import type { Report } from '@core/report/report'
import { consistentReport, withValues } from './reports'

const FIXTURES = new URL('../fixtures/', import.meta.url)
const fixture = (path: string) => new URL(path, FIXTURES)

/** The name the committed fixtures give their unit. */
export const FIXTURE_UNIT = '示例县示例镇人民政府'

/** The county's list: name, level, aliases — as the office keeps it. */
export const ROLLUP_UNITS_TSV = [
  '名称\t层级\t别名',
  '城关镇\t乡镇/街道',
  '东风乡\t乡镇/街道',
  '河西街道\t乡镇/街道\t河西街道办事处',
  '示例镇\t乡镇/街道',
  '新华镇\t乡镇/街道',
  '县教育局\t县级部门',
  '县市场监督管理局\t县级部门\t县市监局',
  '县卫生健康委员会\t县级部门\t金川区卫生健康委员会',
  '县人民政府办公室\t县级部门',
  '示例县人民政府\t其他'
].join('\n')

/** What the inbox should roll up to, for the assertions. */
export const ROLLUP_EXPECTED = {
  year: 2025,
  /** Units with one report of 2025, and the file summed. */
  reported: {
    城关镇: '城关镇/年报.docx',
    东风乡: '东风乡2025年报.docx',
    河西街道: '河西街道/河西街道办事处年报.html',
    新华镇: '新化镇.docx',
    县教育局: '县教育局.txt',
    县市场监督管理局: 'scj.docx'
  },
  /** The unit with two files of 2025. */
  duplicate: { unit: '示例镇', files: ['示例镇/示例镇年报.pdf', '示例镇/示例镇年报（旧版）.doc'] },
  missing: ['县卫生健康委员会', '县人民政府办公室', '示例县人民政府'],
  otherYears: ['县卫健委2024.pdf'],
  unmatched: ['档案馆.docx'],
  unreadable: ['损坏的文件.docx', '加密.pdf', '统计表.xls'],
  /** 东风乡 left these blank: their sums are incomplete. */
  blanks: ['t2.fees.amount', 't3.publication.natural'] as CellId[],
  /** 新华镇 (a township) reports a 规章. */
  regulation: { unit: '新华镇', cell: 't2.rules.issued' as CellId }
}

async function put(root: string, path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), bytes)
}

async function docx(root: string, path: string, report: Report): Promise<void> {
  await put(root, path, await buildDocx(report))
}

/** A committed text fixture with its unit renamed. */
async function renamed(root: string, path: string, source: string, unit: string): Promise<void> {
  const text = await readFile(fixture(source), 'utf8')
  await put(root, path, text.replaceAll(FIXTURE_UNIT, unit))
}

/** Writes the inbox into `root`; returns the unit list's TSV. */
export async function writeRollupFolder(root: string): Promise<string> {
  await docx(root, '城关镇/年报.docx', consistentReport({ unit: '示例县城关镇人民政府' }))
  // Printed with its blank cells left blank (the export's default prints them as 0).
  const dongfeng = withValues(consistentReport({ unit: '东风乡人民政府' }), { 't2.fees.amount': undefined, 't3.publication.natural': undefined })
  await docx(root, '东风乡2025年报.docx', { ...dongfeng, settings: { ...dongfeng.settings, blankCells: 'blank' } })
  await renamed(root, '河西街道/河西街道办事处年报.html', 'same-report/report.html', '示例县河西街道办事处')
  await docx(root, '新化镇.docx', withValues(consistentReport({ unit: '示例县新化镇人民政府' }), { 't2.rules.issued': 1, 't2.rules.inForce': 1 }))
  await renamed(root, '县教育局.txt', 'text/report.utf8.txt', '示例县教育局')
  await docx(root, 'scj.docx', consistentReport({ unit: '县市监局', level: 'county' }))
  await mkdir(join(root, '示例镇'), { recursive: true })
  await copyFile(fixture('same-report/report.pdf'), join(root, '示例镇/示例镇年报.pdf'))
  await copyFile(fixture('same-report/report.doc'), join(root, '示例镇/示例镇年报（旧版）.doc'))
  await copyFile(fixture('corpus/pdf-libreoffice.pdf'), join(root, '县卫健委2024.pdf'))
  await docx(root, '档案馆.docx', consistentReport({ unit: '示例县档案馆', level: 'county' }))
  const broken = await buildDocx(consistentReport({ unit: '损坏' }))
  await put(root, '损坏的文件.docx', broken.subarray(0, Math.floor(broken.length / 3)))
  await copyFile(fixture('same-report/encrypted.pdf'), join(root, '加密.pdf'))
  await put(root, '统计表.xls', 'not a report')
  await put(root, 'Thumbs.db', 'system file')
  return ROLLUP_UNITS_TSV
}
