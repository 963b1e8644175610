/**
 * The exported .docx, read back as XML: GB/T 9704 page and fonts, the official merges of the
 * three tables, every value in its cell, page-number footers, the 落款.
 */
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '@core/export/docx'
import { NATIONAL_PRINT, reportPrint } from '@core/export/print'
import { signatureIndents, splitLevel2, splitLevel3, titleLines, widthInChars } from '@core/export/text'
import { formatDate } from '@core/text/chinese'
import { formatValue } from '@core/export/values'
import { CELLS, cellDef } from '@core/report/cells'
import { placeCells, tableLayout } from '@core/report/layout'
import type { Report } from '@core/report/report'
import { SECTIONS } from '@core/report/sections'
import { TABLES } from '@core/report/tables'
import { fullReport } from './export-fixture'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

// ---------------------------------------------------------------------------------------------
// Reading the package

interface Package {
  document: XmlDocument
  styles: XmlDocument
  settings: XmlDocument
  /** Footer documents by reference type (default = odd pages, even). */
  footers: Map<string, XmlDocument>
}

const parse = (xml: string): XmlDocument => new DOMParser().parseFromString(xml, 'text/xml')

async function open(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (path: string): Promise<XmlDocument> => {
    const file = zip.file(path)
    if (!file) throw new Error(`missing ${path}`)
    return parse(await file.async('string'))
  }
  const document = await read('word/document.xml')
  const rels = await read('word/_rels/document.xml.rels')
  const targets = new Map(
    all(rels.documentElement!, 'Relationship', '*').map((r) => [r.getAttribute('Id'), r.getAttribute('Target')])
  )
  const footers = new Map<string, XmlDocument>()
  for (const ref of all(document.documentElement!, 'footerReference')) {
    const target = targets.get(ref.getAttributeNS(R, 'id'))
    if (target) footers.set(attr(ref, 'type') ?? '', await read(`word/${target}`))
  }
  return { document, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers }
}

function all(node: Element | XmlDocument, name: string, ns = W): Element[] {
  return Array.from(ns === '*' ? node.getElementsByTagName(name) : node.getElementsByTagNameNS(ns, name))
}

function first(node: Element, name: string): Element | undefined {
  return all(node, name)[0]
}

/** Direct children with a w: name. */
function children(node: Element, name: string): Element[] {
  return Array.from(node.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === name
  )
}

function attr(node: Element | undefined, name: string): string | null {
  return node ? node.getAttributeNS(W, name) : null
}

function on(node: Element | undefined): boolean {
  if (!node) return false
  const val = attr(node, 'val')
  return val === null || !['0', 'false', 'off'].includes(val)
}

function text(node: Element): string {
  return all(node, 't')
    .map((t) => t.textContent ?? '')
    .join('')
}

function body(pkg: Package): Element {
  return first(pkg.document.documentElement!, 'body')!
}

function bodyParagraphs(pkg: Package): Element[] {
  return children(body(pkg), 'p')
}

function runs(p: Element): Element[] {
  return children(p, 'r')
}

function runFont(run: Element): string | null {
  return attr(first(run, 'rFonts'), 'eastAsia')
}

/** Run size in half-points, falling back to the document default. */
function runSize(pkg: Package, run: Element): number {
  const own = attr(first(run, 'sz'), 'val')
  const rPrDefault = first(pkg.styles.documentElement!, 'rPrDefault')!
  return Number(own ?? attr(first(rPrDefault, 'sz'), 'val'))
}

// ---------------------------------------------------------------------------------------------
// Rebuilding a table's logical grid from gridSpan + vMerge

interface GridCell {
  row: number
  column: number
  colSpan: number
  rowSpan: number
  text: string
  cell: Element
}

