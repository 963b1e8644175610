/**
 * recognizeTables on the blocks the real readers make of the same report saved as .docx, .doc,
 * .html, .mhtml, .pdf (LibreOffice) and as text copied from a web page (only 表三 there, one cell
 * per line). The report is test/support/reports.ts's consistentReport().
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recognizeTables } from '@core/import/recognize/tables/index'
import { CELLS } from '@core/report/cells'
import { readHtmlText } from '../../../src/main/services/readers/html'
import { readDocument } from '../../../src/main/services/readers/index'
import { consistentValues } from '../../support/reports'

const values = consistentValues()
const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url)

async function recognize(path: string) {
  const read = await readDocument({ bytes: readFileSync(fixture(path)), name: path })
  return recognizeTables(read.blocks, '2021')
}

describe('recognizeTables on the readers’ blocks of real files', () => {
  for (const file of ['report.docx', 'report.doc', 'report.html', 'report.mhtml', 'report.pdf']) {
    it(`finds all 200 values in ${file}`, async () => {
      const result = await recognize(`same-report/${file}`)
      const got = new Map(result.values.map((v) => [v.cell, v.value]))
      expect(CELLS.map((c) => [c.id, got.get(c.id)])).toEqual(CELLS.map((c) => [c.id, values[c.id]]))
      expect(result.missing).toEqual([])
      expect(result.warnings).toEqual([])
    })
  }

  for (const file of ['report.utf8.txt', 'report.gbk.txt', 'report.utf16le.txt']) {
    it(`finds 表三 flattened one cell per line in ${file}`, async () => {
      const result = await recognize(`text/${file}`)
      const t3 = CELLS.filter((c) => c.table === 't3')
      const got = new Map(result.values.map((v) => [v.cell, v.value]))
      expect(t3.map((c) => [c.id, got.get(c.id)])).toEqual(t3.map((c) => [c.id, values[c.id]]))
      expect(result.missing).toEqual(['表二', '表四'])
    })
  }
})

describe('a CMS page with a table pasted from Word, through the HTML reader', () => {
  const td = (text: string, attributes = '') =>
    `<td${attributes}><p class="MsoNormal"><span><font face="宋体">${text}</font></span></p></td>`
  const html = `<html><body><div class="nav"><a href="/">首页</a> &gt; 政府信息公开</div>
    <table class="meta">
      <tr><td>名称：</td><td>2025年政府信息公开工作年度报告</td><td>索引号：</td><td>114101/2026-00012</td></tr>
      <tr><td>发布机构：</td><td>示例镇人民政府</td><td>公开日期：</td><td>2026-01-20</td></tr>
    </table>
    <div class="content"><p>三、收到和处理政府信息公开申请情况</p>
    <table border="1">
      <tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="8"')}</tr>
      <tr>${td('自然人', ' colspan="2" rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>
      <tr>${td('商业<br>企业')}${td('科研</font><font>机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>
      <tr>${td('一、本年新收政府信息公开申请数量', ' colspan="3"')}${td('&nbsp;')}${['2</font><font>0', '3', '0', '0', '0', '1', '24'].map((t) => td(t)).join('')}</tr>
      <tr>${td('二、上年结转政府信息公开申请数量', ' colspan="3"')}${td('&nbsp;')}${['1', '0', '0', '0', '0', '&nbsp;', '1'].map((t) => td(t)).join('')}</tr>
    </table></div><script>var x = 1;</script><div class="footer">主办单位 12345</div></body></html>`

  it('skips the metadata table, joins split runs, drops the debris column, keeps blanks blank', () => {
    const read = readHtmlText(html, 'html', 'utf-8')
    const result = recognizeTables(read.blocks, '2021')
    const got = new Map(result.values.map((v) => [v.cell, v.value]))
    const row = (r: string) => ['natural', 'business', 'research', 'welfare', 'lawService', 'otherOrg', 'total'].map((c) => got.get(`t3.${r}.${c}` as never))
    expect(row('new')).toEqual([20, 3, 0, 0, 0, 1, 24])
    expect(row('carried')).toEqual([1, 0, 0, 0, 0, undefined, 1])
    expect(result.warnings).toEqual(['表三「二、上年结转政府信息公开申请数量」「其他」空白，可能为 0，已留空'])
    const metadata = read.blocks.findIndex((b) => b.kind === 'table' && b.rows[0]![0]!.text.startsWith('名称'))
    expect(metadata).toBeGreaterThanOrEqual(0)
    expect(result.consumed.has(metadata)).toBe(false)
  })
})