function logicalGrid(table: Element): GridCell[] {
  const anchors: GridCell[] = []
  const open = new Map<number, GridCell>() // column → the vertical merge that reaches it
  children(table, 'tr').forEach((tr, row) => {
    let column = 0
    for (const tc of children(tr, 'tc')) {
      const colSpan = Number(attr(first(tc, 'gridSpan'), 'val') ?? 1)
      const vMerge = first(tc, 'vMerge')
      const restart = vMerge && attr(vMerge, 'val') === 'restart'
      if (vMerge && !restart) {
        const anchor = open.get(column)
        if (!anchor || anchor.colSpan !== colSpan) throw new Error(`vMerge continue without restart at ${row},${column}`)
        anchor.rowSpan += 1
      } else {
        const cell = { row, column, colSpan, rowSpan: 1, text: paragraphsText(tc), cell: tc }
        anchors.push(cell)
        if (restart) open.set(column, cell)
        else open.delete(column)
      }
      column += colSpan
    }
  })
  return anchors
}

/** Text of a cell, line breaks as ⏎. */
function paragraphsText(tc: Element): string {
  return all(tc, 'r')
    .map((r) => (first(r, 'br') ? '⏎' : '') + text(r))
    .join('')
}

function tables(pkg: Package): Element[] {
  return children(body(pkg), 'tbl')
}

// ---------------------------------------------------------------------------------------------

const full = fullReport()
const fullPkg = open(await buildDocx(full))

describe('page (GB/T 9704 5.2)', () => {
  it('is A4 with the 版心 margins', async () => {
    const pkg = await fullPkg
    const sectPr = first(body(pkg), 'sectPr')!
    const size = first(sectPr, 'pgSz')
    expect([attr(size, 'w'), attr(size, 'h')]).toEqual(['11906', '16838'])
    const margin = first(sectPr, 'pgMar')
    expect(['top', 'bottom', 'left', 'right'].map((side) => attr(margin, side))).toEqual([
      '2098',
      '1984',
      '1588',
      '1474'
    ])
  })
})

describe('text', () => {
  it('sets the body in 三号 仿宋_GB2312 with Times New Roman through the default style', async () => {
    const pkg = await fullPkg
    const defaults = first(pkg.styles.documentElement!, 'rPrDefault')!
    const fonts = first(defaults, 'rFonts')
    expect(attr(fonts, 'eastAsia')).toBe('仿宋_GB2312')
    expect(attr(fonts, 'ascii')).toBe('Times New Roman')
    expect(attr(fonts, 'hAnsi')).toBe('Times New Roman')
    expect(attr(first(defaults, 'sz'), 'val')).toBe('32')
  })

  it('centres the title in 二号 方正小标宋简体, not bold, followed by one blank line', async () => {
    const pkg = await fullPkg
    const [title, blank] = bodyParagraphs(pkg)
    expect(text(title!)).toBe(`${full.unit.name}${full.year}年政府信息公开工作年度报告`)
    expect(attr(first(title!, 'jc'), 'val')).toBe('center')
    for (const run of runs(title!)) {
      expect(runFont(run)).toBe('方正小标宋简体')
      expect(runSize(pkg, run)).toBe(44)
      expect(first(run, 'b')).toBeUndefined()
    }
    expect(text(blank!)).toBe('')
  })

  it('breaks a long title after the unit name and keeps a short one on one line', async () => {
    const long = await open(await buildDocx(fullReport()))
    expect(runs(bodyParagraphs(long)[0]!).map((r) => (first(r, 'br') ? '⏎' : '') + text(r))).toEqual([
      '示例县示例镇人民政府',
      '⏎2025年政府信息公开工作年度报告'
    ])
    const short = await open(await buildDocx(fullReport({ unit: { name: '某镇', level: 'township' } })))
    expect(runs(bodyParagraphs(short)[0]!)).toHaveLength(1)
  })

  it('sets the six section headings in 黑体 三号, in order', async () => {
    const pkg = await fullPkg
    const headings = bodyParagraphs(pkg).filter((p) => SECTIONS.some((s) => s.heading === text(p)))
    expect(headings.map(text)).toEqual(SECTIONS.map((s) => s.heading))
    for (const p of headings) {
      for (const run of runs(p)) {
        expect(runFont(run)).toBe('黑体')
        expect(runSize(pkg, run)).toBe(32)
      }
    }
  })

  it('sets a （一） heading in 楷体_GB2312 and the text after it in the body face', async () => {
    const pkg = await fullPkg
    const p = bodyParagraphs(pkg).find((para) => text(para).startsWith('（一）主动公开情况。'))!
    const [heading, rest] = runs(p)
    expect(text(heading!)).toBe('（一）主动公开情况。')
    expect(runFont(heading!)).toBe('楷体_GB2312')
    expect(text(rest!)).toMatch(/^2025年，本镇/)
    expect(runFont(rest!)).toBeNull()
    const level3 = bodyParagraphs(pkg).find((para) => text(para).startsWith('1.加强组织领导'))!
    expect(runs(level3).map(runFont)).toEqual([null])
  })

  it('gives body paragraphs an exact 28 pt line and a two-character first-line indent', async () => {
    const pkg = await fullPkg
    const paragraphs = bodyParagraphs(pkg).filter((p) => text(p).startsWith('1.加强组织领导') || SECTIONS.some((s) => s.heading === text(p)))
    expect(paragraphs.length).toBe(12)
    for (const p of paragraphs) {
      const spacing = first(p, 'spacing')
      expect([attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual(['560', 'exact'])
      expect(attr(first(p, 'ind'), 'firstLineChars')).toBe('200')
      expect(attr(first(p, 'ind'), 'firstLine')).toBe('640')
    }
  })

  it('puts each table after the text of its section', async () => {
    const pkg = await fullPkg
    const order = Array.from(body(pkg).childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .map((n) => (n.localName === 'tbl' ? 'TABLE' : text(n)))
      .filter((t) => t === 'TABLE' || SECTIONS.some((s) => s.heading === t))
    expect(order).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      'TABLE',
      '三、收到和处理政府信息公开申请情况',
      'TABLE',
      '四、政府信息公开行政复议、行政诉讼情况',
      'TABLE',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项'
    ])
  })
})

describe('tables', () => {
  it('has the official merges of 表二, 表三 and 表四', async () => {
    const pkg = await fullPkg
    const docTables = tables(pkg)
    expect(docTables).toHaveLength(3)
    TABLES.forEach((def, i) => {
      const layout = tableLayout(def)
      const expected = placeCells(layout).map(({ row, column, cell }) => [row, column, cell.colSpan, cell.rowSpan])
      const actual = logicalGrid(docTables[i]!).map((c) => [c.row, c.column, c.colSpan, c.rowSpan])
      expect(actual, def.name).toEqual(expected)
    })
  })

  it('prints every label and every value of a fully filled report in its grid position', async () => {
    const pkg = await fullPkg
    TABLES.forEach((def, i) => {
      const expected = placeCells(tableLayout(def)).map(({ row, column, cell }) => {
        if (cell.cellId) return [row, column, String(full.values[cell.cellId])]
        return [row, column, (cell.lines ?? [cell.text]).join('⏎') + (cell.note ?? '')]
      })
      const actual = logicalGrid(tables(pkg)[i]!).map((c) => [c.row, c.column, c.text])
      expect(actual, def.name).toEqual(expected)
    })
  })

  it('writes each distinct value once, counts as integers and the amount with its 6 decimals', async () => {
    const pkg = await fullPkg
    const texts = tables(pkg).flatMap((t) => logicalGrid(t).map((c) => c.text))
    for (const c of CELLS.filter((cell) => cell.kind === 'count')) {
      expect(texts.filter((t) => t === String(full.values[c.id]))).toHaveLength(1)
    }
    expect(texts).toContain('0.123456')
  })

  it('prints blank cells as 0 by default and leaves them empty with blankCells "blank"', async () => {
    const empty = fullReport({ values: { 't3.new.natural': 5 } })
    const values = async (options: Parameters<typeof buildDocx>[1]): Promise<string[]> => {
      const pkg = await open(await buildDocx(empty, options))
      return tables(pkg).flatMap((t, i) => {
        const layout = tableLayout(TABLES[i]!)
        const isValue = new Set(placeCells(layout).filter((p) => p.cell.cellId).map((p) => `${p.row},${p.column}`))
        return logicalGrid(t)
          .filter((c) => isValue.has(`${c.row},${c.column}`))
          .map((c) => c.text)
      })
    }
    const zero = await values(undefined)
    expect(zero.filter((v) => v === '0')).toHaveLength(199)
    expect(zero).toContain('5')
    const blank = await values({ blankCells: 'blank' })
    expect(blank.filter((v) => v === '')).toHaveLength(199)
    const fromSettings = await open(await buildDocx({ ...empty, settings: { ...empty.settings, blankCells: 'blank' } }))
    expect(logicalGrid(tables(fromSettings)[0]!).filter((c) => c.text === '0')).toHaveLength(0)
  })

  it('keeps amounts as entered: six decimals, no exponent, no trailing zeros', async () => {
    const amounts = [0.123456, 12.5, 0.0000001, 3]
    const printed = await Promise.all(
      amounts.map(async (amount) => {
        const pkg = await open(await buildDocx(fullReport({ values: { 't2.fees.amount': amount } })))
        return logicalGrid(tables(pkg)[0]!).at(-1)?.text
      })
    )
    expect(printed).toEqual(['0.123456', '12.5', '0', '3'])
    expect(cellDef('t2.fees.amount').kind).toBe('amount')
  })

  it('uses fixed column widths filling 156 mm and 宋体 text', async () => {
    const pkg = await fullPkg
    tables(pkg).forEach((t, i) => {
      const layout = tableLayout(TABLES[i]!)
      expect(all(t, 'gridCol').map((g) => Number(attr(g, 'w')))).toEqual(layout.columnWidths)
      expect(attr(first(t, 'tblLayout'), 'type')).toBe('fixed')
      expect(attr(first(t, 'tblW'), 'w')).toBe('8844')
    })
    const sizes = tables(pkg).map((t) => new Set(all(t, 'r').map((r) => attr(first(r, 'sz'), 'val'))))
    expect(sizes.map((s) => [...s])).toEqual([['24'], ['21'], ['21']])
    const faces = new Set(tables(pkg).flatMap((t) => all(t, 'r').map(runFont)))
    expect(faces).toEqual(new Set(['宋体', '楷体_GB2312']))
  })

  it('narrows the cell margins of 表三 and 表四', async () => {
    const pkg = await fullPkg
    const margins = tables(pkg).map((t) => {
      const mar = first(first(t, 'tblPr')!, 'tblCellMar')!
      return [attr(first(mar, 'left'), 'w'), attr(first(mar, 'right'), 'w')]
    })
    expect(margins).toEqual([
      ['108', '108'],
      ['40', '40'],
      ['40', '40']
    ])
  })

  it('repeats the header rows of 表三 and 表四 and never splits a row', async () => {
    const pkg = await fullPkg
    tables(pkg).forEach((t, i) => {
      const layout = tableLayout(TABLES[i]!)
      const rows = children(t, 'tr')
      expect(rows.map((tr) => on(first(tr, 'tblHeader')))).toEqual(rows.map((_, r) => r < layout.headerRows))
      expect(rows.every((tr) => on(first(tr, 'cantSplit')))).toBe(true)
    })
    expect(TABLES.map((def) => tableLayout(def).headerRows)).toEqual([0, 3, 3])
  })

  it('centres numbers and headers, left-aligns row labels, sets the notes in 楷体', async () => {
    const pkg = await fullPkg
    const grid = logicalGrid(tables(pkg)[1]!)
    const jc = (row: number, column: number): string | null => {
      const cell = grid.find((c) => c.row === row && c.column === column)!
      return attr(first(cell.cell, 'jc'), 'val')
    }
    expect(jc(3, 0)).toBe('left') // 一、本年新收…
    expect(jc(3, 3)).toBe('center') // its 自然人 value
    expect(jc(1, 3)).toBe('center') // 自然人
    const partial = grid.find((c) => c.text.startsWith('（二）部分公开'))!
    expect(runs(first(partial.cell, 'p')!).map((r) => [text(r), runFont(r)])).toEqual([
      ['（二）部分公开', '宋体'],
      ['（区分处理的，只计这一情形，不计其他情形）', '楷体_GB2312']
    ])
    const corner = grid.find((c) => c.row === 0 && c.column === 0)!
    expect(all(corner.cell, 'r').map(runFont)).toEqual(['楷体_GB2312'])
  })
})

describe('page numbers (GB/T 9704 7.5)', () => {
  it('enables distinct odd and even footers', async () => {
    const pkg = await fullPkg
    expect(all(pkg.settings.documentElement!, 'evenAndOddHeaders')).toHaveLength(1)
    expect([...pkg.footers.keys()].sort()).toEqual(['default', 'even'])
  })

  it.each([
    ['default', 'right', 'right'],
    ['even', 'left', 'left']
  ])('%s footer: “— PAGE —” in 四号 宋体, %s-aligned, one character in', async (type, jc, side) => {
    const pkg = await fullPkg
    const footer = pkg.footers.get(type)!.documentElement!
    const p = first(footer, 'p')!
    expect(attr(first(p, 'jc'), 'val')).toBe(jc)
    expect(attr(first(p, 'ind'), side)).toBe('280')
    // Text and field in document order: "— ", PAGE field, " —".
    const sequence = runs(p).flatMap((r) => {
      const field = first(r, 'fldChar')
      if (field) return [`<${attr(field, 'fldCharType')}>`]
      const instr = first(r, 'instrText')
      if (instr) return [instr.textContent?.trim() ?? '']
      return [text(r)]
    })
    expect(sequence).toEqual(['\u2014 ', '<begin>', 'PAGE', '<separate>', '<end>', ' \u2014'])
    for (const run of runs(p)) {
      expect(attr(first(run, 'rFonts'), 'eastAsia')).toBe('宋体')
      expect(attr(first(run, 'rFonts'), 'ascii')).toBe('宋体')
      expect(attr(first(run, 'sz'), 'val')).toBe('28')
    }
  })
})

describe('text rules', () => {
  it('finds the 楷体 part of a level-2 heading', () => {
    expect(splitLevel2('（一）主动公开情况。本年度……')).toEqual({ heading: '（一）主动公开情况。', rest: '本年度……' })
    expect(splitLevel2('（十二）其他')).toEqual({ heading: '（十二）其他', rest: '' })
    expect(splitLevel2('1.加强组织领导。')).toBeUndefined()
    expect(splitLevel2('（1）细项。')).toBeUndefined()
    expect(splitLevel2('本镇（一）类事项。')).toBeUndefined()
  })

  it('finds the part of a level-3 heading to set in bold, and nothing in a decimal or a level-4 item', () => {
    expect(splitLevel3('1.加强组织领导。镇党委……')).toEqual({ heading: '1.加强组织领导。', rest: '镇党委……' })
    expect(splitLevel3('2．推进政务公开')).toEqual({ heading: '2．推进政务公开', rest: '' })
    expect(splitLevel3('12、规范依申请公开。全年……')).toEqual({ heading: '12、规范依申请公开。', rest: '全年……' })
    expect(splitLevel3('1.5万元用于……。')).toBeUndefined()
    expect(splitLevel3('2025年，本镇……。')).toBeUndefined()
    expect(splitLevel3('（1）细项。')).toBeUndefined()
    expect(splitLevel3('（一）主动公开情况。')).toBeUndefined()
  })

  it('writes dates in Chinese numerals when asked: the year digit by digit, month and day as numbers', () => {
    expect(formatDate('2026-01-20', 'chinese')).toBe('二〇二六年一月二十日')
    expect(formatDate('2025-12-31', 'chinese')).toBe('二〇二五年十二月三十一日')
    expect(formatDate('2030-10-10', 'chinese')).toBe('二〇三〇年十月十日')
    expect(formatDate('2026-11-09', 'chinese')).toBe('二〇二六年十一月九日')
    expect(formatDate('2026-02-15', 'chinese')).toBe('二〇二六年二月十五日')
    expect(formatDate('2026-01-09', 'arabic')).toBe('2026年1月9日')
    expect(formatDate('2026-01-09', 'chinese')).toBe('二〇二六年一月九日')
  })

  it('writes dates in Arabic numerals without leading zeros', () => {
    expect(formatDate('2026-01-09')).toBe('2026年1月9日')
    expect(formatDate('2025-12-31')).toBe('2025年12月31日')
    expect(() => formatDate('2026/1/9')).toThrow(/YYYY-MM-DD/)
  })

  it('breaks the title only when it does not fit one 二号 line', () => {
    expect(titleLines('某镇', 2025)).toEqual(['某镇2025年政府信息公开工作年度报告'])
    expect(titleLines('某某县某某镇人民政府', 2025)).toEqual(['某某县某某镇人民政府', '2025年政府信息公开工作年度报告'])
  })

  it('measures text in characters, digits half width plus the CJK–digit auto space', () => {
    expect(widthInChars('人民政府')).toBe(4)
    expect(widthInChars('2026年1月9日')).toBe(7.25)
  })

  it('moves the name left when the date would come closer than two characters to the margin', () => {
    // 某镇 is 2 em wide; the date (7¼ em) ends 2 em from the margin, so it starts 9¼ em in and the
    // name 2 em further left: name start 11¼ em from the margin, its right indent 9¼ em.
    expect(signatureIndents('某镇', '2026年1月9日')).toEqual({ name: 9.25 * 320, date: 2 * 320 })
    expect(signatureIndents('某镇人民政府', undefined).name).toBe(2 * 320)
  })

  it('formats counts as integers and amounts with up to six decimals', () => {
    expect(formatValue(12, 'count')).toBe('12')
    expect(formatValue(0.123456, 'amount')).toBe('0.123456')
    expect(formatValue(1.5, 'amount')).toBe('1.5')
    expect(formatValue(1e-7, 'amount')).toBe('0')
    expect(formatValue(2.5, 'count')).toBe('2.5')
  })
})

describe('落款 (GB/T 9704 7.3.5)', () => {
  async function tail(report: Report, options?: Parameters<typeof buildDocx>[1]): Promise<Element[]> {
    return bodyParagraphs(await open(await buildDocx(report, options))).slice(-3)
  }

  it('ends with a blank line, the unit name and the date without leading zeros', async () => {
    const [blank, name, date] = await tail(full)
    expect(text(blank!)).toBe('')
    expect(text(name!)).toBe(full.unit.name)
    expect(text(date!)).toBe('2026年1月9日')
    for (const p of [name!, date!]) expect(attr(first(p, 'jc'), 'val')).toBe('right')
  })

  it('right-indents the name two characters and starts the date two characters further right', async () => {
    const [, name, date] = await tail(full)
    const em = 320
    const nameIndent = Number(attr(first(name!, 'ind'), 'right'))
    const dateIndent = Number(attr(first(date!, 'ind'), 'right'))
    expect(nameIndent).toBe(2 * em)
    // name 10 em; date 2026年1月9日 = 3 em of digits + 3 CJK + 5 × ¼ em auto space = 7¼ em.
    const nameStart = nameIndent + 10 * em
    const dateStart = dateIndent + 7.25 * em
    expect(nameStart - dateStart).toBe(2 * em)
  })

  it('leaves the date out when the publication date is unknown, and the 落款 when disabled', async () => {
    const noDate = await tail(fullReport({ document: {} }))
    expect(noDate.map(text).slice(-2)).toEqual(['', full.unit.name])
    const off = await tail(full, { signature: false })
    expect(off.map(text)).not.toContain(full.unit.name)
    const offBySettings = await tail({ ...full, settings: { ...full.settings, signature: false } })
    expect(offBySettings.map(text)).not.toContain('2026年1月9日')
  })

  it('writes the date in Chinese numerals when the options or the report say so', async () => {
    const [, , date] = await tail(full, { dateStyle: 'chinese' })
    expect(text(date!)).toBe('二〇二六年一月九日')
    const [, , own] = await tail({ ...full, settings: { ...full.settings, dateStyle: 'chinese' } })
    expect(text(own!)).toBe('二〇二六年一月九日')
    // Given for one export, an option wins over the report's own.
    const [, , given] = await tail({ ...full, settings: { ...full.settings, dateStyle: 'chinese' } }, { dateStyle: 'arabic' })
    expect(text(given!)).toBe('2026年1月9日')
  })

  it('places the date of Chinese numerals as GB/T 9704 does: two characters further right than the name', async () => {
    const [, name, date] = await tail(full, { dateStyle: 'chinese' })
    const em = 320
    const nameIndent = Number(attr(first(name!, 'ind'), 'right'))
    const dateIndent = Number(attr(first(date!, 'ind'), 'right'))
    // name 10 em, 二〇二六年一月九日 9 em: 2 em further right would bring the date within 1 em of
    // the margin, so the date is right-indented 2 em and the name moves left to 3 em.
    expect([nameIndent, dateIndent]).toEqual([3 * em, 2 * em])
    expect(nameIndent + 10 * em - (dateIndent + 9 * em)).toBe(2 * em)
  })

  it('sets the 落款 flush right when the options or the report say so', async () => {
    for (const [report, options] of [
      [full, { signatureAlign: 'right' }],
      [{ ...full, settings: { ...full.settings, signatureAlign: 'right' } }, undefined]
    ] as const) {
      const [, name, date] = await tail(report, options)
      for (const p of [name!, date!]) {
        expect(attr(first(p, 'jc'), 'val')).toBe('right')
        expect(Number(attr(first(p, 'ind'), 'right') ?? 0)).toBe(0)
      }
      expect(text(date!)).toBe('2026年1月9日')
    }
  })
})

describe('三级标题', () => {
  const level3 = (pkg: Package) => bodyParagraphs(pkg).filter((p) => text(p).startsWith('1.加强组织领导'))

  it('is plain 仿宋 by default (GB/T 9704), with nothing bold in the body', async () => {
    const pkg = await fullPkg
    expect(level3(pkg)).toHaveLength(6)
    for (const p of level3(pkg)) expect(runs(p).map((r) => on(first(r, 'b')))).toEqual([false])
  })

  it('is bold up to its full stop when the options or the report say so, and only it', async () => {
    for (const pkg of [
      await open(await buildDocx(full, { level3Bold: true })),
      await open(await buildDocx({ ...full, settings: { ...full.settings, level3Bold: true } }))
    ]) {
      const paragraphs = level3(pkg)
      expect(paragraphs).toHaveLength(6)
      for (const p of paragraphs) {
        const [heading, rest] = runs(p)
        expect(text(heading!)).toBe('1.加强组织领导。')
        expect(on(first(heading!, 'b'))).toBe(true)
        expect(runFont(heading!)).toBeNull()
        expect(text(rest!)).toMatch(/^镇党委、镇政府/)
        expect(on(first(rest!, 'b'))).toBe(false)
      }
      // Level 1 and 2 headings, the other paragraphs and the 落款 stay as they were.
      const others = bodyParagraphs(pkg).filter((p) => !paragraphs.includes(p))
      expect(others.flatMap(runs).filter((r) => on(first(r, 'b')))).toEqual([])
    }
  })
})

describe('print options: the report’s own, then 设置, then the national defaults', () => {
  const profile = {
    blankCells: 'blank',
    level3Bold: true,
    signature: { include: false, dateStyle: 'chinese', align: 'right' }
  } as const

  it('takes the report’s blank cells and 落款 choice, and 设置 for options a report does not have', () => {
    expect(reportPrint(full)).toEqual(NATIONAL_PRINT)
    expect(reportPrint(full, profile)).toEqual({ ...NATIONAL_PRINT, level3Bold: true, dateStyle: 'chinese', signatureAlign: 'right' })
    const own = { ...full.settings, level3Bold: false, dateStyle: 'arabic', signatureAlign: 'gbt9704' } as const
    expect(reportPrint({ settings: own }, profile)).toEqual(NATIONAL_PRINT)
  })
})
